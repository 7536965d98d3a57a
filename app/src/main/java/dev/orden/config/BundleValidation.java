package dev.orden.config;

import dev.orden.config.field.FieldDefinitionParser;
import dev.orden.shared.problem.FieldError;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A bundle's verdict: every schema violation and every broken rule, all at once, each at a JSON pointer.
 *
 * <p>Three sources, in this order: the JSON Schema; the field engine ({@link FieldDefinitionParser}, the same code
 * that later checks a work order's values, so a published bundle never holds a field definition the work-order API
 * would reject — regexes are RE2J with full-match semantics); the cross-part rules ({@link BundleRules}). The engine
 * reads the whole {@code fields} array, since conditions and cycles span fields, and an engine error is dropped
 * when the schema already reported an error at exactly the same pointer: one pointer, one problem, said once (the
 * schema's wording wins). Errors at other pointers are all kept, even when they stem from the same mistake.
 *
 * <p>Every error also names the file it falls in when the bundle is laid out as files ({@link BundleFiles}), and
 * the pointer inside that file: {@code /workflows/2/transitions/0/to} is {@code /transitions/0/to} of
 * {@code workflows/<key of workflow 2>.json}.
 */
public record BundleValidation(List<FieldError> errors) {

    public static BundleValidation of(JsonObject bundle) {
        var schema = ConfigSchemas.violations(bundle.toString());
        var flagged = schema.stream().map(FieldError::field).collect(Collectors.toSet());
        var errors = new LinkedHashSet<FieldError>(schema);
        errors.addAll(fieldErrors(bundle, flagged));
        errors.addAll(BundleRules.check(bundle));
        errors.addAll(AssignmentBundleRules.check(bundle));
        TenantSettings.check(bundle).stream().filter(e -> !flagged.contains(e.field())).forEach(errors::add);
        RuleScheduleCheck.check(bundle).stream().filter(e -> !flagged.contains(e.field())).forEach(errors::add);
        return new BundleValidation(errors.stream().map(error -> BundleFiles.locate(bundle, error)).toList());
    }

    private static List<FieldError> fieldErrors(JsonObject bundle, Set<String> flagged) {
        if (!(bundle.get("fields") instanceof JsonArray fields)) {
            return List.of();
        }
        return FieldDefinitionParser.parse(fields, "/fields").errors().stream()
                .filter(error -> !flagged.contains(error.pointer()))
                .map(error -> new FieldError(error.pointer(), error.reason()))
                .toList();
    }

    /** This verdict plus {@code more} errors about {@code bundle}, located in their files like the others. */
    public BundleValidation with(JsonObject bundle, List<FieldError> more) {
        if (more.isEmpty()) return this;
        var all = new java.util.ArrayList<>(errors);
        more.forEach(error -> all.add(BundleFiles.locate(bundle, error)));
        return new BundleValidation(all);
    }

    public boolean valid() {
        return errors.isEmpty();
    }
}
