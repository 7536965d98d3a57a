package dev.orden.shared.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void buildsAndReadsThroughTheOneProvider() {
        var built = Json.createObjectBuilder().add("n", 1).add("list", Json.createArrayBuilder().add("a")).build();
        try (var reader = Json.createReader(new StringReader(built.toString()))) {
            assertEquals(built, reader.readObject());
        }
    }

    /** jakarta.json.Json looks its provider up on every call: application code must not go back to it. */
    @Test
    void noApplicationCodeUsesJakartaJsonFactoriesDirectly() throws IOException {
        List<Path> offenders;
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            offenders = sources.filter(path -> path.toString().endsWith(".java"))
                    .filter(JsonTest::usesJakartaJsonFactories)
                    .toList();
        }
        assertEquals(List.of(), offenders);
    }

    private static boolean usesJakartaJsonFactories(Path source) {
        try {
            var text = Files.readString(source);
            return text.contains("import jakarta.json.Json;") || text.contains("jakarta.json.Json.");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
