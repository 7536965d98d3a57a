package dev.orden.csat;

import java.time.Instant;

/** A rating as the API shows it. */
public record RatingView(int score, String comment, Instant ratedAt, Person ratedBy, String via) {

    public record Person(String id, String name) {}

    static RatingView of(Rating rating) {
        return new RatingView(rating.score(), rating.comment(), rating.ratedAt(),
                new Person(rating.ratedBy(), rating.ratedByName()), rating.via());
    }
}
