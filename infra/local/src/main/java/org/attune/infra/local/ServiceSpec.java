package org.attune.infra.local;

import java.util.Map;

/**
 * One Attune service as the local stack launches it: its API (or, for web-ui, the pages) on {@code port}, its actuator
 * endpoints on {@code managementPort}.
 */
record ServiceSpec(String name, int port, int managementPort, String heap, Map<String, String> environment) {

    String jarPath() {
        return name + "/target/" + name + ".jar";
    }

    String healthUrl() {
        return "http://127.0.0.1:" + managementPort + "/actuator/health";
    }
}
