package org.attune.webui.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The security headers on every response, including the Vaadin pages that Spring Security's filter chain does not
 * see (Vaadin serves its bootstrap page outside it). Outermost filter: the values here win over anything set later.
 * {@code Cache-Control: no-store} everywhere except Vaadin's own static, content-hashed resources.
 */
public class SecurityHeadersFilter extends OncePerRequestFilter {

    public static final String HSTS = "max-age=31536000 ; includeSubDomains";

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
        boolean staticResource = request.getRequestURI().startsWith(request.getContextPath() + "/VAADIN/");
        if (!staticResource) {
            response.setHeader("Cache-Control", "no-store");
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

            private boolean owned(String name) {
                var lower = name.toLowerCase(Locale.ROOT);
                return headers.keySet().stream()
                                .anyMatch(h -> h.toLowerCase(Locale.ROOT).equals(lower))
                        || lower.equals("strict-transport-security")
                        || (!staticResource
                                && (lower.equals("cache-control")
                                        || lower.equals("pragma")
                                        || lower.equals("expires")));
            }
        });
    }
}
