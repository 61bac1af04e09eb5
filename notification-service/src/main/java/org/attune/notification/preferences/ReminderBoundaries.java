package org.attune.notification.preferences;

import java.time.Clock;
import java.time.Duration;
import org.attune.events.Role;
import org.attune.notification.store.NotificationKind;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The one-tap boundaries every reminder offers: mute this kind, or pause all reminders for a while. Safety messages
 * are never reminders, so neither choice can reach them (the dispatcher skips both checks for urgent kinds too).
 */
@Component
public class ReminderBoundaries {

    /** "Pause reminders for a week". */
    public static final int PAUSE_DAYS = 7;

    private final PreferencesStore store;
    private final Clock clock;

    ReminderBoundaries(PreferencesStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Mutes one kind of reminder for a signed-in person (their preferences are created with the defaults first). */
    public Mono<Preferences> mute(String accountId, Role role, NotificationKind kind) {
        requireReminder(kind);
        return store.getOrCreate(accountId, role).then(store.addMutedKind(accountId, kind.wireName()));
    }

    public Mono<Preferences> pause(String accountId, Role role, Duration duration) {
        var until = clock.instant().plus(duration);
        return store.getOrCreate(accountId, role).then(store.setPausedUntil(accountId, until));
    }

    public Mono<Preferences> resume(String accountId, Role role) {
        return store.getOrCreate(accountId, role).then(store.setPausedUntil(accountId, null));
    }

    /**
     * The same two choices from a signed link, for someone who is not signed in. Only existing preferences change:
     * an account without them (never had an email, or since erased) gets nothing created. Empty when there is nothing
     * to change.
     */
    public Mono<Preferences> muteFromLink(String accountId, NotificationKind kind) {
        requireReminder(kind);
        return store.find(accountId).flatMap(existing -> store.addMutedKind(accountId, kind.wireName()));
    }

    public Mono<Preferences> pauseFromLink(String accountId) {
        var until = clock.instant().plus(Duration.ofDays(PAUSE_DAYS));
        return store.find(accountId).flatMap(existing -> store.setPausedUntil(accountId, until));
    }

    private static void requireReminder(NotificationKind kind) {
        if (!kind.reminder()) {
            throw new IllegalArgumentException("only reminders can be muted this way");
        }
    }
}
