package org.attune.infra.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret that signs the mute/pause links in reminder emails, made once per data directory and kept there, so
 * links keep working across restarts of the local stack and on every notification-service instance it starts.
 */
final class LinkSecret {

    static final String FILE = "reminder-link-secret";

    private LinkSecret() {}

    static String loadOrCreate(Path dataDir) {
        var file = dataDir.resolve(FILE);
        try {
            if (Files.isRegularFile(file)) {
                var stored = Files.readString(file, StandardCharsets.US_ASCII).strip();
                if (stored.length() >= 32) {
                    return stored;
                }
            }
            var bytes = new byte[48];
            new SecureRandom().nextBytes(bytes);
            var secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Files.createDirectories(dataDir);
            Files.deleteIfExists(file);
            try {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, secret, StandardCharsets.US_ASCII);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the reminder link secret in " + file, e);
        }
    }
}
