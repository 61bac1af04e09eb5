package org.attune.notification.inbox;

import java.util.List;
import java.util.Locale;
import org.attune.notification.store.Notification;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Every person-facing text comes from {@code messages.properties}, reviewed against the domain brief's tone. */
@Component
public class Messages {

    private final MessageSource source;

    Messages(MessageSource source) {
        this.source = source;
    }

    public String text(String key, Object... args) {
        return source.getMessage(key, args, Locale.ENGLISH);
    }

    public String title(Notification n) {
        return text("notification." + n.kind().wireName() + ".title", args(n.args()));
    }

    public String body(Notification n) {
        return text("notification." + n.kind().wireName() + ".body", args(n.args()));
    }

    private static Object[] args(List<String> args) {
        return args == null ? new Object[0] : args.toArray();
    }
}
