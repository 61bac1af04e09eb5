package org.attune.system;

import java.time.Duration;
import java.util.regex.Pattern;
import org.attune.infra.local.EmbeddedSmtp;
import org.attune.infra.local.LocalStack;

/** The mail the stack sent, read from its catch-all SMTP server, and the links in it. */
final class Mailbox {

    private static final Pattern LINK = Pattern.compile("https?://\\S+[?&]token=[A-Za-z0-9_-]+");
    private static final Pattern TOKEN = Pattern.compile("[?&]token=([A-Za-z0-9_-]+)");

    private Mailbox() {}

    /** Waits for the {@code nth} (1-based) mail to this address whose subject contains {@code subject}. */
    static EmbeddedSmtp.Mail await(LocalStack stack, String address, String subject, int nth) {
        return org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> stack.mail().messagesTo(address).stream()
                                .filter(mail -> mail.subject().contains(subject))
                                .toList(),
                        mails -> mails.size() >= nth)
                .get(nth - 1);
    }

    static EmbeddedSmtp.Mail await(LocalStack stack, String address, String subject) {
        return await(stack, address, subject, 1);
    }

    /** The link with a one-time token in this mail, as the person would click it. */
    static String link(EmbeddedSmtp.Mail mail) {
        var matcher = LINK.matcher(mail.body());
        if (!matcher.find()) {
            throw new IllegalStateException("No link in the mail \"" + mail.subject() + "\"");
        }
        return matcher.group();
    }

    static String token(EmbeddedSmtp.Mail mail) {
        var matcher = TOKEN.matcher(link(mail));
        matcher.find();
        return matcher.group(1);
    }
}
