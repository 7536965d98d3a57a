package dev.orden.platform;

import dev.orden.identity.KeycloakSettings;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one place that sets the security headers of every answer, portal and API alike. The portal's
 * Content-Security-Policy allows scripts, styles and calls from this origin only (and Keycloak's token endpoint and
 * pages), no inline code and no framing, so that text an order carries can never run as script; everything else
 * (JSON, CSV, attachment bytes) may load nothing, run nothing and be framed by no one. HSTS is sent only on answers
 * that went over TLS: over plain HTTP it would be ignored, and it must not pin a development server's name.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR})
public class SecurityHeaders extends HttpFilter {

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

    @Inject
    KeycloakSettings keycloak;

    @Inject
    @ConfigProperty(name = "orden.security.hsts", defaultValue = "max-age=31536000; includeSubDomains")
    String hsts;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        var portal = isPortal(request.getRequestURI().substring(request.getContextPath().length()));
        response.setHeader("Content-Security-Policy", portal ? portalPolicy(keycloak.publicUrl()) : API_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", portal ? "same-origin" : "no-referrer");
        if (request.isSecure() && !hsts.isBlank()) response.setHeader("Strict-Transport-Security", hsts);
        chain.doFilter(request, response);
    }

    static boolean isPortal(String path) {
        return path.equals("/portal") || path.startsWith("/portal/");
    }

    /** The portal's policy: its own origin, plus Keycloak for the token calls and the sign-in and sign-out pages. */
    static String portalPolicy(String keycloakUrl) {
        var origin = URI.create(keycloakUrl).resolve("/").toString().replaceAll("/$", "");
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self' " + origin + "; frame-src " + origin + "; form-action 'self' " + origin
                + "; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
    }
}
