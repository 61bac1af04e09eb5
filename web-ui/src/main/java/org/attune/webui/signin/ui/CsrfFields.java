package org.attune.webui.signin.ui;

import com.vaadin.flow.server.VaadinServletRequest;
import java.util.Map;
import org.springframework.security.web.csrf.CsrfToken;

/** The CSRF token of the current request, for the plain forms and scripts that post to Spring Security. */
final class CsrfFields {

    private CsrfFields() {}

    /** Empty outside a servlet request (browserless tests). */
    static Map<String, String> header() {
        var token = token();
        return token == null ? Map.of() : Map.of(token.getHeaderName(), token.getToken());
    }

    static CsrfToken token() {
        var request = VaadinServletRequest.getCurrent();
        if (request == null) {
            return null;
        }
        return request.getHttpServletRequest().getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token
                ? token
                : null;
    }
}
