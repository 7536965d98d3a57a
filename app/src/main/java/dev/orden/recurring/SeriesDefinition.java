package dev.orden.recurring;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;

/** What a dispatcher defines: the order to make ({@code template}, a create request's body) and when. */
record SeriesDefinition(String name, JsonObject template, Schedule schedule, ZoneId zone, int leadDays,
                        LocalDate endsOn, Integer maxOccurrences) {

    Plan plan() {
        return new Plan(schedule, zone, leadDays, endsOn, maxOccurrences);
    }
}
