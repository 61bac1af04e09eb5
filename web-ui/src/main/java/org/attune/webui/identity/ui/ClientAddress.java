package org.attune.webui.identity.ui;

import com.vaadin.flow.server.VaadinRequest;

/** The address the current Vaadin request came from (behind the proxy: as Tomcat's RemoteIpValve resolved it). */
final class ClientAddress {

    private ClientAddress() {}

    static String of() {
        var request = VaadinRequest.getCurrent();
        return request == null ? null : request.getRemoteAddr();
    }
}
