package dev.orden.workorder;

import dev.orden.rules.RuleRun;
import dev.orden.rules.RuleTrace;
import dev.orden.rules.RuleTraces;
import dev.orden.shared.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;

/**
 * What becomes of the effects of a scheduled rule that selects no orders: only an effect a feature delivers with
 * no order ({@link HostEffect}: a webhook) is done; every other — on an order, or a notification or reminder about
 * one — is refused, saying why.
 */
final class NoOrderEffects {

    private NoOrderEffects() {}

    static RuleTraces.Recorded judge(RuleRun run) {
        return judge(run, Map.of());
    }

    /** {@code hosts}: the effects a feature delivers now, with no order ({@link HostEffect}), by type. */
    static RuleTraces.Recorded judge(RuleRun run, Map<String, HostEffect> hosts) {
        if (run.error().isPresent()) {
            return new RuleTraces.Recorded(run, RuleTrace.Outcome.ERROR, JsonValue.EMPTY_JSON_ARRAY);
        }
        var described = Json.createArrayBuilder();
        boolean refused = false;
        for (var effect : run.effects()) {
            var type = effect instanceof JsonObject object ? object.getString("type", "") : "";
            var json = Json.createObjectBuilder().add("effect", effect);
            if (run.isShadow()) {
                json.add("status", "would_apply");
            } else if (hosts.containsKey(type) && effect instanceof JsonObject object) {
                var refusal = hosts.get(type).apply(object, null, run.definition().key());
                refused |= refusal.isPresent();
                json.add("status", refusal.isPresent() ? "refused" : "applied");
                refusal.ifPresent(reason -> json.add("reason", reason));
            } else {
                refused = true;
                json.add("status", "refused").add("reason", "this scheduled rule selects no orders, so '" + type
                        + "' has no order to act on; give the rule a 'select'");
            }
            described.add(json);
        }
        var outcome = run.effects().isEmpty() ? RuleTrace.Outcome.NO_EFFECTS
                : run.isShadow() ? RuleTrace.Outcome.SHADOW
                : refused ? RuleTrace.Outcome.PARTLY_REFUSED : RuleTrace.Outcome.APPLIED;
        return new RuleTraces.Recorded(run, outcome, described.build());
    }
}
