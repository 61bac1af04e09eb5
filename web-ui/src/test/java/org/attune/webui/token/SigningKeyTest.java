package org.attune.webui.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.UUID;
import org.attune.events.Role;
import org.attune.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {

    @TempDir
    Path dir;

    @Test
    void aKeyIsGeneratedOnFirstStartReadableOnlyByItsOwnerAndReusedAfterwards() throws Exception {
        var file = dir.resolve("keys/signing-key.pem");

        var first = SigningKeyConfig.loadOrGenerate(file);
        var second = SigningKeyConfig.loadOrGenerate(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(second.keyId()).isEqualTo(first.keyId());
        assertThat(second.publicKey()).isEqualTo(first.publicKey());
    }

    @Test
    void theJwksHoldsOnlyThePublicKey() {
        var key = SigningKeyConfig.loadOrGenerate(dir.resolve("signing-key.pem"));

        var jwk = key.publicJwks().getKeys().getFirst();

        assertThat(jwk.isPrivate()).isFalse();
        assertThat(jwk.getKeyID()).isEqualTo(key.keyId());
        assertThat(key.publicJwks().toString()).doesNotContain("\"d\"");
    }

    @Test
    void aFileThatIsNotAPkcs8KeyIsRefused() throws Exception {
        var file = dir.resolve("bad.pem");
        Files.writeString(file, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");

        assertThatThrownBy(() -> SigningKeyConfig.read(file)).hasMessageContaining("PKCS#8");
    }

    @Test
    void tokensCarryTheContractClaimsAndTheKeyId() throws Exception {
        var key = SigningKeyConfig.loadOrGenerate(dir.resolve("signing-key.pem"));
        var now = Instant.parse("2026-03-01T10:00:00Z");
        var issuer = new TokenIssuer(key, new MutableClock(now), TokenSettings.DEFAULT);
        var account = UUID.randomUUID();

        var jwt = SignedJWT.parse(issuer.issue(account, Role.THERAPIST));

        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(key.keyId());
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("attune-web-ui");
        assertThat(claims.getAudience()).containsExactly("attune-services");
        assertThat(claims.getSubject()).isEqualTo(account.toString());
        assertThat(claims.getStringClaim("role")).isEqualTo("THERAPIST");
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(now);
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(now.plusSeconds(300));
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(jwt.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(key.publicKey())))
                .isTrue();
    }
}
