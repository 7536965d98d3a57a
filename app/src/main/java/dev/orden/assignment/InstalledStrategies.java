package dev.orden.assignment;

import dev.orden.config.DraftCheck;
import dev.orden.plugin.assignment.Settings;
import dev.orden.shared.problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A tenant's {@code assignment.json} against this server: every strategy it enables is installed, and each
 * strategy accepts the tenant's settings for it.
 */
@ApplicationScoped
class InstalledStrategies implements DraftCheck {

    @Inject
    Strategies strategies;

    @Override
    public List<FieldError> check(JsonObject bundle) {
        var errors = new ArrayList<FieldError>();
        var enabled = JsonData.objects(JsonData.object(bundle, "assignment"), "strategies");
        for (int i = 0; i < enabled.size(); i++) {
            var at = "/assignment/strategies/" + i;
            var key = JsonData.string(enabled.get(i), "key");
            if (key == null) continue;
            var factory = strategies.find(key);
            if (factory.isEmpty()) {
                errors.add(new FieldError(at + "/key", "strategy '" + key + "' is not installed on this server"
                        + " (installed: " + strategies.all().stream().map(f -> f.getId())
                        .collect(Collectors.joining(", ")) + ")"));
                continue;
            }
            var settings = new Settings(JsonData.toJava(JsonData.object(enabled.get(i), "settings")));
            factory.get().checkSettings(settings).forEach(problem -> errors.add(new FieldError(at + "/settings",
                    problem)));
        }
        return errors;
    }
}
