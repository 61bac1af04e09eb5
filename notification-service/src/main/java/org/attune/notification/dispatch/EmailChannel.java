package org.attune.notification.dispatch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.attune.events.AttuneEvent;
import org.attune.events.Channel;
import org.attune.events.NotificationDelivered;
import org.attune.kit.outbox.OutboxRelay;
import org.attune.notification.config.AttuneProperties;
import org.attune.notification.config.EmailProperties;
import org.attune.notification.config.SchedulerProperties;
import org.attune.notification.inbox.Messages;
import org.attune.notification.links.ReminderLinks;
import org.attune.notification.store.EmailQueue;
import org.attune.notification.store.Notification;
import org.attune.notification.store.NotificationKind;
import org.attune.notification.store.NotificationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Sends the email copy of delivered notifications. The body never says what the notification is about, only that
 * there is a message in Attune, with a link; a reminder's email also links to a page (signed, no sign-in) where that
 * kind of reminder can be muted or all reminders paused for a week. A failed send is retried with growing pauses and ends as ERRORED after
 * the last try, counted in {@code attune.notifications.email.errors}. The Message-ID is derived from the
 * notification, so a copy re-sent after a crash (between the SMTP answer and the store update) is recognisable as the
 * same message.
 */
@Component
public class EmailChannel {

    private static final Logger log = LoggerFactory.getLogger(EmailChannel.class);

    private final EmailQueue queue;
    private final ObjectProvider<JavaMailSender> senders;
    private final Messages messages;
    private final AttuneProperties attune;
    private final EmailProperties email;
    private final SchedulerProperties scheduler;
    private final OutboxRelay relay;
    private final ReminderLinks links;
    private final Clock clock;
    private final Counter errors;
    private final Counter failedAttempts;
    private final Counter sent;

    EmailChannel(
            EmailQueue queue,
            ObjectProvider<JavaMailSender> senders,
            Messages messages,
            AttuneProperties attune,
            EmailProperties email,
            SchedulerProperties scheduler,
            OutboxRelay relay,
            ReminderLinks links,
            Clock clock,
            MeterRegistry registry) {
        this.queue = queue;
        this.senders = senders;
        this.messages = messages;
        this.attune = attune;
        this.email = email;
        this.scheduler = scheduler;
        this.relay = relay;
        this.links = links;
        this.clock = clock;
        this.errors = Counter.builder("attune.notifications.email.errors")
                .description("Emails given up on after the last retry (ERRORED)")
                .register(registry);
        this.failedAttempts = Counter.builder("attune.notifications.email.failed.attempts")
                .description("Failed email send attempts, including those retried later")
                .register(registry);
        this.sent = Counter.builder("attune.notifications.email.sent")
                .description("Emails accepted by the mail server")
                .register(registry);
    }

    /** Claims and sends these candidates (see {@link EmailQueue#candidates}); emits how many it won. */
    public int send(String owner, List<String> candidates) {
        var sender = senders.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        int handled = 0;
        for (var id : candidates) {
            var claimed =
                    queue.claim(id, clock.instant(), owner, scheduler.lease()).block();
            if (claimed == null) {
                continue;
            }
            send(sender, claimed, owner);
            handled++;
        }
        return handled;
    }

    private void send(JavaMailSender sender, Notification n, String owner) {
        try {
            sender.send(compose(sender, n));
        } catch (RuntimeException | MessagingException e) {
            failedAttempts.increment();
            var now = clock.instant();
            int attempts = n.emailAttempts() + 1;
            if (attempts >= email.maxAttempts()) {
                if (Boolean.TRUE.equals(queue.errored(n.id(), owner, now).block())) {
                    errors.increment();
                }
                // The address is personal data and the exception may quote it: log the type only.
                log.warn(
                        "Email for notification {} failed for good ({})",
                        n.id(),
                        e.getClass().getSimpleName());
            } else {
                queue.retryAt(n.id(), owner, now.plus(email.backoffAfter(attempts)))
                        .block();
                log.info(
                        "Email for notification {} failed, retrying ({})",
                        n.id(),
                        e.getClass().getSimpleName());
            }
            return;
        }
        var now = clock.instant();
        var event = new NotificationDelivered(
                UUID.randomUUID(),
                now,
                AttuneEvent.CURRENT_SCHEMA_VERSION,
                UUID.fromString(n.clientId()),
                UUID.fromString(n.id()),
                UUID.fromString(n.recipientId()),
                n.kind().wireName(),
                Channel.EMAIL);
        if (Boolean.TRUE.equals(queue.sent(n.id(), owner, now, event).block())) {
            sent.increment();
            relay.publishSoon(NotificationStore.COLLECTION, n.id(), List.of(event));
        }
    }

    MimeMessage compose(JavaMailSender sender, Notification n) throws MessagingException {
        Session session =
                sender instanceof JavaMailSenderImpl impl ? impl.getSession() : Session.getInstance(new Properties());
        String messageId = "<" + n.id() + "@attune>";
        var message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(email.from()));
        // An escalation goes to the therapist's own address and their escalation address, in one message.
        message.setRecipients(jakarta.mail.Message.RecipientType.TO, InternetAddress.parse(n.emailTo(), true));
        var texts = n.kind() == NotificationKind.SAFETY_ALERT_ESCALATED ? "email.escalation" : "email";
        message.setSubject(messages.text(texts + ".subject"), StandardCharsets.UTF_8.name());
        var text = messages.text(texts + ".body", attune.link("/inbox"));
        if (n.kind().reminder()) {
            // One tap from the email itself, without signing in; never on safety messages, which are not reminders.
            var token = links.tokenFor(UUID.fromString(n.recipientId()), n.kind());
            text = text + messages.text("email.reminder-choices", attune.link("/reminder-links/" + token));
        }
        message.setText(text, StandardCharsets.UTF_8.name());
        return message;
    }
}
