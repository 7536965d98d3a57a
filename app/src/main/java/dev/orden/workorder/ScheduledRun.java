package dev.orden.workorder;

import dev.orden.identity.CurrentUser;
import dev.orden.rules.RuleDefinition;
import dev.orden.rules.RuleSet;
import dev.orden.shared.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * One run of a scheduled rule: the rule of the active version, that version's bundle (teams and areas for the
 * input), the time it runs for, and who runs it (the scheduler, or the admin who asked for a run now).
 */
record ScheduledRun(RuleSet.Entry entry, int configVersion, JsonObject bundle, Instant scheduledFor,
                    CurrentUser actor) {

    static final String EVENT = RuleDefinition.SCHEDULE;

    RuleDefinition definition() {
        return entry.definition();
    }

    /** The rule alone, so that a run evaluates only it (other scheduled rules have their own times). */
    RuleSet ruleSet() {
        return new RuleSet(configVersion, List.of(entry));
    }

    /** What the rule sees as {@code change}: the time it runs for and its schedule. */
    JsonObject change() {
        var change = Json.createObjectBuilder().add("scheduledFor", scheduledFor.toString());
        if (definition().schedule() != null) change.add("schedule", definition().schedule());
        return change.build();
    }
}
