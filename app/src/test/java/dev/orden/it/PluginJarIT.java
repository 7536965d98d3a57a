package dev.orden.it;

import static dev.orden.it.Dispatching.dispatch;
import static dev.orden.it.Dispatching.entry;
import static dev.orden.it.Dispatching.idOf;
import static dev.orden.it.WorkOrders.create;
import static dev.orden.it.WorkOrders.history;
import static dev.orden.it.WorkOrders.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.platform.plugin.PluginJar;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A third-party strategy: a jar built here, against the SPI jars only, dropped into the running server's plugin
 * directory (its default, {@code ${server.config.dir}/plugins}), listed, enabled by a tenant and used; then removed.
 */
class PluginJarIT {

    private static final String JAR = "orden-test-last-in-line.jar";

    @Test
    void aJarDroppedIntoThePluginDirectoryIsListedEnabledAndUsed() throws IOException {
        var admin = Api.as(It.ACME_ADMIN);
        var dispatcher = Api.as(It.ACME_DISPATCHER);
        assertTrue(strategy(admin, "last-in-line").isEmpty(), "the server runs without it");
        var jar = PluginJar.build(Path.of(It.PLUGINS_DIR).resolve(JAR), "com.example.orden", "last-in-line");
        var active = Configs.active(admin);
        try {
            var listed = awaitStrategy(admin, true).orElseThrow();
            assertEquals(JAR, listed.getString("origin"));
            assertEquals("The available agent whose e-mail sorts last", listed.getString("description"));
            assertFalse(listed.getBoolean("enabled"), "installed, not yet enabled by acme");
            assertEquals("built-in", strategy(admin, "round-robin").orElseThrow().getString("origin"));

            var bundle = active.getJsonObject("bundle");
            var assignment = bundle.getJsonObject("assignment");
            var strategies = Json.createArrayBuilder(assignment.getJsonArray("strategies"))
                    .add(Json.createObjectBuilder().add("key", "last-in-line"));
            Configs.publish(admin, Json.createObjectBuilder(bundle).add("assignment",
                    Json.createObjectBuilder(assignment).add("strategies", strategies)).build());
            assertTrue(strategy(admin, "last-in-line").orElseThrow().getBoolean("enabled"));

            var ref = create(dispatcher, order(It.unique("plugin")).add("type", "repair").add("team", "madrid_repair")
                    .add("customFields", Configs.acmeVisit())).getString("id");
            var order = dispatch(dispatcher, ref, "last-in-line", null).expect(200).json();
            assertEquals(idOf(dispatcher, "marta.norte@acme.test"), order.getJsonObject("assignee").getString("id"));
            assertEquals("assigned by strategy last-in-line: last in line of 3",
                    entry(history(dispatcher, ref), "ASSIGNED", "assignee").getString("comment"));
        } finally {
            Configs.rollback(admin, active.getInt("version"));
            Files.deleteIfExists(jar);
        }
        assertTrue(awaitStrategy(admin, false).isEmpty(), "a removed jar's strategy is gone");
    }

    /** Polls the list until the strategy is there (or gone): the server looks at the directory every second. */
    private static Optional<JsonObject> awaitStrategy(Api admin, boolean present) {
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            var found = strategy(admin, "last-in-line");
            if (found.isPresent() == present) return found;
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("last-in-line is " + (present ? "not listed" : "still listed") + " after 30 s");
    }

    private static Optional<JsonObject> strategy(Api admin, String id) {
        return admin.get("/assignment/strategies").expect(200).objects().stream()
                .filter(s -> s.getString("id").equals(id)).findFirst();
    }
}
