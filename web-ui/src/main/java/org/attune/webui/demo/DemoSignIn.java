package org.attune.webui.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The demo sign-in as a file in web-ui's data directory, so the local stack's launcher can print it on the console
 * where the person who started it looks (demo mode only; the file is readable by its owner alone). The launcher in
 * {@code infra/local} reads the same file name.
 */
final class DemoSignIn {

    static final String FILE = "demo-sign-in.properties";

    private DemoSignIn() {}

    static Path write(Path dataDir, String clientEmail, String therapistEmail, String password) {
        var file = dataDir.resolve(FILE);
        var text = String.join(
                "\n",
                "# The demo sign-in, written by web-ui in demo mode (ATTUNE_DEMO=true). Never enable demo mode on a",
                "# real deployment.",
                "client=" + escape(clientEmail),
                "therapist=" + escape(therapistEmail),
                "password=" + escape(password),
                "");
        try {
            Files.createDirectories(dataDir);
            var tmp = dataDir.resolve(FILE + ".tmp");
            Files.deleteIfExists(tmp);
            try {
                Files.createFile(
                        tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(tmp);
            }
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the demo sign-in to " + file, e);
        }
    }

    /** Properties-file escaping for the few characters that would change the meaning of a line. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }
}
