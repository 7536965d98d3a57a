package dev.orden.attachment;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Watches an SVG as it streams past for anything that runs code when the image is opened as a document: script
 * elements, event-handler attributes, {@code javascript:} URLs, embedded HTML. Looks across read boundaries by
 * keeping the last characters of the previous read.
 */
final class ScriptGuard extends FilterInputStream {

    private static final Pattern ACTIVE = Pattern.compile(
            "<script|javascript:|<foreignobject|<iframe|<embed|<object|[\\s\"'/]on[a-z]+\\s*=|<!entity");
    private static final int OVERLAP = 64;

    private String tail = "";
    private String found;

    ScriptGuard(InputStream in) {
        super(in);
    }

    /** What was found, or null. */
    String found() {
        return found;
    }

    @Override
    public int read() throws IOException {
        var one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0 && found == null) look(new String(buffer, offset, n, StandardCharsets.ISO_8859_1));
        return n;
    }

    private void look(String chunk) {
        var text = (tail + chunk).toLowerCase(Locale.ROOT);
        var matcher = ACTIVE.matcher(text);
        if (matcher.find()) found = matcher.group().strip();
        tail = text.substring(Math.max(0, text.length() - OVERLAP));
    }
}
