package dev.orden.assignment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** {@code {"availability": "away", "until": "2026-08-31T22:00:00Z"}}; {@code until} only for an absence. */
public record AvailabilityRequest(
        @NotNull(message = "is required")
        @Pattern(regexp = "active|away", message = "must be active or away") String availability,
        String until) {}
