package dev.orden.config.field;

import static dev.orden.config.field.FieldFixtures.definition;
import static dev.orden.config.field.FieldFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The new-order form's field engine (portal/js/components/requester/conditions.js) run in GraalJS against the
 * server's (VisibleValues, FieldCheck through FieldValuesValidator) on the same table: for every case both sides
 * must show the same fields, require the same ones and find problems on the same fields, each JavaScript message
 * key meaning the server's message, and both must agree with what the table expects. The client mirrors the
 * server; this is where a drift shows. (URL checks use the browser's URL class, which GraalJS lacks: not here.)
 */
class PortalFieldEngineTest {

    /** What each of the form's message keys says in the server's words. */
    private static final Map<String, String> SERVER_WORDS = Map.ofEntries(
            Map.entry("form.required", "is required"), Map.entry("form.email", "email address"),
            Map.entry("form.phone", "international phone number"), Map.entry("form.minLength", "characters"),
            Map.entry("form.maxLength", "characters"), Map.entry("form.pattern", "does not match the pattern"),
            Map.entry("form.number", "number"), Map.entry("form.min", "must be at least"),
            Map.entry("form.max", "must be at most"), Map.entry("form.decimals", "decimals|whole number"),
            Map.entry("form.date", "yyyy-MM-dd"), Map.entry("form.datetime", "date and time"),
            Map.entry("form.option", "not one of the options"), Map.entry("form.minItems", "at least"),
            Map.entry("form.maxItems", "at most"), Map.entry("form.user", "user id"),
            Map.entry("form.address", "address"), Map.entry("form.latLon", "both lat and lon"),
            Map.entry("form.lat.range", "lat must be between"), Map.entry("form.lon.range", "lon must be between"));

    /** A form whose fields show and require one another. */
    private static final String[] ROUTED = {
        "{'key':'kind','type':'select','options':[{'value':'leak','label':{'es':'Fuga','en':'Leak'}},"
                + "{'value':'noise','label':{'es':'Ruido','en':'Noise'}}]}",
        "{'key':'floor','type':'number','min':0,'max':50,'decimals':0,'visibleWhen':{'field':'kind','equals':'leak'}}",
        "{'key':'water','type':'boolean','visibleWhen':{'field':'floor','notEmpty':true}}",
        "{'key':'note','type':'text','maxLength':5,'requiredWhen':{'any':[{'field':'water','equals':true},"
                + "{'field':'kind','in':['noise']}]}}",
        "{'key':'tags','type':'multiselect','maxItems':1,'visibleWhen':{'not':{'field':'kind','empty':true}},"
                + "'options':[{'value':'a','label':{'es':'A','en':'A'}},{'value':'b','label':{'es':'B','en':'B'}}]}",
        "{'key':'big','type':'boolean','visibleWhen':{'all':[{'field':'floor','in':[10,20]},"
                + "{'field':'kind','notEquals':'noise'}]}}"};

    /** A form of every type with checks of its own. */
    private static final String[] TYPED = {
        "{'key':'mail','type':'email'}", "{'key':'tel','type':'phone'}",
        "{'key':'code','type':'text','pattern':'[A-Z]{2}-\\\\d{3}','minLength':6}",
        "{'key':'day','type':'date'}", "{'key':'at','type':'datetime'}",
        "{'key':'place','type':'location'}", "{'key':'cost','type':'money','currency':'EUR','min':0}",
        "{'key':'who','type':'user'}", "{'key':'photos','type':'attachment','required':true,'maxItems':2}",
        "{'key':'long','type':'longtext','maxLength':3}"};

    private static PortalModules js;
    private static Value engine;

    @BeforeAll
    static void loadTheModule() {
        js = new PortalModules();
        engine = js.load("components/requester/conditions.js");
    }

    @AfterAll
    static void close() {
        js.close();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // fields, values, the hidden fields, the fields with problems and the form's message keys
                row(ROUTED, "{}", "floor water tags big", ""),
                row(ROUTED, "{'kind':'leak'}", "water big", ""),
                row(ROUTED, "{'kind':'leak','floor':3,'water':true}", "big", "note:form.required"),
                row(ROUTED, "{'kind':'leak','floor':3,'water':false}", "big", ""),
                row(ROUTED, "{'kind':'leak','floor':10}", "", ""),
                row(ROUTED, "{'kind':'leak','floor':10.0,'big':true}", "", ""),
                row(ROUTED, "{'kind':'leak','floor':3.5}", "big", "floor:form.decimals"),
                row(ROUTED, "{'kind':'leak','floor':51}", "big", "floor:form.max"),
                row(ROUTED, "{'kind':'leak','floor':-1}", "big", "floor:form.min"),
                row(ROUTED, "{'kind':'noise'}", "floor water big", "note:form.required"),
                row(ROUTED, "{'kind':'noise','note':'   '}", "floor water big", "note:form.required"),
                row(ROUTED, "{'kind':'noise','note':'toolong'}", "floor water big", "note:form.maxLength"),
                row(ROUTED, "{'kind':'noise','note':'😀😀😀😀😀'}", "floor water big", ""),
                row(ROUTED, "{'kind':'other'}", "floor water big", "kind:form.option"),
                row(ROUTED, "{'kind':'leak','tags':['a','b']}", "water big", "tags:form.maxItems"),
                row(ROUTED, "{'kind':'leak','tags':['c']}", "water big", "tags:form.option"),
                row(TYPED, "{'photos':[{'id':'f','name':'a.png'}]}", "", ""),
                row(TYPED, "{}", "", "photos:form.required"),
                row(TYPED, "{'photos':[{'id':'f','name':'a.png'},{'id':'g','name':'b.png'},{'id':'h','name':'c.png'}]}",
                        "", "photos:form.maxItems"),
                row(TYPED, "{'photos':[]}", "", "photos:form.required"),
                row(TYPED, "{'photos':{'id':'f','name':'a.png'},'mail':'ana@example.com','tel':'+34 600-123-456',"
                        + "'code':'AB-123','day':'2026-11-27','at':'2026-11-27T10:15:00Z',"
                        + "'place':{'address':'Calle Mayor 1','lat':40.4,'lon':-3.7},'cost':10.5,"
                        + "'who':'0b6e1a52-5f0e-4d7a-9d5c-3f1f2b7c8a90','long':'abc'}", "", ""),
                row(TYPED, "{'photos':{'id':'f','name':'a.png'},'mail':'ana@','tel':'600123','code':'ab-123',"
                        + "'day':'27/11/2026','cost':10.555,'who':'ana','long':'abcd'}", "",
                        "mail:form.email tel:form.phone code:form.pattern day:form.date cost:form.decimals "
                                + "who:form.user long:form.maxLength"),
                row(TYPED, "{'photos':{'id':'f','name':'a.png'},'code':'AB-12','cost':-1}", "",
                        "code:form.minLength code:form.pattern cost:form.min"),
                row(TYPED, "{'photos':{'id':'f','name':'a.png'},'place':{'address':' ','lat':91}}", "",
                        "place:form.address place:form.latLon"),
                row(TYPED, "{'photos':{'id':'f','name':'a.png'},'place':{'address':'Polo','lat':91,'lon':-181}}", "",
                        "place:form.lat.range place:form.lon.range"),
                row(TYPED, "{'photos':{'id':'f','name':'a.png'},'cost':'12','at':'tomorrow'}", "",
                        "cost:form.number at:form.datetime"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("cases")
    void theFormsEngineAndTheServersAgree(List<String> definitions, String values, String hidden, String problems) {
        var fields = FieldFixtures.fields(definitions.toArray(String[]::new));
        var data = json(values);
        var java = new VisibleValues(fields, data);
        var client = engine.getMember("visibility").execute(js.json(definitionsJson(definitions)), js.json(
                data.toString()));
        var clientProblems = new TreeMap<String, List<String>>();
        for (var field : fields) {
            var key = field.key();
            boolean visible = client.getMember("visible").execute(key).asBoolean();
            assertEquals(java.isVisible(key), visible, key + " visible");
            boolean required = client.getMember("required").execute(js.json(definitionOf(definitions, key)))
                    .asBoolean();
            assertEquals(java.isRequired(field), required, key + " required");
            if (!visible) continue;
            var found = engine.getMember("problems").execute(js.json(definitionOf(definitions, key)),
                    js.json(data.containsKey(key) ? data.get(key).toString() : "null"), required);
            var keys = new ArrayList<String>();
            for (long i = 0; i < found.getArraySize(); i++) keys.add(found.getArrayElement(i).getMember("key")
                    .asString());
            if (!keys.isEmpty()) clientProblems.put(key, keys);
        }
        var expectedHidden = new TreeSet<>(hidden.isBlank() ? List.of() : Arrays.asList(hidden.split(" ")));
        assertEquals(expectedHidden, new TreeSet<>(fields.stream().map(FieldDefinition::key)
                .filter(key -> !java.isVisible(key)).toList()), "hidden fields");
        assertEquals(expected(problems), clientProblems, "the form's problems");
        var serverErrors = new TreeMap<String, List<String>>();
        FieldValuesValidator.validate(fields, visibleOnly(data, java), FieldFixtures.EVERYONE).forEach(error ->
                serverErrors.computeIfAbsent(error.field().substring("customFields.".length()),
                        k -> new ArrayList<>()).add(error.message()));
        assertEquals(clientProblems.keySet(), serverErrors.keySet(), "fields in error: " + serverErrors);
        clientProblems.forEach((key, messageKeys) -> messageKeys.forEach(messageKey -> assertTrue(
                serverErrors.get(key).stream().anyMatch(m -> m.matches("(?s).*(" + SERVER_WORDS.get(messageKey)
                        + ").*")), key + ": " + messageKey + " is not among the server's " + serverErrors.get(key))));
    }

    private static Arguments row(String[] definitions, String values, String hidden, String problems) {
        return Arguments.of(List.of(definitions), values, hidden, problems);
    }

    /** "key:form.x key:form.y" as {key: [form.x, form.y]}. */
    private static Map<String, List<String>> expected(String problems) {
        var map = new TreeMap<String, List<String>>();
        if (problems.isBlank()) return map;
        for (var entry : problems.split(" ")) {
            var parts = entry.split(":", 2);
            map.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(parts[1]);
        }
        return map;
    }

    /** The client never sends a hidden field's value; the server would refuse it. */
    private static JsonObject visibleOnly(JsonObject values, VisibleValues visible) {
        var kept = Json.createObjectBuilder();
        values.forEach((key, value) -> {
            if (visible.isVisible(key)) kept.add(key, value);
        });
        return kept.build();
    }

    private static String definitionsJson(List<String> definitions) {
        var array = Json.createArrayBuilder();
        definitions.forEach(d -> array.add(definition(d)));
        return array.build().toString();
    }

    private static String definitionOf(List<String> definitions, String key) {
        return definitions.stream().map(FieldFixtures::definition).map(JsonObject.class::cast)
                .filter(d -> d.getString("key").equals(key)).findFirst().orElseThrow().toString();
    }
}
