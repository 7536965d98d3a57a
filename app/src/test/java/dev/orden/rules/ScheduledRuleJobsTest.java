package dev.orden.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orden.schedule.Job;
import jakarta.json.Json;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ScheduledRuleJobsTest {

    private static Job due(String cron, String zone, Instant at) {
        return new Job(UUID.randomUUID(), UUID.randomUUID(), ScheduledRuleJobs.KIND, "nightly", cron + " " + zone,
                Json.createObjectBuilder().add("cron", cron).add("zone", zone).build(), at, 1, UUID.randomUUID(), null);
    }

    @Test
    void aJobRunOnTimeIsDueAtTheNextCronTime() {
        var at = Instant.parse("2026-03-06T02:00:00Z");
        assertEquals(Optional.of(Instant.parse("2026-03-07T02:00:00Z")),
                ScheduledRuleJobs.next(due("0 2 * * *", "UTC", at), at.plusSeconds(3)));
    }

    @Test
    void timesMissedWhileNoServerRanAreNotCaughtUpOneByOne() {
        var hourly = due("0 * * * *", "UTC", Instant.parse("2026-03-06T02:00:00Z"));
        var now = Instant.parse("2026-03-06T09:20:00Z");
        assertEquals(Optional.of(Instant.parse("2026-03-06T10:00:00Z")), ScheduledRuleJobs.next(hourly, now));
    }

    @Test
    void theZoneOfTheJobIsTheZoneOfItsTimes() {
        var job = due("0 7 * * *", "Europe/Madrid", Instant.parse("2026-07-01T05:00:00Z"));
        assertEquals(Optional.of(Instant.parse("2026-07-02T05:00:00Z")),
                ScheduledRuleJobs.next(job, Instant.parse("2026-07-01T05:00:01Z")));
    }

    @Test
    void schedulesAreReadInTheTenantsTimeZone() {
        var settings = Json.createObjectBuilder().add("timeZone", "Europe/Madrid");
        assertEquals(java.time.ZoneId.of("Europe/Madrid"),
                ScheduledRuleJobs.zone(Json.createObjectBuilder().add("settings", settings).build()));
        assertEquals(java.time.ZoneId.of("UTC"), ScheduledRuleJobs.zone(Json.createObjectBuilder().build()));
    }

    @Test
    void aJobWithoutAValidCronIsNeverDueAgain() {
        var job = due("whenever", "UTC", Instant.parse("2026-03-06T02:00:00Z"));
        assertEquals(Optional.empty(), ScheduledRuleJobs.next(job, Instant.parse("2026-03-06T02:00:01Z")));
    }
}
