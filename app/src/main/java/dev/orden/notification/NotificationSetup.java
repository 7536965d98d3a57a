package dev.orden.notification;

import dev.orden.config.TenantSettings;
import dev.orden.shared.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A tenant's {@code notifications.json}: who is told of each event and by which channels,
 * and its own templates per key and language over the ones Orden ships (every event in es and en,
 * {@code templates.json} beside this class). A tenant whose configuration has no such part is told what Orden always
 * told: the assignee on assignment, the requester on a status change and on completion, in the inbox.
 */
record NotificationSetup(String language, Map<String, List<Route>> events, JsonObject templates) {

    static final List<String> EVENTS = List.of("assigned", "status_changed", "completed", "transferred",
            "commented_public", "sla_warning", "sla_breached", "reminder", "unassigned_timeout");
    static final Set<String> ROLES = Set.of("assignee", "requester", "team", "dispatchers", "watchers");
    static final List<String> LANGUAGES = List.of("es", "en");
    static final String FALLBACK_LANGUAGE = "en";

    private static final JsonObject SHIPPED = shipped();

    /** One line of an event: these recipients, by these channels, with this template (the event's by default). */
    record Route(List<String> to, List<String> channels, String template) {}

    record Template(String subject, String body) {}

    static final NotificationSetup DEFAULT = new NotificationSetup(null, Map.of(
            "assigned", List.of(new Route(List.of("assignee"), List.of("inapp"), "assigned")),
            "status_changed", List.of(new Route(List.of("requester"), List.of("inapp"), "status_changed")),
            "completed", List.of(new Route(List.of("requester"), List.of("inapp"), "completed"))),
            JsonValue.EMPTY_JSON_OBJECT);

    static NotificationSetup of(JsonObject bundle) {
        var language = TenantSettings.of(bundle).language();
        if (!(bundle.get("notifications") instanceof JsonObject part)) {
            return new NotificationSetup(language, DEFAULT.events(), DEFAULT.templates());
        }
        var events = new LinkedHashMap<String, List<Route>>();
        if (part.get("events") instanceof JsonObject configured) {
            configured.forEach((event, routes) -> events.put(event, routes(event, routes)));
        }
        var templates = part.get("templates") instanceof JsonObject t ? t : JsonValue.EMPTY_JSON_OBJECT;
        return new NotificationSetup(language, Map.copyOf(events), templates);
    }

    List<Route> routes(String event) {
        return events.getOrDefault(event, List.of());
    }

    /** The tenant's language ({@code settings.json}), else English. */
    String defaultLanguage() {
        return language != null && LANGUAGES.contains(language) ? language : FALLBACK_LANGUAGE;
    }

    /** Whether a template of this key exists, the tenant's or shipped (the notify effect names one). */
    boolean hasTemplate(String key) {
        return templates.containsKey(key) || SHIPPED.containsKey(key);
    }

    /**
     * The template of {@code key} in {@code language}: the tenant's in that language, else Orden's, else the tenant's
     * or Orden's in English, else in any language the tenant wrote it in.
     */
    Optional<Template> template(String key, String language) {
        return Optional.ofNullable(pick(templates, key, language)).or(() -> Optional.ofNullable(pick(SHIPPED, key, language)))
                .or(() -> Optional.ofNullable(pick(templates, key, FALLBACK_LANGUAGE)))
                .or(() -> Optional.ofNullable(pick(SHIPPED, key, FALLBACK_LANGUAGE)))
                .or(() -> templates.get(key) instanceof JsonObject any ? any.values().stream()
                        .filter(JsonObject.class::isInstance).map(v -> template((JsonObject) v)).findFirst() : Optional.empty());
    }

    static JsonObject shippedTemplates() {
        return SHIPPED;
    }

    private static Template pick(JsonObject templates, String key, String language) {
        return templates.get(key) instanceof JsonObject byLanguage && byLanguage.get(language) instanceof JsonObject t
                ? template(t) : null;
    }

    private static Template template(JsonObject template) {
        return new Template(template.getString("subject", ""), template.getString("body", ""));
    }

    private static List<Route> routes(String event, JsonValue value) {
        var routes = new ArrayList<Route>();
        if (value instanceof JsonArray array) {
            for (var item : array) {
                if (item instanceof JsonObject route) {
                    routes.add(new Route(strings(route.get("to")), strings(route.get("channels")),
                            route.getString("template", event)));
                }
            }
        }
        return List.copyOf(routes);
    }

    static List<String> strings(JsonValue value) {
        if (!(value instanceof JsonArray array)) return List.of();
        return array.stream().filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString()).toList();
    }

    private static JsonObject shipped() {
        try (InputStream in = NotificationSetup.class.getResourceAsStream("templates.json");
             var reader = Json.createReader(in)) {
            return reader.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
