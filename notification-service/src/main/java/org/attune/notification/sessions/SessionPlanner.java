package org.attune.notification.sessions;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.attune.events.SessionScheduled;
import org.attune.notification.preferences.LocalTimes;
import org.attune.notification.store.Notification;
import org.attune.notification.store.NotificationKind;
import org.attune.notification.store.NotificationStore;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns a session schedule into notifications: a reminder the day before each session (same local time, or at once
 * when the session is less than a day away) and the session connection check one hour after it ends. Weekly sessions
 * are planned one at a time, the next once the previous has started.
 */
@Component
public class SessionPlanner {

    static final String COLLECTION = "session_plans";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.ENGLISH);

    private final ReactiveMongoTemplate mongo;
    private final NotificationStore notifications;

    SessionPlanner(ReactiveMongoTemplate mongo, NotificationStore notifications) {
        this.mongo = mongo;
        this.notifications = notifications;
    }

    /** Applies a schedule newer than the one known and plans its notifications afresh. */
    public Mono<Void> apply(SessionScheduled e, Instant now) {
        var update = new Update()
                .set("scheduleId", e.scheduleId().toString())
                .set("timeZone", e.timeZone())
                .set("weeklyDay", e.weeklyDay())
                .set(
                        "weeklyTime",
                        e.weeklyTime() == null ? null : e.weeklyTime().toString())
                .set("oneOffStarts", e.oneOffStarts())
                .set("durationMinutes", e.durationMinutes())
                .set(
                        "therapistId",
                        e.therapistId() == null ? null : e.therapistId().toString())
                .set("lastEventAt", e.occurredAt())
                .set("nextWeeklyAt", null);
        var client = e.clientId().toString();
        var query = Query.query(where("_id").is(client).and("lastEventAt").lt(e.occurredAt()));
        return mongo.upsert(query, update, SessionPlan.class, COLLECTION)
                .thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, older -> Mono.just(false))
                .flatMap(applied -> applied
                        ? notifications
                                .removeScheduled(
                                        client,
                                        List.of(
                                                NotificationKind.SESSION_REMINDER,
                                                NotificationKind.SESSION_CONNECTION_CHECK))
                                .then(mongo.findById(client, SessionPlan.class, COLLECTION))
                                .flatMap(plan -> planAll(plan, now))
                        : Mono.empty());
    }

    private Mono<Void> planAll(SessionPlan plan, Instant now) {
        var oneOffs = Flux.fromIterable(plan.oneOffStarts() == null ? List.<Instant>of() : plan.oneOffStarts())
                .filter(start -> start.isAfter(now))
                .concatMap(start -> planSession(plan, start, now));
        return oneOffs.then(planNextWeekly(plan, now));
    }

    /** Plans the next weekly session for schedules whose last planned one has started. */
    public Mono<Integer> planDue(Instant now, int limit) {
        var query = Query.query(where("weeklyDay")
                        .ne(null)
                        .orOperator(
                                where("nextWeeklyAt").is(null),
                                where("nextWeeklyAt").lte(now)))
                .limit(limit);
        return mongo.find(query, SessionPlan.class, COLLECTION)
                .concatMap(plan -> planNextWeekly(plan, now).thenReturn(1))
                .count()
                .map(Long::intValue);
    }

    private Mono<Void> planNextWeekly(SessionPlan plan, Instant now) {
        if (plan.weeklyDay() == null || plan.weeklyTime() == null) {
            return Mono.empty();
        }
        var next = LocalTimes.nextWeekly(
                now, plan.weeklyDay(), LocalTime.parse(plan.weeklyTime()), ZoneId.of(plan.timeZone()));
        return planSession(plan, next.instant(), now)
                .then(mongo.updateFirst(
                        Query.query(where("_id").is(plan.id())),
                        new Update().set("nextWeeklyAt", next.instant()),
                        SessionPlan.class,
                        COLLECTION))
                .then();
    }

    private Mono<Void> planSession(SessionPlan plan, Instant start, Instant now) {
        var zone = ZoneId.of(plan.timeZone());
        var local = start.atZone(zone);
        var dayBefore = LocalTimes.at(local.toLocalDate().minusDays(1), local.toLocalTime(), zone);
        var reminderDue = dayBefore.isBefore(now) ? now : dayBefore;
        var client = plan.id();
        var reminder = Notification.scheduled(
                Notification.idFor("session-reminder:" + client + ":" + start),
                client,
                client,
                NotificationKind.SESSION_REMINDER,
                List.of(WHEN.format(local)),
                local.toLocalDate().toString(),
                reminderDue,
                start,
                now);
        var checkDue = start.plus(Duration.ofMinutes(plan.durationMinutes())).plus(Duration.ofHours(1));
        var check = Notification.due(
                Notification.idFor("session-connection-check:" + client + ":" + start),
                client,
                client,
                NotificationKind.SESSION_CONNECTION_CHECK,
                List.of(),
                local.toLocalDate().toString(),
                checkDue,
                now);
        return notifications
                .schedule(reminder)
                .then(notifications.schedule(check))
                .then();
    }

    /**
     * The first session start strictly after {@code now}: the next weekly occurrence (wall-clock time in the
     * schedule's zone, across daylight-saving changes as reminders are planned) or the earliest later one-off start,
     * whichever comes first; empty when neither exists.
     */
    static Optional<Instant> nextStart(
            Instant now, String timeZone, DayOfWeek weeklyDay, String weeklyTime, List<Instant> oneOffStarts) {
        var oneOff = (oneOffStarts == null ? List.<Instant>of() : oneOffStarts)
                .stream().filter(start -> start != null && start.isAfter(now)).min(Comparator.naturalOrder());
        if (weeklyDay == null || weeklyTime == null || timeZone == null) {
            return oneOff;
        }
        var weekly = LocalTimes.nextWeekly(now, weeklyDay, LocalTime.parse(weeklyTime), ZoneId.of(timeZone))
                .instant();
        return Optional.of(oneOff.filter(o -> o.isBefore(weekly)).orElse(weekly));
    }

    Flux<SessionPlan> forClient(String clientId) {
        return mongo.find(Query.query(where("_id").is(clientId)), SessionPlan.class, COLLECTION);
    }

    /** A client's plan goes; a therapist's id leaves the plans of the schedules they set. */
    public Mono<Void> erase(String accountId) {
        return mongo.remove(Query.query(where("_id").is(accountId)), SessionPlan.class, COLLECTION)
                .then(mongo.updateMulti(
                        Query.query(where("therapistId").is(accountId)),
                        new Update().unset("therapistId"),
                        SessionPlan.class,
                        COLLECTION))
                .then();
    }

    public Flux<org.bson.Document> export(String accountId) {
        return mongo.find(Query.query(where("_id").is(accountId)), org.bson.Document.class, COLLECTION);
    }
}
