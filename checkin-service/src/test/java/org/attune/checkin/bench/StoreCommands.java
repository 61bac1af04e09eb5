package org.attune.checkin.bench;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;

/** Counts the commands the benchmarked service sends to its store, by command and collection. */
final class StoreCommands {

    private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();

    private StoreCommands() {}

    static MongoClientSettingsBuilderCustomizer customizer() {
        return settings -> settings.addCommandListener(new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                var name = event.getCommandName();
                var target = event.getCommand().get(name);
                var key = target != null && target.isString()
                        ? name + " " + target.asString().getValue()
                        : name;
                COUNTS.computeIfAbsent(key, k -> new LongAdder()).increment();
            }
        });
    }

    static void reset() {
        COUNTS.clear();
    }

    /** e.g. "insert checkins 1.00, update checkins 1.00, find checkins 0.12 (total 2.12)"; blank if none counted. */
    static String perRequest(int requests) {
        var sorted = new TreeMap<String, Long>();
        COUNTS.forEach((key, count) -> sorted.put(key, count.sum()));
        if (sorted.isEmpty()) {
            return "";
        }
        var line = new StringBuilder();
        long total = 0;
        for (var entry : sorted.entrySet()) {
            if (!line.isEmpty()) {
                line.append(", ");
            }
            line.append("%s %.2f".formatted(entry.getKey(), entry.getValue() / (double) requests));
            total += entry.getValue();
        }
        return line.append(" (total %.2f, %d commands)".formatted(total / (double) requests, total))
                .toString();
    }
}
