package org.attune.webui.account;

import java.time.Instant;
import org.attune.events.Role;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A person's account; {@code email} is stored lower-cased. The password is only ever kept as an argon2id hash. */
@Document("accounts")
public record Account(
        @Id String id, String email, String displayName, Role role, String passwordHash, Instant createdAt) {

    /** Never print the hash. */
    @Override
    public String toString() {
        return "Account[" + id + ", " + role + "]";
    }
}
