package org.attune.webui.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.attune.webui.security.Caller;

/** The notification-service's in-app inbox for the signed-in person. */
public interface InboxGateway {

    int PAGE_SIZE = 20;

    /**
     * One message. Urgent ones (safety) stay until dismissed and cannot be snoozed. {@code clientId} is the client a
     * therapist-facing message is about (null otherwise).
     */
    record Item(
            String id,
            String kind,
            String clientId,
            String title,
            String body,
            boolean unread,
            boolean urgent,
            Instant deliveredAt) {}

    record Page(List<Item> items, long total, long unread) {}

    /** How an action on a message went. */
    enum Outcome {
        DONE,
        /** The service refused, e.g. snoozing a safety message. */
        NOT_ALLOWED,
        /** The message is no longer in the inbox. */
        GONE,
        UNAVAILABLE
    }

    /** Unread first, then newest first; empty when the service did not answer. */
    Optional<Page> page(Caller caller, int page);

    Outcome markRead(Caller caller, String id);

    Outcome dismiss(Caller caller, String id);

    /** Takes the message away for {@code minutes} (1 to 1440). */
    Outcome snooze(Caller caller, String id, int minutes);
}
