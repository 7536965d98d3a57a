package dev.orden.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.shared.problem.FieldError;
import dev.orden.shared.problem.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BundleFilesTest {

    @Test
    void aFolderMakesOneBundleWithFormsAndWorkflowsInFileNameOrder() throws IOException {
        var bundle = Configs.demo("acme");
        assertEquals(List.of("schemaVersion", "fields", "types", "forms", "workflows", "areas", "teams", "assignment",
                        "sla", "settings", "notifications", "reminders", "rules"),
                List.copyOf(bundle.keySet()));
        assertEquals(1, bundle.getInt("schemaVersion"));
        assertEquals(read(Configs.folder("acme").resolve("types.json")), bundle.get("types"));
        assertEquals(List.of("complaint_agent", "complaint_requester", "installation_agent", "installation_requester",
                "repair_agent", "repair_requester"), keys(bundle, "forms"));
        assertEquals(List.of("complaint", "default", "service"), keys(bundle, "workflows"));
        assertEquals(read(Configs.folder("acme").resolve("workflows/service.json")),
                bundle.getJsonArray("workflows").get(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme", "globex", "_default"})
    void aBundleWrittenBackAsFilesIsItsFolderByteForByte(String folder) throws IOException {
        var dir = Configs.folder(folder);
        var expected = new TreeMap<String, String>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (var path : paths.filter(Files::isRegularFile).toList()) {
                var name = dir.relativize(path).toString().replace('\\', '/');
                if (!name.equals(BundleFiles.TENANT)) expected.put(name, Files.readString(path));
            }
        }
        var written = new TreeMap<String, String>();
        BundleFiles.files(BundleFiles.readFolder(dir))
                .forEach((name, value) -> written.put(name, BundleFiles.text(name, value)));
        assertEquals(expected, written);
    }

    @Test
    void theDefaultOnTheClasspathIsTheDefaultFolder() {
        assertEquals(BundleFiles.readFolder(Configs.folder("_default")), ConfigBundles.defaultBundle());
    }

    @ParameterizedTest(name = "{0} is in {1} at {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "/fields/2/key|fields.json|/2/key",
        "/types|types.json|''",
        "/areas/0/children/0/key|areas.json|/0/children/0/key",
        "/teams/0/areas/0|teams.json|/0/areas/0",
        "/forms/0/sections/0/fields/0/key|forms/repairRequester.json|/sections/0/fields/0/key",
        "/workflows/0/transitions/0/to|workflows/flow.json|/transitions/0/to",
        "/workflows/0|workflows/flow.json|''",
        "/forms|forms/|''",
        "/forms/7|-|-",
        "/forms/x|-|-",
        "/schemaVersion|-|-",
        "''|-|-"})
    void anErrorIsPlacedInTheFileItsPointerFallsIn(String pointer, String file, String inFile) {
        var located = BundleFiles.locate(BundleValidationTest.parse(BundleValidationTest.VALID),
                new FieldError(pointer, "wrong"));
        assertEquals(new FieldError(pointer, "wrong", file, inFile), located);
    }

    @Test
    void aFormWithoutAKeyHasNoFileToName() {
        var bundle = Json.createObjectBuilder().add("forms", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("type", "repair"))
                .add(Json.createObjectBuilder().add("key", "../etc"))).build();
        assertEquals(null, BundleFiles.locate(bundle, new FieldError("/forms/0/type", "x")).file());
        assertEquals(null, BundleFiles.locate(bundle, new FieldError("/forms/1/key", "x")).file());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fields.json", "types.json", "areas.json", "teams.json", "forms/", "workflows/",
                            "forms/repair_agent.json", "workflows/service.json"})
    void theLayoutsNamesAreAccepted(String name) {
        assertEquals(java.util.Optional.empty(), BundleFiles.refusal(name));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "../fields.json|outside", "/fields.json|outside", "forms/../../x.json|outside", "forms\\x.json|outside",
        "C:fields.json|outside", "./fields.json|outside",
        "tenant.json|tenant and its people", "README.md|not a file of the configuration layout",
        "fields.yaml|not a file of the configuration layout", "forms|not a file of the configuration layout",
        "other/|not a file of the configuration layout", "forms/9lives.json|not named by a key",
        "forms/sub/x.json|not named by a key", "workflows/.json|not named by a key"})
    void otherNamesAreRefusedWithTheReason(String name, String reason) {
        var refusal = BundleFiles.refusal(name).orElseThrow();
        assertTrue(refusal.contains(reason), refusal);
    }

    @Test
    void everyBadFileIsNamedAtOnce() {
        var files = new BundleFiles.Gathering();
        files.add("fields.json", bytes("[]"));
        files.add("types.json", bytes("[{\"key\": "));
        files.add("forms/repair.json", bytes("{\"key\": \"install\"}"));
        files.add("workflows/flow.json", bytes("[]"));
        files.add("notes.txt", bytes("hello"));
        files.add("fields.json", bytes("[]"));
        var problem = assertThrows(ProblemException.class, files::bundle).problem();
        assertEquals(422, problem.status());
        assertEquals(List.of("types.json", "forms/repair.json", "workflows/flow.json", "notes.txt", "fields.json"),
                problem.errors().stream().map(FieldError::field).toList());
        assertEquals(problem.errors().stream().map(FieldError::field).toList(),
                problem.errors().stream().map(FieldError::file).toList(), "each error names its file");
        assertTrue(problem.errors().get(0).message().startsWith("is not valid JSON"), problem.toString());
        assertTrue(problem.errors().get(1).message().contains("\"key\" is \"repair\""), problem.toString());
        assertTrue(problem.errors().get(4).message().contains("twice"), problem.toString());
    }

    @Test
    void missingFilesLeaveTheirPartOutAndMissingFoldersLeaveThemEmpty(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("tenant.json"), "{\"slug\": \"initech\"}");
        assertFalse(BundleFiles.holdsConfiguration(dir));
        Files.writeString(dir.resolve("fields.json"), "[]");
        assertTrue(BundleFiles.holdsConfiguration(dir));

        var bundle = BundleFiles.readFolder(dir);
        assertEquals(Json.createObjectBuilder().add("schemaVersion", 1).add("fields", Json.createArrayBuilder())
                .add("forms", Json.createArrayBuilder()).add("workflows", Json.createArrayBuilder()).build(), bundle);
        var missingTypes = BundleValidation.of(bundle).errors().stream().filter(e -> e.field().equals("/types"))
                .findFirst().orElseThrow();
        assertEquals("types.json", missingTypes.file());
        assertEquals("", missingTypes.pointer());
    }

    @Test
    void aFolderThatBreaksTheLayoutIsRefusedNamingTheFile(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("forms"));
        Files.writeString(dir.resolve("forms/a.json"), "{\"key\": \"b\"}");
        var refused = assertThrows(IllegalStateException.class, () -> BundleFiles.readFolder(dir));
        assertTrue(refused.getMessage().contains("forms/a.json"), refused.getMessage());
    }

    @Test
    void aRuleIsItsDescriptorItsSourceAndItsTestsAsThreeFiles() {
        var rule = Json.createObjectBuilder().add("key", "route").add("name", "Route").add("events",
                Json.createArrayBuilder().add("workorder.creating")).add("source", "function rule(input) {\n  return [];\n}\n")
                .add("tests", Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", "t")
                        .add("input", JsonValue.EMPTY_JSON_OBJECT))).build();
        var bundle = Json.createObjectBuilder(Configs.demo("acme")).add("rules", Json.createArrayBuilder().add(rule))
                .build();
        var files = BundleFiles.files(bundle);
        assertEquals("function rule(input) {\n  return [];\n}\n", BundleFiles.text("rules/route.js",
                files.get("rules/route.js")), "the source is plain text");
        assertFalse(files.get("rules/route.json").asJsonObject().containsKey("source"));
        assertEquals(rule.get("tests"), files.get("rules/route.test.json"));

        var gathering = new BundleFiles.Gathering();
        files.forEach((name, value) -> gathering.add(name, bytes(BundleFiles.text(name, value))));
        assertEquals(bundle, gathering.bundle(), "files and bundle, both ways");

        var located = BundleFiles.locate(bundle, new FieldError("/rules/0/source", "SyntaxError at 2:3"));
        assertEquals("rules/route.js", located.file());
        var inTests = BundleFiles.locate(bundle, new FieldError("/rules/0/tests/0/expect", "failed"));
        assertEquals("rules/route.test.json", inTests.file());
        assertEquals("/0/expect", inTests.pointer());
        assertEquals("rules/route.json", BundleFiles.locate(bundle, new FieldError("/rules/0/events/0", "x")).file());
    }

    @Test
    void aRuleFileWithoutItsPartnerIsNamed() {
        var gathering = new BundleFiles.Gathering();
        gathering.add("rules/lonely.js", bytes("function rule() { return []; }"));
        gathering.add("rules/orphan.test.json", bytes("[]"));
        gathering.add("rules/nosource.json", bytes("{\"key\":\"nosource\",\"name\":\"n\",\"events\":[\"schedule\"]}"));
        gathering.add("rules/bad.test.json", bytes("{}"));
        var errors = assertThrows(ProblemException.class, gathering::bundle).problem().errors();
        assertEquals(java.util.Set.of("rules/lonely.js", "rules/orphan.test.json", "rules/nosource.json",
                "rules/bad.test.json"), errors.stream().map(FieldError::file).collect(java.util.stream.Collectors.toSet()));
    }

    private static List<String> keys(JsonObject bundle, String part) {
        return bundle.getJsonArray(part).getValuesAs(JsonObject.class).stream().map(o -> o.getString("key")).toList();
    }

    private static jakarta.json.JsonValue read(Path file) throws IOException {
        return BundleValidationTest.parseValue(Files.readString(file));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
