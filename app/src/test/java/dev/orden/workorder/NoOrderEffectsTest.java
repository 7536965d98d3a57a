package dev.orden.workorder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orden.rules.Evaluation;
import dev.orden.rules.RuleDefinition;
import dev.orden.rules.RuleError;
import dev.orden.rules.RuleRun;
import dev.orden.rules.RuleTrace;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NoOrderEffectsTest {

    private static RuleRun run(RuleDefinition.Mode mode, Evaluation evaluation) {
        var definition = new RuleDefinition("digest", "Digest", Set.of("schedule"), 0, mode, Set.of(),
                RuleDefinition.OnError.SKIP, null, null, "x", JsonValue.EMPTY_JSON_ARRAY, "0 7 * * 1", null);
        return new RuleRun(definition, 3, "schedule", evaluation);
    }

    private static Evaluation effects(String json) {
        return new Evaluation.Effects(Json.createReader(new StringReader(json)).readArray(), List.of(), 0,
                new Evaluation.Usage(10, 100));
    }

    private static List<String> statuses(JsonArray described) {
        return described.getValuesAs(JsonObject.class).stream().map(e -> e.getString("status")).toList();
    }

    /** A webhook: the one kind of effect a feature delivers with no order. Records what it was asked. */
    private static final class Webhooks implements HostEffect {
        final List<String> done = new java.util.ArrayList<>();

        @Override
        public String type() {
            return "webhook";
        }

        @Override
        public java.util.Optional<String> apply(JsonObject effect, WorkOrder order, String rule) {
            done.add(rule + ":" + effect.getString("name") + ":" + (order == null ? "no order" : "order"));
            return effect.getString("name").equals("gone") ? java.util.Optional.of("no webhook named 'gone'")
                    : java.util.Optional.empty();
        }
    }

    @Test
    void onlyEffectsAFeatureDeliversWithoutAnOrderApply() {
        var webhooks = new Webhooks();
        var judged = NoOrderEffects.judge(run(RuleDefinition.Mode.ACTIVE, effects("""
                [{"type":"notify","to":"dispatchers","template":"digest"},{"type":"priority","priority":"HIGH"},
                 {"type":"webhook","name":"daily"},{"type":"remind","at":"2026-12-01T08:00:00Z","to":"assignee"}]""")),
                java.util.Map.of("webhook", webhooks));
        assertEquals(RuleTrace.Outcome.PARTLY_REFUSED, judged.outcome());
        assertEquals(List.of("refused", "refused", "applied", "refused"), statuses(judged.effects()));
        assertEquals(List.of("digest:daily:no order"), webhooks.done);
        for (int i : new int[] {0, 1, 3}) {
            assertEquals(true, judged.effects().getJsonObject(i).getString("reason").contains("select"));
        }
    }

    @Test
    void deliveredEffectsAloneAreAppliedAndARefusalIsTraced() {
        var hosts = java.util.Map.<String, HostEffect>of("webhook", new Webhooks());
        var judged = NoOrderEffects.judge(run(RuleDefinition.Mode.ACTIVE, effects("[{\"type\":\"webhook\",\"name\":\"daily\"}]")),
                hosts);
        assertEquals(RuleTrace.Outcome.APPLIED, judged.outcome());
        var refused = NoOrderEffects.judge(run(RuleDefinition.Mode.ACTIVE, effects("[{\"type\":\"webhook\",\"name\":\"gone\"}]")),
                hosts);
        assertEquals(RuleTrace.Outcome.PARTLY_REFUSED, refused.outcome());
        assertEquals("no webhook named 'gone'", refused.effects().getJsonObject(0).getString("reason"));
    }

    @Test
    void aShadowRuleOnlyWouldApply() {
        var judged = NoOrderEffects.judge(run(RuleDefinition.Mode.SHADOW, effects("[{\"type\":\"priority\"}]")));
        assertEquals(RuleTrace.Outcome.SHADOW, judged.outcome());
        assertEquals(List.of("would_apply"), statuses(judged.effects()));
    }

    @Test
    void noEffectsAndErrorsAreTracedAsSuch() {
        assertEquals(RuleTrace.Outcome.NO_EFFECTS, NoOrderEffects.judge(run(RuleDefinition.Mode.ACTIVE,
                effects("[]"))).outcome());
        var failed = new Evaluation.Failed(new RuleError(RuleError.Kind.EXCEPTION, "boom", 1, 2), List.of(), 0,
                new Evaluation.Usage(5, -1));
        var judged = NoOrderEffects.judge(run(RuleDefinition.Mode.ACTIVE, failed));
        assertEquals(RuleTrace.Outcome.ERROR, judged.outcome());
        assertEquals(0, judged.effects().size());
    }
}
