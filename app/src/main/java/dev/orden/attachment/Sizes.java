package dev.orden.attachment;

import java.util.Locale;

/** Sizes as people read them. */
final class Sizes {

    private Sizes() {}

    /** What a history entry says of a file's size: {@code 2.4 MB (2516582 bytes)}. */
    static String history(long bytes) {
        return describe(bytes) + " (" + bytes + " bytes)";
    }

    static String describe(long bytes) {
        if (bytes < 1024) return bytes + " B";
        if (bytes < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        if (bytes < 1024L * 1024 * 1024) return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        return String.format(Locale.ROOT, "%.1f GB", bytes / (1024.0 * 1024 * 1024));
    }
}
