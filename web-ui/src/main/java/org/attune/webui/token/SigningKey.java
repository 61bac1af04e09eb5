package org.attune.webui.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;

/** web-ui's RS256 signing key; its {@code kid} is the RFC 7638 thumbprint of the public key. */
public final class SigningKey {

    private final RSAKey key;

    SigningKey(RSAPrivateCrtKey privateKey, RSAPublicKey publicKey) {
        try {
            var withoutId = new RSAKey.Builder(publicKey).privateKey(privateKey).build();
            this.key = new RSAKey.Builder(publicKey)
                    .privateKey(privateKey)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyID(withoutId.computeThumbprint().toString())
                    .build();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not compute the signing key's id", e);
        }
    }

    RSAKey rsaKey() {
        return key;
    }

    public String keyId() {
        return key.getKeyID();
    }

    public RSAPublicKey publicKey() {
        try {
            return key.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public half only, as served at {@code /.well-known/jwks.json}. */
    public JWKSet publicJwks() {
        return new JWKSet(key.toPublicJWK());
    }
}
