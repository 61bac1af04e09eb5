package org.attune.webui;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * One GreenMail SMTP server for the test JVM; every web-ui context started in the tests sends to it (see
 * {@code META-INF/spring.factories} among the test resources).
 */
public final class TestMail {

    private static final Pattern TOKEN = Pattern.compile("[?&]token=([A-Za-z0-9_-]+)");
    private static GreenMail greenMail;

    private TestMail() {}

    public static synchronized GreenMail get() {
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
            Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop));
        }
        return greenMail;
    }

    /**
     * Points {@code spring.mail.*} at the test server, and raises the per-address limits just above
     * {@code application.yml} (a test's own properties still win): every test request comes from 127.0.0.1.
     */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(
                            "spring.mail.host=127.0.0.1",
                            "spring.mail.port=" + get().getSmtp().getPort())
                    .applyTo(context);
            var sources = context.getEnvironment().getPropertySources();
            var defaults = new MapPropertySource(
                    "web-ui test defaults",
                    Map.of(
                            "attune.throttle.sign-in-per-ip.max", "100000",
                            "attune.throttle.registration-per-ip.max", "100000",
                            "attune.throttle.mail-per-ip.max", "100000"));
            sources.stream()
                    .map(PropertySource::getName)
                    .filter(name -> name.contains("application.yml"))
                    .findFirst()
                    .ifPresentOrElse(name -> sources.addBefore(name, defaults), () -> sources.addLast(defaults));
        }
    }

    /** Everything received for this address (case-insensitive), oldest first. */
    public static List<MimeMessage> to(String address) {
        return Arrays.stream(get().getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .anyMatch(a -> a.toString().equalsIgnoreCase(address));
                    } catch (MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    /** Waits for the {@code nth} (1-based) mail to this address whose subject contains {@code subject}. */
    public static MimeMessage await(String address, String subject, int nth) {
        return org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> withSubject(address, subject), list -> list.size() >= nth)
                .get(nth - 1);
    }

    public static MimeMessage await(String address, String subject) {
        return await(address, subject, 1);
    }

    public static List<MimeMessage> withSubject(String address, String subject) {
        return to(address).stream().filter(m -> subject(m).contains(subject)).toList();
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String body(MimeMessage message) {
        try {
            return String.valueOf(message.getContent());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Where the verification link mailed to this address leads, as a path (the mailed link names the configured public
     * URL, not the test's random port).
     */
    public static String verificationPath(String address) {
        return "/verify-email?token=" + token(await(address, "Confirm your email"));
    }

    /** The one-time token in the mail's link. */
    public static String token(MimeMessage message) {
        var matcher = TOKEN.matcher(body(message));
        if (!matcher.find()) {
            throw new IllegalStateException("No link with a token in: " + subject(message));
        }
        return matcher.group(1);
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
