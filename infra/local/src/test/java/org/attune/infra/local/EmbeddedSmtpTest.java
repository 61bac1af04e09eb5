package org.attune.infra.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedSmtpTest {

    @TempDir
    Path dir;

    @Test
    void a_received_mail_can_be_read_in_process_and_in_the_mail_log() throws Exception {
        int port = FreePorts.take(1)[0];
        var log = dir.resolve("logs/mail.log");
        try (var smtp = EmbeddedSmtp.start(port, log)) {
            var properties = new Properties();
            properties.put("mail.smtp.host", "127.0.0.1");
            properties.put("mail.smtp.port", String.valueOf(port));
            var message = new MimeMessage(Session.getInstance(properties));
            message.setFrom(new InternetAddress("attune@example.org"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("Ann@example.org"));
            message.setSubject("Confirm your email for Attune");
            message.setText("Open http://localhost:8080/verify-email?token=abc to confirm.");
            Transport.send(message);

            assertThat(smtp.messagesTo("ann@example.org")).singleElement().satisfies(mail -> {
                assertThat(mail.subject()).isEqualTo("Confirm your email for Attune");
                assertThat(mail.body()).contains("verify-email?token=abc");
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(log));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> Files.readString(log).contains("verify-email?token=abc"));
            assertThat(Files.readString(log)).contains("To: Ann@example.org");
        }
    }
}
