package dev.orden.portal;

import dev.orden.identity.KeycloakSettings;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The portal is one page that routes in the browser: a page's address ({@code /portal/workorders/WO-12}, the link
 * in notification e-mails) is answered with {@code index.html}; files (a name with a dot) are served as they are.
 * Every answer carries a Content-Security-Policy: scripts, styles and calls from this origin only (and the calls to
 * Keycloak's token endpoint), no inline code, no framing — so that text an order carries can never run as script.
 */
@WebFilter("/portal/*")
public class PortalPages extends HttpFilter {

    static final String INDEX = "/portal/index.html";

    @Inject
    KeycloakSettings keycloak;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        securityHeaders(response);
        var path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/portal")) {
            response.sendRedirect(request.getContextPath() + "/portal/");
            return;
        }
        if (isPage(path)) {
            // The page names its scripts by version-less paths, so it is always asked for again.
            response.setHeader("Cache-Control", "no-cache");
            request.getRequestDispatcher(INDEX).forward(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void securityHeaders(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", policy(keycloak.publicUrl()));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
    }

    /** The portal's policy: its own origin, plus Keycloak for the token calls and the sign-in and sign-out pages. */
    static String policy(String keycloakUrl) {
        var origin = java.net.URI.create(keycloakUrl).resolve("/").toString().replaceAll("/$", "");
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self' " + origin + "; frame-src " + origin + "; form-action 'self' " + origin
                + "; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
    }

    /** A route of the portal rather than one of its files: {@code /portal/…} whose last segment has no dot. */
    static boolean isPage(String path) {
        if (!path.startsWith("/portal/")) return false;
        var last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }
}
