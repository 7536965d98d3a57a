package dev.orden.config;

import dev.orden.shared.problem.FieldError;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** A bundle's verdict: every schema violation and every broken rule, all at once, each at a JSON pointer. */
public record BundleValidation(List<FieldError> errors) {

    public static BundleValidation of(JsonObject bundle) {
        var errors = new LinkedHashSet<FieldError>(ConfigSchemas.violations(bundle.toString()));
        errors.addAll(BundleRules.check(bundle));
        return new BundleValidation(new ArrayList<>(errors));
    }

    public boolean valid() {
        return errors.isEmpty();
    }
}
