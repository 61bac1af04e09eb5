package org.attune.webui.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses a sign-in form post over the limit before the password is checked, and says why on the login view. */
public class FormLoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final String loginPath;

    public FormLoginThrottleFilter(LoginThrottle throttle, AuditLog audit, String loginPath) {
        this.throttle = throttle;
        this.audit = audit;
        this.loginPath = loginPath;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !loginPath.equals(request.getRequestURI()
                        .substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (throttle.blocked(request.getParameter("username"), request.getRemoteAddr())) {
            audit.record(AuditLog.Kind.LOGIN_THROTTLED, null, request.getRemoteAddr());
            response.sendRedirect(request.getContextPath() + loginPath + "?throttled");
            return;
        }
        chain.doFilter(request, response);
    }
}
