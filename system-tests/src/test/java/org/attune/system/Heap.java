package org.attune.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Heap in use by another JVM after a full collection, read with the JDK's own {@code jcmd}. */
final class Heap {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private Heap() {}

    static long usedBytesAfterGc(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        var info = jcmd(pid, "GC.heap_info");
        // One "total …, used …K" line per generation (Serial: DefNew, Tenured) or one for the heap (G1).
        long usedKiB = info.lines()
                .filter(line ->
                        line.contains(" total ") && !line.contains("Metaspace") && !line.contains("class space"))
                .map(USED::matcher)
                .filter(java.util.regex.Matcher::find)
                .mapToLong(matcher -> Long.parseLong(matcher.group(1)))
                .sum();
        if (usedKiB == 0) {
            throw new IllegalStateException("No heap figure in jcmd's answer");
        }
        return usedKiB * 1024;
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        var java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        var jcmd = java.resolveSibling("jcmd").toString();
        var process = new ProcessBuilder(jcmd, String.valueOf(pid), command)
                .redirectErrorStream(true)
                .start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + output);
        }
        return output;
    }
}
