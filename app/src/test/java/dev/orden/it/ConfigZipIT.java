package dev.orden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** The configuration as a zip of the tenant-config folder layout: export, import, refusals, errors by file. */
class ConfigZipIT {

    private static final Api ACME = Api.as(It.ACME_ADMIN);
    private static final Api GLOBEX = Api.as(It.GLOBEX_ADMIN);
    private static final String ZIP = "application/zip";

    @Test
    void anExportedZipImportsBackAsADraftThatChangesNothing() {
        var active = ACME.get("/admin/config").expect(200).json();
        var export = ACME.getBytes("/admin/config/export", ZIP);
        assertEquals(200, export.statusCode());
        assertEquals(ZIP, export.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("attachment; filename=\"orden-config-acme-v" + active.getInt("version") + ".zip\"",
                export.headers().firstValue("Content-Disposition").orElseThrow());
        var files = unzip(export.body());
        assertEquals(List.of("forms/", "workflows/", "rules/", "fields.json", "types.json", "areas.json", "teams.json"),
                List.copyOf(files.keySet()).subList(0, 7));
        assertTrue(files.containsKey("workflows/service.json"), files.keySet().toString());
        assertFalse(files.containsKey("tenant.json"), "the tenant and its people are not exported");
        assertEquals(active.getJsonObject("bundle").getJsonArray("types"), parse(files.get("types.json")));
        assertTrue(files.get("types.json").startsWith("[\n  {\n    \"key\": "), "indented like the repository");

        var draft = ACME.sendBytes("POST", "/admin/config/import", ZIP, export.body()).expect(200).json();
        assertEquals("DRAFT", draft.getString("status"));
        assertTrue(draft.getBoolean("valid"), draft.toString());
        var diff = ACME.get("/admin/config/diff?from=" + active.getInt("version") + "&to=" + draft.getInt("version"))
                .expect(200).array();
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, diff);
        assertEquals(unzip(export.body()), unzip(ACME.getBytes("/admin/config/export?format=zip", "*/*").body()),
                "format=zip asks for the same zip");
    }

    @Test
    void aZipThatBreaksTheLayoutIsRefusedNamingEveryBadEntryAndLeavesTheDraftAlone() {
        var files = unzip(GLOBEX.getBytes("/admin/config/export", ZIP).body());
        var draftBefore = GLOBEX.get("/admin/config/draft").body();

        var traversal = new LinkedHashMap<>(files);
        traversal.put("../../../tmp/evil.json", "[]");
        traversal.put("forms/../../x.json", "[]");
        assertEquals(Map.of("../../../tmp/evil.json", "../../../tmp/evil.json", "forms/../../x.json",
                "forms/../../x.json"), entriesNamed(GLOBEX.sendBytes("POST", "/admin/config/import", ZIP,
                zip(traversal))));

        var unknown = new LinkedHashMap<>(files);
        unknown.put("tenant.json", "{\"slug\": \"globex\"}");
        unknown.put("scripts/install.sh", "rm -rf /");
        assertEquals(List.of("tenant.json", "scripts/install.sh"), List.copyOf(entriesNamed(
                GLOBEX.sendBytes("POST", "/admin/config/import", ZIP, zip(unknown))).keySet()));

        var badJson = new LinkedHashMap<>(files);
        badJson.put("teams.json", "[{\"key\": \"night\",");
        var refused = GLOBEX.sendBytes("POST", "/admin/config/import", ZIP, zip(badJson));
        assertEquals(List.of("teams.json"), List.copyOf(entriesNamed(refused).keySet()));
        assertTrue(refused.body().contains("not valid JSON"), refused.describe());

        var tooMany = new LinkedHashMap<>(files);
        for (int i = 0; i < 1000; i++) tooMany.put("forms/extra%04d.json".formatted(i), "{\"key\": \"extra%04d\"}"
                .formatted(i));
        var last = List.copyOf(tooMany.keySet()).get(1000); // the 1001st entry
        assertEquals(List.of(last), List.copyOf(entriesNamed(GLOBEX.sendBytes("POST", "/admin/config/import", ZIP,
                zip(tooMany))).keySet()));

        GLOBEX.sendBytes("POST", "/admin/config/import", ZIP, "not a zip".getBytes(StandardCharsets.UTF_8))
                .problem(400, "malformed-request");
        assertEquals(draftBefore, GLOBEX.get("/admin/config/draft").body(), "nothing refused became the draft");
        Api.as(It.GLOBEX_DISPATCHER).sendBytes("POST", "/admin/config/import", ZIP, zip(files)).expect(403);
    }

    @Test
    void aDraftWithErrorsNamesTheFileAndThePointerInsideIt() {
        var files = unzip(ACME.getBytes("/admin/config/export", ZIP).body());
        var types = parse(files.get("types.json")).asJsonArray();
        files.put("types.json", Json.createPatchBuilder().replace("/0/workflow", "nowhere").build()
                .apply(types).toString());
        var form = parse(files.get("forms/repair_agent.json")).asJsonObject();
        files.put("forms/repair_agent.json", Json.createObjectBuilder(form).add("audience", "public").build()
                .toString());
        var formIndex = List.copyOf(files.keySet()).stream().filter(n -> n.startsWith("forms/") && n.length() > 6)
                .sorted().toList().indexOf("forms/repair_agent.json");

        var draft = ACME.sendBytes("POST", "/admin/config/import", ZIP, zip(files)).expect(200).json();
        assertFalse(draft.getBoolean("valid"));
        var expected = Map.of(
                "/types/0/workflow", List.of("types.json", "/0/workflow"),
                "/forms/" + formIndex + "/audience", List.of("forms/repair_agent.json", "/audience"));
        assertLocated(expected, draft);
        assertLocated(expected, ACME.get("/admin/config/draft").expect(200).json());
        assertLocated(expected, ACME.post("/admin/config/draft/validate", JsonValue.EMPTY_JSON_OBJECT)
                .problem(422, "validation"));
    }

    @Test
    void theTenantFileHasItsSchemaToo() {
        var schema = Api.anonymous().get("/config/schema/tenant").expect(200).json();
        assertEquals("https://orden.dev/schema/config/tenant.schema.json", schema.getString("$id"));
        assertEquals(List.of("slug", "name", "users"), schema.getJsonArray("required").getValuesAs(
                jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
    }

    /** The 422's errors by entry: field → file (every error names its entry as both). */
    private static Map<String, String> entriesNamed(Res refused) {
        var problem = refused.problem(422, "validation");
        var named = new LinkedHashMap<String, String>();
        for (var error : problem.getJsonArray("errors").getValuesAs(JsonObject.class)) {
            named.put(error.getString("field"), error.getString("file"));
        }
        named.forEach((field, file) -> assertEquals(field, file, refused.describe()));
        return named;
    }

    /** The answer's errors include these, by bundle pointer: [file, pointer inside the file]. */
    private static void assertLocated(Map<String, List<String>> expected, JsonObject answer) {
        var located = new LinkedHashMap<String, List<String>>();
        for (var error : answer.getJsonArray("errors").getValuesAs(JsonObject.class)) {
            located.put(error.getString("field"),
                    List.of(error.getString("file", "-"), error.getString("pointer", "-")));
        }
        expected.forEach((field, place) -> assertEquals(place, located.get(field), field + " in " + answer));
    }

    private static Map<String, String> unzip(byte[] zip) {
        var files = new LinkedHashMap<String, String>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static byte[] zip(Map<String, String> files) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static JsonValue parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
