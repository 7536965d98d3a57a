package dev.orden.it;

import java.security.SecureRandom;

/** Where the system under test is (failsafe passes these) and small helpers shared by every suite. */
final class It {

    static final String BASE_URL = System.getProperty("orden.it.baseUrl", "http://127.0.0.1:9081");
    static final String API_URL = BASE_URL + "/api/v1";
    /** A second server on the same database and Keycloak (orden-it-…-replica); null when none was started. */
    static final String REPLICA_URL = System.getProperty("orden.it.replicaUrl");
    static final String KC_URL = System.getProperty("orden.it.kcUrl", "http://127.0.0.1:8180");
    static final String REALM = "orden";
    /** The local Keycloak's bootstrap admin (master realm), as `./orden` starts it. */
    static final String KC_ADMIN_USER = System.getProperty("orden.it.kcAdminUser", "admin");
    static final String KC_ADMIN_PASSWORD = System.getProperty("orden.it.kcAdminPassword", "admin");
    static final String JDBC_URL = System.getProperty("orden.it.jdbcUrl",
            "jdbc:postgresql://127.0.0.1:5432/orden_test");
    static final String DEMO_PASSWORD = "demo";
    /** The test server's plugin directory: its default, {@code ${server.config.dir}/plugins}. */
    static final String PLUGINS_DIR = System.getProperty("orden.it.pluginsDir");

    static final String ACME_ADMIN = "admin@acme.test";
    static final String ACME_DISPATCHER = "dispatcher@acme.test";
    static final String ACME_AGENT = "agent@acme.test";
    static final String ACME_REQUESTER = "requester@acme.test";
    static final String GLOBEX_ADMIN = "admin@globex.test";
    static final String GLOBEX_DISPATCHER = "dispatcher@globex.test";
    static final String GLOBEX_AGENT = "agent@globex.test";
    static final String GLOBEX_REQUESTER = "requester@globex.test";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private It() {}

    /** A lower-case token unique to this run, e.g. for titles, slugs and e-mails: {@code prefix-k3x9q2}. */
    static String unique(String prefix) {
        var sb = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 10; i++) sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        return sb.toString();
    }

    /**
     * Waits (at most three minutes) until the server reports ready: liberty-maven-plugin returns once Liberty
     * has started, but the demo tenants may still be seeding if Keycloak was slow.
     */
    static synchronized void awaitReady() {
        if (ready) return;
        awaitReady(BASE_URL);
        ready = true;
    }

    /** Waits (at most three minutes) until the server at {@code baseUrl} reports ready. */
    static void awaitReady(String baseUrl) {
        var client = Http.DEFAULT;
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl + "/health/ready"))
                .timeout(java.time.Duration.ofSeconds(10)).build();
        var deadline = System.nanoTime() + java.time.Duration.ofMinutes(3).toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                var response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) return;
                last = response.statusCode() + " " + response.body();
            } catch (java.io.IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(java.time.Duration.ofMillis(500).toNanos());
        }
        throw new IllegalStateException("Orden at " + baseUrl + " is not ready: " + last);
    }

    private static boolean ready;

    static int randomBetween(int lowInclusive, int highInclusive) {
        return lowInclusive + RANDOM.nextInt(highInclusive - lowInclusive + 1);
    }
}
