package dev.orden.csat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orden.shared.problem.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class RatingInputTest {

    @Test
    void aScoreFromOneToFiveWithAnOptionalComment() {
        assertEquals(new RatingInput(5, "Great"), RatingInput.read(json("{\"score\": 5, \"comment\": \" Great \"}")));
        assertNull(RatingInput.read(json("{\"score\": 1, \"comment\": \"  \"}")).comment());
        assertEquals(3, RatingInput.read(json("{\"score\": 3.0}")).score());
    }

    @Test
    void everyProblemIsReportedOnItsField() {
        assertEquals(List.of("score: is required"), errors("{}"));
        assertEquals(List.of("score: must be from 1 to 5"), errors("{\"score\": 6}"));
        assertEquals(List.of("score: must be from 1 to 5"), errors("{\"score\": 0}"));
        assertEquals(List.of("score: must be a whole number from 1 to 5"), errors("{\"score\": 4.5}"));
        assertEquals(List.of("stars: is not a field of a rating", "score: must be a whole number from 1 to 5",
                "comment: must be text"), errors("{\"score\": \"5\", \"comment\": 3, \"stars\": 5}"));
        assertEquals(List.of("comment: must have at most 2000 characters"),
                errors("{\"score\": 2, \"comment\": \"" + "x".repeat(2001) + "\"}"));
    }

    private static List<String> errors(String body) {
        var problem = assertThrows(ProblemException.class, () -> RatingInput.read(json(body))).problem();
        assertEquals(422, problem.status());
        return problem.errors().stream().map(e -> e.field() + ": " + e.message()).toList();
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
