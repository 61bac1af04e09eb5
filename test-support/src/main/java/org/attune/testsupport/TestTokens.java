package org.attune.testsupport;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Mints tokens the way web-ui does (RS256, {@code sub} = account id, {@code role}, {@code iss}, {@code aud}, five
 * minutes) and serves the public key as a JWKS over real HTTP, so services validate them exactly as in production.
 */
public final class TestTokens {

    public static final String ISSUER = "attune-web-ui";
    public static final String AUDIENCE = "attune-services";

    private static TestTokens instance;

    private final RSAKey key;
    private final RSAKey strangerKey;
    private final String jwksUri;

    private TestTokens(RSAKey key, RSAKey strangerKey, String jwksUri) {
        this.key = key;
        this.strangerKey = strangerKey;
        this.jwksUri = jwksUri;
    }

    public static synchronized TestTokens get() {
        if (instance == null) {
            try {
                var key = new RSAKeyGenerator(2048).keyID("test-key").generate();
                var stranger = new RSAKeyGenerator(2048).keyID("test-key").generate();
                instance = new TestTokens(key, stranger, serveJwks(new JWKSet(key.toPublicJWK())));
            } catch (Exception e) {
                throw new IllegalStateException("Could not create test signing keys", e);
            }
        }
        return instance;
    }

    private static String serveJwks(JWKSet jwks) {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            var body = jwks.toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/.well-known/jwks.json", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            // Several application contexts fetch the key set at once; one slow answer must not hold up the others.
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(
                    Thread.ofPlatform().daemon(true).name("test-jwks-", 0).factory()));
            server.start();
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jwksUri() {
        return jwksUri;
    }

    public String client(UUID accountId) {
        return token(accountId, "CLIENT", Duration.ofMinutes(5));
    }

    public String therapist(UUID accountId) {
        return token(accountId, "THERAPIST", Duration.ofMinutes(5));
    }

    /** A token that expired a while ago (beyond any clock-skew allowance). */
    public String expired(UUID accountId, String role) {
        return sign(key, claims(accountId, role, Instant.now().minus(Duration.ofMinutes(20)), Duration.ofMinutes(5)));
    }

    /** A well-formed token signed with a key the services have never seen. */
    public String signedByStranger(UUID accountId, String role) {
        return sign(strangerKey, claims(accountId, role, Instant.now(), Duration.ofMinutes(5)));
    }

    public String token(UUID accountId, String role, Duration lifetime) {
        return sign(key, claims(accountId, role, Instant.now(), lifetime));
    }

    private static JWTClaimsSet claims(UUID accountId, String role, Instant issuedAt, Duration lifetime) {
        return new JWTClaimsSet.Builder()
                .subject(accountId.toString())
                .claim("role", role)
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .build();
    }

    private static String sign(RSAKey signingKey, JWTClaimsSet claims) {
        try {
            var header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .keyID(signingKey.getKeyID())
                    .type(JOSEObjectType.JWT)
                    .build();
            var jwt = new SignedJWT(header, claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException("Could not sign a test token", e);
        }
    }
}
