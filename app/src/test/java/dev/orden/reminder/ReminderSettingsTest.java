package dev.orden.reminder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.config.BundleFiles;
import jakarta.json.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReminderSettingsTest {

    static final Path CONFIG = Path.of("..", "tenant-config");

    @Test
    void acmesFileAsTheSchedulingReadsIt() {
        var acme = ReminderSettings.of(BundleFiles.readFolder(CONFIG.resolve("acme")));
        assertEquals(Optional.of(Duration.ofMinutes(120)), acme.assignedAfter());
        assertEquals(List.of(Duration.ofHours(24), Duration.ofHours(2)), acme.dueSoonBefore());
        assertTrue(acme.overdue());
        assertEquals(Optional.of(Duration.ofMinutes(30)), acme.unassignedAfter());
    }

    @Test
    void aKindLeftOutOrDisabledIsNotSentAndNoPartSendsNothing() {
        var bundle = Json.createObjectBuilder().add("reminders", Json.createObjectBuilder()
                .add("dueSoon", Json.createObjectBuilder().add("enabled", false)
                        .add("beforeMinutes", Json.createArrayBuilder().add(60)))
                .add("overdue", Json.createObjectBuilder())).build();
        var settings = ReminderSettings.of(bundle);
        assertFalse(settings.sends(ReminderKind.DUE_SOON));
        assertTrue(settings.sends(ReminderKind.OVERDUE), "enabled unless it says otherwise");
        assertFalse(settings.sends(ReminderKind.ASSIGNED));
        assertFalse(settings.sends(ReminderKind.UNASSIGNED_TIMEOUT));
        assertTrue(settings.sends(ReminderKind.RULE), "a rule's reminder is the rule's to decide");
        assertEquals(ReminderSettings.NONE, ReminderSettings.of(Json.createObjectBuilder().build()));
    }
}
