package org.attune.notification.inbox;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.attune.events.SafetyFlagReason;
import org.attune.kit.crisis.CrisisLines;
import org.attune.notification.store.Notification;
import org.attune.notification.store.NotificationKind;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Every person-facing text comes from {@code messages.properties}, reviewed against the domain brief's tone. A kind
 * may have variants ({@code notification.<kind>.<variant>.title/body}), chosen from the notification's args: a safety
 * alert and the client's crisis resources by the reason that raised the flag (a severe total with a 0 on the self-harm
 * item must never read as self-harm), a rupture prompt by whether it carries the client's shared words. Without a
 * variant text the kind's own is used.
 */
@Component
public class Messages {

    /** The variant of a rupture prompt that quotes the client's shared words ({@code {0}}). */
    static final String WITH_WORDS = "with-words";

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
        return text(n, "title", variant(n, true));
    }

    public String body(Notification n) {
        return body(n, true);
    }

    /**
     * @param clientWordsVisible false while the recipient may not see the client's words any more (the client no
     *     longer shares that data class with them): a rupture prompt is then told without them
     */
    public String body(Notification n, boolean clientWordsVisible) {
        return text(n, "body", variant(n, clientWordsVisible));
    }

    private String text(Notification n, String part, String variant) {
        // A crisis message names the lines of the one crisis-line configuration; its own args only pick the words.
        var args = n.kind() == NotificationKind.CRISIS_RESOURCES ? new Object[] {crisisLines()} : args(n.args());
        var base = "notification." + n.kind().wireName();
        if (variant != null) {
            var specific = source.getMessage(base + "." + variant + "." + part, args, null, Locale.ENGLISH);
            if (specific != null) {
                return specific;
            }
        }
        return text(base + "." + part, args);
    }

    private static String variant(Notification n, boolean clientWordsVisible) {
        var args = n.args() == null ? List.<String>of() : n.args();
        return switch (n.kind()) {
            case SAFETY_ALERT, CRISIS_RESOURCES -> args.isEmpty() ? null : reasonVariant(args.getFirst());
            case RUPTURE_SIGNAL -> !args.isEmpty() && clientWordsVisible ? WITH_WORDS : null;
            default -> null;
        };
    }

    /** {@code SEVERE_BAND} → {@code severe-band}; an unknown reason gets the kind's own, neutral text. */
    private static String reasonVariant(String reason) {
        for (var known : SafetyFlagReason.values()) {
            if (known.name().equals(reason)) {
                return known.name().toLowerCase(Locale.ROOT).replace('_', '-');
            }
        }
        return null;
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
