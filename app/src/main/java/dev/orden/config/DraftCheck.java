package dev.orden.config;

import dev.orden.shared.problem.FieldError;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * A check of a draft that needs more than the bundle itself — the tenant's people, the flow-rule sandbox — run after
 * {@link BundleValidation} whenever a draft is saved, read, validated or published. Each lives in the feature that
 * knows how (a CDI bean found by this type), so configuration depends on none of them.
 */
public interface DraftCheck {

    /** Every problem found in the caller's tenant's draft, each at its JSON pointer into the bundle. */
    List<FieldError> check(JsonObject bundle);
}
