package org.attune.webui.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import org.attune.events.Role;
import org.springframework.stereotype.Component;

/**
 * Signs the short-lived tokens the services accept: RS256, {@code iss} and {@code aud} from {@link TokenSettings}
 * (attune-web-ui, attune-services by default), {@code sub} the account id, {@code role}, {@code iat}, {@code exp} five
 * minutes later, a fresh {@code jti}, and the key's {@code kid} in the header. Five minutes bounds how long a token
 * outlives a password change or an erasure: the services cannot ask web-ui about each one.
 */
@Component
public class TokenIssuer {

    public static final Duration LIFETIME = Duration.ofMinutes(5);

    private final SigningKey key;
    private final Clock clock;
    private final TokenSettings settings;
    private final RSASSASigner signer;

    TokenIssuer(SigningKey key, Clock clock, TokenSettings settings) {
        this.key = key;
        this.clock = clock;
        this.settings = settings;
        try {
            this.signer = new RSASSASigner(key.rsaKey());
        } catch (JOSEException e) {
            throw new IllegalStateException("The signing key cannot sign", e);
        }
    }

    java.time.Instant now() {
        return clock.instant();
    }

    /** A signed token and when it expires. */
    public record Issued(String token, java.time.Instant expiresAt) {}

    /** A signed token for this account, valid for {@link #LIFETIME}. */
    public String issue(UUID accountId, Role role) {
        return issued(accountId, role).token();
    }

    /** A signed token for this account, valid for {@link #LIFETIME}, with its expiry. */
    public Issued issued(UUID accountId, Role role) {
        if (role != Role.CLIENT && role != Role.THERAPIST) {
            // Operators run the deployment; they never act on client data in any service.
            throw new IllegalArgumentException("Only clients and therapists get service tokens");
        }
        var now = clock.instant();
        var claims = new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .audience(settings.audience())
                .subject(accountId.toString())
                .claim("role", role.name())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        var header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.keyId())
                .type(JOSEObjectType.JWT)
                .build();
        var jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a token", e);
        }
        return new Issued(jwt.serialize(), now.plus(LIFETIME));
    }
}
