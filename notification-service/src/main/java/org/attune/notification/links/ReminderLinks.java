package org.attune.notification.links;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.attune.notification.store.NotificationKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Signs and checks the capability in a reminder email's link: "this account may mute this kind of reminder, or pause
 * its reminders, until this moment". The token is {@code base64url(v1.account.kind.expiry)} + "." +
 * {@code base64url(HMAC-SHA256(payload))}; it grants nothing else, so it needs no sign-in.
 */
@Component
public class ReminderLinks {

    private static final Logger log = LoggerFactory.getLogger(ReminderLinks.class);
    private static final String VERSION = "v1";
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    /** What a valid token allows. */
    public record Claim(UUID accountId, NotificationKind kind, Instant expiresAt) {}

    private final SecretKeySpec key;
    private final LinkProperties properties;
    private final Clock clock;

    ReminderLinks(LinkProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        byte[] secret;
        if (properties.secret() == null || properties.secret().isBlank()) {
            secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            log.warn("No attune.notifications.links.secret (ATTUNE_REMINDER_LINK_SECRET) set: reminder email links"
                    + " work only until this instance restarts, and only on this instance.");
        } else {
            secret = properties.secret().getBytes(StandardCharsets.UTF_8);
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** A token for a reminder of {@code kind} sent now to {@code accountId}. */
    public String tokenFor(UUID accountId, NotificationKind kind) {
        if (!kind.reminder()) {
            throw new IllegalArgumentException("links are only for reminders");
        }
        var expiry = clock.instant().plus(properties.validFor()).getEpochSecond();
        var payload = String.join(".", VERSION, accountId.toString(), kind.wireName(), Long.toString(expiry))
                .getBytes(StandardCharsets.UTF_8);
        return ENCODE.encodeToString(payload) + "." + ENCODE.encodeToString(sign(payload));
    }

    /** The claim of a genuine token whose time has not run out; empty for anything else. */
    public Optional<Claim> verify(String token) {
        if (token == null || token.length() > 400) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            var payload = DECODE.decode(token.substring(0, dot));
            var signature = DECODE.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(sign(payload), signature)) {
                return Optional.empty();
            }
            var parts = new String(payload, StandardCharsets.UTF_8).split("\\.");
            if (parts.length != 4 || !VERSION.equals(parts[0])) {
                return Optional.empty();
            }
            var expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[3]));
            if (!clock.instant().isBefore(expiresAt)) {
                return Optional.empty();
            }
            return NotificationKind.fromWireName(parts[2])
                    .filter(NotificationKind::reminder)
                    .map(kind -> new Claim(UUID.fromString(parts[1]), kind, expiresAt));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private byte[] sign(byte[] payload) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
