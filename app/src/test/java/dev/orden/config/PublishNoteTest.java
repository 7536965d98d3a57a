package dev.orden.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orden.shared.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** The note a publish request may carry: optional, trimmed, a string of at most 500 characters. */
class PublishNoteTest {

    @Test
    void noBodyOrNoNoteIsNoNote() {
        assertNull(ConfigBundles.noteFromRequest(null));
        assertNull(ConfigBundles.noteFromRequest(""));
        assertNull(ConfigBundles.noteFromRequest("{}"));
        assertNull(ConfigBundles.noteFromRequest("{\"note\": null}"));
        assertNull(ConfigBundles.noteFromRequest("{\"note\": \"   \"}"));
    }

    @Test
    void theNoteIsTrimmed() {
        assertEquals("New warranty field", ConfigBundles.noteFromRequest("{\"note\": \"  New warranty field \"}"));
    }

    @Test
    void aNoteTooLongOrNotTextIsRefusedOnNote() {
        var tooLong = "{\"note\": \"" + "x".repeat(501) + "\"}";
        assertEquals("note", fieldOf(assertThrows(ProblemException.class, () -> ConfigBundles.noteFromRequest(tooLong))));
        assertEquals(500, ConfigBundles.noteFromRequest("{\"note\": \"" + "x".repeat(500) + "\"}").length());
        assertEquals("note", fieldOf(assertThrows(ProblemException.class,
                () -> ConfigBundles.noteFromRequest("{\"note\": 12}"))));
    }

    private static String fieldOf(ProblemException problem) {
        return problem.problem().errors().getFirst().field();
    }
}
