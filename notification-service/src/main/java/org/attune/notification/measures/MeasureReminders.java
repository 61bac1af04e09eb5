package org.attune.notification.measures;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.attune.events.AttuneEvent;
import org.attune.events.MeasureAnswered;
import org.attune.events.MeasurePaused;
import org.attune.events.MeasureStopped;
import org.attune.events.MeasureWindowClosed;
import org.attune.events.MeasureWindowOpened;
import org.attune.events.Topics;
import org.attune.kit.erasure.ConsumedEvents;
import org.attune.notification.dispatch.SchedulerLoop;
import org.attune.notification.store.Notification;
import org.attune.notification.store.NotificationKind;
import org.attune.notification.store.NotificationState;
import org.attune.notification.store.NotificationStore;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * One gentle reminder when a scheduled measure opens its window (checkin-service decides when), delivered through the
 * ordinary dispatch: quiet hours move it to their end in the client's zone, a mute or a pause lets it go, a snooze
 * brings it back, and the claim delivers it once whatever the number of instances. Its id derives from the schedule
 * and the due date, so a redelivered event or a second instance stores nothing new. It expires when the window
 * closes and is withdrawn as soon as the measure is answered, paused or stopped.
 */
@Component
class MeasureReminders {

    private final ConsumedEvents consumed;
    private final NotificationStore notifications;
    private final ReactiveMongoTemplate mongo;
    private final SchedulerLoop scheduler;
    private final Clock clock;

    MeasureReminders(
            ConsumedEvents consumed,
            NotificationStore notifications,
            ReactiveMongoTemplate mongo,
            SchedulerLoop scheduler,
            Clock clock) {
        this.consumed = consumed;
        this.notifications = notifications;
        this.mongo = mongo;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    static String reminderId(UUID assignmentId, LocalDate dueDate) {
        return Notification.idFor("measure-due:" + assignmentId + ":" + dueDate);
    }

    @KafkaListener(topics = Topics.QUESTIONNAIRES)
    void on(AttuneEvent event) {
        Mono<?> apply = switch (event) {
            case MeasureWindowOpened opened -> Mono.defer(() -> remind(opened));
            case MeasureAnswered answered ->
                Mono.defer(() -> withdraw(answered.clientId(), answered.assignmentId(), answered.dueDate()));
            case MeasureWindowClosed closed ->
                Mono.defer(() -> withdraw(closed.clientId(), closed.assignmentId(), closed.dueDate()));
            case MeasurePaused paused -> Mono.defer(() -> withdrawAll(paused.clientId(), paused.assignmentId()));
            case MeasureStopped stopped -> Mono.defer(() -> withdrawAll(stopped.clientId(), stopped.assignmentId()));
            default -> null;
        };
        if (apply != null) {
            consumed.applyOnce(event, Topics.QUESTIONNAIRES, apply).block(Duration.ofSeconds(30));
            scheduler.wake();
        }
    }

    private Mono<Boolean> remind(MeasureWindowOpened opened) {
        var now = clock.instant();
        var client = opened.clientId().toString();
        return notifications.schedule(Notification.scheduled(
                reminderId(opened.assignmentId(), opened.dueDate()),
                client,
                client,
                NotificationKind.MEASURE_DUE,
                List.of(opened.code(), opened.assignmentId().toString()),
                opened.dueDate().toString(),
                now,
                opened.closesAt(),
                now));
    }

    /** Withdraws the reminder of one window (or keeps it from being stored, should the two events cross). */
    private Mono<Void> withdraw(UUID clientId, UUID assignmentId, LocalDate dueDate) {
        var client = clientId.toString();
        var placeholder = Notification.scheduled(
                reminderId(assignmentId, dueDate),
                client,
                client,
                NotificationKind.MEASURE_DUE,
                List.of("", assignmentId.toString()),
                dueDate.toString(),
                clock.instant(),
                clock.instant(),
                clock.instant());
        return notifications.cancelOrPreempt(placeholder, clock.instant());
    }

    /** Withdraws whatever reminder of this schedule has not gone out yet. */
    private Mono<Void> withdrawAll(UUID clientId, UUID assignmentId) {
        var pending = Query.query(where("recipientId")
                .is(clientId.toString())
                .and("kind")
                .is(NotificationKind.MEASURE_DUE)
                .and("state")
                .is(NotificationState.SCHEDULED)
                .and("args")
                .is(assignmentId.toString()));
        return mongo.find(pending, Notification.class, NotificationStore.COLLECTION)
                .concatMap(n -> notifications.cancelOrPreempt(n, clock.instant()))
                .then();
    }
}
