package io.kibly.engine.interfaces.rest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The security headers of every answer, set before anything else runs so that errors, refusals and the
 * container's own error pages carry them too:
 * <ul>
 *   <li>{@code Content-Security-Policy}: for the API (JSON, problems, metrics, health) nothing may load or frame
 *       anything; the console's pages ({@code /admin}, the index page) may load their own scripts, styles and
 *       images and call the engine, nothing else (no inline script or style: the pages keep theirs in files);</li>
 *   <li>{@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: no-referrer} (the OAuth callback's address
 *       holds a code and a state), {@code X-Frame-Options: DENY} for browsers without {@code frame-ancestors};</li>
 *   <li>{@code Cache-Control: no-store} on everything but the console's static files: tenant data, tokens'
 *       answers and problems are never kept by a browser or a proxy.</li>
 * </ul>
 * {@code Server} and {@code X-Powered-By} are switched off in the HTTP listeners' configuration
 * (configure-domain.asadmin): Grizzly writes its Server header below any filter.
 */
// asyncSupported: every filter on the way must allow it, or the Server-Sent Events streams cannot start (Jersey:
// "Attempt to put servlet request into asynchronous mode has failed"; the console's job rows stayed QUEUED)
@WebFilter(urlPatterns = "/*", asyncSupported = true, dispatcherTypes = {jakarta.servlet.DispatcherType.REQUEST,
        jakarta.servlet.DispatcherType.ERROR, jakarta.servlet.DispatcherType.ASYNC})
public class SecurityHeaders extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean page = isPage(request.getRequestURI().substring(request.getContextPath().length()));
        response.setHeader("Content-Security-Policy", page ? PAGE_POLICY : API_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        // the console's files change only with a deployment: revalidated, never served stale
        response.setHeader("Cache-Control", page ? "no-cache" : "no-store");
        chain.doFilter(request, response);
    }

    /** The console's static pages and their files; everything else is the API or an operations endpoint. */
    static boolean isPage(String path) {
        return path.isEmpty() || path.equals("/") || path.equals("/index.html") || path.equals("/admin")
                || path.startsWith("/admin/");
    }
}
