package dev.orden.assignment;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordsTest {

    @Test
    void wholeWordsAndPhrasesIgnoringCaseAndAccents() {
        assertTrue(Keywords.any("La CALEFACCIÓN no enciende", List.of("calefaccion")));
        assertTrue(Keywords.any("La calefacción no  enciende.", List.of("no enciende")));
        assertTrue(Keywords.any("Fuga de agua", List.of("inundación", "FUGA")));
        assertFalse(Keywords.any("Fugaz", List.of("fuga")), "part of a word is not the word");
        assertFalse(Keywords.any("no se enciende", List.of("no enciende")), "a phrase is its words in a row");
        assertFalse(Keywords.any("anything", List.of("  ", "!")), "a keyword of no letters matches nothing");
        assertFalse(Keywords.any(null, List.of("fuga")));
    }
}
