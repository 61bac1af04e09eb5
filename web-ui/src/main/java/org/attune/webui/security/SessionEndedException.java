package org.attune.webui.security;

import org.springframework.web.client.RestClientException;

/**
 * No service token for a caller whose session has ended (password changed elsewhere, account erased) or whose email
 * is not verified. A {@link RestClientException} because the service call it was for cannot be made, and every
 * gateway already treats that as "no answer".
 */
public class SessionEndedException extends RestClientException {

    public SessionEndedException() {
        super("This session has ended; no service token");
    }
}
