package org.attune.webui.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The security headers on every response, including the Vaadin pages that Spring Security's filter chain does not
 * see (Vaadin serves its bootstrap page outside it). Outermost filter: the values here win over anything set later.
 * {@code Cache-Control: no-store} everywhere except Vaadin's own static resources; the content-hashed bundles under
 * {@code /VAADIN/build/} never change under their name, so a browser keeps them for a year without asking again (a
 * phone's first load is the slow one; every later one skips the network for them), and the favicon for a day.
 */
public class SecurityHeadersFilter extends OncePerRequestFilter {

    public static final String HSTS = "max-age=31536000 ; includeSubDomains";
    public static final String IMMUTABLE = "public, max-age=31536000, immutable";

    /** A Vite bundle file: {@code name-HASH.ext} (8 base64url characters of content hash). */
    private static final Pattern HASHED_BUNDLE =
            Pattern.compile("/VAADIN/build/[^/]+-[A-Za-z0-9_-]{8}\\.(js|css|woff2?|png|svg)(\\.br|\\.gz)?");

    private final Map<String, String> headers;

    public SecurityHeadersFilter(String contentSecurityPolicy) {
        this.headers = Map.of(
                "Content-Security-Policy", contentSecurityPolicy,
                "X-Content-Type-Options", "nosniff",
                "Referrer-Policy", "same-origin",
                "X-Frame-Options", "DENY");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        headers.forEach(response::setHeader);
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        var path = request.getRequestURI().substring(request.getContextPath().length());
        boolean staticResource = path.startsWith("/VAADIN/");
        // Our own cache policy for these; Vaadin's static file server would say one hour.
        boolean cachePolicyOwned =
                !staticResource || HASHED_BUNDLE.matcher(path).matches();
        if (!staticResource) {
            response.setHeader("Cache-Control", path.equals("/favicon.ico") ? "public, max-age=86400" : "no-store");
        } else if (cachePolicyOwned) {
            response.setHeader("Cache-Control", IMMUTABLE);
        }
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setHeader(String name, String value) {
                if (!owned(name)) {
                    super.setHeader(name, value);
                }
            }

            @Override
            public void addHeader(String name, String value) {
                if (!owned(name)) {
                    super.addHeader(name, value);
                }
            }

            @Override
            public void setDateHeader(String name, long date) {
                if (!owned(name)) {
                    super.setDateHeader(name, date);
                }
            }

            @Override
            public void addDateHeader(String name, long date) {
                if (!owned(name)) {
                    super.addDateHeader(name, date);
                }
            }

            private boolean owned(String name) {
                var lower = name.toLowerCase(Locale.ROOT);
                return headers.keySet().stream()
                                .anyMatch(h -> h.toLowerCase(Locale.ROOT).equals(lower))
                        || lower.equals("strict-transport-security")
                        || (cachePolicyOwned
                                && (lower.equals("cache-control")
                                        || lower.equals("pragma")
                                        || lower.equals("expires")));
            }
        });
    }
}
