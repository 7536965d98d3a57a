package dev.orden.plugin.storage;

import java.util.Objects;

/**
 * What a scanner found: {@link Outcome#CLEAN}, {@link Outcome#INFECTED} (with the signature's name) or
 * {@link Outcome#ERROR} (the scan could not be done; Orden refuses the file rather than keep it unscanned).
 */
public record ScanVerdict(Outcome outcome, String detail) {

    public enum Outcome { CLEAN, INFECTED, ERROR }

    public ScanVerdict {
        Objects.requireNonNull(outcome, "outcome");
        if (outcome != Outcome.CLEAN && (detail == null || detail.isBlank())) {
            throw new IllegalArgumentException("An infected or failed scan says what it found or why it failed");
        }
    }

    public static ScanVerdict clean() {
        return new ScanVerdict(Outcome.CLEAN, null);
    }

    /** @param signature the name of what was found, e.g. {@code Eicar-Test-Signature} */
    public static ScanVerdict infected(String signature) {
        return new ScanVerdict(Outcome.INFECTED, signature);
    }

    public static ScanVerdict error(String why) {
        return new ScanVerdict(Outcome.ERROR, why);
    }

    public boolean isClean() {
        return outcome == Outcome.CLEAN;
    }
}
