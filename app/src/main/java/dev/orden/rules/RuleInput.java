package dev.orden.rules;

import dev.orden.identity.CurrentUser;
import dev.orden.identity.Role;
import dev.orden.config.TenantSettings;
import dev.orden.shared.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;

/**
 * What a flow rule receives, the same on a live event, in a dry run and in a test case: plain data, never an object
 * of Orden's. {@code event}, {@code order} (as the API shows it, custom fields included), {@code change} (what the
 * event is about: the patch, the transition, the comment), {@code actor} (who made the change), {@code now}, and the
 * tenant's {@code teams}, {@code areas}, {@code timeZone} and business {@code calendars} (its SLA calendars without
 * their targets: what the {@code dates} business-hours helpers read).
 */
public final class RuleInput {

    /** Who a test case's change is by when it names no one. */
    static final JsonObject TEST_ACTOR = Json.createObjectBuilder().add("id", "rule-test").add("name", "Rule test")
            .add("roles", JsonValue.EMPTY_JSON_ARRAY).build();

    private RuleInput() {}

    public static JsonObject of(String event, JsonObject order, JsonObject change, JsonObject actor, Instant now,
                                JsonObject bundle) {
        return Json.createObjectBuilder()
                .add("event", event)
                .add("order", order)
                .add("change", change == null ? JsonValue.EMPTY_JSON_OBJECT : change)
                .add("actor", actor)
                .add("now", now.toString())
                .add("teams", bundle.getOrDefault("teams", JsonValue.EMPTY_JSON_ARRAY))
                .add("areas", bundle.getOrDefault("areas", JsonValue.EMPTY_JSON_ARRAY))
                .add("timeZone", TenantSettings.of(bundle).timeZone().getId())
                .add("calendars", calendars(bundle))
                .build();
    }

    private static JsonArray calendars(JsonObject bundle) {
        var calendars = Json.createArrayBuilder();
        if (bundle.get("sla") instanceof JsonArray sla) {
            sla.stream().filter(JsonObject.class::isInstance)
                    .forEach(c -> calendars.add(Json.createObjectBuilder(c.asJsonObject()).remove("targets")));
        }
        return calendars.build();
    }

    /** The input of a scheduled rule that selects no orders: the same, without {@code order}. */
    public static JsonObject withoutOrder(String event, JsonObject change, JsonObject actor, Instant now,
                                          JsonObject bundle) {
        var input = Json.createObjectBuilder(of(event, JsonValue.EMPTY_JSON_OBJECT, change, actor, now, bundle));
        return input.remove("order").build();
    }

    /** The caller as a rule sees the actor: id, name and roles. */
    public static JsonObject actor(CurrentUser user) {
        var roles = Json.createArrayBuilder();
        user.roles().stream().map(Role::roleName).sorted().forEach(roles::add);
        return Json.createObjectBuilder().add("id", user.id()).add("name", user.displayName()).add("roles", roles)
                .build();
    }

    /**
     * A test case's {@code given} input in the live shape: what it leaves out ({@code order}, {@code change},
     * {@code actor}, {@code now}, {@code teams}, {@code areas}, {@code timeZone}, {@code calendars}) filled in as a live event would have it, and
     * {@code event} the one the case runs on.
     */
    static JsonObject completed(JsonObject given, String event, Instant now, JsonObject bundle) {
        var live = of(event, JsonValue.EMPTY_JSON_OBJECT, null, TEST_ACTOR, now, bundle);
        return Json.createObjectBuilder(live).addAll(Json.createObjectBuilder(given)).add("event", event).build();
    }
}
