package dev.orden.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The bundle a new tenant starts with: {@code tenant-config/_default/bundle.json}, or for a demo tenant its own
 * {@code <slug>.bundle.json} in {@code orden.seed.dir} (unset in production). A demo bundle that breaks the
 * rules stops the seeding loudly rather than starting a tenant with a configuration it could never publish.
 */
@ApplicationScoped
public class InitialBundles {

    @Inject
    @ConfigProperty(name = "orden.seed.dir")
    Optional<String> seedDir;

    JsonObject forTenant(String slug) {
        return demoBundle(slug).orElseGet(ConfigBundles::defaultBundle);
    }

    private Optional<JsonObject> demoBundle(String slug) {
        if (seedDir.isEmpty()) return Optional.empty();
        var file = Path.of(seedDir.get()).resolve(slug + ".bundle.json");
        if (!Files.isRegularFile(file)) return Optional.empty();
        JsonObject bundle;
        try (var reader = Json.createReader(Files.newBufferedReader(file))) {
            bundle = reader.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var validation = BundleValidation.of(bundle);
        if (!validation.valid()) throw new IllegalStateException(file + " is invalid: " + validation.errors());
        return Optional.of(bundle);
    }
}
