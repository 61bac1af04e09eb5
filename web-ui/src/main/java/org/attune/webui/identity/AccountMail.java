package org.attune.webui.identity;

import java.net.URI;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.attune.webui.account.Account;
import org.attune.webui.config.WebUiProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The mails about a person's own account (verify the email, reset the password, the password changed, someone tried
 * to register with this address), sent over SMTP ({@code spring.mail.*}) from {@code attune.account-mail.from}.
 *
 * <p>Work that leads to a mail runs {@link #later} on one background worker, after the answer has gone out: an answer
 * for an address with an account then looks and takes just like one for an address without, and a slow mail server
 * never holds a request. The queue is bounded (the limits in front of it keep it short); a mail that cannot be sent is
 * logged without its address or link and not retried, since the person can ask again and the link must not be stored.
 */
@Component
public class AccountMail implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AccountMail.class);
    private static final int QUEUE = 1_000;

    private final JavaMailSender sender;
    private final URI publicUrl;
    private final String from;
    private final ResourceBundle texts = ResourceBundle.getBundle("vaadin-i18n.translations", Locale.ENGLISH);
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE),
            Thread.ofPlatform().name("account-mail").daemon().factory());

    AccountMail(
            JavaMailSender sender,
            WebUiProperties properties,
            @Value("${attune.account-mail.from:Attune <no-reply@attune.local>}") String from) {
        this.sender = sender;
        this.publicUrl = properties.publicUrl();
        this.from = from;
    }

    /** Runs {@code work} on the mail worker, after the current answer. */
    public void later(Runnable work) {
        try {
            worker.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.warn(
                            "Account work after an answer failed: {}",
                            e.getClass().getSimpleName());
                }
            });
        } catch (RejectedExecutionException full) {
            log.warn("Account mail queue is full; a mail was not sent");
        }
    }

    /** True when no work is queued or running (for tests that wait for the mails a request causes). */
    public boolean idle() {
        return worker.getQueue().isEmpty() && worker.getActiveCount() == 0;
    }

    void sendVerification(Account account, String token, long validHours) {
        send(
                "verification",
                account.email(),
                text("mail.verify.subject"),
                text("mail.verify.body", account.displayName(), link("verify-email", token), validHours));
    }

    void sendRegistrationAttempt(String email) {
        send(
                "registration attempt",
                email,
                text("mail.registration-attempt.subject"),
                text("mail.registration-attempt.body", link("login", null), link("forgot-password", null)));
    }

    void sendPasswordReset(Account account, String token, long validMinutes) {
        send(
                "password reset",
                account.email(),
                text("mail.reset.subject"),
                text("mail.reset.body", account.displayName(), link("reset-password", token), validMinutes));
    }

    void sendPasswordChanged(Account account) {
        send(
                "password changed",
                account.email(),
                text("mail.password-changed.subject"),
                text("mail.password-changed.body", account.displayName(), link("forgot-password", null)));
    }

    private void send(String kind, String to, String subject, String body) {
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(body);
        try {
            sender.send(message);
        } catch (MailException e) {
            log.warn("Could not send a {} mail: {}", kind, e.getClass().getSimpleName());
        }
    }

    private String link(String path, String token) {
        var builder = UriComponentsBuilder.fromUri(publicUrl).path("/" + path);
        if (token != null) {
            builder.queryParam("token", token);
        }
        return builder.build().toUriString();
    }

    private String text(String key, Object... arguments) {
        var pattern = texts.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, Locale.ENGLISH).format(arguments);
    }

    @Override
    public void destroy() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
