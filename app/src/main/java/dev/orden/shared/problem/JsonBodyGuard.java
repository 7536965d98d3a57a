package dev.orden.shared.problem;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import dev.orden.shared.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every JSON body, whichever type an endpoint reads it as, is checked with {@link UntrustedText} first: nested too
 * deep is a 400 before any parser sees it, a NUL or a lone surrogate a 422 naming the field. Bodies read as JSON-P
 * values are checked as read; others (JSON-B records) are parsed once more for the check, which
 * {@link RequestBodyLimit}'s cap keeps cheap.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
@Priority(Priorities.ENTITY_CODER)
public class JsonBodyGuard implements ReaderInterceptor {

    @Inject
    @ConfigProperty(name = "orden.api.max-json-depth", defaultValue = "32")
    int maxDepth;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        // A stream is a file (an attachment), whatever its type says: passed on as it is, never buffered here.
        if (!isJson(context.getMediaType()) || InputStream.class.isAssignableFrom(context.getType())) {
            return context.proceed();
        }
        var bytes = context.getInputStream().readAllBytes();
        if (UntrustedText.nestingDepth(bytes) > maxDepth) {
            throw malformed("The body nests objects and arrays more than " + maxDepth + " levels deep");
        }
        context.setInputStream(new ByteArrayInputStream(bytes));
        if (JsonValue.class.isAssignableFrom(context.getType())) {
            var value = context.proceed();
            if (value instanceof JsonValue json) refuseUntrustedText(json);
            return value;
        }
        if (bytes.length > 0) refuseUntrustedText(parse(new String(bytes, StandardCharsets.UTF_8)));
        context.setInputStream(new ByteArrayInputStream(bytes));
        return context.proceed();
    }

    private static boolean isJson(MediaType type) {
        return type != null && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
    }

    private static JsonValue parse(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (JsonException e) {
            throw malformed("The body is not valid JSON");
        }
    }

    private static void refuseUntrustedText(JsonValue value) {
        var errors = UntrustedText.problemsIn(value);
        if (!errors.isEmpty()) throw ProblemException.invalid(errors);
    }

    private static ProblemException malformed(String detail) {
        return new ProblemException(ProblemType.MALFORMED_REQUEST, detail);
    }
}
