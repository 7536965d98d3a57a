package dev.orden.tenant;

import dev.orden.config.BundleFiles;
import dev.orden.config.ConfigSchemas;
import dev.orden.identity.Role;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import dev.orden.shared.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Demo tenants as data: each folder of {@code orden.seed.dir} (unset in production) that holds a {@code tenant.json}
 * is a tenant — the folder named by its slug, the file naming the tenant and its people (schema
 * {@code tenant.schema.json}) — provisioned at start-up if missing; the folder's other files are its configuration
 * (see InitialBundles). Idempotent; a failure (Keycloak still starting) is retried by the readiness check.
 */
@ApplicationScoped
public class DemoTenants {

    private static final Logger LOG = Logger.getLogger(DemoTenants.class.getName());

    @Inject
    @ConfigProperty(name = "orden.seed.dir")
    Optional<String> seedDir;

    @Inject
    @ConfigProperty(name = "orden.demo.password", defaultValue = "demo")
    String password;

    @Inject
    TenantProvisioning provisioning;

    @Inject
    TenantRegistration registration;

    private volatile boolean seeded;

    void onStart(@Observes @Initialized(ApplicationScoped.class) @Priority(10) Object event) {
        seedQuietly();
    }

    /** True when there is nothing (more) to seed. */
    public synchronized boolean seedQuietly() {
        if (seeded || seedDir.isEmpty()) return true;
        try {
            for (var file : tenantFiles(Path.of(seedDir.get()))) seed(file);
            seeded = true;
        } catch (RuntimeException | IOException e) {
            LOG.log(Level.WARNING, "Demo tenants not seeded yet: " + e.getMessage(), e);
        }
        return seeded;
    }

    private static List<Path> tenantFiles(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(folder -> folder.resolve(BundleFiles.TENANT)).filter(Files::isRegularFile)
                    .sorted().toList();
        }
    }

    private void seed(Path file) throws IOException {
        var text = Files.readString(file);
        var violations = ConfigSchemas.tenantViolations(text);
        if (!violations.isEmpty()) throw new IllegalStateException(file + " is invalid: " + violations);
        JsonObject spec;
        try (var reader = Json.createReader(new StringReader(text))) {
            spec = reader.readObject();
        }
        var slug = spec.getString("slug");
        var folder = file.getParent().getFileName().toString();
        if (!slug.equals(folder)) {
            throw new IllegalStateException(file + ": slug '" + slug + "' is not the name of its folder");
        }
        if (registration.exists(slug)) return;
        var people = spec.getJsonArray("users").getValuesAs(JsonObject.class).stream()
                .map(DemoTenants::person)
                .toList();
        provisioning.ensure(slug, spec.getString("name"), people, password);
        LOG.info(() -> "Seeded demo tenant '" + slug + "' with " + people.size() + " people");
    }

    private static TenantProvisioning.Person person(JsonObject user) {
        var roles = EnumSet.noneOf(Role.class);
        user.getJsonArray("roles").getValuesAs(JsonString.class).forEach(r -> roles.add(
                Role.byName(r.getString()).orElseThrow(() -> new IllegalArgumentException("Unknown role " + r))));
        return new TenantProvisioning.Person(user.getString("email"), user.getString("name"), roles);
    }
}
