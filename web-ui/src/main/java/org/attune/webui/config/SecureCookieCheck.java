package org.attune.webui.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Says so at start-up when people reach Attune over https but the session cookie is not marked {@code Secure}: the
 * setting that is easy to forget in the production checklist.
 */
@Component
class SecureCookieCheck implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SecureCookieCheck.class);

    private final WebUiProperties properties;
    private final boolean secureCookie;

    SecureCookieCheck(
            WebUiProperties properties, @Value("${server.servlet.session.cookie.secure:false}") boolean secureCookie) {
        this.properties = properties;
        this.secureCookie = secureCookie;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!secureCookie && "https".equalsIgnoreCase(properties.publicUrl().getScheme())) {
            log.warn(
                    "ATTUNE_PUBLIC_URL is https but ATTUNE_SECURITY_COOKIE_SECURE is not true: the session cookie would"
                            + " also be sent over plain http. Set ATTUNE_SECURITY_COOKIE_SECURE=true.");
        }
    }
}
