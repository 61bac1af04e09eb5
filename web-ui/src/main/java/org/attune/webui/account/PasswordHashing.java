package org.attune.webui.account;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords are hashed with argon2id at the OWASP / ASVS 5 minimum: 19 MiB of memory, 2 iterations, 1 lane, a
 * 16-byte random salt and a 32-byte hash. Every hash computed is counted in {@code attune.password.hashes} (tag
 * {@code operation}: encode or matches): the figure the sign-in limits keep bounded.
 */
@Configuration(proxyBeanMethods = false)
public class PasswordHashing {

    public static final int SALT_LENGTH = 16;
    public static final int HASH_LENGTH = 32;
    public static final int PARALLELISM = 1;
    public static final int MEMORY_KIB = 19 * 1024;
    public static final int ITERATIONS = 2;
    public static final String HASHES_METRIC = "attune.password.hashes";

    @Bean
    PasswordEncoder passwordEncoder(MeterRegistry meters) {
        return new Counted(encoder(), meters);
    }

    public static PasswordEncoder encoder() {
        return new Argon2PasswordEncoder(SALT_LENGTH, HASH_LENGTH, PARALLELISM, MEMORY_KIB, ITERATIONS);
    }

    private static final class Counted implements PasswordEncoder {

        private final PasswordEncoder argon2;
        private final Counter encodes;
        private final Counter matches;

        Counted(PasswordEncoder argon2, MeterRegistry meters) {
            this.argon2 = argon2;
            this.encodes = Counter.builder(HASHES_METRIC)
                    .description("argon2id hashes computed")
                    .tag("operation", "encode")
                    .register(meters);
            this.matches = Counter.builder(HASHES_METRIC)
                    .description("argon2id hashes computed")
                    .tag("operation", "matches")
                    .register(meters);
        }

        @Override
        public String encode(CharSequence rawPassword) {
            encodes.increment();
            return argon2.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            matches.increment();
            return argon2.matches(rawPassword, encodedPassword);
        }

        @Override
        public boolean upgradeEncoding(String encodedPassword) {
            return argon2.upgradeEncoding(encodedPassword);
        }
    }
}
