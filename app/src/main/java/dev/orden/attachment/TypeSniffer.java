package dev.orden.attachment;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A file's type from its first bytes (magic numbers, then text and markup), never from what the client declares:
 * a declared type only refines what the bytes cannot tell (a zip that is a .docx, text that is CSV), and one that
 * contradicts them is refused.
 */
final class TypeSniffer {

    static final int HEAD_BYTES = 8192;
    static final String UNKNOWN = "application/octet-stream";
    static final String ZIP = "application/zip";
    static final String TEXT = "text/plain";
    static final String HTML = "text/html";
    static final String SVG = "image/svg+xml";
    static final String XML = "application/xml";
    static final String EXECUTABLE = "application/x-executable";

    private static final Map<String, String> ZIP_KINDS = Map.of(
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "odt", "application/vnd.oasis.opendocument.text",
            "ods", "application/vnd.oasis.opendocument.spreadsheet");
    private static final Map<String, String> TEXT_KINDS = Map.of("csv", "text/csv", "txt", TEXT, "log", TEXT);
    private static final Map<String, String> ALIASES = Map.of("image/jpg", "image/jpeg", "image/pjpeg", "image/jpeg",
            "application/x-zip-compressed", ZIP, "application/csv", "text/csv", "text/comma-separated-values",
            "text/csv");
    private static final Set<String> HTML_STARTS = Set.of("<!doctype html", "<html", "<head", "<body", "<script",
            "<iframe", "<!--", "<meta", "<title", "<style", "<a ", "<div", "<img", "<form");
    private static final Pattern HTML_ANYWHERE = Pattern.compile("<(script|html|body|iframe)[\\s>/]");
    private static final Pattern SVG_TAG = Pattern.compile("<svg[\\s>/]");

    private TypeSniffer() {}

    /** The media type the bytes show, {@value #UNKNOWN} when they show none. */
    static String sniff(byte[] head, int length) {
        var b = Arrays.copyOf(head, Math.max(0, length));
        if (starts(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) return "image/png";
        if (starts(b, 0, 0xFF, 0xD8, 0xFF)) return "image/jpeg";
        if (ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a")) return "image/gif";
        if (ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP")) return "image/webp";
        if (ascii(b, 0, "%PDF-")) return "application/pdf";
        if (starts(b, 0, 'P', 'K', 3, 4) || starts(b, 0, 'P', 'K', 5, 6)) return ZIP;
        if (ascii(b, 4, "ftyp")) return isoMedia(b);
        if (executable(b)) return EXECUTABLE;
        return text(b);
    }

    /**
     * The type to keep: the sniffed one, refined by the declared type or the name's extension where the bytes
     * cannot tell; a declared type of another kind is a contradiction (null).
     */
    static String resolve(String sniffed, String declared, String fileName) {
        var given = normalise(declared);
        var extension = extension(fileName);
        var refined = sniffed;
        if (sniffed.equals(ZIP)) refined = refine(ZIP_KINDS, given, extension, ZIP);
        if (sniffed.equals(TEXT)) refined = refine(TEXT_KINDS, given, extension, TEXT);
        if (given == null || given.equals(UNKNOWN) || given.equals(refined)) return refined;
        if (sniffed.equals(TEXT) && given.startsWith("text/") && !given.equals(HTML)) return refined;
        return null;
    }

    /** The declared type without parameters, lower case and with common aliases folded; null when none. */
    static String normalise(String declared) {
        if (declared == null || declared.isBlank()) return null;
        var type = declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return ALIASES.getOrDefault(type, type);
    }

    private static String refine(Map<String, String> kinds, String declared, String extension, String fallback) {
        if (declared != null && !declared.equals(fallback) && kinds.containsValue(declared)) return declared;
        return kinds.getOrDefault(extension, fallback);
    }

    private static String extension(String fileName) {
        if (fileName == null) return "";
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String isoMedia(byte[] b) {
        var brand = b.length >= 12 ? new String(b, 8, 4, StandardCharsets.ISO_8859_1) : "";
        return switch (brand) {
            case "heic", "heix", "heim", "heis", "mif1", "msf1" -> "image/heic";
            case "qt  " -> "video/quicktime";
            default -> "video/mp4";
        };
    }

    /** Windows PE, ELF, Mach-O (and Java classes, which share its fat magic), scripts with a {@code #!} line. */
    private static boolean executable(byte[] b) {
        return ascii(b, 0, "MZ") || starts(b, 0, 0x7F, 'E', 'L', 'F') || starts(b, 0, 0xCA, 0xFE, 0xBA, 0xBE)
                || starts(b, 0, 0xFE, 0xED, 0xFA, 0xCE) || starts(b, 0, 0xFE, 0xED, 0xFA, 0xCF)
                || starts(b, 0, 0xCE, 0xFA, 0xED, 0xFE) || starts(b, 0, 0xCF, 0xFA, 0xED, 0xFE)
                || ascii(b, 0, "#!");
    }

    /** UTF-8 text without NUL bytes: HTML, SVG, other XML or plain text; else unknown. */
    private static String text(byte[] b) {
        if (b.length == 0) return UNKNOWN;
        for (byte x : b) if (x == 0) return UNKNOWN;
        var decoded = utf8(b);
        if (decoded == null) return UNKNOWN;
        var lower = decoded.replaceFirst("^\uFEFF", "").stripLeading().toLowerCase(Locale.ROOT);
        if (HTML_STARTS.stream().anyMatch(lower::startsWith)) {
            return SVG_TAG.matcher(lower).find() && !HTML_ANYWHERE.matcher(lower).find() ? SVG : HTML;
        }
        if (lower.startsWith("<")) {
            if (SVG_TAG.matcher(lower).find()) return SVG;
            return HTML_ANYWHERE.matcher(lower).find() ? HTML : XML;
        }
        return HTML_ANYWHERE.matcher(lower).find() ? HTML : TEXT;
    }

    /** The text, a multi-byte character cut off at the end of the head forgiven; null when not UTF-8. */
    private static String utf8(byte[] b) {
        for (int cut = 0; cut < 4 && cut < b.length; cut++) {
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(b, 0, b.length - cut)).toString();
            } catch (CharacterCodingException e) {
                if (b.length < TypeSniffer.HEAD_BYTES) return null;
            }
        }
        return null;
    }

    private static boolean starts(byte[] b, int at, int... expected) {
        if (b.length < at + expected.length) return false;
        for (int i = 0; i < expected.length; i++) if ((b[at + i] & 0xFF) != expected[i]) return false;
        return true;
    }

    private static boolean ascii(byte[] b, int at, String expected) {
        return starts(b, at, expected.chars().toArray());
    }
}
