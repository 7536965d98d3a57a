package dev.orden.reminder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RemindEffectTest {

    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    static RemindEffect read(String json) {
        return RemindEffect.read(Json.createReader(new java.io.StringReader(json)).readObject(), NOW);
    }

    @Test
    void anInstantAheadWithAnOffsetAndARecipientIsAccepted() {
        var remind = read("{\"type\":\"remind\",\"at\":\"2026-11-28T09:00:00+01:00\",\"to\":\" assignee \","
                + "\"message\":\"Call the customer\"}");
        assertNull(remind.refusal());
        assertEquals(Instant.parse("2026-11-28T08:00:00Z"), remind.at());
        assertEquals("assignee", remind.to());
        assertEquals("Call the customer", remind.message());
    }

    @Test
    void eachBadShapeIsRefusedSayingWhy() {
        assertRefused("{\"to\":\"assignee\"}", "'at' must be an ISO instant");
        assertRefused("{\"at\":\"tomorrow\",\"to\":\"assignee\"}", "not 'tomorrow'");
        assertRefused("{\"at\":\"2026-11-28T09:00:00\",\"to\":\"assignee\"}", "ISO instant");
        assertRefused("{\"at\":\"2026-11-27T09:59:59Z\",\"to\":\"assignee\"}", "in the future");
        assertRefused("{\"at\":\"2027-12-01T00:00:00Z\",\"to\":\"assignee\"}", "within 366 days");
        assertRefused("{\"at\":\"2026-11-28T09:00:00Z\"}", "'to' must be");
        assertRefused("{\"at\":\"2026-11-28T09:00:00Z\",\"to\":3}", "'to' must be");
        assertRefused("{\"at\":\"2026-11-28T09:00:00Z\",\"to\":\"team\",\"message\":\"\"}", "'message'");
    }

    private static void assertRefused(String json, String reason) {
        var remind = read(json);
        assertTrue(remind.refusal() != null && remind.refusal().contains(reason), json + " -> " + remind.refusal());
    }
}
