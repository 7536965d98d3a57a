package dev.orden.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.config.BundleFiles;
import dev.orden.shared.problem.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A draft's rules tried in the sandbox: sources that do not compile or define no rule, and the test-case runner. */
class RuleChecksTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final RuleChecks CHECKS = new RuleChecks(Rules.ENGINE, Duration.ofSeconds(10));
    private static final String ECHO = """
            function rule(input) {
              return [{type: 'echo', event: input.event, actor: input.actor.id, now: input.now,
                       teams: input.teams.map(t => t.key), change: input.change, title: input.order.title ?? null}];
            }""";

    private static JsonArray json(String text) {
        return Json.createReader(new StringReader(text.replace('\'', '"'))).readArray();
    }

    /** A bundle of one rule on two events; {@code tests} in single-quoted JSON. */
    private static JsonObject bundle(String source, String tests) {
        return bundle(source, tests, 300);
    }

    private static JsonObject bundle(String source, String tests, int timeoutMillis) {
        return Json.createObjectBuilder()
                .add("teams", json("[{'key': 'plumbing'}, {'key': 'hvac'}]"))
                .add("rules", Json.createArrayBuilder().add(Json.createObjectBuilder().add("key", "probe")
                        .add("name", "Probe").add("events", json("['workorder.created', 'workorder.updated']"))
                        .add("limits", Json.createObjectBuilder().add("timeoutMillis", timeoutMillis))
                        .add("source", source).add("tests", json(tests))))
                .build();
    }

    private static List<FieldError> check(String source, String tests) {
        return CHECKS.check(UUID.randomUUID(), bundle(source, tests), NOW);
    }

    private static FieldError only(List<FieldError> errors) {
        assertEquals(1, errors.size(), errors::toString);
        return errors.getFirst();
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme", "globex"})
    void theDemoTenantsRulesPassTheirTests(String slug) {
        var bundle = BundleFiles.readFolder(Path.of("..", "tenant-config", slug));
        assertTrue(bundle.getJsonArray("rules").getValuesAs(JsonObject.class).stream()
                .anyMatch(rule -> rule.containsKey("tests")));
        assertEquals(List.of(), CHECKS.check(UUID.randomUUID(), bundle, NOW));
    }

    @Test
    void aCaseGetsTheLiveInputShapeWithWhatItLeavesOutFilledIn() {
        assertEquals(List.of(), check(ECHO, """
                [{'name': 'defaults', 'input': {'order': {'title': 'Fuga'}},
                  'expect': [{'type': 'echo', 'event': 'workorder.created', 'actor': 'rule-test',
                              'now': '2026-11-27T10:00:00Z', 'teams': ['plumbing', 'hvac'], 'change': {},
                              'title': 'Fuga'}]},
                 {'name': 'what it says wins', 'event': 'workorder.updated',
                  'input': {'event': 'workorder.created', 'actor': {'id': 'ana'}, 'now': '2020-01-01T00:00:00Z',
                            'teams': [], 'change': {'title': 'x'}},
                  'expect': [{'type': 'echo', 'event': 'workorder.updated', 'actor': 'ana',
                              'now': '2020-01-01T00:00:00Z', 'teams': [], 'change': {'title': 'x'}, 'title': null}]},
                 {'name': 'the input names the event', 'input': {'event': 'workorder.updated'},
                  'expect': [{'type': 'echo', 'event': 'workorder.updated', 'actor': 'rule-test',
                              'now': '2026-11-27T10:00:00Z', 'teams': ['plumbing', 'hvac'], 'change': {},
                              'title': null}]}]"""));
    }

    @Test
    void aFailingCaseIsReportedAtItsPointerWithWhatWasExpectedAndWhatCame() {
        var error = only(check("function rule(input) { return [{type: 'priority', priority: 'HIGH'}]; }", """
                [{'name': 'passes', 'input': {}, 'expect': [{'type': 'priority', 'priority': 'HIGH'}]},
                 {'name': 'wants urgent', 'input': {}, 'expect': [{'type': 'priority', 'priority': 'URGENT'}]}]"""));
        assertEquals("/rules/0/tests/1", error.field());
        assertEquals("test 'wants urgent': expected [{\"type\":\"priority\",\"priority\":\"URGENT\"}], got "
                + "[{\"type\":\"priority\",\"priority\":\"HIGH\"}]", error.message());
    }

    @Test
    void effectsMustComeInTheExpectedOrder() {
        var error = only(check("function rule() { return [{type: 'a'}, {type: 'b'}]; }",
                "[{'name': 'order', 'input': {}, 'expect': [{'type': 'b'}, {'type': 'a'}]}]"));
        assertEquals("/rules/0/tests/0", error.field());
    }

    @Test
    void anExpectedErrorPassesByItsKindAndAnUnexpectedOneSaysWhereItHappened() {
        var errors = check("""
                function rule(input) {
                  if (input.order.loop) while (true) {}
                  return input.order.nothing.deeper;
                }""", """
                [{'name': 'throws', 'input': {}, 'expectError': 'exception'},
                 {'name': 'runs away', 'input': {'order': {'loop': true}}, 'expectError': 'TIMEOUT'},
                 {'name': 'wants effects', 'input': {}, 'expect': []},
                 {'name': 'wants no error', 'input': {}}]""");
        assertEquals(List.of("/rules/0/tests/2", "/rules/0/tests/3"), errors.stream().map(FieldError::field).toList());
        assertTrue(errors.get(0).message().startsWith("test 'wants effects': expected [], got the error EXCEPTION "
                + "(line 3, column "), errors.get(0).message());
        assertTrue(errors.get(1).message().startsWith("test 'wants no error': expected no error, got the error "
                + "EXCEPTION"), errors.get(1).message());
    }

    @Test
    void anExpectedErrorThatDoesNotComeFails() {
        var error = only(check("function rule() { return []; }",
                "[{'name': 'should throw', 'input': {}, 'expectError': 'EXCEPTION'}]"));
        assertEquals("test 'should throw': expected the error EXCEPTION, got []", error.message());
    }

    @Test
    void aCaseThatAsksForBothOrForAnUnknownKindIsWrongItself() {
        var errors = check("function rule() { return []; }", """
                [{'name': 'both', 'input': {}, 'expect': [], 'expectError': 'TIMEOUT'},
                 {'name': 'unknown', 'input': {}, 'expectError': 'OOPS'}]""");
        assertEquals("test 'both': give expect or expectError, not both", errors.get(0).message());
        assertTrue(errors.get(1).message().startsWith("test 'unknown': expectError must be one of [SYNTAX, "),
                errors.get(1).message());
    }

    @Test
    void aSyntaxErrorIsReportedOnTheSourceWithLineAndColumnAndNoCaseRuns() {
        var error = only(check("function rule(input) {\n  return [;\n}",
                "[{'name': 'never runs', 'input': {}, 'expect': [{'type': 'x'}]}]"));
        assertEquals("/rules/0/source", error.field());
        assertTrue(error.message().startsWith("line 2, column "), error.message());
    }

    @Test
    void aSourceWithoutARuleFunctionOrThatThrowsAtItsTopIsReportedOnTheSource() {
        var missing = only(check("const x = 1;", "[]"));
        assertEquals("/rules/0/source", missing.field());
        assertTrue(missing.message().contains("rule"), missing.message());
        var throwing = only(check("const x = null;\nx.y;\nfunction rule() { return []; }", "[]"));
        assertTrue(throwing.message().startsWith("line 2, column "), throwing.message());
    }

    @Test
    void whatComesAfterTheDraftsTimeBudgetFailsAsNotRun() {
        var checks = new RuleChecks(Rules.ENGINE, Duration.ofSeconds(1));
        var runaway = bundle("function rule() { while (true) {} }", """
                [{'name': 'slow', 'input': {}, 'expectError': 'TIMEOUT'},
                 {'name': 'later', 'input': {}, 'expectError': 'TIMEOUT'}]""", 2_000);
        var twice = Json.createObjectBuilder(runaway).add("rules", Json.createArrayBuilder(runaway.getJsonArray("rules"))
                .add(runaway.getJsonArray("rules").getJsonObject(0))).build();
        var errors = checks.check(UUID.randomUUID(), twice, NOW);
        assertEquals(List.of("/rules/0/tests/1", "/rules/1/source"), errors.stream().map(FieldError::field).toList());
        assertTrue(errors.get(0).message().startsWith("test 'later': not run: a draft's rules may take 1000 ms"),
                errors.get(0).message());
        assertTrue(errors.get(1).message().startsWith("not run: "), errors.get(1).message());
    }

    @Test
    void aRuleTheSchemaRefusesIsLeftToTheSchema() {
        var bundle = Json.createObjectBuilder().add("rules", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("key", "a").add("mode", "sometimes").add("source", "nonsense ("))
                .add(Json.createObjectBuilder().add("key", "b").add("source", ""))
                .add("not a rule")).build();
        assertEquals(List.of(), CHECKS.check(UUID.randomUUID(), bundle, NOW));
    }
}
