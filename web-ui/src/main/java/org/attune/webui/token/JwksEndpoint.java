package org.attune.webui.token;

import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public signing keys, for the services that validate web-ui's tokens. */
@RestController
class JwksEndpoint {

    private final SigningKey key;

    JwksEndpoint(SigningKey key) {
        this.key = key;
    }

    @GetMapping(path = "/.well-known/jwks.json", produces = "application/json")
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noCache())
                .body(key.publicJwks().toJSONObject(true));
    }
}
