package dev.orden.config;

import dev.orden.shared.problem.FieldError;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * A check of a tenant's bundle that needs more than the bundle, run with the others whenever a draft is saved,
 * validated or published (a CDI bean of another feature: e.g. that the assignment strategies it names are installed
 * on this server). Errors carry bundle pointers; they are placed in their files like every other error.
 */
public interface BundleCheck {

    List<FieldError> check(JsonObject bundle);
}
