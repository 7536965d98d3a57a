package dev.orden.attachment;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.regex.Pattern;

/**
 * A download's answer: the file streamed from its store (a chunk at a time, after the request's transaction), with
 * headers that keep a browser from treating it as anything but what it is (with the Content-Security-Policy sandbox
 * and nosniff that {@code dev.orden.platform.SecurityHeaders} puts on every API answer).
 */
final class Downloads {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    private static final int BUFFER = 64 * 1024;

    private Downloads() {}

    /** The bytes asked for: {@code [first, first + length)}. */
    record Span(long first, long length) {}

    static Response response(AttachmentService.Download download, String range, String ifNoneMatch,
                             boolean asAttachment, Stores stores) {
        var a = download.attachment();
        var etag = "\"" + a.sha256() + "\"";
        if (ifNoneMatch != null && ifNoneMatch.contains(etag)) return Response.notModified().tag(a.sha256()).build();
        var span = span(range, a.size());
        if (span == null) {
            return Response.status(416).header("Content-Range", "bytes */" + a.size()).build();
        }
        StreamingOutput body = out -> copy(download, stores, span, out);
        var inline = !asAttachment && AttachmentSettings.INLINE_TYPES.contains(a.contentType());
        var answer = (span.length() == a.size() && (range == null || span.first() == 0)
                ? Response.ok(body) : Response.status(206).entity(body)
                        .header("Content-Range", "bytes " + span.first() + "-" + (span.first() + span.length() - 1)
                                + "/" + a.size()));
        return answer.type(a.contentType().startsWith("text/") ? a.contentType() + "; charset=utf-8" : a.contentType())
                .header(HttpHeaders.CONTENT_LENGTH, span.length())
                .header("Content-Disposition", FileNames.disposition(inline ? "inline" : "attachment", a.fileName()))
                .header("Cache-Control", "private, no-cache")
                .header("Accept-Ranges", "bytes")
                .header(HttpHeaders.ETAG, etag)
                .build();
    }

    /**
     * One range of {@code bytes=a-b}, {@code a-} or {@code -n}, clipped to the size; the whole file without a
     * range (or with several, which are not served as such); null when it starts past the end.
     */
    static Span span(String range, long size) {
        var whole = new Span(0, size);
        if (range == null) return whole;
        var m = RANGE.matcher(range.strip());
        if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) return whole;
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Math.min(Long.parseLong(m.group(2)), size);
                return suffix == 0 ? null : new Span(size - suffix, suffix);
            }
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
            if (first >= size || last < first) return null;
            return new Span(first, last - first + 1);
        } catch (NumberFormatException e) {
            return whole;
        }
    }

    private static void copy(AttachmentService.Download download, Stores stores, Span span, OutputStream out)
            throws IOException {
        var a = download.attachment();
        try (var store = stores.open(download.store(), download.tenantId());
             InputStream in = store.read(a.storageKey(), span.first())) {
            var buffer = new byte[BUFFER];
            long left = span.length();
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) throw new IOException("The stored file " + a.id() + " ends early");
                out.write(buffer, 0, n);
                left -= n;
            }
        }
    }
}
