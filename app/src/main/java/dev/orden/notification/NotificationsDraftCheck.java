package dev.orden.notification;

import dev.orden.config.DraftCheck;
import dev.orden.shared.problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the schema cannot say about {@code notifications.json}: channels this server has, templates that exist (the
 * tenant's or shipped) and that compile as Mustache without partials.
 */
@ApplicationScoped
class NotificationsDraftCheck implements DraftCheck {

    @Inject
    Channels channels;

    @Override
    public List<FieldError> check(JsonObject bundle) {
        return problems(bundle, id -> channels.find(id).isPresent());
    }

    static List<FieldError> problems(JsonObject bundle, Predicate<String> installed) {
        var errors = new ArrayList<FieldError>();
        if (!(bundle.get("notifications") instanceof JsonObject part)) return errors;
        var setup = NotificationSetup.of(bundle);
        if (part.get("events") instanceof JsonObject events) {
            events.forEach((event, routes) -> {
                if (!(routes instanceof JsonArray list)) return;
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i) instanceof JsonObject route) checkRoute(route, "/notifications/events/" + event
                            + "/" + i, event, setup, installed, errors);
                }
            });
        }
        if (part.get("templates") instanceof JsonObject templates) {
            templates.forEach((key, languages) -> {
                if (!(languages instanceof JsonObject byLanguage)) return;
                byLanguage.forEach((language, template) -> {
                    if (!(template instanceof JsonObject t)) return;
                    for (var piece : Set.of("subject", "body")) {
                        if (!(t.get(piece) instanceof JsonString text)) continue;
                        var problem = TemplateRenderer.check(text.getString());
                        if (problem != null) {
                            errors.add(new FieldError("/notifications/templates/" + key + "/" + language + "/" + piece,
                                    "is not a template: " + problem));
                        }
                    }
                });
            });
        }
        return errors;
    }

    private static void checkRoute(JsonObject route, String at, String event, NotificationSetup setup,
                                   Predicate<String> installed, List<FieldError> errors) {
        var channels = NotificationSetup.strings(route.get("channels"));
        for (int j = 0; j < channels.size(); j++) {
            if (!installed.test(channels.get(j))) {
                errors.add(new FieldError(at + "/channels/" + j, "this server has no channel '" + channels.get(j)
                        + "' (GET /admin/notifications/channels lists them)"));
            }
        }
        var template = route.getString("template", event);
        if (!setup.hasTemplate(template)) errors.add(new FieldError(at + "/template", "unknown template '" + template + "'"));
    }
}
