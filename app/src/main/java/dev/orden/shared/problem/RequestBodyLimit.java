package dev.orden.shared.problem;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * No request body larger than {@code orden.api.max-body-bytes} (1 MiB) is read: a declared length over the limit
 * is refused at once with 413, and a body without one (chunked) is cut off when it passes the limit, so a client
 * cannot make the server buffer an arbitrary document (a configuration bundle of 200 fields is about 43 KB).
 */
@Provider
@PreMatching
@Priority(Priorities.ENTITY_CODER)
public class RequestBodyLimit implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "orden.api.max-body-bytes", defaultValue = "1048576")
    long maxBytes;

    /** Imports ({@code dev.orden.porting}) stream their bodies, so they may be larger: 100k orders are ~20 MB. */
    @Inject
    @ConfigProperty(name = "orden.import.max-body-bytes", defaultValue = "1073741824")
    long maxImportBytes;

    @Override
    public void filter(ContainerRequestContext request) {
        if (isUpload(request)) return;
        var limit = request.getUriInfo().getPath().contains("admin/import") ? maxImportBytes : maxBytes;
        if (request.getLength() > limit) throw tooLarge(limit);
        if (request.hasEntity()) request.setEntityStream(new Bounded(request.getEntityStream(), limit));
    }

    /** Attachment uploads (and staged ones) are streamed and bounded by their own limits (dev.orden.attachment). */
    private static boolean isUpload(ContainerRequestContext request) {
        return "POST".equals(request.getMethod())
                && request.getUriInfo().getPath().matches("/?(workorders/[^/]+/attachments|uploads)/?");
    }

    private static ProblemException tooLarge(long maxBytes) {
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
                "The request body may be at most " + maxBytes + " bytes");
    }

    /** Counts what is read and fails once the limit is passed. */
    private static final class Bounded extends FilterInputStream {
        private final long limit;
        private long remaining;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) count(n);
            return n;
        }

        private void count(int n) {
            remaining -= n;
            if (remaining < 0) throw tooLarge(limit);
        }
    }
}
