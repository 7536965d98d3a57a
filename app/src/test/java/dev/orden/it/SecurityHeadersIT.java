package dev.orden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The headers every answer carries (dev.orden.platform.SecurityHeaders), on the portal and on the API, over the test
 * server's HTTP and HTTPS ports: HSTS only over HTTPS.
 */
class SecurityHeadersIT {

    static final String HTTPS_URL = System.getProperty("orden.it.httpsUrl", "https://127.0.0.1:9444");
    static final List<String> PATHS = List.of("/portal/", "/portal/workorders/WO-1", "/portal/js/app.js",
            "/api/v1/portal/config", "/api/v1/workorders", "/api/v1/no-such-thing");

    @BeforeAll
    static void ready() {
        It.awaitReady();
    }

    /** The test server's certificate is self-signed for localhost: trusted here, for this test's connections only. */
    private static HttpURLConnection open(String url) throws IOException, GeneralSecurityException {
        var connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setInstanceFollowRedirects(false);
        if (connection instanceof HttpsURLConnection https) {
            var context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {}

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {}

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            https.setSSLSocketFactory(context.getSocketFactory());
            https.setHostnameVerifier((host, session) -> true);
        }
        connection.getResponseCode();
        return connection;
    }

    @Test
    void hstsIsSentOverHttpsOnly() throws Exception {
        for (var path : PATHS) {
            var secure = open(HTTPS_URL + path);
            assertEquals("max-age=31536000; includeSubDomains", secure.getHeaderField("Strict-Transport-Security"),
                    "https " + path + " (" + secure.getResponseCode() + ")");
            var plain = open(It.BASE_URL + path);
            assertNull(plain.getHeaderField("Strict-Transport-Security"), "http " + path);
        }
    }

    @Test
    void thePortalMayBeFramedByNoOneAndRunsOnlyItsOwnScripts() throws Exception {
        for (var path : PATHS.subList(0, 3)) {
            var page = open(It.BASE_URL + path);
            var policy = page.getHeaderField("Content-Security-Policy");
            assertTrue(policy != null && policy.contains("frame-ancestors 'none'") && policy.contains("script-src 'self';")
                    && !policy.contains("unsafe"), path + ": " + policy);
            assertEquals("nosniff", page.getHeaderField("X-Content-Type-Options"), path);
            assertEquals("same-origin", page.getHeaderField("Referrer-Policy"), path);
        }
    }

    @Test
    void everyApiAnswerLoadsNothingAndMayBeFramedByNoOneWhateverItsStatus() throws Exception {
        for (var path : PATHS.subList(3, PATHS.size())) {
            var api = open(It.BASE_URL + path);
            assertEquals("default-src 'none'; frame-ancestors 'none'; sandbox",
                    api.getHeaderField("Content-Security-Policy"), path + " (" + api.getResponseCode() + ")");
            assertEquals("nosniff", api.getHeaderField("X-Content-Type-Options"), path);
            assertEquals("no-referrer", api.getHeaderField("Referrer-Policy"), path);
        }
    }

    /**
     * Behind a TLS-terminating proxy the server sees plain HTTP: HSTS follows the {@code X-Forwarded-Proto} of a
     * trusted proxy (the test server trusts 127.0.0.77, ORDEN_TRUSTED_PROXIES) and of no one else.
     */
    @Test
    void hstsFollowsTheForwardedProtoOfATrustedProxyOnly() {
        var headers = java.util.Map.of("X-Forwarded-For", "203.0.113.9", "X-Forwarded-Proto", "https");
        for (var path : List.of("/portal/", It.BASE_URL + "/api/v1/portal/config")) {
            var url = path.startsWith("http") ? path : It.BASE_URL + path;
            var proxied = Api.anonymous(Http.fromLoopback(0, 77)).send("GET", url, null, null, headers);
            assertEquals("max-age=31536000; includeSubDomains",
                    proxied.header("Strict-Transport-Security").orElse(null), proxied.describe());
            var spoofed = Api.anonymous(Http.fromLoopback(It.randomBetween(2, 249), 9)).send("GET", url, null, null,
                    headers);
            assertNull(spoofed.header("Strict-Transport-Security").orElse(null), spoofed.describe());
        }
    }
}
