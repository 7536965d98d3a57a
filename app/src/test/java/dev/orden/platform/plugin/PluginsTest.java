package dev.orden.platform.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.plugin.assignment.AssignmentRequest;
import dev.orden.plugin.assignment.AssignmentStrategy;
import dev.orden.plugin.assignment.AssignmentStrategyFactory;
import dev.orden.plugin.assignment.Candidate;
import dev.orden.plugin.assignment.OrderFacts;
import dev.orden.plugin.spi.PluginSession;
import dev.orden.plugin.spi.Provider;
import dev.orden.plugin.spi.ProviderFactory;
import dev.orden.plugin.spi.ProviderRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginsTest {

    @TempDir
    Path dir;

    private Plugins plugins(Duration scanInterval) {
        var plugins = new Plugins();
        plugins.directory = Optional.of(dir.toString());
        plugins.scanInterval = scanInterval;
        plugins.settings = ProviderRegistry.ConfigSource::none;
        return plugins;
    }

    private static List<String> ids(Plugins plugins) {
        return plugins.registry().factories(AssignmentStrategy.class).stream().map(ProviderFactory::getId).sorted()
                .toList();
    }

    @Test
    void theBuiltInsComeFromTheApplicationAndAJarFromTheDirectory() {
        PluginJar.build(dir.resolve("last-in-line.jar"), "com.example.first", "last-in-line");
        var plugins = plugins(Duration.ofMinutes(5));
        assertEquals(List.of("last-in-line", "least-loaded", "round-robin", "skills", "territory"), ids(plugins));
        var factory = (AssignmentStrategyFactory) plugins.registry().factory(AssignmentStrategy.class, "last-in-line")
                .orElseThrow();
        assertEquals("last-in-line.jar", plugins.origin(factory));
        assertEquals("built-in", plugins.origin(plugins.registry().factory(AssignmentStrategy.class, "skills")
                .orElseThrow()));

        var order = new OrderFacts("o", "WO-1", "repair", "NORMAL", "t", null, null, null, null, null);
        var request = new AssignmentRequest(order, null, List.of(Candidate.of("a", "ana@x.test", "Ana"),
                Candidate.of("z", "zoe@x.test", "Zoe"), Candidate.of("y", "yan@x.test", "Yan").away()), null, null);
        try (var strategy = factory.create(session())) {
            var choice = strategy.choose(request);
            assertEquals("z", choice.agentId());
            assertEquals("last in line of 2", choice.reason());
        }
    }

    @Test
    void aJarDroppedInIsPickedUpAtTheNextScanAndARemovedOneIsGone() throws IOException, InterruptedException {
        var plugins = plugins(Duration.ofMillis(50));
        assertEquals(List.of("least-loaded", "round-robin", "skills", "territory"), ids(plugins));
        var jar = PluginJar.build(dir.resolve("late.jar"), "com.example.late", "late-comer");
        Thread.sleep(100);
        assertTrue(ids(plugins).contains("late-comer"));
        Files.delete(jar);
        Thread.sleep(100);
        assertEquals(List.of("least-loaded", "round-robin", "skills", "territory"), ids(plugins));
    }

    @Test
    void aBrokenJarLeavesTheLoadedPluginsInPlace() throws IOException, InterruptedException {
        var plugins = plugins(Duration.ofMillis(50));
        PluginJar.build(dir.resolve("good.jar"), "com.example.good", "good-one");
        assertTrue(ids(plugins).contains("good-one"));
        // A second factory with a built-in's id: the registry refuses two factories with one id.
        PluginJar.build(dir.resolve("clash.jar"), "com.example.clash", "skills");
        Thread.sleep(100);
        assertTrue(ids(plugins).contains("good-one"), "the previous plugins stay");
        assertEquals("built-in", plugins.origin(plugins.registry().factory(AssignmentStrategy.class, "skills")
                .orElseThrow()));
    }

    @Test
    void atStartABrokenDirectoryStillGivesTheBuiltIns() {
        PluginJar.build(dir.resolve("clash.jar"), "com.example.clash", "round-robin");
        assertEquals(List.of("least-loaded", "round-robin", "skills", "territory"), ids(plugins(Duration.ofMinutes(1))));
    }

    private static PluginSession session() {
        return new PluginSession() {
            @Override
            public String tenantId() {
                return "acme";
            }

            @Override
            public <T extends Provider> T getProvider(Class<T> providerClass) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
