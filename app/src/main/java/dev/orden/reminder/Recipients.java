package dev.orden.reminder;

import dev.orden.config.ActiveConfiguration;
import dev.orden.identity.Member;
import dev.orden.identity.MemberDirectory;
import dev.orden.identity.Role;
import dev.orden.workorder.WorkOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who a reminder is for, read when it is sent: the order's assignee, requester or team (its members in
 * {@code teams.json} whom Orden has seen), one member ({@code user:<id>}), or the tenant's dispatchers.
 */
@ApplicationScoped
class Recipients {

    static final String ASSIGNEE = "assignee";
    static final String REQUESTER = "requester";
    static final String TEAM = "team";
    static final String USER = "user:";

    @Inject
    MemberDirectory members;

    @Inject
    ActiveConfiguration configuration;

    List<String> of(WorkOrder order, String to) {
        return switch (to) {
            case ASSIGNEE -> optional(order.assigneeId());
            case REQUESTER -> optional(order.requesterId());
            case TEAM -> team(order.team());
            default -> to.startsWith(USER) ? List.of(to.substring(USER.length())) : List.of();
        };
    }

    /** The tenant's dispatchers, or its admins when it has none: someone must hear of an order nobody took. */
    List<String> dispatchers() {
        var all = members.all();
        var dispatchers = withRole(all, Role.DISPATCHER);
        return dispatchers.isEmpty() ? withRole(all, Role.TENANT_ADMIN) : dispatchers;
    }

    /** A member of the tenant named by id or e-mail. */
    Optional<Member> member(String idOrEmail) {
        if (idOrEmail.contains("@")) return members.findByEmail(idOrEmail);
        try {
            return members.find(UUID.fromString(idOrEmail));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private List<String> team(String team) {
        if (team == null) return List.of();
        return configuration.current().map(active -> active.bundle().get("teams") instanceof JsonArray teams
                        ? teams.getValuesAs(JsonObject.class).stream()
                                .filter(t -> t.get("key") instanceof JsonString k && k.getString().equals(team))
                                .findFirst().map(Recipients::emails).orElse(List.of())
                        : List.<String>of()).orElse(List.of()).stream()
                .flatMap(email -> members.findByEmail(email).stream()).map(m -> m.userId().toString()).toList();
    }

    private static List<String> emails(JsonObject team) {
        return team.get("members") instanceof JsonArray list
                ? list.stream().filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString()).toList()
                : List.of();
    }

    private static List<String> withRole(List<Member> all, Role role) {
        return all.stream().filter(m -> m.roles().contains(role)).map(m -> m.userId().toString()).toList();
    }

    private static List<String> optional(String id) {
        return id == null ? List.of() : List.of(id);
    }
}
