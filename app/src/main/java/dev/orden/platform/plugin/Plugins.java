package dev.orden.platform.plugin;

import dev.orden.plugin.spi.PluginSession;
import dev.orden.plugin.spi.Provider;
import dev.orden.plugin.spi.ProviderFactory;
import dev.orden.plugin.spi.ProviderRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server's plugins: every {@link dev.orden.plugin.spi.Spi} and factory that {@link java.util.ServiceLoader} finds
 * in the application (the built-ins, in {@code WEB-INF/lib}) and in the jars of the plugin directory
 * ({@code orden.plugins.dir}; server.xml defaults it to {@code ${server.config.dir}/plugins}). The jars get one class
 * loader whose parent is the application's, so a plugin sees the SPI (which it must not bundle) and nothing it
 * brings can replace a class of the server. The directory is looked at again at most every
 * {@code orden.plugins.scan-interval}: a jar added, replaced or removed is picked up without a restart, and the
 * previous factories and class loader are closed.
 */
@ApplicationScoped
public class Plugins {

    private static final Logger LOG = Logger.getLogger(Plugins.class.getName());

    @Inject
    @ConfigProperty(name = "orden.plugins.dir")
    Optional<String> directory;

    @Inject
    @ConfigProperty(name = "orden.plugins.scan-interval", defaultValue = "PT10S")
    Duration scanInterval;

    /** Factories' server-wide settings; tests give their own. */
    Supplier<ProviderRegistry.ConfigSource> settings = MicroProfileConfigSource::read;

    private Loaded loaded;
    private long nextScanNanos;

    private record Loaded(List<String> fingerprint, URLClassLoader loader, ProviderRegistry registry) {

        void close() {
            registry.close();
            try {
                loader.close();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Could not close the previous plugins' class loader", e);
            }
        }
    }

    /** The current registry, the plugin directory rescanned first when it is due. */
    public synchronized ProviderRegistry registry() {
        if (loaded == null || System.nanoTime() - nextScanNanos >= 0) {
            var jars = jars().orElse(loaded == null ? List.of() : null);
            if (jars != null) {
                var fingerprint = jars.stream().map(Plugins::fingerprint).toList();
                if (loaded == null || !loaded.fingerprint().equals(fingerprint)) swap(jars, fingerprint);
            }
            nextScanNanos = System.nanoTime() + scanInterval.toNanos();
        }
        return loaded.registry();
    }

    /** What a provider made for one tenant's use sees of the server: the tenant, and any SPI's default provider. */
    public PluginSession session(UUID tenantId) {
        var registry = registry();
        return new PluginSession() {
            @Override
            public String tenantId() {
                return tenantId.toString();
            }

            @Override
            public <T extends Provider> T getProvider(Class<T> providerClass) {
                return registry.defaultFactory(providerClass).map(f -> f.create(this)).orElseThrow(
                        () -> new IllegalStateException("No provider of " + providerClass.getName()));
            }
        };
    }

    /** Where a factory comes from: {@code built-in}, or the name of its jar in the plugin directory. */
    public String origin(ProviderFactory<?> factory) {
        var loader = factory.getClass().getClassLoader();
        synchronized (this) {
            if (loaded == null || loader != loaded.loader()) return "built-in";
        }
        var source = factory.getClass().getProtectionDomain().getCodeSource();
        return source == null ? "plugin" : Path.of(source.getLocation().getPath()).getFileName().toString();
    }

    /**
     * Loads the jars; if they break (a bad service file, a class that does not link, two factories with one id), the
     * previous plugins stay — or, at start, the built-ins alone — and the same jars are not tried again until they
     * change.
     */
    private void swap(List<Path> jars, List<String> fingerprint) {
        var loader = new URLClassLoader("orden-plugins", jars.stream().map(Plugins::url).toArray(URL[]::new),
                Plugins.class.getClassLoader());
        try {
            replace(new Loaded(fingerprint, loader, ProviderRegistry.load(loader, settings.get())));
            LOG.info(() -> "Plugins: " + describe(loaded.registry()) + (jars.isEmpty() ? "" : " (jars: " + jars + ")"));
        } catch (RuntimeException | ServiceConfigurationError | LinkageError e) {
            closeQuietly(loader);
            LOG.log(Level.SEVERE, "The plugins in " + directory.orElse("") + " do not load; "
                    + (loaded == null ? "only the built-in ones are used" : "the ones loaded before stay"), e);
            if (loaded == null) {
                var builtIn = new URLClassLoader("orden-plugins", new URL[0], Plugins.class.getClassLoader());
                loaded = new Loaded(fingerprint, builtIn, ProviderRegistry.load(builtIn,
                        settings.get()));
            } else {
                loaded = new Loaded(fingerprint, loaded.loader(), loaded.registry());
            }
        }
    }

    private void replace(Loaded fresh) {
        var previous = loaded;
        loaded = fresh;
        if (previous != null) previous.close();
    }

    private String describe(ProviderRegistry registry) {
        return String.join("; ", registry.spis().stream().map(spi -> spi.getName() + ": " + String.join(", ",
                registry.factories(spi.getProviderClass()).stream().map(ProviderFactory::getId).toList())).toList());
    }

    /** The directory's jars, by name; empty when it cannot be read (the plugins loaded before stay). */
    private Optional<List<Path>> jars() {
        if (directory.isEmpty() || directory.get().isBlank()) return Optional.of(List.of());
        var dir = Path.of(directory.get());
        if (!Files.isDirectory(dir)) return Optional.of(List.of());
        try (Stream<Path> files = Files.list(dir)) {
            return Optional.of(files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
                    .sorted().toList());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot list the plugin directory " + dir, e);
            return Optional.empty();
        }
    }

    private static String fingerprint(Path jar) {
        try {
            return jar.getFileName() + ":" + Files.size(jar) + ":" + Files.getLastModifiedTime(jar).toMillis();
        } catch (IOException e) {
            return jar.getFileName() + ":unreadable";
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException ignored) {
            // nothing was loaded from it
        }
    }

    @PreDestroy
    synchronized void close() {
        if (loaded != null) loaded.close();
    }
}
