package dev.orden.workorder;

import static dev.orden.workorder.Fixtures.fieldErrors;
import static dev.orden.workorder.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.shared.problem.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkOrderInputTest {

    private static JsonObject withTitle(String field, Object value) {
        var builder = Json.createObjectBuilder().add("title", "Leaking tap");
        switch (value) {
            case String s -> builder.add(field, s);
            case Integer i -> builder.add(field, i);
            case JsonObject o -> builder.add(field, o);
            default -> throw new IllegalArgumentException(String.valueOf(value));
        }
        return builder.build();
    }

    private static JsonObject customFields(int count) {
        var fields = Json.createObjectBuilder();
        for (int i = 0; i < count; i++) fields.add("f" + i, i);
        return fields.build();
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    /** The single error reported, checked for its field and the start of its message. */
    private static void assertSingleError(List<FieldError> errors, String field, String message) {
        assertEquals(1, errors.size(), () -> "errors " + errors);
        assertEquals(field, errors.getFirst().field());
        assertTrue(errors.getFirst().message().startsWith(message), () -> "message " + errors.getFirst().message());
    }

    @Nested
    class Draft {

        @Test
        void defaultsForATitleAlone() {
            var draft = WorkOrderInput.draft(json("{'title': '  Leaking tap \\n'}"));
            assertEquals(new WorkOrderDraft("Leaking tap", null, "general", Priority.NORMAL, null, null, "{}"), draft);
        }

        @Test
        void readsEveryFieldTrimmed() {
            var draft = WorkOrderInput.draft(json("""
                    {'title': 'Leaking tap', 'description': '  Kitchen  ', 'type': ' hvac_2-b ', 'priority': 'urgent',
                     'area': ' B2 ', 'dueAt': '2026-12-01T18:00:00+01:00', 'customFields': {'floor': 2, 'room': '12b'},
                     'requesterId': 'r', 'assignee': 'a', 'team': 't'}"""));
            assertAll(
                    () -> assertEquals("Kitchen", draft.description()),
                    () -> assertEquals("hvac_2-b", draft.type()),
                    () -> assertEquals(Priority.URGENT, draft.priority()),
                    () -> assertEquals("B2", draft.area()),
                    () -> assertEquals(Instant.parse("2026-12-01T17:00:00Z"), draft.dueAt()),
                    () -> assertEquals(json("{'floor': 2, 'room': '12b'}"), json(draft.customFields())));
        }

        @Test
        void blankOptionalTextAndNullsMeanAbsent() {
            var draft = WorkOrderInput.draft(json("""
                    {'title': 'x', 'description': '   ', 'type': null, 'priority': null, 'area': '',
                     'dueAt': null, 'customFields': null}"""));
            assertEquals(new WorkOrderDraft("x", null, "general", Priority.NORMAL, null, null, "{}"), draft);
        }

        @Test
        void limitsAreInclusive() {
            var title = "t".repeat(WorkOrderInput.TITLE_MAX);
            var draft = WorkOrderInput.draft(Json.createObjectBuilder().add("title", title)
                    .add("type", "t" + "1".repeat(63)).add("customFields", customFields(WorkOrderInput.CUSTOM_FIELDS_MAX))
                    .build());
            assertEquals(title, draft.title());
            assertEquals(64, draft.type().length());
            assertEquals(WorkOrderInput.CUSTOM_FIELDS_MAX, json(draft.customFields()).size());
        }

        @Test
        void priorityIsReadTheSameWhateverTheServerLocale() {
            var saved = Locale.getDefault();
            Locale.setDefault(Locale.forLanguageTag("tr-TR")); // "high".toUpperCase() is "HİGH" there
            try {
                assertEquals(Priority.HIGH, WorkOrderInput.draft(json("{'title': 'x', 'priority': 'high'}")).priority());
            } finally {
                Locale.setDefault(saved);
            }
        }

        static Stream<Arguments> invalid() {
            return Stream.of(
                    Arguments.of(json("{}"), "title", "is required"),
                    Arguments.of(json("{'title': null}"), "title", "is required"),
                    Arguments.of(json("{'title': ' \\t '}"), "title", "must not be blank"),
                    Arguments.of(json("{'title': 12}"), "title", "must be a string"),
                    Arguments.of(json("{'title': ['a']}"), "title", "must be a string"),
                    Arguments.of(withTitle("title", "t".repeat(201)), "title", "must be at most 200 characters"),
                    Arguments.of(withTitle("description", "d".repeat(20_001)), "description", "must be at most 20000 characters"),
                    Arguments.of(withTitle("description", 5), "description", "must be a string"),
                    Arguments.of(withTitle("area", "a".repeat(101)), "area", "must be at most 100 characters"),
                    Arguments.of(withTitle("type", "Plumbing"), "type", "must be lower-case letters"),
                    Arguments.of(withTitle("type", "9lives"), "type", "must be lower-case letters"),
                    Arguments.of(withTitle("type", "two words"), "type", "must be lower-case letters"),
                    Arguments.of(withTitle("type", 3), "type", "must be a string"),
                    Arguments.of(withTitle("priority", "asap"), "priority", "must be one of [LOW, NORMAL, HIGH, URGENT]"),
                    Arguments.of(withTitle("dueAt", "2026-12-01"), "dueAt", "must be an ISO-8601 date-time with offset"),
                    Arguments.of(withTitle("dueAt", "2026-12-01T17:00:00"), "dueAt", "must be an ISO-8601 date-time with offset"),
                    Arguments.of(withTitle("dueAt", "tomorrow"), "dueAt", "must be an ISO-8601 date-time with offset"),
                    Arguments.of(withTitle("customFields", "floor=2"), "customFields", "must be an object"),
                    Arguments.of(json("{'title': 'x', 'customFields': [1, 2]}"), "customFields", "must be an object"),
                    Arguments.of(withTitle("customFields", json("{'bad key': 1}")), "customFields.bad key", "is not a valid field key"),
                    Arguments.of(withTitle("customFields", json("{'_x': 1}")), "customFields._x", "is not a valid field key"),
                    Arguments.of(withTitle("customFields", json("{'1st': 1}")), "customFields.1st", "is not a valid field key"),
                    Arguments.of(withTitle("customFields", customFields(101)), "customFields", "must have at most 100 fields"),
                    Arguments.of(withTitle("customFields", Json.createObjectBuilder().add("notes", "n".repeat(32_768)).build()),
                            "customFields", "must be at most 32768 characters of JSON"),
                    Arguments.of(withTitle("requesterId", 7), "requesterId", "must be a string"),
                    Arguments.of(withTitle("assignee", "a".repeat(65)), "assignee", "must be at most 64 characters"),
                    Arguments.of(withTitle("status", "CLOSED"), "status", "is not a field that can be set here"),
                    Arguments.of(withTitle("version", 1), "version", "is not a field that can be set here"));
        }

        @ParameterizedTest(name = "{1}: {2}")
        @MethodSource("invalid")
        void reportsTheFieldAndWhatIsWrong(JsonObject input, String field, String message) {
            assertSingleError(fieldErrors(() -> WorkOrderInput.draft(input)), field, message);
        }

        @Test
        void reportsEveryProblemAtOnce() {
            var errors = fieldErrors(() -> WorkOrderInput.draft(json("""
                    {'title': '', 'status': 'NEW', 'id': 'x', 'priority': 'soon', 'dueAt': 'later',
                     'customFields': 3}""")));
            assertEquals(List.of("id", "status", "title", "priority", "dueAt", "customFields"), fields(errors));
        }
    }

    @Nested
    class Changes {

        private final WorkOrder current = Fixtures.open(); // customFields {"floor":2,"urgent":true}

        private WorkOrderChanges changes(String patch) {
            return WorkOrderInput.changes(json(patch), current);
        }

        @Test
        void anEmptyPatchChangesNothing() {
            var changes = changes("{}");
            assertEquals(new WorkOrderChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), List.of()), changes);
        }

        @Test
        void theVersionMayTravelInTheBody() {
            assertEquals(Optional.empty(), changes("{'version': 3}").title());
        }

        @Test
        void presentFieldsAreReadTrimmed() {
            var changes = changes("{'title': ' New title ', 'type': 'hvac', 'priority': 'low'}");
            assertEquals(Optional.of("New title"), changes.title());
            assertEquals(Optional.of("hvac"), changes.type());
            assertEquals(Optional.of(Priority.LOW), changes.priority());
            assertEquals(Optional.empty(), changes.description());
            assertEquals(Optional.empty(), changes.area());
            assertEquals(Optional.empty(), changes.dueAt());
        }

        @Test
        void clearableFieldsDistinguishAbsentNullAndAValue() {
            var cleared = changes("{'description': null, 'area': null, 'dueAt': null}");
            assertEquals(Optional.of(Optional.empty()), cleared.description());
            assertEquals(Optional.of(Optional.empty()), cleared.area());
            assertEquals(Optional.of(Optional.empty()), cleared.dueAt());

            var set = changes("{'description': ' Kitchen ', 'area': 'B3', 'dueAt': '2027-01-15T08:00:00Z'}");
            assertEquals(Optional.of(Optional.of("Kitchen")), set.description());
            assertEquals(Optional.of(Optional.of("B3")), set.area());
            assertEquals(Optional.of(Optional.of(Instant.parse("2027-01-15T08:00:00Z"))), set.dueAt());
        }

        @Test
        void requiredFieldsCannotBeCleared() {
            var errors = fieldErrors(() -> changes("{'title': null, 'type': null, 'priority': null}"));
            assertEquals(List.of(new FieldError("title", "is required"), new FieldError("type", "must not be null"),
                    new FieldError("priority", "must not be null")), errors);
        }

        static Stream<Arguments> invalidRequired() {
            return Stream.of(
                    Arguments.of(json("{'priority': 'bogus'}"), "priority", "must be one of [LOW, NORMAL, HIGH, URGENT]"),
                    Arguments.of(json("{'priority': 3}"), "priority", "must be a string"),
                    Arguments.of(json("{'priority': '  '}"), "priority", "must not be blank"),
                    Arguments.of(json("{'type': 'Plumbing'}"), "type", "must be lower-case letters"),
                    Arguments.of(json("{'type': true}"), "type", "must be a string"),
                    Arguments.of(json("{'type': ''}"), "type", "must not be blank"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("invalidRequired")
        void anInvalidTypeOrPriorityIsReportedOnceForWhatIsWrong(JsonObject patch, String field, String message) {
            assertSingleError(fieldErrors(() -> WorkOrderInput.changes(patch, current)), field, message);
        }

        @ParameterizedTest
        @ValueSource(strings = {"status", "assignee", "team", "requesterId", "number"})
        void fieldsOutsideThePatchAreRejectedWithAHint(String field) {
            var errors = fieldErrors(() -> WorkOrderInput.changes(withTitle(field, "x"), current));
            assertSingleError(errors, field, "is not a field that can be set here");
            assertTrue(errors.getFirst().message().contains("transitions and assignment"), errors.toString());
        }

        @Test
        void customFieldsAreMergePatched() {
            var changes = changes("{'customFields': {'floor': 3, 'room': '12b', 'urgent': null, 'gone': null}}");
            assertEquals(json("{'floor': 3, 'room': '12b'}"), json(changes.customFields().orElseThrow()));
            assertEquals(List.of(
                            new WorkOrderChanges.CustomFieldChange("floor", "2", "3"),
                            new WorkOrderChanges.CustomFieldChange("room", null, "12b"),
                            new WorkOrderChanges.CustomFieldChange("urgent", "true", null)),
                    changes.customFieldChanges());
        }

        @Test
        void unchangedCustomFieldsAreNotReported() {
            var changes = changes("{'customFields': {'floor': 2, 'urgent': true}}");
            assertEquals(List.of(), changes.customFieldChanges());
            assertEquals(json(current.customFields()), json(changes.customFields().orElseThrow()));

            var asNull = changes("{'customFields': null}");
            assertEquals(List.of(), asNull.customFieldChanges());
            assertEquals(json(current.customFields()), json(asNull.customFields().orElseThrow()));
        }

        @Test
        void structuredCustomValuesAreReportedAsJson() {
            var changes = changes("{'customFields': {'parts': ['washer', 'seal']}}");
            assertEquals(List.of(new WorkOrderChanges.CustomFieldChange("parts", null, "[\"washer\",\"seal\"]")),
                    changes.customFieldChanges());
        }

        @Test
        void theFieldLimitAppliesToTheMergedResult() {
            var full = WorkOrder.open(1, new WorkOrderDraft("t", null, "general", Priority.NORMAL, null, null,
                    customFields(WorkOrderInput.CUSTOM_FIELDS_MAX).toString()), Fixtures.WORKFLOW.initialState(),
                    Fixtures.REQUESTER, Fixtures.REQUESTER).order();
            assertSingleError(fieldErrors(() -> WorkOrderInput.changes(json("{'customFields': {'extra': 1}}"), full)),
                    "customFields", "must have at most 100 fields");
            var swapped = WorkOrderInput.changes(json("{'customFields': {'extra': 1, 'f0': null}}"), full);
            assertEquals(WorkOrderInput.CUSTOM_FIELDS_MAX, json(swapped.customFields().orElseThrow()).size());
        }

        @Test
        void patchedThroughTheAggregateEachCustomKeyBecomesAnEvent() {
            var events = current.update(changes("{'title': 'Leaking tap', 'customFields': {'floor': 3, 'urgent': null}}"),
                    Fixtures.AGENT);
            assertEquals(List.of("customFields.floor", "customFields.urgent"),
                    events.stream().map(WorkOrderEvent::field).toList());
            assertEquals("3", events.getFirst().newValue());
            assertNull(events.get(1).newValue());
            assertEquals(json("{'floor': 3}"), json(current.customFields()));
        }

        @Test
        void reportsEveryProblemAtOnce() {
            var errors = fieldErrors(() -> changes("""
                    {'status': 'CLOSED', 'title': '  ', 'description': 5, 'dueAt': 'soon',
                     'customFields': {'bad key': 1}}"""));
            assertEquals(List.of("status", "title", "description", "dueAt", "customFields.bad key"), fields(errors));
        }
    }
}
