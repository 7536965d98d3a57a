package dev.orden.assignment;

import dev.orden.plugin.assignment.Settings;
import jakarta.json.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A tenant's assignment configuration as one active version has it: the strategies it enabled (in order, with their
 * settings) and its default, its agents' profiles, its declarative rules, and the teams and area tree they refer to.
 * Read from the bundle, which the configuration's validation has already checked.
 */
record AssignmentConfig(int version, Map<String, Settings> strategies, String defaultStrategy,
                        Map<String, AgentProfile> agents, List<AssignmentRule> rules, Map<String, Team> teams,
                        AreaTree areas) {

    static AssignmentConfig of(int version, JsonObject bundle) {
        var assignment = JsonData.object(bundle, "assignment");
        var strategies = new LinkedHashMap<String, Settings>();
        for (var strategy : JsonData.objects(assignment, "strategies")) {
            var key = JsonData.string(strategy, "key");
            if (key != null) strategies.putIfAbsent(key, new Settings(JsonData.toJava(JsonData.object(strategy, "settings"))));
        }
        return new AssignmentConfig(version, Collections.unmodifiableMap(strategies), defaultOf(assignment, strategies),
                AgentProfile.of(assignment), AssignmentRule.of(assignment), Team.of(bundle), AreaTree.of(bundle));
    }

    private static String defaultOf(JsonObject assignment, Map<String, Settings> strategies) {
        var named = JsonData.string(assignment, "defaultStrategy");
        return named != null ? named : strategies.keySet().stream().findFirst().orElse(null);
    }

    Optional<Settings> settingsOf(String strategy) {
        return Optional.ofNullable(strategies.get(strategy));
    }

    AgentProfile profile(String email) {
        return email == null ? AgentProfile.NONE : agents.getOrDefault(email.toLowerCase(Locale.ROOT),
                AgentProfile.NONE);
    }
}
