package dev.orden.portal;

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
 * Its security headers (Content-Security-Policy, …) are set by {@code dev.orden.platform.SecurityHeaders}.
 */
@WebFilter("/portal/*")
public class PortalPages extends HttpFilter {

    static final String INDEX = "/portal/index.html";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
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

    /** A route of the portal rather than one of its files: {@code /portal/…} whose last segment has no dot. */
    static boolean isPage(String path) {
        if (!path.startsWith("/portal/")) return false;
        var last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }
}
