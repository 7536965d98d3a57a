package dev.orden.csat;

import java.time.Instant;
import java.util.UUID;

/** One order's satisfaction rating: 1–5, an optional comment, who gave it, when, and how (portal or link). */
public record Rating(UUID orderId, int score, String comment, String ratedBy, String ratedByName, String via,
                     Instant ratedAt) {}
