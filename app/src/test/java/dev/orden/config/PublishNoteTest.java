package dev.orden.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orden.shared.problem.ProblemException;
import org.junit.jupiter.api.Test;

class PublishNoteTest {

    @Test
    void noBodyNoNoteOrABlankOneIsNoNote() {
        assertNull(PublishNote.of(null));
        assertNull(PublishNote.of(""));
        assertNull(PublishNote.of("{}"));
        assertNull(PublishNote.of("{\"note\": null}"));
        assertNull(PublishNote.of("{\"note\": \"  \"}"));
    }

    @Test
    void theNoteIsKeptStripped() {
        assertEquals("Route leaks to plumbing", PublishNote.of("{\"note\": \" Route leaks to plumbing \"}"));
    }

    @Test
    void anythingElseIsRefusedAtNote() {
        var notText = assertThrows(ProblemException.class, () -> PublishNote.of("{\"note\": 5}"));
        assertEquals("note", notText.problem().errors().getFirst().field());
        var tooLong = assertThrows(ProblemException.class,
                () -> PublishNote.of("{\"note\": \"" + "x".repeat(501) + "\"}"));
        assertEquals("note", tooLong.problem().errors().getFirst().field());
        assertThrows(ProblemException.class, () -> PublishNote.of("[1]"));
    }
}
