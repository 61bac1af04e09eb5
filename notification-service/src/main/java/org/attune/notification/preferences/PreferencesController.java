package org.attune.notification.preferences;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.attune.events.AttuneEvent;
import org.attune.events.Channel;
import org.attune.events.Role;
import org.attune.events.TimeZoneChosen;
import org.attune.kit.messaging.EventPublisher;
import org.attune.notification.store.NotificationKind;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The caller's own notification preferences. */
@RestController
@RequestMapping("/api/v1/preferences")
class PreferencesController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PreferencesController.class);

    private static final String TIME = "([01]\\d|2[0-3]):[0-5]\\d";
    private static final String KIND =
            "all|daily-checkin|weekly-questionnaire|session-reminder|session-connection-check"
                    + "|consent-granted-client|consent-granted-therapist|consent-ended-client|consent-ended-therapist"
                    + "|rupture-signal|content-recommended|content-assigned|measure-due|safety-alert|crisis-resources";

    /**
     * A BCP 47 language tag of language, optional script, optional region and variants (e.g. {@code en},
     * {@code de}, {@code pt-BR}, {@code zh-Hant-TW}); no extensions or private-use parts.
     */
    static final String LANGUAGE =
            "[a-zA-Z]{2,3}(-[a-zA-Z]{4})?(-([a-zA-Z]{2}|[0-9]{3}))?(-([a-zA-Z0-9]{5,8}|[0-9][a-zA-Z0-9]{3}))*";

    /** The kinds a person may mute with one tap from the reminder itself. */
    static final String REMINDER_KIND = "daily-checkin|weekly-questionnaire|session-reminder|session-connection-check"
            + "|content-recommended|content-assigned|measure-due";

    private final PreferencesStore store;
    private final ReminderPlanner planner;
    private final ReminderBoundaries boundaries;
    private final Clock clock;
    private final EventPublisher publisher;

    PreferencesController(
            PreferencesStore store,
            ReminderPlanner planner,
            ReminderBoundaries boundaries,
            Clock clock,
            EventPublisher publisher) {
        this.store = store;
        this.planner = planner;
        this.boundaries = boundaries;
        this.clock = clock;
        this.publisher = publisher;
    }

    /**
     * @param dailyReminderTime local time of the daily check-in reminder, or null for none
     * @param mutedKinds kinds not to be notified about ({@code all} for everything); safety messages come anyway
     * @param language the person's language as a BCP 47 tag ({@code en} when not given), stored in canonical case
     */
    record PreferencesBody(
            @NotBlank @Size(max = 64) String timeZone,

            @Pattern(regexp = TIME, message = "must be a time like 09:00")
            String dailyReminderTime,

            DayOfWeek weeklyQuestionnaireDay,

            @Pattern(regexp = TIME, message = "must be a time like 21:00")
            String quietHoursStart,

            @Pattern(regexp = TIME, message = "must be a time like 08:00")
            String quietHoursEnd,

            @NotEmpty @Size(max = 2) Set<@NotNull Channel> channels,
            @Email @Size(max = 254) String email,

            @Size(max = 20)
            List<@NotNull @Pattern(regexp = KIND, message = "must be a known notification kind") String> mutedKinds,

            @Size(max = 35) @Pattern(regexp = LANGUAGE, message = "must be a language tag such as en, de or pt-BR")
            String language) {

        @AssertTrue(message = "must be a valid IANA time zone such as Europe/London")
        boolean isTimeZoneValid() {
            if (timeZone == null || timeZone.isBlank()) {
                return true;
            }
            try {
                ZoneId.of(timeZone);
                return true;
            } catch (DateTimeException e) {
                return false;
            }
        }

        @AssertTrue(message = "IN_APP is always on")
        boolean isChannelsIncludeInApp() {
            return channels == null || channels.contains(Channel.IN_APP);
        }

        @AssertTrue(message = "is needed for the EMAIL channel")
        boolean isEmailGivenForEmailChannel() {
            return channels == null || !channels.contains(Channel.EMAIL) || (email != null && !email.isBlank());
        }

        @AssertTrue(message = "quietHoursStart and quietHoursEnd go together")
        boolean isQuietHoursComplete() {
            return (quietHoursStart == null) == (quietHoursEnd == null);
        }
    }

    /**
     * The preferences as they are read back: what a PUT sets, and {@code pausedUntil}, which only the pause endpoints
     * change (null when reminders are not paused, or the pause has ended).
     */
    record PreferencesView(
            String timeZone,
            String dailyReminderTime,
            DayOfWeek weeklyQuestionnaireDay,
            String quietHoursStart,
            String quietHoursEnd,
            Set<Channel> channels,
            String email,
            List<String> mutedKinds,
            String language,
            Instant pausedUntil) {

        static PreferencesView of(Preferences p, Instant now) {
            return new PreferencesView(
                    p.timeZone(),
                    p.dailyReminderTime(),
                    p.weeklyQuestionnaireDay(),
                    p.quietHoursStart(),
                    p.quietHoursEnd(),
                    p.channels(),
                    p.email(),
                    p.mutedKinds(),
                    p.language(),
                    p.paused(now) ? p.pausedUntil() : null);
        }
    }

    /** @param kind a reminder kind, e.g. {@code daily-checkin}; safety messages and notices cannot be muted here */
    record MuteRequest(
            @NotNull @Pattern(regexp = REMINDER_KIND, message = "must be a kind of reminder")
            String kind) {}

    /** @param days how long to pause every reminder; a week unless said otherwise */
    record PauseRequest(@Min(1) @Max(30) Integer days) {}

    @Operation(summary = "The caller's notification preferences, or the gentle defaults when none were saved")
    @GetMapping
    Mono<PreferencesView> get(@AuthenticationPrincipal Jwt jwt) {
        return store.get(jwt.getSubject(), role(jwt)).map(p -> PreferencesView.of(p, clock.instant()));
    }

    @Operation(summary = "Mute one kind of reminder with one tap (never a safety message)")
    @PostMapping("/muted-kinds")
    Mono<PreferencesView> mute(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody MuteRequest request) {
        var kind = NotificationKind.fromWireName(request.kind()).orElseThrow();
        return boundaries.mute(jwt.getSubject(), role(jwt), kind).map(p -> PreferencesView.of(p, clock.instant()));
    }

    @Operation(summary = "Pause every reminder for a while (a week by default); safety messages still come")
    @PostMapping("/pause")
    Mono<PreferencesView> pause(
            @AuthenticationPrincipal Jwt jwt, @Valid @RequestBody(required = false) PauseRequest request) {
        int days = request == null || request.days() == null ? ReminderBoundaries.PAUSE_DAYS : request.days();
        return boundaries
                .pause(jwt.getSubject(), role(jwt), Duration.ofDays(days))
                .map(p -> PreferencesView.of(p, clock.instant()));
    }

    @Operation(summary = "End a pause of reminders now")
    @DeleteMapping("/pause")
    Mono<PreferencesView> resume(@AuthenticationPrincipal Jwt jwt) {
        return boundaries.resume(jwt.getSubject(), role(jwt)).map(p -> PreferencesView.of(p, clock.instant()));
    }

    @Operation(summary = "Replace the caller's notification preferences and plan reminders afresh")
    @PutMapping
    Mono<PreferencesView> put(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody PreferencesBody body) {
        var now = clock.instant();
        // A pause is its own choice: saving the other preferences keeps it.
        return store.find(jwt.getSubject())
                .map(stored -> Optional.ofNullable(stored.pausedUntil()))
                .defaultIfEmpty(Optional.empty())
                .flatMap(paused -> replace(jwt, body, now, paused.orElse(null)));
    }

    private Mono<PreferencesView> replace(Jwt jwt, PreferencesBody body, Instant now, Instant pausedUntil) {
        var role = role(jwt);
        // Check-in and questionnaire reminders are for clients.
        boolean client = role == Role.CLIENT;
        var preferences = new Preferences(
                jwt.getSubject(),
                role,
                body.timeZone(),
                client ? body.dailyReminderTime() : null,
                client ? body.weeklyQuestionnaireDay() : null,
                body.quietHoursStart(),
                body.quietHoursEnd(),
                Set.copyOf(body.channels()),
                body.channels().contains(Channel.EMAIL) ? body.email() : null,
                body.mutedKinds() == null ? List.of() : List.copyOf(body.mutedKinds()),
                body.language() == null
                        ? Preferences.DEFAULT_LANGUAGE
                        : Locale.forLanguageTag(body.language()).toLanguageTag(),
                now,
                null,
                null,
                pausedUntil);
        return store.save(preferences)
                .flatMap(saved -> planner.replan(saved, now).thenReturn(saved))
                .flatMap(saved -> client ? announceZone(saved, now).thenReturn(saved) : Mono.just(saved))
                .map(p -> PreferencesView.of(p, now));
    }

    /**
     * Tells checkin-service where the client's day starts (scheduled measures open at midnight there). Every save
     * announces it again, so one that failed to go out is repaired by the next; the saved preferences stand either
     * way.
     */
    private Mono<Void> announceZone(Preferences saved, Instant now) {
        var chosen = new TimeZoneChosen(
                UUID.randomUUID(),
                now,
                AttuneEvent.CURRENT_SCHEMA_VERSION,
                UUID.fromString(saved.id()),
                saved.timeZone());
        return publisher.publish(chosen).onErrorResume(e -> {
            log.warn(
                    "The time zone of a client could not be announced: {}",
                    e.getClass().getSimpleName());
            return Mono.empty();
        });
    }

    private static Role role(Jwt jwt) {
        return "THERAPIST".equals(jwt.getClaimAsString("role")) ? Role.THERAPIST : Role.CLIENT;
    }
}
