package org.attune.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.attune.infra.local.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tokens web-ui issues are the only way into the services, and only while they are fresh and genuine. */
class ServiceTokensIT {

    private static LocalStack stack;
    private static List<URI> services;

    @BeforeAll
    static void startStack() {
        stack = SystemStack.get();
        services = List.of(stack.checkinUrl(), stack.contentUrl(), stack.notificationUrl());
    }

    @Test
    void aTokenFromWebUisTokenEndpointIsAcceptedByEveryService() {
        var client = Person.client(stack);
        for (var service : services) {
            var export = Api.get(service, "/api/v1/export", client.token());
            assertThat(export.status()).as(service + " " + export.body()).isEqualTo(200);
        }
    }

    @Test
    void anExpiredTokenSignedWithWebUisOwnKeyIsRejectedByEveryService() throws Exception {
        var client = Person.client(stack);
        var genuine = SignedJWT.parse(client.token());
        var expired = new JWTClaimsSet.Builder(genuine.getJWTClaimsSet())
                .issueTime(Date.from(Instant.now().minus(Duration.ofMinutes(10))))
                .expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(5))))
                .build();
        var token = sign(genuine.getHeader().getKeyID(), expired, webUiSigningKey());
        assertEveryServiceRefuses(token);
    }

    @Test
    void aTokenSignedByAnotherKeyUnderWebUisKeyIdIsRejectedByEveryService() throws Exception {
        var client = Person.client(stack);
        var genuine = SignedJWT.parse(client.token());
        var stranger = new RSAKeyGenerator(2048).generate().toPrivateKey();
        var token = sign(genuine.getHeader().getKeyID(), genuine.getJWTClaimsSet(), stranger);
        assertEveryServiceRefuses(token);
    }

    @Test
    void aTokenForAnotherAudienceIsRejectedByEveryService() throws Exception {
        assertEveryServiceRefuses(withWebUisKey(claims -> claims.audience("somebody-else")));
    }

    @Test
    void aTokenWithoutARoleIsRejectedByEveryService() throws Exception {
        assertEveryServiceRefuses(withWebUisKey(claims -> claims.claim("role", null)));
    }

    @Test
    void aTokenWithAnUnknownRoleIsRejectedByEveryService() throws Exception {
        assertEveryServiceRefuses(withWebUisKey(claims -> claims.claim("role", "ADMIN")));
    }

    @Test
    void anUnsignedTokenWithAlgNoneIsRejectedByEveryService() throws Exception {
        var genuine = SignedJWT.parse(Person.client(stack).token());
        var unsigned = new com.nimbusds.jwt.PlainJWT(genuine.getJWTClaimsSet()).serialize();
        assertEveryServiceRefuses(unsigned);
    }

    @Test
    void aGenuineTokenWithTheWrongRoleIsForbiddenByEveryService() {
        var therapist = Person.therapist(stack);
        for (var service : services) {
            var answer = Api.get(service, "/api/v1/access-log", therapist.token());
            assertThat(answer.status()).as(service + " " + answer.body()).isEqualTo(403);
            assertThat(answer.contentType()).as(service.toString()).startsWith("application/problem+json");
        }
    }

    /** A client's genuine claims, changed, signed with web-ui's own key under its key id. */
    private static String withWebUisKey(java.util.function.Consumer<JWTClaimsSet.Builder> change) throws Exception {
        var genuine = SignedJWT.parse(Person.client(stack).token());
        var claims = new JWTClaimsSet.Builder(genuine.getJWTClaimsSet());
        change.accept(claims);
        return sign(genuine.getHeader().getKeyID(), claims.build(), webUiSigningKey());
    }

    private static void assertEveryServiceRefuses(String token) {
        for (var service : services) {
            var export = Api.get(service, "/api/v1/export", token);
            assertThat(export.status()).as(service.toString()).isEqualTo(401);
            assertThat(export.contentType()).as(service.toString()).startsWith("application/problem+json");
            assertThat(export.body()).doesNotContain("\"services\"");
        }
    }

    private static String sign(String keyId, JWTClaimsSet claims, PrivateKey key) throws Exception {
        var header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(keyId)
                .type(JOSEObjectType.JWT)
                .build();
        var jwt = new SignedJWT(header, claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /** The key web-ui generated on first start and keeps in its data directory. */
    private static PrivateKey webUiSigningKey() throws Exception {
        var pem = Files.readString(stack.dataDir().resolve("web-ui/signing-key.pem"));
        var base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
