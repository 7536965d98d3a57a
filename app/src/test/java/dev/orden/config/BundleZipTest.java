package dev.orden.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.shared.problem.Problem;
import dev.orden.shared.problem.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class BundleZipTest {

    @Test
    void aWrittenZipReadsBackAsTheSameBundle() {
        var acme = Configs.demo("acme");
        assertEquals(acme, BundleZip.read(new ByteArrayInputStream(BundleZip.write(acme))));
    }

    @Test
    void aWrittenZipIsTheFolderLayoutWithTheRepositorysText() throws IOException {
        var entries = unzip(BundleZip.write(Configs.demo("globex")));
        assertEquals(List.of("forms/", "workflows/", "rules/", "fields.json", "types.json", "areas.json", "teams.json",
                "assignment.json", "sla.json", "settings.json", "notifications.json", "reminders.json",
                "forms/incident_agent.json", "forms/incident_requester.json", "forms/preventive_agent.json",
                "forms/preventive_requester.json", "forms/request_agent.json", "forms/request_requester.json",
                "workflows/default.json", "workflows/facility.json", "workflows/preventive.json",
                "workflows/request.json", "rules/safety_escalation.js", "rules/safety_escalation.json",
                "rules/safety_escalation.test.json"), List.copyOf(entries.keySet()));
        assertEquals(Files.readString(Configs.folder("globex").resolve("rules/safety_escalation.js")),
                entries.get("rules/safety_escalation.js"), "a rule's source is written as the text it is");
        assertEquals(Files.readString(Configs.folder("globex").resolve("workflows/facility.json")),
                entries.get("workflows/facility.json"));
        assertTrue(entries.keySet().stream().noneMatch(name -> name.equals(BundleFiles.TENANT)));
    }

    @Test
    void aBundleThatLostItsMemberOrderIsWrittenInTheSchemasOrderAsTheRepositoryIs() throws IOException {
        var acme = Configs.demo("acme");
        var shuffled = (JsonObject) asJsonbStoresIt(acme);
        assertNotEquals(acme.toString(), shuffled.toString(), "the same bundle, its members in another order");
        var written = unzip(BundleZip.write(shuffled));
        for (var file : List.of("types.json", "areas.json", "teams.json", "workflows/service.json",
                                "forms/repair_agent.json")) {
            assertEquals(Files.readString(Configs.folder("acme").resolve(file)), written.get(file), file);
        }
        for (var file : written.entrySet()) {
            if (file.getKey().endsWith("/") || file.getKey().endsWith(BundleFiles.SOURCE)) continue;
            var repository = BundleValidationTest.parseValue(Files.readString(Configs.folder("acme")
                    .resolve(file.getKey())));
            assertEquals(PrettyJson.text(MemberOrder.canonical(repository)), file.getValue(), file.getKey());
        }
    }

    @Test
    void everyBadEntryIsNamedAtOnce() {
        var zip = zip(Map.of("fields.json", "[]", "../../etc/cron.d/x", "* * * * * root boom",
                "forms/repair.json", "{\"key\": \"repair\",", "notes/readme.md", "hi"));
        var problem = refused(zip, 422);
        assertEquals(List.of("../../etc/cron.d/x", "forms/repair.json", "notes/readme.md"), fields(problem));
        assertTrue(problem.errors().get(0).message().contains("outside the configuration folder"), problem.toString());
        assertTrue(problem.errors().get(1).message().contains("not valid JSON"), problem.toString());
        assertTrue(problem.errors().get(2).message().contains("not a file of the configuration layout"),
                problem.toString());
    }

    @Test
    void tooManyEntriesStopAtTheFirstOneTooMany() {
        var entries = new LinkedHashMap<String, String>();
        for (int i = 0; i <= BundleZip.MAX_ENTRIES; i++) {
            var key = "f%04d".formatted(i);
            entries.put("forms/" + key + ".json", "{\"key\": \"" + key + "\"}");
        }
        var problem = refused(zip(entries), 422);
        assertEquals(List.of("forms/f%04d.json".formatted(BundleZip.MAX_ENTRIES)), fields(problem));
        assertTrue(problem.errors().getFirst().message().contains("at most " + BundleZip.MAX_ENTRIES),
                problem.toString());
    }

    @Test
    void aZipBombStopsAtTheLimitWhateverItsHeadersSay() {
        var zeros = "0".repeat((int) BundleZip.MAX_BYTES / 2);
        var bomb = zip(Map.of("fields.json", zeros, "types.json", zeros + "0"));
        assertTrue(bomb.length < 100_000, "it is small compressed: " + bomb.length);
        var problem = refused(bomb, 422);
        assertEquals(List.of("types.json"), fields(problem));
        assertTrue(problem.errors().getFirst().message().contains("uncompressed"), problem.toString());
    }

    @Test
    void somethingThatIsNoZipIsAMalformedRequest() {
        assertTrue(refused("{\"fields\": []}".getBytes(StandardCharsets.UTF_8), 400).detail().contains("zip"));
        var emptyZip = new byte[22]; // only the end-of-central-directory record
        System.arraycopy(new byte[] {'P', 'K', 5, 6}, 0, emptyZip, 0, 4);
        assertTrue(refused(emptyZip, 400).detail().contains("no entries"));
        var latin1 = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(latin1, StandardCharsets.ISO_8859_1)) {
            zip.putNextEntry(new ZipEntry("campos-\u00e9.json"));
            zip.closeEntry();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertEquals(400, refused(latin1.toByteArray(), 400).status(), "a name that is not UTF-8");
    }

    private static Problem refused(byte[] zip, int status) {
        var problem = assertThrows(ProblemException.class, () -> BundleZip.read(new ByteArrayInputStream(zip)))
                .problem();
        assertEquals(status, problem.status(), problem.toString());
        return problem;
    }

    private static List<String> fields(Problem problem) {
        var fields = new ArrayList<String>();
        for (var error : problem.errors()) {
            assertEquals(error.field(), error.file(), "an entry's error names it as its file: " + error);
            fields.add(error.field());
        }
        return fields;
    }

    /** The value with its members as PostgreSQL's jsonb gives them back: shorter names first, then bytewise. */
    private static JsonValue asJsonbStoresIt(JsonValue value) {
        return switch (value) {
            case JsonObject object -> {
                var shuffled = Json.createObjectBuilder();
                object.keySet().stream().sorted(Comparator.comparingInt(String::length).thenComparing(k -> k))
                        .forEach(name -> shuffled.add(name, asJsonbStoresIt(object.get(name))));
                yield shuffled.build();
            }
            case JsonArray array -> {
                var items = Json.createArrayBuilder();
                array.forEach(item -> items.add(asJsonbStoresIt(item)));
                yield items.build();
            }
            default -> value;
        };
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        var entries = new LinkedHashMap<String, String>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    /** A zip of these entries, in a stable order (by name). */
    static byte[] zip(Map<String, String> entries) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var entry : new java.util.TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
