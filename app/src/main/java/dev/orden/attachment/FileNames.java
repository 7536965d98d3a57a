package dev.orden.attachment;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * File names in and out: the name an upload gives (a {@code filename} parameter, or {@code Content-Disposition}'s
 * RFC 6266 {@code filename*} / {@code filename}) made safe to keep, and the {@code Content-Disposition} a download
 * answers with (an ASCII {@code filename} for old clients, the exact one as {@code filename*}).
 */
final class FileNames {

    static final int MAX_LENGTH = 255;
    private static final Pattern EXTENDED = Pattern.compile("filename\\*\\s*=\\s*([\\w!#$&+.^`|~-]+)'[^']*'([^;\\s]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern QUOTED = Pattern.compile("filename\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TOKEN = Pattern.compile("filename\\s*=\\s*([^;\\s\"]+)", Pattern.CASE_INSENSITIVE);

    private FileNames() {}

    /** The name the upload gives, or null when it gives none. */
    static String fromUpload(String parameter, String contentDisposition) {
        if (parameter != null && !parameter.isBlank()) return parameter;
        if (contentDisposition == null) return null;
        var extended = EXTENDED.matcher(contentDisposition);
        if (extended.find() && extended.group(1).equalsIgnoreCase("UTF-8")) {
            try {
                return URLDecoder.decode(extended.group(2).replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        var quoted = QUOTED.matcher(contentDisposition);
        if (quoted.find()) return quoted.group(1).replaceAll("\\\\(.)", "$1");
        var token = TOKEN.matcher(contentDisposition);
        return token.find() ? token.group(1) : null;
    }

    /** The last path segment, without control characters, trimmed, at most {@value #MAX_LENGTH} characters. */
    static String clean(String name) {
        if (name == null) return "";
        var base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        var cleaned = base.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}\\u202A-\\u202E\\u2066-\\u2069]", "").strip();
        if (cleaned.equals(".") || cleaned.equals("..")) return "";
        return cleaned.codePointCount(0, cleaned.length()) <= MAX_LENGTH ? cleaned
                : cleaned.substring(0, cleaned.offsetByCodePoints(0, MAX_LENGTH));
    }

    /** {@code attachment; filename="caf_.pdf"; filename*=UTF-8''caf%C3%A9.pdf} (RFC 6266, RFC 8187). */
    static String disposition(String type, String name) {
        var ascii = new StringBuilder();
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%'
                ? (char) c : '_'));
        return type + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encode(name);
    }

    /** RFC 8187 value characters: ALPHA / DIGIT / "!#$&+-.^_`|~"; everything else percent-encoded as UTF-8. */
    private static String encode(String name) {
        var out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) out.append((char) c);
            else out.append('%').append(String.format("%02X", c));
        }
        return out.toString();
    }
}
