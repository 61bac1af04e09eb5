package org.attune.infra.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoSignInTest {

    @TempDir
    Path dir;

    @Test
    void the_sign_in_web_ui_wrote_is_read_back_for_the_console() throws Exception {
        var file = dir.resolve(DemoSignIn.FILE);
        Files.writeString(file, """
                # The demo sign-in, written by web-ui in demo mode
                client=demo-client@attune.example
                therapist=demo-therapist@attune.example
                password=quiet harbour lantern morning
                """);

        var demo = DemoSignIn.await(file, Duration.ofSeconds(1)).orElseThrow();

        assertThat(demo.lines())
                .contains("demo-client@attune.example")
                .contains("demo-therapist@attune.example")
                .contains("quiet harbour lantern morning")
                .contains("demo mode only");
    }

    @Test
    void nothing_is_printed_without_the_file_or_with_an_incomplete_one() throws Exception {
        assertThat(DemoSignIn.await(dir.resolve(DemoSignIn.FILE), Duration.ofMillis(300)))
                .isEmpty();
        Files.writeString(dir.resolve(DemoSignIn.FILE), "client=someone@example.org\n");
        assertThat(DemoSignIn.read(dir.resolve(DemoSignIn.FILE))).isEmpty();
    }

    @Test
    void demo_mode_is_on_only_when_asked_for() {
        assertThat(DemoSignIn.enabled(Map.of(), Map.of())).isFalse();
        assertThat(DemoSignIn.enabled(Map.of("ATTUNE_DEMO", "true"), Map.of())).isTrue();
        assertThat(DemoSignIn.enabled(Map.of(), Map.of("ATTUNE_DEMO", "TRUE"))).isTrue();
        assertThat(DemoSignIn.enabled(Map.of("ATTUNE_DEMO", "true"), Map.of("ATTUNE_DEMO", "false")))
                .isFalse();
        assertThat(DemoSignIn.enabled(Map.of("ATTUNE_DEMO", "yes"), Map.of())).isFalse();
    }

    @Test
    void the_reminder_link_secret_is_made_once_and_kept() {
        var first = LinkSecret.loadOrCreate(dir);
        var second = LinkSecret.loadOrCreate(dir);

        assertThat(first).hasSizeGreaterThanOrEqualTo(32).isEqualTo(second);
    }
}
