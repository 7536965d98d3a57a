package dev.orden.workorder;

import dev.orden.config.ActiveConfiguration;
import dev.orden.identity.Member;
import dev.orden.identity.MemberDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The tenant's teams as its active configuration names them ({@code teams.json}), and their members Orden knows. */
@ApplicationScoped
public class TeamMembers {

    @Inject
    ActiveConfiguration configuration;

    @Inject
    MemberDirectory members;

    /** The team keys of the active version. */
    public Set<String> teams() {
        return teams(bundle()).stream().map(t -> t.getString("key", null)).filter(k -> k != null)
                .collect(Collectors.toSet());
    }

    /** The team's members who have signed in to Orden (those the configuration names by e-mail). */
    public List<Member> of(String team) {
        return emails(team).stream().map(members::findByEmail).flatMap(Optional::stream).toList();
    }

    /** Whether the person with this e-mail is one of the team's members. */
    boolean includes(String team, String email) {
        return email != null && emails(team).contains(email.strip().toLowerCase(Locale.ROOT));
    }

    private Set<String> emails(String team) {
        return teams(bundle()).stream().filter(t -> team != null && team.equals(t.getString("key", null)))
                .flatMap(t -> t.get("members") instanceof JsonArray list ? list.stream() : java.util.stream.Stream.empty())
                .filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString().strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }

    /** The area keys of the active version, at any depth of the tree ({@code areas.json}). */
    Set<String> areas() {
        var keys = new java.util.HashSet<String>();
        collect(bundle().get("areas"), keys);
        return keys;
    }

    private static void collect(jakarta.json.JsonValue areas, Set<String> into) {
        if (!(areas instanceof JsonArray list)) return;
        for (var area : list) {
            if (!(area instanceof JsonObject o)) continue;
            if (o.get("key") instanceof JsonString key) into.add(key.getString());
            collect(o.get("children"), into);
        }
    }

    private JsonObject bundle() {
        return configuration.current().map(ActiveConfiguration.Active::bundle).orElse(JsonObject.EMPTY_JSON_OBJECT);
    }

    private static List<JsonObject> teams(JsonObject bundle) {
        return bundle.get("teams") instanceof JsonArray list
                ? list.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).toList() : List.of();
    }
}
