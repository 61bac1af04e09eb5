package org.attune.notification.links;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The signed links in reminder emails.
 *
 * @param secret the HMAC key (at least 32 characters; {@code ATTUNE_REMINDER_LINK_SECRET}). Left empty, each start
 *     makes a random one: links then stop working after a restart and work only on the instance that sent them, which
 *     is fine on one machine and wrong for a deployment with several instances.
 * @param validFor how long a link in an email keeps working
 */
@ConfigurationProperties("attune.notifications.links")
public record LinkProperties(String secret, Duration validFor) {

    static final int MIN_SECRET_LENGTH = 32;

    public LinkProperties {
        if (secret != null && !secret.isBlank() && secret.length() < MIN_SECRET_LENGTH) {
            // The length only, never the value.
            throw new IllegalArgumentException(
                    "attune.notifications.links.secret must be at least " + MIN_SECRET_LENGTH + " characters long");
        }
        if (validFor == null) {
            validFor = Duration.ofDays(30);
        }
        if (validFor.isNegative() || validFor.isZero()) {
            throw new IllegalArgumentException("attune.notifications.links.valid-for must be positive");
        }
    }
}
