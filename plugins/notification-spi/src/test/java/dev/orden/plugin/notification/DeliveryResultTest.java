package dev.orden.plugin.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DeliveryResultTest {

    @Test
    void aFailureSaysWhyAndWhetherToTryAgain() {
        var down = DeliveryResult.failed("connection refused", true);
        assertFalse(down.isDelivered());
        assertTrue(down.retryable());
        assertEquals("connection refused", down.reason());
        assertThrows(NullPointerException.class, () -> DeliveryResult.failed(null, false));
        assertTrue(DeliveryResult.delivered().isDelivered());
    }

    @Test
    void aMessageAlwaysHasTextsEvenIfEmpty() {
        var message = new NotificationMessage("d", "t", "assigned", null, null,
                new Recipient("u", null, null, "en"), null, null, null, null);
        assertEquals("", message.subject());
        assertEquals("", message.text());
        assertThrows(NullPointerException.class, () -> new NotificationMessage("d", "t", null, null, null,
                new Recipient("u", null, null, "en"), "", "", null, null));
    }
}
