package dev.orden.recurring;

import dev.orden.shared.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.UUID;

/** A stored series: its definition, where it stands, and when its next order is due. */
record Series(UUID id, SeriesDefinition definition, Status status, Instant nextOccurrence, int generated,
              int revision, Instant createdAt, String createdBy, Instant updatedAt) {

    enum Status { ACTIVE, PAUSED, ENDED }

    /** The series with its next occurrence, status and count moved on (a new revision: its job is re-timed). */
    Series moved(Status status, Instant next, int generated) {
        return new Series(id, definition, status, next, generated, revision + 1, createdAt, createdBy, updatedAt);
    }

    /**
     * The series after its {@code occurrence} was made or skipped, {@code generated} orders made in all: on to the
     * following occurrence; ended when none follows (an after-completion series only once exhausted, since its
     * next one waits for a completion).
     */
    Series advancedPast(Instant occurrence, int generated, Instant now) {
        var plan = definition.plan();
        var following = plan.after(occurrence, generated);
        var ended = following.isEmpty() && (!afterCompletion() || plan.exhausted(generated, now));
        return moved(ended ? Status.ENDED : Status.ACTIVE, following.orElse(null), generated);
    }

    Series defined(SeriesDefinition changed) {
        return new Series(id, changed, status, nextOccurrence, generated, revision, createdAt, createdBy, updatedAt);
    }

    boolean afterCompletion() {
        return definition.schedule() instanceof Schedule.AfterCompletion;
    }

    /** The definition as a request body would give it, which is also how it is stored and read back. */
    JsonObject definitionJson() {
        return body(definition).build();
    }

    static JsonObjectBuilder body(SeriesDefinition d) {
        var json = Json.createObjectBuilder().add("name", d.name()).add("template", d.template())
                .add("schedule", d.schedule().json()).add("zone", d.zone().getId()).add("leadDays", d.leadDays());
        if (d.endsOn() != null) json.add("endsOn", d.endsOn().toString());
        if (d.maxOccurrences() != null) json.add("maxOccurrences", d.maxOccurrences());
        return json;
    }

    /** What the API shows. */
    JsonObject json() {
        var json = body(definition).add("id", id.toString()).add("status", status.name())
                .add("generated", generated).add("createdAt", createdAt.toString()).add("createdBy", createdBy)
                .add("updatedAt", updatedAt.toString());
        if (nextOccurrence != null) {
            json.add("nextOccurrence", nextOccurrence.toString())
                    .add("nextOrderAt", definition.plan().createAt(nextOccurrence).toString());
        }
        return json.build();
    }
}
