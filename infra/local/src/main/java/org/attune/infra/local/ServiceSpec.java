package org.attune.infra.local;

import java.util.Map;

/** One Attune service as the local stack launches it. */
record ServiceSpec(String name, int port, String heap, Map<String, String> environment) {

    String jarPath() {
        return name + "/target/" + name + ".jar";
    }

    String healthUrl() {
        return "http://127.0.0.1:" + port + "/actuator/health";
    }
}
