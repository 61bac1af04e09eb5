package org.attune.webui.account;

import java.time.Instant;
import org.attune.events.Role;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person's account; {@code email} is stored lower-cased. The password is only ever kept as an argon2id hash.
 * {@code emailVerifiedAt} is null until the person opened the link mailed to them. {@code sessionEpoch} is raised
 * when the password changes: every session remembers the epoch it signed in at, and one from an older epoch ends.
 */
@Document("accounts")
public record Account(
        @Id String id,
        String email,
        String displayName,
        Role role,
        String passwordHash,
        Instant createdAt,
        Instant emailVerifiedAt,
        long sessionEpoch) {

    public boolean emailVerified() {
        return emailVerifiedAt != null;
    }

    /** Never print the hash. */
    @Override
    public String toString() {
        return "Account[" + id + ", " + role + "]";
    }
}
