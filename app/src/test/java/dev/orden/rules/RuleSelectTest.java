package dev.orden.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.orden.config.workflow.StateCategory;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleSelectTest {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void anEmptySelectMeansOrdersStillToBeDoneOfAnyTypeAndAgeUpToTheMaximum() {
        var select = RuleSelect.of(json("{}"));
        assertEquals(Set.of(StateCategory.NEW, StateCategory.OPEN, StateCategory.PENDING), select.categories());
        assertEquals(Set.of(), select.types());
        assertNull(select.olderThanHours());
        assertEquals(RuleSelect.MAX_LIMIT, select.limit());
    }

    @Test
    void everyMemberIsRead() {
        var select = RuleSelect.of(json("""
                {"category":["resolved","closed"],"types":["repair"],"olderThanHours":48,"limit":20}"""));
        assertEquals(Set.of(StateCategory.RESOLVED, StateCategory.CLOSED), select.categories());
        assertEquals(Set.of("repair"), select.types());
        assertEquals(48, select.olderThanHours());
        assertEquals(20, select.limit());
    }

    @Test
    void theLimitStaysWithinOneAndTheMaximum() {
        assertEquals(RuleSelect.MAX_LIMIT, RuleSelect.of(json("{\"limit\":100000}")).limit());
        assertEquals(1, RuleSelect.of(json("{\"limit\":-3}")).limit());
    }

    @Test
    void withoutTypesOfItsOwnItTakesTheRulesTypes() {
        assertEquals(Set.of("a", "b"), RuleSelect.of(json("{}")).typesOr(Set.of("a", "b")));
        assertEquals(Set.of("c"), RuleSelect.of(json("{\"types\":[\"c\"]}")).typesOr(Set.of("a", "b")));
    }

    @Test
    void theRuleDefinitionCarriesItsScheduleAndSelect() {
        var bundle = json("""
                {"rules":[
                  {"key":"nightly","name":"Nightly","events":["schedule"],"schedule":"0 2 * * *",
                   "select":{"limit":7},"source":"x"},
                  {"key":"off","name":"Off","events":["schedule"],"schedule":"0 2 * * *","mode":"disabled",
                   "source":"x"},
                  {"key":"live","name":"Live","events":["workorder.created"],"source":"x"}]}""");
        var rules = RuleDefinition.of(bundle);
        var nightly = rules.stream().filter(r -> r.key().equals("nightly")).findFirst().orElseThrow();
        assertEquals("0 2 * * *", nightly.schedule());
        assertEquals(7, nightly.select().limit());
        assertEquals(true, nightly.isScheduled());
        assertEquals(false, rules.stream().filter(r -> r.key().equals("off")).findFirst().orElseThrow().isScheduled());
        var live = rules.stream().filter(r -> r.key().equals("live")).findFirst().orElseThrow();
        assertEquals(false, live.isScheduled());
        assertNull(live.select());
    }
}
