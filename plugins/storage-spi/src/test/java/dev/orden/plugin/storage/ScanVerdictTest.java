package dev.orden.plugin.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScanVerdictTest {

    @Test
    void onlyACleanVerdictIsClean() {
        assertTrue(ScanVerdict.clean().isClean());
        assertFalse(ScanVerdict.infected("Eicar-Test-Signature").isClean());
        assertEquals(ScanVerdict.Outcome.ERROR, ScanVerdict.error("clamd timed out").outcome());
    }

    @Test
    void aRefusalSaysWhy() {
        assertThrows(IllegalArgumentException.class, () -> ScanVerdict.infected(" "));
        assertThrows(IllegalArgumentException.class, () -> new ScanVerdict(ScanVerdict.Outcome.ERROR, null));
    }
}
