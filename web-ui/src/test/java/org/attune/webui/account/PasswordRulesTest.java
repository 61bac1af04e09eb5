package org.attune.webui.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordRulesTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void passwordsAreHashedWithArgon2idAtTheAsvsMinimumParameters() {
        var hash = PasswordHashing.encoder().encode("a long quiet river at dawn");

        // Argon2id, version 19, 19 MiB memory, 2 iterations, 1 lane.
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(PasswordHashing.encoder().matches("a long quiet river at dawn", hash))
                .isTrue();
        assertThat(PasswordHashing.encoder().matches("a long quiet river at dusk", hash))
                .isFalse();
    }

    @Test
    void twoHashesOfTheSamePasswordDifferBecauseOfTheSalt() {
        var encoder = PasswordHashing.encoder();

        assertThat(encoder.encode("a long quiet river at dawn"))
                .isNotEqualTo(encoder.encode("a long quiet river at dawn"));
    }

    @Test
    void aPasswordShorterThanEightCharactersIsRefused() {
        assertThat(policy.problem("Xk7#q2!", "a@b.org", "Ann"))
                .hasValueSatisfying(p -> assertThat(p).contains("at least 8"));
    }

    @Test
    void aPasswordLongerThan128CharactersIsRefusedAnd128AreAccepted() {
        var words = "copper lantern drifting over quiet harbour ";
        var long128 = words.repeat(3).substring(0, 128);

        assertThat(policy.problem(long128, "a@b.org", "Ann")).isEmpty();
        assertThat(policy.problem(long128 + "x", "a@b.org", "Ann"))
                .hasValueSatisfying(p -> assertThat(p).contains("at most 128"));
    }

    @Test
    void commonAndGuessablePasswordsAreRefused() {
        for (var guessable : new String[] {"password", "password123", "qwertyuiop", "iloveyou1", "12345678"}) {
            assertThat(policy.problem(guessable, "a@b.org", "Ann"))
                    .as(guessable)
                    .hasValueSatisfying(p -> assertThat(p).contains("too easy to guess"));
        }
    }

    @Test
    void aPasswordContainingTheEmailOrNameIsRefused() {
        assertThat(policy.problem("marigold-winter-42!", "marigold@example.org", "Sam"))
                .hasValueSatisfying(p -> assertThat(p).contains("email or name"));
        assertThat(policy.problem("Zephyrine travels far", "z@example.org", "Zephyrine Okoro"))
                .hasValueSatisfying(p -> assertThat(p).contains("email or name"));
    }

    @Test
    void aPassphraseWithoutDigitsOrSymbolsIsAccepted() {
        assertThat(policy.problem("copper lantern drifting harbour", "a@b.org", "Ann"))
                .isEmpty();
    }
}
