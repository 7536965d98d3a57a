package dev.orden.assignment;

import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** A team of {@code teams.json}: its members' e-mails (lower case), areas and skills. */
record Team(String key, Set<String> members, Set<String> areas, Set<String> skills) {

    static Map<String, Team> of(JsonObject bundle) {
        var teams = new LinkedHashMap<String, Team>();
        for (var team : JsonData.objects(bundle, "teams")) {
            var key = JsonData.string(team, "key");
            if (key == null) continue;
            teams.putIfAbsent(key, new Team(key, JsonData.strings(team, "members").stream()
                    .map(e -> e.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet()),
                    Set.copyOf(JsonData.strings(team, "areas")), Set.copyOf(JsonData.strings(team, "skills"))));
        }
        return teams;
    }
}
