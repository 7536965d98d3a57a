package dev.orden.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orden.shared.problem.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** acme's assignment.json broken one way at a time: the error is at its pointer, in assignment.json. */
class AssignmentBundleRulesTest {

    private static final JsonObject ACME = Configs.demo("acme");

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("a default that is not enabled", replace("/assignment/defaultStrategy", "\"skills-v2\""),
                        Map.of("/defaultStrategy", "'skills-v2' is not one of the enabled strategies")),
                Arguments.of("a strategy enabled twice", replace("/assignment/strategies/1/key", "\"least-loaded\""),
                        Map.of("/strategies/1/key", "duplicate strategy 'least-loaded'")),
                Arguments.of("a strategy id that is no id", replace("/assignment/strategies/1/key", "\"Round Robin\""),
                        Map.of("/strategies/1/key", "schema")),
                Arguments.of("an agent in no team", replace("/assignment/agents/0/email", "\"ghost@acme.test\""),
                        Map.of("/agents/0/email", "'ghost@acme.test' is not a member of any team")),
                Arguments.of("an agent twice, whatever the case", replace("/assignment/agents/1/email",
                        "\"AGENT@acme.test\""), Map.of("/agents/1/email", "duplicate agent 'AGENT@acme.test'")),
                Arguments.of("an agent's unknown area", replace("/assignment/agents/1/areas/0", "\"sevilla\""),
                        Map.of("/agents/1/areas/0", "unknown area 'sevilla'")),
                Arguments.of("a home off the map", replace("/assignment/agents/0/home/lat", "95"),
                        Map.of("/agents/0/home/lat", "schema")),
                Arguments.of("a negative capacity", replace("/assignment/agents/0/capacity", "-1"),
                        Map.of("/agents/0/capacity", "schema")),
                Arguments.of("a rule's unknown area", replace("/assignment/rules/0/when/areas/0", "\"lisboa\""),
                        Map.of("/rules/0/when/areas/0", "unknown area 'lisboa'")),
                Arguments.of("a rule's unknown type", replace("/assignment/rules/2/when/types/0", "\"boiler\""),
                        Map.of("/rules/2/when/types/0", "unknown type 'boiler'")),
                Arguments.of("a rule's unknown field", add("/assignment/rules/2/when/fieldValues/colour", "\"red\""),
                        Map.of("/rules/2/when/fieldValues/colour", "unknown field 'colour'")),
                Arguments.of("a rule's unknown team", replace("/assignment/rules/0/then/team", "\"sevilla_repair\""),
                        Map.of("/rules/0/then/team", "unknown team 'sevilla_repair'")),
                Arguments.of("a rule's strategy not enabled", replace("/assignment/rules/0/then/strategy", "\"nearest\""),
                        Map.of("/rules/0/then/strategy", "'nearest' is not one of the enabled strategies")),
                Arguments.of("a rule's person outside its team", add("/assignment/rules/3/then/assignee",
                        "\"agent@acme.test\""), Map.of("/rules/3/then/assignee",
                        "'agent@acme.test' is not a member of team 'customer_care'")),
                Arguments.of("a rule with a person and a strategy", add("/assignment/rules/0/then/assignee",
                        "\"agent@acme.test\""), Map.of("/rules/0/then", "schema")),
                Arguments.of("a rule with nothing to do", replace("/assignment/rules/3/then", "{}"),
                        Map.of("/rules/3/then", "schema")),
                Arguments.of("an unknown priority", add("/assignment/rules/0/when/priorities", "[\"CRITICAL\"]"),
                        Map.of("/rules/0/when/priorities/0", "schema")),
                Arguments.of("a rule twice", replace("/assignment/rules/1/key", "\"madrid\""),
                        Map.of("/rules/1/key", "duplicate rule 'madrid'")),
                Arguments.of("a team the rules name, gone", remove("/teams/3"),
                        Map.of("/rules/3/then/team", "unknown team 'customer_care'", "/types/2/defaultTeam", "other")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void isReportedInAssignmentJsonAtItsPointer(String what, JsonObject bundle, Map<String, String> expected) {
        var errors = new TreeMap<String, String>();
        for (FieldError error : BundleValidation.of(bundle).errors()) {
            var where = "assignment.json".equals(error.file()) ? error.pointer() : error.field();
            errors.putIfAbsent(where, error.message());
        }
        assertEquals(expected.keySet(), errors.keySet(), errors.toString());
        expected.forEach((pointer, message) -> {
            if (!Set.of("schema", "other").contains(message)) assertEquals(message, errors.get(pointer), pointer);
        });
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"acme", "globex", "_default"})
    void theShippedAssignmentFilesAreValid(String folder) {
        assertEquals(List.of(), BundleValidation.of(Configs.demo(folder)).errors());
    }

    private static JsonObject replace(String pointer, String json) {
        return Json.createPatchBuilder().replace(pointer, parse(json)).build().apply(ACME);
    }

    private static JsonObject add(String pointer, String json) {
        return Json.createPatchBuilder().add(pointer, parse(json)).build().apply(ACME);
    }

    private static JsonObject remove(String pointer) {
        return Json.createPatchBuilder().remove(pointer).build().apply(ACME);
    }

    private static JsonValue parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
