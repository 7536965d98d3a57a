package dev.orden.workorder;

import dev.orden.config.ActiveConfiguration;
import dev.orden.config.field.FieldDefinition;
import dev.orden.config.field.FieldValuesValidator;
import dev.orden.config.field.ValidationContext;
import dev.orden.identity.CurrentUser;
import dev.orden.identity.Member;
import dev.orden.identity.MemberDirectory;
import dev.orden.shared.problem.FieldError;
import dev.orden.shared.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.orden.shared.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Work orders against the tenant's active configuration: the type must be one of its types, and the custom fields
 * are checked by the field engine against that type's fields — every error in one 422, nothing stored.
 *
 * <p>Decisions:
 * <ul>
 *   <li>Create: the type's defaults are applied first (a default satisfies "required", a read-only field may hold
 *       its default), then the values are validated, then normalised; the order records the active version.</li>
 *   <li>Update: checked against the order's type under the <b>active</b> version, not the version the order was
 *       created under: an edit is made with today's form, and {@code validatePatch} reports only what the patch
 *       touches or newly breaks, so values that a newer version no longer accepts (a removed field, a newly
 *       required one) never block an unrelated edit. A type that the active version no longer has keeps its
 *       orders editable, but no custom value can be set on them.</li>
 *   <li>Changing the type re-validates every value under the new type (as if the patch touched every field),
 *       since the old type's values may mean nothing there; defaults are not applied on a change.</li>
 *   <li>A tenant without any active version (never the case after sign-up) is not checked.</li>
 * </ul>
 */
@ApplicationScoped
class WorkOrderConfiguration {

    @Inject
    ActiveConfiguration active;

    @Inject
    MemberDirectory members;

    /** A new order's draft as it is stored, the configuration version it was checked under, its number prefix. */
    record Checked(WorkOrderDraft draft, Integer configVersion, String numberPrefix) {}

    Checked create(WorkOrderDraft draft) {
        return create(draft, active.current());
    }

    /** As {@link #create(WorkOrderDraft)}, against a configuration read once for many orders (an import). */
    Checked create(WorkOrderDraft draft, java.util.Optional<ActiveConfiguration.Active> current) {
        if (current.isEmpty()) {
            return new Checked(draft, null, WorkOrder.DEFAULT_PREFIX);
        }
        var fields = typeFields(current.get(), draft.type());
        var values = FieldValuesValidator.applyDefaults(fields, object(draft.customFields()));
        var errors = FieldValuesValidator.validate(fields, values, assignable());
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        var stored = FieldValuesValidator.normalise(fields, values);
        return new Checked(new WorkOrderDraft(draft.title(), draft.description(), draft.type(), draft.priority(),
                draft.area(), draft.dueAt(), stored.toString()), current.get().version(),
                current.get().types().numberPrefixOf(draft.type()).orElse(WorkOrder.DEFAULT_PREFIX));
    }

    /** The keys of the tenant's internal fields (staff only); none without an active version. */
    Set<String> internalKeys() {
        return active.current().map(current -> current.types().internalKeys()).orElse(Set.of());
    }

    /** The custom values {@code user} may not see: the internal fields, unless they are staff. */
    Set<String> hiddenFrom(CurrentUser user) {
        return WorkOrderPolicy.seesInternal(user) ? Set.of() : internalKeys();
    }

    /** 422 naming each internal field {@code customFields} sets: a requester neither sees nor sets one. */
    void requireNoInternal(JsonObject customFields) {
        var internal = internalKeys();
        var errors = customFields.keySet().stream().filter(internal::contains).sorted()
                .map(key -> new FieldError("customFields." + key, "is for staff only"))
                .toList();
        if (!errors.isEmpty()) throw ProblemException.invalid(errors);
    }

    /** The keys of the type's attachment fields under the active version; none for an unknown type. */
    List<String> attachmentKeys(String type) {
        return active.current().flatMap(current -> current.types().fieldsOf(type)).orElse(List.of()).stream()
                .filter(field -> field.type().name().equals("attachment")).map(FieldDefinition::key).toList();
    }

    /**
     * Checks a patch whose generic shape {@link WorkOrderInput} already accepted; returns it with its custom values
     * normalised. {@code newType} is the type the patch sets, if any.
     */
    JsonObject update(WorkOrder order, JsonObject patch, java.util.Optional<String> newType) {
        var typeChange = newType.filter(type -> !type.equals(order.type()));
        var customPatch = patch.get("customFields") instanceof JsonObject object ? object : null;
        var current = active.current();
        if ((typeChange.isEmpty() && customPatch == null) || current.isEmpty()) {
            return patch;
        }
        List<FieldDefinition> fields = typeChange.isPresent()
                ? typeFields(current.get(), typeChange.get())
                : current.get().types().fieldsOf(order.type()).orElse(List.of());
        var stored = object(order.customFields());
        var changes = customPatch == null ? JsonValue.EMPTY_JSON_OBJECT : customPatch;
        if (typeChange.isPresent()) {
            changes = touchingEveryField(fields, stored, changes);
        }
        var errors = FieldValuesValidator.validatePatch(fields, stored, changes, assignable());
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (customPatch == null) {
            return patch;
        }
        var normalised = Json.createObjectBuilder();
        var present = Json.createObjectBuilder();
        customPatch.forEach((key, value) -> {
            if (value.getValueType() == JsonValue.ValueType.NULL) normalised.addNull(key);
            else present.add(key, value);
        });
        FieldValuesValidator.normalise(fields, present.build()).forEach(normalised::add);
        return Json.createObjectBuilder(patch).add("customFields", normalised).build();
    }

    /**
     * The keys of the order's stored values that its type no longer offers under the active version (a field
     * removed from the type or retired): the values stay, and are shown as retired.
     */
    List<String> retiredKeys(WorkOrder order) {
        var stored = object(order.customFields());
        var current = active.current();
        if (stored.isEmpty() || current.isEmpty()) return List.of();
        var offered = current.get().types().fieldsOf(order.type()).orElse(List.of()).stream()
                .filter(field -> !field.retired()).map(FieldDefinition::key).collect(Collectors.toSet());
        return stored.keySet().stream().filter(key -> !offered.contains(key)).sorted().toList();
    }

    private static List<FieldDefinition> typeFields(ActiveConfiguration.Active active, String type) {
        return active.types().fieldsOf(type).orElseThrow(() -> ProblemException.invalid("type",
                "is not a work-order type of this tenant; expected one of "
                        + String.join(", ", new TreeSet<>(active.types().keys()))));
    }

    /** The same merged values as {@code patch}, written so that it names every field and every stored key. */
    private static JsonObject touchingEveryField(List<FieldDefinition> fields, JsonObject stored, JsonObject patch) {
        var merged = FieldValuesValidator.merge(stored, patch);
        var everything = Json.createObjectBuilder(merged);
        var keys = new TreeSet<>(stored.keySet());
        fields.forEach(field -> keys.add(field.key()));
        keys.stream().filter(key -> !merged.containsKey(key)).forEach(everything::addNull);
        return everything.build();
    }

    private ValidationContext assignable() {
        return id -> {
            UUID userId;
            try {
                userId = UUID.fromString(id);
            } catch (IllegalArgumentException notAnId) {
                return false;
            }
            return members.find(userId).map(Member::canBeAssigned).orElse(false);
        };
    }

    private static JsonObject object(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
