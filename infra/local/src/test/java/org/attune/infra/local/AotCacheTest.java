package org.attune.infra.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotCacheTest {

    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");
    private static final List<String> OPTIONS = List.of("-Xms32m", "-Xmx64m", "-XX:+UseSerialGC");

    @TempDir
    Path target;

    @Test
    void a_jar_that_cannot_be_extracted_and_trained_starts_from_the_jar_as_before() throws Exception {
        var jar = Files.writeString(target.resolve("checkin-service.jar"), "not a Spring Boot jar");

        var arguments = AotCache.of(jar).launchArguments(JAVA, OPTIONS, Map.of());

        assertThat(arguments).containsExactly("-jar", jar.toString());
        assertThat(target.resolve("aot/app.aot")).doesNotExist();
        assertThat(target.resolve("aot/training.log")).exists();
    }

    @Test
    void a_current_cache_is_used_without_training_and_a_rebuilt_jar_is_not_started_from_the_old_one() throws Exception {
        var jar = Files.writeString(target.resolve("web-ui.jar"), "built once");
        var cache = AotCache.of(jar);
        var aot = Files.createDirectories(target.resolve("aot"));
        Files.createDirectories(aot.resolve("application"));
        Files.writeString(aot.resolve("application/web-ui.jar"), "extracted");
        Files.writeString(aot.resolve("app.aot"), "trained");
        Files.writeString(aot.resolve("stamp"), cache.stamp(OPTIONS));

        assertThat(cache.launchArguments(JAVA, OPTIONS, Map.of()))
                .containsExactly(
                        "-XX:AOTCache=" + aot.resolve("app.aot"),
                        "-jar",
                        aot.resolve("application/web-ui.jar").toString());
        assertThat(aot.resolve("training.log")).doesNotExist();

        Files.writeString(jar, "built again, longer than before");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 5_000));

        // Not a real jar, so training fails: the service starts from its new jar, never from the old cache.
        assertThat(cache.launchArguments(JAVA, OPTIONS, Map.of())).containsExactly("-jar", jar.toString());
        assertThat(aot.resolve("app.aot")).doesNotExist();
    }

    @Test
    void other_jvm_options_need_a_cache_of_their_own() throws Exception {
        var jar = Files.writeString(target.resolve("content-service.jar"), "built once");
        var cache = AotCache.of(jar);

        assertThat(cache.stamp(OPTIONS)).isNotEqualTo(cache.stamp(List.of("-Xmx64m")));
    }

    @Test
    void a_jar_written_again_with_the_same_classes_keeps_its_cache_and_one_with_a_changed_library_does_not()
            throws Exception {
        var jar = target.resolve("checkin-service.jar");
        writeJar(jar, "kit version one", 1_000);
        var cache = AotCache.of(jar);
        var first = cache.stamp(OPTIONS);

        writeJar(jar, "kit version one", 90_000_000);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        assertThat(cache.stamp(OPTIONS)).as("same content, written later").isEqualTo(first);

        writeJar(jar, "kit version two", 1_000);
        assertThat(cache.stamp(OPTIONS)).as("a library inside changed").isNotEqualTo(first);
    }

    private static void writeJar(Path jar, String kitContent, long entryTime) throws Exception {
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar))) {
            for (var name : List.of("BOOT-INF/classes/App.class", "BOOT-INF/lib/service-kit.jar")) {
                var entry = new java.util.zip.ZipEntry(name);
                entry.setTime(entryTime);
                out.putNextEntry(entry);
                out.write(
                        (name.endsWith(".jar") ? kitContent : "app").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
    }
}
