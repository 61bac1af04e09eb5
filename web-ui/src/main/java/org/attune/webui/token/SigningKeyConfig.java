package org.attune.webui.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.attune.webui.config.WebUiProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The signing key comes from {@code attune.security.signing-key-file} (a PKCS#8 PEM the operator supplies, e.g. a
 * compose secret; env {@code ATTUNE_SECURITY_SIGNING_KEY_FILE}) or, when that is unset, from
 * {@code <attune.data-dir>/signing-key.pem}, generated on first start with file mode 600.
 */
@Configuration(proxyBeanMethods = false)
class SigningKeyConfig {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyConfig.class);
    static final String GENERATED_FILE = "signing-key.pem";
    private static final int KEY_BITS = 2048;

    @Bean
    SigningKey signingKey(
            WebUiProperties properties, @Value("${attune.security.signing-key-file:}") String suppliedFile) {
        if (!suppliedFile.isBlank()) {
            log.info("Using the signing key supplied in attune.security.signing-key-file");
            return read(Path.of(suppliedFile));
        }
        return loadOrGenerate(properties.dataDir().resolve(GENERATED_FILE));
    }

    static SigningKey loadOrGenerate(Path file) {
        if (Files.exists(file)) {
            return read(file);
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS);
            var pair = generator.generateKeyPair();
            var pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(pair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            var tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            try {
                Files.createFile(
                        tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(tmp);
            }
            Files.writeString(tmp, pem, StandardCharsets.US_ASCII);
            try {
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException raced) {
                Files.deleteIfExists(tmp);
            }
            log.info("Generated a new signing key in {}", file);
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the signing key at " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not generate a signing key", e);
        }
    }

    static SigningKey read(Path file) {
        try {
            var pem = Files.readString(file, StandardCharsets.US_ASCII);
            if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
                throw new IllegalStateException(file + " is not a PKCS#8 PEM private key (BEGIN PRIVATE KEY)");
            }
            var base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            var factory = KeyFactory.getInstance("RSA");
            var privateKey = (RSAPrivateCrtKey) factory.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            var publicKey = (RSAPublicKey) factory.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new SigningKey(privateKey, publicKey);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the signing key " + file, e);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("Could not read the RSA signing key in " + file, e);
        }
    }
}
