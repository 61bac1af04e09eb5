package org.attune.webui.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** RFC 6238's own test vectors (SHA-1, the last six of its eight digits) and the drift window. */
class TotpTest {

    private static final String RFC_SECRET = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @Test
    void theCodesAreThoseOfRfc6238() {
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111109))))
                .isEqualTo("081804");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1234567890))))
                .isEqualTo("005924");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(20000000000L))))
                .isEqualTo("353130");
    }

    @Test
    void aCodeFromOneStepEitherSideIsAcceptedAndNoFurther() {
        var now = Instant.ofEpochSecond(1_700_000_000L);
        var step = Totp.step(now);

        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now))
                .hasValue(step - 1);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now))
                .hasValue(step + 1);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 2), now))
                .isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, "12345", now)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, "abcdef", now)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, null, now)).isEmpty();
    }

    @Test
    void base32RoundTripsAndTheUriNamesEverythingAnAppNeeds() {
        var secret = Totp.newSecret(new SecureRandom());

        assertThat(secret).hasSize(32).matches("[A-Z2-7]+");
        assertThat(Totp.base32(Totp.fromBase32(secret))).isEqualTo(secret);
        assertThat(Totp.fromBase32(Totp.grouped(secret))).isEqualTo(Totp.fromBase32(secret));
        assertThat(Totp.otpauthUri("Attune", "ann@example.org", secret))
                .isEqualTo("otpauth://totp/Attune:ann%40example.org?secret=" + secret
                        + "&issuer=Attune&algorithm=SHA1&digits=6&period=30");
    }
}
