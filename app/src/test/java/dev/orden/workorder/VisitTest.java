package dev.orden.workorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.shared.problem.FieldError;
import jakarta.json.Json;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VisitTest {

    private static final Visit NINE_TO_ELEVEN = new Visit(Instant.parse("2026-12-01T08:00:00Z"),
            Instant.parse("2026-12-01T10:00:00Z"));

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void aPatchWithoutTheFieldsLeavesTheVisitAlone() {
        var errors = new ArrayList<FieldError>();
        assertEquals(Optional.empty(), Visit.read(Json.createObjectBuilder().add("title", "x").build(), NINE_TO_ELEVEN,
                errors));
        assertTrue(errors.isEmpty());
    }

    @Test
    void oneFieldMovesThatEndOfTheCurrentVisit() {
        var errors = new ArrayList<FieldError>();
        var moved = Visit.read(Json.createObjectBuilder().add("scheduledEnd", "2026-12-01T12:00:00+01:00").build(),
                NINE_TO_ELEVEN, errors);
        assertEquals(new Visit(NINE_TO_ELEVEN.start(), Instant.parse("2026-12-01T11:00:00Z")), moved.orElseThrow().orElseThrow());
        var early = Visit.read(Json.createObjectBuilder().add("scheduledEnd", "2026-12-01T08:00:00Z").build(),
                NINE_TO_ELEVEN, errors);
        assertEquals(Optional.empty(), early);
        assertEquals(List.of("scheduledEnd"), fields(errors));
    }

    @Test
    void bothNullClearAndOneAloneIsMissingItsPartner() {
        var errors = new ArrayList<FieldError>();
        var cleared = Visit.read(Json.createObjectBuilder().addNull("scheduledStart").addNull("scheduledEnd").build(),
                NINE_TO_ELEVEN, errors);
        assertEquals(Optional.of(Optional.empty()), cleared);
        Visit.read(Json.createObjectBuilder().addNull("scheduledEnd").build(), NINE_TO_ELEVEN, errors);
        Visit.read(Json.createObjectBuilder().add("scheduledEnd", "2026-12-01T10:00:00Z").build(), null, errors);
        assertEquals(List.of("scheduledEnd", "scheduledStart"), fields(errors));
    }

    @Test
    void aDayBoundIsTheTenantsLocalDayTheEndInclusive() {
        var errors = new ArrayList<FieldError>();
        var madrid = ZoneId.of("Europe/Madrid");
        assertEquals(Instant.parse("2026-03-28T23:00:00Z"), Visit.bound("scheduledFrom", "2026-03-29", madrid, false, errors));
        assertEquals(Instant.parse("2026-03-29T22:00:00Z"), Visit.bound("scheduledTo", "2026-03-29", madrid, true, errors),
                "the day of the change to summer time has 23 hours");
        assertEquals(Instant.parse("2026-03-29T10:00:00Z"), Visit.bound("scheduledTo", "2026-03-29T12:00+02:00", madrid,
                true, errors));
        Visit.bound("scheduledFrom", "soon", madrid, false, errors);
        assertEquals(List.of("scheduledFrom"), fields(errors));
    }
}
