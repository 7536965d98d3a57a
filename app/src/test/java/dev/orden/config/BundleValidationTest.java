package dev.orden.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.shared.problem.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BundleValidationTest {

    static final String VALID = """
            {"schemaVersion":1,
             "fields":[
               {"key":"warranty","label":{"es":"Garantía","en":"Warranty"},"type":"boolean"},
               {"key":"warrantyNumber","label":{"es":"Nº de garantía","en":"Warranty number"},"type":"text",
                "pattern":"^W[0-9]{6}$","requiredWhen":{"field":"warranty","equals":true}},
               {"key":"kind","label":{"es":"Clase","en":"Kind"},"type":"select",
                "options":[{"value":"a","label":{"es":"A","en":"A"}}]}],
             "types":[{"key":"repair","name":{"es":"Reparación","en":"Repair"},"color":"#aabbcc","numberPrefix":"REP",
                       "form":"repairRequester","workflow":"flow","defaultTeam":"north",
                       "fields":["warranty","warrantyNumber"]}],
             "forms":[{"key":"repairRequester","type":"repair","audience":"requester",
                       "sections":[{"title":{"es":"Datos","en":"Details"},"fields":[{"key":"warrantyNumber"}]}]}],
             "workflows":[{"key":"flow","initial":"open","states":[
                             {"key":"open","name":{"es":"Abierta","en":"Open"},"category":"new"},
                             {"key":"done","name":{"es":"Hecha","en":"Done"},"category":"closed"}],
                           "transitions":[{"from":"open","to":"done","roles":["agent"],"requiredFields":["warranty","assignee"]}]}],
             "areas":[{"key":"es","name":{"es":"España","en":"Spain"},
                       "children":[{"key":"mad","name":{"es":"Madrid","en":"Madrid"}}]}],
             "teams":[{"key":"north","name":{"es":"Norte","en":"North"},"areas":["mad"],"skills":["fridges"]}]}
            """;

    @Test
    void theShippedDefaultBundleIsValid() {
        assertEquals(List.of(), BundleValidation.of(ConfigBundles.defaultBundle()).errors());
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"acme", "globex"})
    void theDemoTenantsBundlesAreValid(String slug) {
        assertEquals(List.of(), BundleValidation.of(Configs.demo(slug)).errors());
    }

    @Test
    void aBundleUsingEveryPartIsValid() {
        assertEquals(List.of(), BundleValidation.of(parse(VALID)).errors());
    }

    static Stream<Arguments> badBundles() {
        return Stream.of(
                Arguments.of("missing part (and the team it held)", remove("/teams"), Set.of("/teams", "/types/0/defaultTeam")),
                Arguments.of("unknown member", add("/surprise", "1"), Set.of("")),
                Arguments.of("wrong schemaVersion", replace("/schemaVersion", "2"), Set.of("/schemaVersion")),
                Arguments.of("bad field key", replace("/fields/2/key", "\"9lives\""), Set.of("/fields/2/key")),
                Arguments.of("unknown field type", replace("/fields/0/type", "\"colour\""), Set.of("/fields/0/type")),
                Arguments.of("label without en", remove("/fields/0/label/en"), Set.of("/fields/0/label/en")),
                Arguments.of("select without options", remove("/fields/2/options"), Set.of("/fields/2/options")),
                Arguments.of("duplicate field key", replace("/fields/1/key", "\"warranty\""),
                        Set.of("/fields/1/key", "/fields/1/requiredWhen/field", "/types/0/fields/1")),
                Arguments.of("condition on unknown field", replace("/fields/1/requiredWhen/field", "\"nope\""),
                        Set.of("/fields/1/requiredWhen/field")),
                Arguments.of("bad regex", replace("/fields/1/pattern", "\"([\""), Set.of("/fields/1/pattern")),
                Arguments.of("bad colour", replace("/types/0/color", "\"red\""), Set.of("/types/0/color")),
                Arguments.of("bad prefix", replace("/types/0/numberPrefix", "\"rep\""), Set.of("/types/0/numberPrefix")),
                Arguments.of("unknown workflow", replace("/types/0/workflow", "\"other\""), Set.of("/types/0/workflow")),
                Arguments.of("unknown type field", replace("/types/0/fields/1", "\"ghost\""),
                        Set.of("/types/0/fields/1", "/forms/0/sections/0/fields/0/key")),
                Arguments.of("unknown team", replace("/types/0/defaultTeam", "\"south\""), Set.of("/types/0/defaultTeam")),
                Arguments.of("form of unknown type", replace("/forms/0/type", "\"other\""),
                        Set.of("/forms/0/type", "/types/0/form")),
                Arguments.of("bad audience", replace("/forms/0/audience", "\"public\""), Set.of("/forms/0/audience")),
                Arguments.of("unknown initial state", replace("/workflows/0/initial", "\"draft\""),
                        Set.of("/workflows/0/initial")),
                Arguments.of("transition to unknown state", replace("/workflows/0/transitions/0/to", "\"gone\""),
                        Set.of("/workflows/0/transitions/0/to")),
                Arguments.of("unknown role", replace("/workflows/0/transitions/0/roles/0", "\"boss\""),
                        Set.of("/workflows/0/transitions/0/roles/0")),
                Arguments.of("bad category", replace("/workflows/0/states/1/category", "\"done\""),
                        Set.of("/workflows/0/states/1/category")),
                Arguments.of("initial state that is not new", replace("/workflows/0/states/0/category", "\"open\""),
                        Set.of("/workflows/0/initial")),
                Arguments.of("transition without roles or trigger", remove("/workflows/0/transitions/0/roles"),
                        Set.of("/workflows/0/transitions/0")),
                Arguments.of("transition with roles and a trigger", add("/workflows/0/transitions/0/trigger", "\"assigned\""),
                        Set.of("/workflows/0/transitions/0/roles")),
                Arguments.of("unknown trigger", both(remove("/workflows/0/transitions/0/roles"),
                        add("/workflows/0/transitions/0/trigger", "\"created\"")), Set.of("/workflows/0/transitions/0/trigger")),
                Arguments.of("required field that is neither custom nor built-in",
                        replace("/workflows/0/transitions/0/requiredFields/0", "\"ghost\""),
                        Set.of("/workflows/0/transitions/0/requiredFields/0")),
                Arguments.of("custom field named like a built-in attribute", replace("/fields/2/key", "\"assignee\""),
                        Set.of("/fields/2/key")),
                Arguments.of("duplicate area in the tree", replace("/areas/0/children/0/key", "\"es\""),
                        Set.of("/areas/0/children/0/key", "/teams/0/areas/0")),
                Arguments.of("team in unknown area", replace("/teams/0/areas/0", "\"bcn\""), Set.of("/teams/0/areas/0")),
                Arguments.of("regex RE2J refuses (lookahead)", replace("/fields/1/pattern", "\"(?=W)W[0-9]+\""),
                        Set.of("/fields/1/pattern")),
                Arguments.of("default that is not an option", add("/fields/2/default", "\"b\""),
                        Set.of("/fields/2/default")),
                Arguments.of("default that breaks the pattern", add("/fields/1/default", "\"X1\""),
                        Set.of("/fields/1/default")),
                Arguments.of("minLength above maxLength", both(add("/fields/1/maxLength", "3"), add("/fields/1/minLength", "9")),
                        Set.of("/fields/1/minLength")),
                Arguments.of("property of another field type", add("/fields/0/options",
                        "[{\"value\":\"a\",\"label\":{\"es\":\"A\",\"en\":\"A\"}}]"), Set.of("/fields/0/options")),
                Arguments.of("duplicate option", add("/fields/2/options/-",
                        "{\"value\":\"a\",\"label\":{\"es\":\"B\",\"en\":\"B\"}}"), Set.of("/fields/2/options/1/value")),
                Arguments.of("condition that can never match", add("/fields/2/visibleWhen",
                        "{\"field\":\"warranty\",\"equals\":\"yes\"}"), Set.of("/fields/2/visibleWhen/equals")),
                Arguments.of("internal field on a requester form", both(add("/fields/0/internal", "true"),
                        add("/forms/0/sections/0/fields/-", "{\"key\":\"warranty\"}")),
                        Set.of("/forms/0/sections/0/fields/1/key")),
                Arguments.of("visibility cycle", both(add("/fields/0/visibleWhen", "{\"field\":\"warrantyNumber\",\"notEmpty\":true}"),
                                add("/fields/1/visibleWhen", "{\"field\":\"warranty\",\"equals\":true}")),
                        Set.of("/fields/1/visibleWhen")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBundles")
    void aBadBundleIsReportedAtExactPointers(String why, java.util.function.UnaryOperator<JsonObject> change,
                                             Set<String> pointers) {
        var errors = BundleValidation.of(change.apply(parse(VALID))).errors();
        assertEquals(new TreeSet<>(pointers), fields(errors), () -> why + ": " + errors);
    }

    @Test
    void rulesAreCheckedAgainstTheSchemaAndTheTypes() {
        var rules = Json.createArrayBuilder()
                .add(parse("""
                        {"key":"route","name":"Route","events":["workorder.creating"],"types":["repair"],
                         "order":10,"mode":"shadow","onError":"reject","limits":{"statements":5000,"timeoutMillis":200},
                         "source":"function rule(input) { return []; }",
                         "tests":[{"name":"none","input":{"order":{}},"expect":[]}]}"""))
                .add(parse("""
                        {"key":"nightly","name":"Nightly","events":["schedule"],"schedule":"0 2 * * *",
                         "source":"function rule(input) { return []; }"}"""))
                .build();
        var good = Json.createObjectBuilder(parse(VALID)).add("rules", rules).build();
        assertEquals(List.of(), BundleValidation.of(good).errors());

        var bad = Json.createPatchBuilder()
                .replace("/rules/0/types/0", "ghost")
                .replace("/rules/0/events/0", "workorder.exploded")
                .remove("/rules/1/schedule")
                .add("/rules/-", parse("{\"key\":\"route\",\"name\":\"Again\",\"events\":[\"comment.added\"],"
                        + "\"schedule\":\"* * * * *\",\"source\":\"x\"}"))
                .build().apply(good);
        assertEquals(Set.of("/rules/0/types/0", "/rules/0/events/0", "/rules/1/schedule", "/rules/2/key",
                "/rules/2/schedule"), fields(BundleValidation.of(bad).errors()));
    }

    @Test
    void aScheduledRuleNeedsACronThatParsesAndOnlyItSelectsOrdersOfKnownTypes() {
        var rules = Json.createArrayBuilder()
                .add(parse("""
                        {"key":"stale","name":"Stale","events":["schedule"],"schedule":"30 7 * * 1-5",
                         "select":{"category":["new","pending"],"types":["repair"],"olderThanHours":48,"limit":100},
                         "source":"function rule(input) { return []; }"}"""))
                .build();
        var good = Json.createObjectBuilder(parse(VALID)).add("rules", rules).build();
        assertEquals(List.of(), BundleValidation.of(good).errors());

        var bad = Json.createPatchBuilder()
                .replace("/rules/0/schedule", "every morning")
                .replace("/rules/0/select/types/0", "ghost")
                .add("/rules/-", parse("""
                        {"key":"live","name":"Live","events":["workorder.created"],"select":{"limit":5},
                         "source":"x"}"""))
                .add("/rules/-", parse("""
                        {"key":"late","name":"Late","events":["schedule"],"schedule":"0 25 * * *",
                         "select":{"limit":501,"category":["someday"]},"source":"x"}"""))
                .build().apply(good);
        var errors = BundleValidation.of(bad).errors();
        assertEquals(Set.of("/rules/0/schedule", "/rules/0/select/types/0", "/rules/1/select", "/rules/2/schedule",
                "/rules/2/select/limit", "/rules/2/select/category/0"), fields(errors), errors::toString);
        var cron = errors.stream().filter(e -> e.field().equals("/rules/2/schedule")).findFirst().orElseThrow();
        assertEquals("rules/late.json", cron.file());
        assertEquals("/schedule", cron.pointer());
        assertTrue(cron.message().startsWith("is not a cron expression"), cron.message());
    }

    @Test
    void everyErrorIsReportedAtOnce() {
        var bundle = Json.createPatchBuilder()
                .replace("/types/0/workflow", "other")
                .replace("/teams/0/areas/0", "bcn")
                .replace("/workflows/0/states/1/category", "done")
                .build().apply(parse(VALID));
        assertEquals(Set.of("/types/0/workflow", "/teams/0/areas/0", "/workflows/0/states/1/category"),
                fields(BundleValidation.of(bundle).errors()));
    }

    @Test
    void everyErrorNamesItsFileAndThePointerInsideIt() {
        var bundle = Json.createPatchBuilder()
                .replace("/workflows/0/transitions/0/to", "gone")
                .replace("/fields/2/key", "9lives")
                .add("/surprise", 1)
                .build().apply(parse(VALID));
        var errors = BundleValidation.of(bundle).errors();
        var badState = error(errors, "/workflows/0/transitions/0/to");
        assertEquals("workflows/flow.json", badState.file());
        assertEquals("/transitions/0/to", badState.pointer());
        var badKey = error(errors, "/fields/2/key");
        assertEquals("fields.json", badKey.file());
        assertEquals("/2/key", badKey.pointer());
        assertEquals(null, error(errors, "").file(), "a member of the bundle itself lives in no file");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"acme", "globex"})
    void theDemoTenantFilesMatchTheirSchema(String slug) throws java.io.IOException {
        var text = java.nio.file.Files.readString(Configs.folder(slug).resolve(BundleFiles.TENANT));
        assertEquals(List.of(), ConfigSchemas.tenantViolations(text));
        assertEquals(slug, parse(text).getString("slug"));
    }

    @Test
    void aTenantFileWithAnUnknownRoleOrNoUsersIsReported() {
        assertEquals(Set.of("/users/0/roles/0", "/slug"), fields(ConfigSchemas.tenantViolations("""
                {"slug": "Not A Slug", "name": "X", "users": [{"email": "a@x.test", "name": "A", "roles": ["boss"]}]}
                """)));
        assertEquals(Set.of("/users"), fields(ConfigSchemas.tenantViolations("{\"slug\": \"initech\", \"name\": \"I\"}")));
    }

    @Test
    void theSchemasAreOnTheClasspathByNameWithOrWithoutSuffix() {
        assertTrue(ConfigSchemas.text("bundle").orElseThrow().contains("fields.schema.json"));
        assertTrue(ConfigSchemas.text("teams.schema.json").isPresent());
        assertTrue(ConfigSchemas.text("tenant").orElseThrow().contains("\"users\""));
        assertTrue(ConfigSchemas.text("../etc/passwd").isEmpty());
    }

    private static FieldError error(List<FieldError> errors, String field) {
        return errors.stream().filter(e -> e.field().equals(field)).findFirst()
                .orElseThrow(() -> new AssertionError("no error at '" + field + "': " + errors));
    }

    private static Set<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).collect(Collectors.toCollection(TreeSet::new));
    }

    private static java.util.function.UnaryOperator<JsonObject> replace(String pointer, String json) {
        return b -> Json.createPatchBuilder().replace(pointer, parseValue(json)).build().apply(b);
    }

    private static java.util.function.UnaryOperator<JsonObject> add(String pointer, String json) {
        return b -> Json.createPatchBuilder().add(pointer, parseValue(json)).build().apply(b);
    }

    private static java.util.function.UnaryOperator<JsonObject> both(
            java.util.function.UnaryOperator<JsonObject> first, java.util.function.UnaryOperator<JsonObject> second) {
        return b -> second.apply(first.apply(b));
    }

    private static java.util.function.UnaryOperator<JsonObject> remove(String pointer) {
        return b -> Json.createPatchBuilder().remove(pointer).build().apply(b);
    }

    static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    static jakarta.json.JsonValue parseValue(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
