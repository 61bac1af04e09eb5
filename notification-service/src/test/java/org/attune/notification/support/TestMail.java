package org.attune.notification.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/** One GreenMail SMTP server for the test JVM (and the child processes it starts). */
public final class TestMail {

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

    public static int port() {
        return get().getSmtp().getPort();
    }

    public static List<MimeMessage> to(String address) {
        return Arrays.stream(get().getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(a -> a.toString().contains(address));
                    } catch (MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    /**
     * What arrived in this address's own mailbox: a message to several addresses is one copy in each, so counting
     * here counts deliveries to this address, even where {@link #to} would see the other copy too.
     */
    public static List<MimeMessage> mailbox(String address) {
        return get().findReceivedMessages(user -> user.getEmail().equalsIgnoreCase(address), message -> true)
                .toList();
    }

    public static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
