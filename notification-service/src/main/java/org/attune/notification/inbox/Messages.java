package org.attune.notification.inbox;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.attune.kit.crisis.CrisisLines;
import org.attune.notification.store.Notification;
import org.attune.notification.store.NotificationKind;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Every person-facing text comes from {@code messages.properties}, reviewed against the domain brief's tone. */
@Component
public class Messages {

    private final MessageSource source;
    private final CrisisLines crisisLines;

    Messages(MessageSource source, CrisisLines crisisLines) {
        this.source = source;
        this.crisisLines = crisisLines;
    }

    public String text(String key, Object... args) {
        return source.getMessage(key, args, Locale.ENGLISH);
    }

    public String title(Notification n) {
        return text("notification." + n.kind().wireName() + ".title", args(n.args()));
    }

    public String body(Notification n) {
        if (n.kind() == NotificationKind.CRISIS_RESOURCES) {
            return text("notification.crisis-resources.body", crisisLines());
        }
        return text("notification." + n.kind().wireName() + ".body", args(n.args()));
    }

    /**
     * The urgent lines of every configured region, from the one crisis-line configuration. The inbox does not know
     * where its reader is, so it names them all, the fallback region last as "anywhere else".
     */
    String crisisLines() {
        return crisisLines.all().stream()
                .map(region -> {
                    var lines = region.urgent().stream()
                            .map(line -> text("notification.crisis-resources.line", line.name(), line.contact()))
                            .collect(Collectors.joining("; "));
                    return region.fallback()
                            ? text("notification.crisis-resources.elsewhere", lines)
                            : text("notification.crisis-resources.region", region.name(), lines);
                })
                .collect(Collectors.joining(" "));
    }

    private static Object[] args(List<String> args) {
        return args == null ? new Object[0] : args.toArray();
    }
}
