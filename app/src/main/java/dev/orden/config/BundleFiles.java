package dev.orden.config;

import dev.orden.shared.problem.FieldError;
import dev.orden.shared.problem.ProblemException;
import dev.orden.shared.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A bundle as plain files: the layout of a tenant's folder in {@code tenant-config/} and of the admin API's zip.
 * {@code fields.json}, {@code types.json}, {@code areas.json}, {@code teams.json} and {@code sla.json} hold those
 * parts' arrays, {@code assignment.json} and {@code settings.json} their objects;
 * {@code forms/<key>.json} and {@code workflows/<key>.json} hold one form or workflow each, named by its key. The
 * schema version is the layout's (1). This is the one mapping between files and bundle, both ways, used by the demo
 * seeding, the default bundle, zip import and export, and by the validation to say which file an error is in.
 *
 * <p>A flow rule is three files in {@code rules/}: {@code <key>.json} (its descriptor), {@code <key>.js} (its
 * JavaScript source, as plain text) and, optionally, {@code <key>.test.json} (its test cases); in the bundle they are
 * one item of {@code rules} holding {@code source} and {@code tests}.
 *
 * <p>Files have no order, so a bundle built from them lists forms and workflows by file name; everything inside a
 * file keeps its order.
 */
public final class BundleFiles {

    /** A demo tenant's own file (slug, name, people): in its folder, never part of the configuration. */
    public static final String TENANT = "tenant.json";

    /** The parts kept in one file each; all are arrays but {@code assignment}, {@code settings},
     * {@code notifications} and {@code reminders}, objects. */
    static final List<String> LIST_PARTS = List.of("fields", "types", "areas", "teams", "assignment", "sla",
            "settings", "notifications", "reminders");
    static final List<String> FOLDER_PARTS = List.of("forms", "workflows", "rules");
    static final String LAYOUT = "fields.json, types.json, areas.json, teams.json, assignment.json, sla.json, "
            + "settings.json, notifications.json, reminders.json, forms/<key>.json, workflows/<key>.json, "
            + "rules/<key>.json, rules/<key>.js or rules/<key>.test.json";
    static final String RULES = "rules";
    static final String SOURCE = ".js";
    static final String TESTS = ".test.json";

    private static final int SCHEMA_VERSION = 1;
    private static final Pattern KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,63}");
    private static final String JSON = ".json";

    private BundleFiles() {}

    /** The bundle of a folder on disk, its {@value #TENANT} aside; a folder that breaks the layout is refused. */
    public static JsonObject readFolder(Path folder) {
        var files = new Gathering();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (var path : paths.filter(Files::isRegularFile).sorted().toList()) {
                var name = folder.relativize(path).toString().replace('\\', '/');
                if (!name.equals(TENANT)) files.add(name, Files.readAllBytes(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!files.errors().isEmpty()) throw new IllegalStateException(folder + ": " + files.errors());
        return files.bundle();
    }

    /** Whether a folder holds configuration files besides {@value #TENANT}. */
    public static boolean holdsConfiguration(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile).anyMatch(p -> !folder.relativize(p).toString().equals(TENANT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A bundle's files, by name, in the order of the layout: the list parts, then forms and workflows by key. */
    static SequencedMap<String, JsonValue> files(JsonObject bundle) {
        var files = new LinkedHashMap<String, JsonValue>();
        for (var part : LIST_PARTS) {
            if (bundle.containsKey(part)) files.put(part + JSON, bundle.get(part));
        }
        for (var part : FOLDER_PARTS) {
            var items = new TreeMap<String, JsonValue>();
            if (bundle.get(part) instanceof JsonArray array) {
                for (var item : array) {
                    var key = keyOf(item).orElseThrow(() -> new IllegalArgumentException(
                            "A " + part + " item without a key cannot be a file: " + item));
                    if (part.equals(RULES)) items.putAll(ruleFiles(key, (JsonObject) item));
                    else items.put(part + "/" + key + JSON, item);
                }
            }
            files.putAll(items);
        }
        return files;
    }

    /** A file's content as written: a rule's source as plain text, everything else as indented JSON. */
    static String text(String name, JsonValue value) {
        return name.endsWith(SOURCE) && value instanceof JsonString source ? source.getString() : PrettyJson.text(value);
    }

    /** A rule's files: its descriptor, its source as a JSON string (written as plain text), its tests if any. */
    private static Map<String, JsonValue> ruleFiles(String key, JsonObject rule) {
        var files = new TreeMap<String, JsonValue>();
        var descriptor = Json.createObjectBuilder(rule).remove("source").remove("tests").build();
        files.put(RULES + "/" + key + JSON, descriptor);
        files.put(RULES + "/" + key + SOURCE, rule.get("source") instanceof JsonString source ? source
                : Json.createValue(""));
        if (rule.get("tests") instanceof JsonArray tests) files.put(RULES + "/" + key + TESTS, tests);
        return files;
    }

    /** The error, placed in the file its pointer falls in (and at the pointer inside that file), when there is one. */
    static FieldError locate(JsonObject bundle, FieldError error) {
        var pointer = error.field();
        if (pointer == null || !pointer.startsWith("/")) return error;
        var tokens = pointer.substring(1).split("/", 3);
        var part = tokens[0];
        if (LIST_PARTS.contains(part)) return error.in(part + JSON, pointer.substring(1 + part.length()));
        if (!FOLDER_PARTS.contains(part)) return error;
        if (tokens.length == 1) return error.in(part + "/", "");
        var inner = tokens.length == 3 ? "/" + tokens[2] : "";
        return item(bundle, part, tokens[1]).map(key -> part.equals(RULES) ? locateInRule(error, key, inner)
                : error.in(part + "/" + key + JSON, inner)).orElse(error);
    }

    private static FieldError locateInRule(FieldError error, String key, String inner) {
        if (inner.equals("/source")) return error.in(RULES + "/" + key + SOURCE, "");
        if (inner.equals("/tests") || inner.startsWith("/tests/")) {
            return error.in(RULES + "/" + key + TESTS, inner.substring("/tests".length()));
        }
        return error.in(RULES + "/" + key + JSON, inner);
    }

    private static Optional<String> item(JsonObject bundle, String part, String index) {
        if (!(bundle.get(part) instanceof JsonArray items) || !index.matches("0|[1-9][0-9]{0,8}")) {
            return Optional.empty();
        }
        var i = Integer.parseInt(index);
        return i < items.size() ? keyOf(items.get(i)) : Optional.empty();
    }

    private static Optional<String> keyOf(JsonValue item) {
        return item instanceof JsonObject object && object.get("key") instanceof JsonString key
                && KEY.matcher(key.getString()).matches() ? Optional.of(key.getString()) : Optional.empty();
    }

    /**
     * Files being gathered, from a folder or a zip: each is checked as it comes (a name of the layout, once, JSON, a
     * form or workflow named by its key), and every problem is kept, so that all of them are told at once.
     */
    static final class Gathering {

        private final Map<String, JsonValue> files = new TreeMap<>();
        private final List<FieldError> errors = new ArrayList<>();

        /** Adds one file; a directory (a name ending in {@code /}) is allowed when it is one of the layout's. */
        void add(String name, byte[] content) {
            var refusal = refusal(name);
            if (refusal.isPresent()) {
                errors.add(error(name, refusal.get()));
            } else if (name.endsWith(SOURCE)) {
                accept(name, Json.createValue(new String(content, java.nio.charset.StandardCharsets.UTF_8)));
            } else if (!name.endsWith("/")) {
                parse(name, content).ifPresent(value -> accept(name, value));
            }
        }

        List<FieldError> errors() {
            return List.copyOf(errors);
        }

        /** The bundle the files make; a 422 naming every file that broke the layout when any did. */
        JsonObject bundle() {
            var rules = rules();
            if (!errors.isEmpty()) throw ProblemException.invalid(errors);
            var bundle = Json.createObjectBuilder().add("schemaVersion", SCHEMA_VERSION);
            for (var part : List.of("fields", "types", "forms", "workflows", "areas", "teams", "assignment", "sla",
                    "settings", "notifications", "reminders", RULES)) {
                if (part.equals(RULES)) {
                    if (!rules.isEmpty()) bundle.add(RULES, rules);
                } else if (FOLDER_PARTS.contains(part)) {
                    var items = Json.createArrayBuilder();
                    files.forEach((name, value) -> {
                        if (name.startsWith(part + "/")) items.add(value);
                    });
                    bundle.add(part, items);
                } else if (files.containsKey(part + JSON)) {
                    bundle.add(part, files.get(part + JSON));
                }
            }
            return bundle.build();
        }

        /** The rules the files of {@code rules/} make, each from its descriptor, source and tests. */
        private JsonArray rules() {
            var rules = Json.createArrayBuilder();
            var prefix = RULES + "/";
            files.forEach((name, value) -> {
                if (!name.startsWith(prefix) || !name.endsWith(JSON) || name.endsWith(TESTS)) return;
                var key = name.substring(prefix.length(), name.length() - JSON.length());
                var rule = Json.createObjectBuilder((JsonObject) value);
                var source = files.get(prefix + key + SOURCE);
                if (source == null) errors.add(error(name, "needs its source in " + prefix + key + SOURCE));
                else rule.add("source", source);
                var tests = files.get(prefix + key + TESTS);
                if (tests != null) rule.add("tests", tests);
                rules.add(rule);
            });
            files.keySet().stream().filter(name -> name.startsWith(prefix) && !name.endsWith(JSON))
                    .filter(name -> !files.containsKey(name.substring(0, name.length() - SOURCE.length()) + JSON))
                    .forEach(name -> errors.add(error(name, "has no descriptor: add "
                            + name.substring(0, name.length() - SOURCE.length()) + JSON)));
            files.keySet().stream().filter(name -> name.startsWith(prefix) && name.endsWith(TESTS))
                    .filter(name -> !files.containsKey(name.substring(0, name.length() - TESTS.length()) + JSON))
                    .forEach(name -> errors.add(error(name, "has no rule: add "
                            + name.substring(0, name.length() - TESTS.length()) + JSON)));
            return rules.build();
        }

        private void accept(String name, JsonValue value) {
            if (name.startsWith(RULES + "/") && (name.endsWith(SOURCE) || name.endsWith(TESTS))) {
                if (name.endsWith(TESTS) && !(value instanceof JsonArray)) {
                    errors.add(error(name, "must be a JSON array of test cases"));
                } else if (files.putIfAbsent(name, value) != null) {
                    errors.add(error(name, "is there twice"));
                }
                return;
            }
            var folder = name.indexOf('/');
            if (folder > 0) {
                var key = name.substring(folder + 1, name.length() - JSON.length());
                if (!keyOf(value).filter(key::equals).isPresent()) {
                    errors.add(error(name, "must be one JSON object whose \"key\" is \"" + key
                            + "\": a form or workflow file is named by its key"));
                    return;
                }
            }
            if (files.putIfAbsent(name, value) != null) errors.add(error(name, "is there twice"));
        }

        private Optional<JsonValue> parse(String name, byte[] content) {
            try (var reader = Json.createReader(new ByteArrayInputStream(content))) {
                return Optional.of(reader.readValue());
            } catch (JsonException | IllegalStateException e) {
                errors.add(error(name, "is not valid JSON: " + e.getMessage()));
                return Optional.empty();
            }
        }
    }

    /** Why {@code name} is not a file (or folder) of the layout, or empty when it is. */
    static Optional<String> refusal(String name) {
        if (name.startsWith("/") || name.contains("\\") || name.contains(":")
                || Stream.of(name.split("/")).anyMatch(s -> s.equals("..") || s.equals("."))) {
            return Optional.of("is outside the configuration folder: a name must be a relative path within it");
        }
        if (name.equals(TENANT)) {
            return Optional.of("is not part of the configuration: the tenant and its people are not imported");
        }
        if (LIST_PARTS.stream().anyMatch(part -> name.equals(part + JSON))) return Optional.empty();
        for (var part : FOLDER_PARTS) {
            if (name.equals(part + "/")) return Optional.empty();
            var suffix = !part.equals(RULES) ? JSON : name.endsWith(TESTS) ? TESTS : name.endsWith(SOURCE) ? SOURCE : JSON;
            if (name.startsWith(part + "/") && name.endsWith(suffix)) {
                var key = name.substring(part.length() + 1, name.length() - suffix.length());
                return KEY.matcher(key).matches() ? Optional.empty()
                        : Optional.of("is not named by a key (a letter, then letters, digits or _, at most 64)");
            }
        }
        return Optional.of("is not a file of the configuration layout (" + LAYOUT + ")");
    }

    /** An error about a whole file (or zip entry) {@code name}: field and file both name it. */
    static FieldError error(String name, String message) {
        return new FieldError(name, message, name, null);
    }
}
