package dev.orden.assignment;

import dev.orden.plugin.assignment.GeoPoint;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What {@code assignment.json} says about one agent beyond their teams: the most open orders they may hold, their
 * own skills and areas (added to their teams'), and where they start from.
 */
record AgentProfile(String email, Integer capacity, Set<String> skills, Set<String> areas, GeoPoint home) {

    static final AgentProfile NONE = new AgentProfile(null, null, Set.of(), Set.of(), null);

    /** The profiles by lower-case e-mail. */
    static Map<String, AgentProfile> of(JsonObject assignment) {
        var profiles = new LinkedHashMap<String, AgentProfile>();
        for (var agent : JsonData.objects(assignment, "agents")) {
            var email = JsonData.string(agent, "email");
            if (email == null) continue;
            var key = email.strip().toLowerCase(Locale.ROOT);
            profiles.putIfAbsent(key, new AgentProfile(key,
                    agent.get("capacity") instanceof JsonNumber n ? n.intValue() : null,
                    Set.copyOf(JsonData.strings(agent, "skills")), Set.copyOf(JsonData.strings(agent, "areas")),
                    home(JsonData.object(agent, "home"))));
        }
        return profiles;
    }

    private static GeoPoint home(JsonObject home) {
        if (!(home.get("lat") instanceof JsonNumber lat) || !(home.get("lon") instanceof JsonNumber lon)) return null;
        try {
            return new GeoPoint(lat.doubleValue(), lon.doubleValue());
        } catch (IllegalArgumentException notAPlace) {
            return null;
        }
    }
}
