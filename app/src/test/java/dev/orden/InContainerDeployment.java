package dev.orden;

import dev.orden.shared.persistence.UnboundEntityManager;
import dev.orden.tenant.TestTenants;
import dev.orden.workorder.WorkOrderFixtures;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.util.List;
import java.util.TreeSet;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.FileAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The archive every in-container test deploys: {@code orden-arq.war} (context root {@code /orden-arq}), put beside
 * {@code orden.war} in the running orden-it server. It holds the application's compiled classes, its libraries, its
 * configuration resources ({@code config/}), the resources beside its classes (the rules sandbox's
 * {@code prelude.js}) and its {@code persistence.xml}, so the tests get the real container EntityManager, JTA and
 * CDI on the same {@code jdbc/orden} datasource (same role, same pool, same row-level security) as the application.
 *
 * <p>Left out is what must run only once per server or belongs to the HTTP surface, which {@code orden.war} already
 * provides and the HTTP-level tests cover: start-up observers (Flyway migrations, demo seeding — the schema is
 * already migrated by orden.war), health checks (they would join the server's {@code /health}), and JAX-RS
 * classes (the API and its filters). The rule is by annotation, so a new start-up observer is left out too.
 */
public final class InContainerDeployment {

    public static final String ARCHIVE = "orden-arq.war";

    private static final Logger LOG = Logger.getLogger(InContainerDeployment.class.getName());

    /** The test support every in-container test may use (this class itself runs only on the client). */
    private static final List<Class<?>> SUPPORT = List.of(Transactions.class, TestTenants.class,
            WorkOrderFixtures.class, UnboundEntityManager.class);

    private InContainerDeployment() {}

    public static WebArchive create(Class<?>... tests) {
        var classes = java.nio.file.Path.of(System.getProperty("orden.it.mainClasses", "target/classes"));
        var war = ShrinkWrap.create(WebArchive.class, ARCHIVE);
        var left = new TreeSet<String>();
        var added = 0;
        try (var files = Files.walk(classes)) {
            for (var file : files.filter(Files::isRegularFile).sorted().toList()) {
                var path = classes.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                if (path.endsWith(".class")) {
                    var topLevel = path.substring(0, path.length() - ".class".length()).replace('/', '.')
                            .replaceFirst("\\$.*", "");
                    if (serverOnly(topLevel)) {
                        left.add(topLevel);
                    } else {
                        war.add(new FileAsset(file.toFile()), "WEB-INF/classes/" + path);
                        added++;
                    }
                } else if (path.equals("META-INF/persistence.xml") || path.startsWith("config/")
                        || path.startsWith("dev/orden/")) {
                    war.add(new FileAsset(file.toFile()), "WEB-INF/classes/" + path);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the application's classes from " + classes, e);
        }
        if (added == 0 || war.get("WEB-INF/classes/META-INF/persistence.xml") == null) {
            throw new IllegalStateException("No application classes or persistence.xml under " + classes
                    + " (set orden.it.mainClasses)");
        }
        addLibraries(war);
        SUPPORT.forEach(war::addClass);
        war.addClasses(tests);
        LOG.info(ARCHIVE + ": " + added + " application class files, left out " + left);
        return war;
    }

    /** The application's own libraries (RE2J, the JSON Schema validator, …), as the packaged WAR has them. */
    private static void addLibraries(WebArchive war) {
        var libraries = java.nio.file.Path.of(System.getProperty("orden.it.mainLibraries", "target/orden/WEB-INF/lib"));
        if (!Files.isDirectory(libraries)) {
            throw new IllegalStateException("No packaged libraries under " + libraries + " (run the package phase)");
        }
        try (var jars = Files.list(libraries)) {
            jars.filter(jar -> jar.toString().endsWith(".jar")).sorted().forEach(jar -> war.addAsLibrary(jar.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + libraries, e);
        }
    }

    /** What only orden.war may run or serve (see the class comment). */
    static boolean serverOnly(String className) {
        Class<?> type;
        try {
            type = Class.forName(className, false, InContainerDeployment.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        if (type.isAnnotationPresent(ApplicationPath.class) || type.isAnnotationPresent(Path.class)
                || type.isAnnotationPresent(Provider.class) || HealthCheck.class.isAssignableFrom(type)) {
            return true;
        }
        for (Method method : type.getDeclaredMethods()) {
            if (method.isAnnotationPresent(Readiness.class) || method.isAnnotationPresent(Liveness.class)
                    || method.isAnnotationPresent(org.eclipse.microprofile.health.Startup.class)) {
                return true;
            }
            for (Parameter parameter : method.getParameters()) {
                if (parameter.isAnnotationPresent(Observes.class)
                        && (parameter.isAnnotationPresent(Initialized.class) || parameter.getType() == Startup.class)) {
                    return true;
                }
            }
        }
        return false;
    }
}
