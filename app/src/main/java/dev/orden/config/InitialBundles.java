package dev.orden.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The bundle a new tenant starts with: {@code tenant-config/_default/}, or for a demo tenant the configuration files
 * of its own folder {@code <slug>/} in {@code orden.seed.dir} (unset in production; a folder is a demo tenant's when
 * it holds a {@code tenant.json}, and one holding nothing else starts with the default too). A demo bundle that
 * breaks the rules stops the seeding loudly rather than starting a tenant with a configuration it could never
 * publish.
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
        var folder = Path.of(seedDir.get()).resolve(slug);
        if (!Files.isRegularFile(folder.resolve(BundleFiles.TENANT)) || !BundleFiles.holdsConfiguration(folder)) {
            return Optional.empty();
        }
        var bundle = BundleFiles.readFolder(folder);
        var validation = BundleValidation.of(bundle);
        if (!validation.valid()) throw new IllegalStateException(folder + " is invalid: " + validation.errors());
        return Optional.of(bundle);
    }
}
