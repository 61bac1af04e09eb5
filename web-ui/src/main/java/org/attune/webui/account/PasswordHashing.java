package org.attune.webui.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords are hashed with argon2id at the OWASP / ASVS 5 minimum: 19 MiB of memory, 2 iterations, 1 lane, a
 * 16-byte random salt and a 32-byte hash.
 */
@Configuration(proxyBeanMethods = false)
public class PasswordHashing {

    public static final int SALT_LENGTH = 16;
    public static final int HASH_LENGTH = 32;
    public static final int PARALLELISM = 1;
    public static final int MEMORY_KIB = 19 * 1024;
    public static final int ITERATIONS = 2;

    @Bean
    PasswordEncoder passwordEncoder() {
        return encoder();
    }

    public static PasswordEncoder encoder() {
        return new Argon2PasswordEncoder(SALT_LENGTH, HASH_LENGTH, PARALLELISM, MEMORY_KIB, ITERATIONS);
    }
}
