package org.attune.kit.security;

import org.springframework.security.config.web.server.ServerHttpSecurity;

/**
 * What a service declares of its own security: which paths which role may call. Everything it does not name is
 * denied; health, metrics and the API description are open in every service.
 */
@FunctionalInterface
public interface PathRules {

    void authorize(ServerHttpSecurity.AuthorizeExchangeSpec exchanges);
}
