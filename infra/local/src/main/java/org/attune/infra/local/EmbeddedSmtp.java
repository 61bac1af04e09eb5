package org.attune.infra.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A catch-all SMTP server (GreenMail): every message is accepted and kept in memory, nothing leaves the machine. So
 * that a person trying the local stack can open the links Attune mails (verify an email, reset a password), each
 * message is also written to a mail log ({@code logs/mail.log} in the data directory) and announced in the console;
 * tests in the same JVM read {@link #messages()}.
 */
public final class EmbeddedSmtp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSmtp.class);

    /** One received mail, as plain text. */
    public record Mail(Instant receivedAt, String to, String subject, String body) {}

    private final GreenMail greenMail;
    private final Path mailLog;
    private final ScheduledExecutorService writer;
    private int written;

    private EmbeddedSmtp(GreenMail greenMail, Path mailLog) {
        this.greenMail = greenMail;
        this.mailLog = mailLog;
        this.writer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("mail-log").daemon().factory());
        writer.scheduleWithFixedDelay(this::writeNewMail, 500, 500, TimeUnit.MILLISECONDS);
    }

    /** Starts the server on {@code port}; received mail is also appended to {@code mailLog}. */
    public static EmbeddedSmtp start(int port, Path mailLog) {
        var greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return new EmbeddedSmtp(greenMail, mailLog);
    }

    public int receivedCount() {
        return greenMail.getReceivedMessages().length;
    }

    /** Every mail received so far, oldest first. */
    public List<Mail> messages() {
        return Arrays.stream(greenMail.getReceivedMessages())
                .map(EmbeddedSmtp::read)
                .toList();
    }

    /** Every mail received so far for this address (case-insensitive), oldest first. */
    public List<Mail> messagesTo(String address) {
        return messages().stream().filter(m -> m.to().equalsIgnoreCase(address)).toList();
    }

    public Path mailLog() {
        return mailLog;
    }

    private synchronized void writeNewMail() {
        try {
            var all = messages();
            if (all.size() <= written) {
                return;
            }
            Files.createDirectories(mailLog.toAbsolutePath().getParent());
            var text = new StringBuilder();
            for (var mail : all.subList(written, all.size())) {
                text.append("=== ")
                        .append(mail.receivedAt())
                        .append('\n')
                        .append("To: ")
                        .append(mail.to())
                        .append('\n')
                        .append("Subject: ")
                        .append(mail.subject())
                        .append("\n\n")
                        .append(mail.body().strip())
                        .append("\n\n");
                log.info("Mail to {}: \"{}\" (full text in {})", mail.to(), mail.subject(), mailLog);
            }
            Files.writeString(
                    mailLog, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            written = all.size();
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not write the mail log: {}", e.getMessage());
        }
    }

    private static Mail read(MimeMessage message) {
        try {
            var to = message.getRecipients(Message.RecipientType.TO);
            var content = message.getContent();
            return new Mail(
                    message.getSentDate() == null
                            ? Instant.now()
                            : message.getSentDate().toInstant(),
                    to == null || to.length == 0 ? "" : to[0].toString(),
                    String.valueOf(message.getSubject()),
                    content instanceof String text ? text : String.valueOf(content));
        } catch (MessagingException | IOException e) {
            return new Mail(Instant.now(), "", "(unreadable)", "");
        }
    }

    @Override
    public void close() {
        writer.shutdown();
        writeNewMail();
        greenMail.stop();
    }
}
