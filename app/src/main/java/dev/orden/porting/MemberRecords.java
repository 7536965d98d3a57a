package dev.orden.porting;

import dev.orden.config.ConfigService;
import dev.orden.identity.CurrentUser;
import dev.orden.identity.MemberDirectory;
import dev.orden.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.orden.shared.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The database side of a member import, in one transaction: member rows, and the teams as a published version. */
@ApplicationScoped
class MemberRecords {

    @Inject
    TenantContext context;

    @Inject
    MemberDirectory members;

    @Inject
    ConfigService config;

    /** {@code created}: the new people's user ids by e-mail; {@code teams}: the active teams. */
    @Transactional
    void record(List<MemberRows.Person> people, Map<String, String> created, List<JsonObject> teams) {
        for (var person : people) {
            var id = created.get(person.email());
            if (id != null) {
                members.record(context.tenantId(), new CurrentUser(id, person.email(), person.email(), person.name(),
                        person.roles()));
            }
        }
        var joined = withMembers(people, teams);
        if (joined != null) {
            config.saveDraftPart("teams", joined);
            config.publishDraft();
        }
    }

    /** The teams with the people added to theirs; null when nobody joins a team. */
    static JsonArray withMembers(List<MemberRows.Person> people, List<JsonObject> teams) {
        var joining = new HashMap<String, Set<String>>();
        people.forEach(p -> p.teams()
                .forEach(t -> joining.computeIfAbsent(t, k -> new LinkedHashSet<>()).add(p.email())));
        if (joining.isEmpty()) return null;
        var result = Json.createArrayBuilder();
        for (var team : teams) {
            var list = new LinkedHashSet<String>();
            if (team.get("members") instanceof JsonArray current) {
                current.getValuesAs(JsonString.class).forEach(m -> list.add(m.getString()));
            }
            list.addAll(joining.getOrDefault(team.getString("key", ""), Set.of()));
            result.add(Json.createObjectBuilder(team).add("members", Json.createArrayBuilder(List.copyOf(list))));
        }
        return result.build();
    }
}
