package org.attune.webui.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.attune.events.Role;
import org.attune.testsupport.MutableClock;
import org.attune.webui.config.ServicesProperties;
import org.attune.webui.security.Caller;
import org.attune.webui.security.SessionEndedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A caller's token is signed once and reused until shortly before it expires; whether they may act is always asked. */
class ServiceTokenReuseTest {

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T20:00:00Z"));
    final Set<UUID> suspended = ConcurrentHashMap.newKeySet();
    final Caller ada = new Caller(UUID.randomUUID(), Role.CLIENT);
    final Caller noor = new Caller(UUID.randomUUID(), Role.THERAPIST);

    private ServiceTokens tokens() {
        var issuer = new TokenIssuer(
                SigningKeyConfig.loadOrGenerate(dir.resolve("signing-key.pem")), clock, TokenSettings.DEFAULT);
        var nowhere = java.net.URI.create("http://127.0.0.1:9");
        var services = new ServicesProperties(nowhere, nowhere, nowhere);
        return new ServiceTokens(issuer, services, caller -> !suspended.contains(caller.id()));
    }

    @Test
    void aCallersTokenIsReusedWhileItHasMoreThanAMinuteLeftAndEachCallerHasTheirOwn() {
        var tokens = tokens();

        var first = tokens.tokenFor(ada);
        clock.advance(TokenIssuer.LIFETIME.minus(ServiceTokens.REUSE_MARGIN).minusSeconds(1));

        assertThat(tokens.tokenFor(ada)).isEqualTo(first);
        assertThat(tokens.tokenFor(noor)).isNotEqualTo(first);
    }

    @Test
    void shortlyBeforeItExpiresAFreshTokenIsSigned() {
        var tokens = tokens();
        var first = tokens.tokenFor(ada);

        clock.advance(TokenIssuer.LIFETIME.minus(ServiceTokens.REUSE_MARGIN));

        assertThat(tokens.tokenFor(ada)).isNotEqualTo(first);
    }

    @Test
    void aSuspendedCallerGetsNoTokenEvenWhileOneIsKept() {
        var tokens = tokens();
        tokens.tokenFor(ada);
        suspended.add(ada.id());
        clock.advance(Duration.ofSeconds(1));

        assertThatThrownBy(() -> tokens.tokenFor(ada)).isInstanceOf(SessionEndedException.class);
    }
}
