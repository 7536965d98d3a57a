package dev.orden.csat;

import dev.orden.shared.problem.FieldError;
import dev.orden.shared.problem.ProblemException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;

/** A rating as sent: {@code score} 1–5 (a whole number), {@code comment} optional text; every problem in one 422. */
record RatingInput(int score, String comment) {

    static final int COMMENT_MAX = 2000;

    static RatingInput read(JsonObject json) {
        if (json == null) throw ProblemException.invalid("body", "a JSON object is required");
        var errors = new ArrayList<FieldError>();
        json.keySet().stream().filter(key -> !key.equals("score") && !key.equals("comment")).sorted()
                .forEach(key -> errors.add(new FieldError(key, "is not a field of a rating")));
        int score = 0;
        if (!(json.get("score") instanceof JsonNumber number)
                || number.bigDecimalValue().stripTrailingZeros().scale() > 0) {
            errors.add(new FieldError("score", json.containsKey("score") ? "must be a whole number from 1 to 5"
                    : "is required"));
        } else if (number.bigDecimalValue().compareTo(BigDecimal.ONE) < 0
                || number.bigDecimalValue().compareTo(BigDecimal.valueOf(5)) > 0) {
            errors.add(new FieldError("score", "must be from 1 to 5"));
        } else {
            score = number.intValue();
        }
        String comment = null;
        var raw = json.get("comment");
        if (raw instanceof JsonString text) {
            comment = text.getString().strip();
            if (comment.codePointCount(0, comment.length()) > COMMENT_MAX) {
                errors.add(new FieldError("comment", "must have at most " + COMMENT_MAX + " characters"));
            }
            if (comment.isEmpty()) comment = null;
        } else if (raw != null && raw.getValueType() != JsonValue.ValueType.NULL) {
            errors.add(new FieldError("comment", "must be text"));
        }
        if (!errors.isEmpty()) throw ProblemException.invalid(errors);
        return new RatingInput(score, comment);
    }
}
