package org.attune.webui.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoSignInTest {

    @TempDir
    Path dir;

    @Test
    void theDemoSignInIsWrittenForItsOwnerOnlyAndReadsBackAsWritten() throws Exception {
        var file = DemoSignIn.write(
                dir.resolve("web-ui"), "demo-client@attune.example", "demo-therapist@attune.example", "a b\\c");

        var read = new Properties();
        read.load(new StringReader(Files.readString(file)));
        assertThat(read.getProperty("client")).isEqualTo("demo-client@attune.example");
        assertThat(read.getProperty("therapist")).isEqualTo("demo-therapist@attune.example");
        assertThat(read.getProperty("password")).isEqualTo("a b\\c");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");

        DemoSignIn.write(dir.resolve("web-ui"), "c@example.org", "t@example.org", "again");
        read.clear();
        read.load(new StringReader(Files.readString(file)));
        assertThat(read.getProperty("password")).isEqualTo("again");
    }
}
