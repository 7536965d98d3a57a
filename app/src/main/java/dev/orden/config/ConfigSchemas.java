package dev.orden.config;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.orden.shared.problem.FieldError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON Schemas (draft 2020-12) of a configuration bundle and its parts, as kept in {@code tenant-config/schema}
 * and copied onto the classpath by the build. Resolved among themselves by {@code $id}, never over the network.
 */
public final class ConfigSchemas {

    public static final List<String> NAMES = List.of("bundle", "common", "fields", "types", "forms", "workflows",
            "areas", "teams", "assignment", "sla", "settings", "notifications", "reminders", "rules", "tenant");
    static final String ID_PREFIX = "https://orden.dev/schema/config/";
    private static final String CLASSPATH_DIR = "config/schema/";

    private static final Map<String, String> TEXTS = load();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12, builder -> builder.schemas(TEXTS));
    private static final Schema BUNDLE = compile("bundle");
    private static final Schema TENANT = compile("tenant");
    private static final Schema RULES = compile("rules");

    private ConfigSchemas() {}

    /** The schema document named {@code name} (with or without {@code .schema.json}). */
    public static Optional<String> text(String name) {
        var bare = name.endsWith(".schema.json") ? name.substring(0, name.length() - ".schema.json".length()) : name;
        return Optional.ofNullable(TEXTS.get(ID_PREFIX + bare + ".schema.json"));
    }

    /** Every schema document, in the order of {@link #NAMES}. */
    static List<String> texts() {
        return NAMES.stream().map(name -> TEXTS.get(ID_PREFIX + name + ".schema.json")).toList();
    }

    /** Every schema violation of the bundle, each at the JSON pointer of the offending (or missing) member. */
    static List<FieldError> violations(String bundleJson) {
        return violations(BUNDLE, bundleJson);
    }

    /**
     * Every schema violation of a list of flow rules (a bundle's {@code rules}, or the rules of a dry run), at JSON
     * pointers that start with {@code /rules}.
     */
    public static List<FieldError> ruleViolations(String rulesJson) {
        return violations(RULES, rulesJson).stream()
                .map(error -> new FieldError("/rules" + error.field(), error.message())).toList();
    }

    /** Every schema violation of a tenant folder's {@code tenant.json} (a demo tenant and its people). */
    public static List<FieldError> tenantViolations(String tenantJson) {
        return violations(TENANT, tenantJson);
    }

    private static List<FieldError> violations(Schema schema, String json) {
        return schema.validate(json, InputFormat.JSON).stream()
                .map(error -> new FieldError(pointer(error), error.getMessage()))
                .distinct()
                .toList();
    }

    private static String pointer(Error error) {
        var pointer = new StringBuilder();
        NodePath path = error.getInstanceLocation();
        for (int i = 0; i < path.getNameCount(); i++) {
            pointer.append('/').append(escape(String.valueOf(path.getElement(i))));
        }
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
            pointer.append('/').append(escape(error.getProperty()));
        }
        return pointer.toString();
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static Map<String, String> load() {
        var texts = new LinkedHashMap<String, String>();
        for (var name : NAMES) {
            var file = name + ".schema.json";
            try (InputStream in = ConfigSchemas.class.getClassLoader().getResourceAsStream(CLASSPATH_DIR + file)) {
                if (in == null) throw new IllegalStateException("Schema " + file + " is not on the classpath");
                texts.put(ID_PREFIX + file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Map.copyOf(texts);
    }

    private static Schema compile(String name) {
        return REGISTRY.getSchema(SchemaLocation.of(ID_PREFIX + name + ".schema.json"));
    }
}
