package org.attune.webui.therapist;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.attune.webui.library.ReflectionAnswers;
import org.attune.webui.library.Reply;
import org.attune.webui.measures.FakeMeasuresGateway;
import org.attune.webui.progress.ProgressData;
import org.attune.webui.progress.ProgressGateway;
import org.attune.webui.security.Caller;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * In-memory stand-ins for checkin-service and content-service (which do not run in web-ui's own tests): they answer
 * what a test puts in and record every call, so a test can also assert that nothing was read.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FakeServices {

    @Bean
    @Primary
    public Therapist therapistGateway() {
        return new Therapist();
    }

    /** checkin-service's scheduled measures, in memory. */
    @Bean
    @Primary
    public FakeMeasuresGateway measuresGateway() {
        return new FakeMeasuresGateway();
    }

    @Bean
    @Primary
    public Progress progressGateway() {
        return new Progress();
    }

    @Bean
    @Primary
    public Reflections reflectionAnswers() {
        return new Reflections();
    }

    public static class Therapist implements TherapistGateway {
        public final Map<UUID, ClientSummary> summaries = new ConcurrentHashMap<>();
        public final Map<UUID, List<SafetyFlagItem>> flags = new ConcurrentHashMap<>();
        public final Map<UUID, List<FeedbackEntry>> feedback = new ConcurrentHashMap<>();
        public final Map<UUID, List<AssignmentItem>> assignments = new ConcurrentHashMap<>();
        /** Schedules by client; a client without one answers like a 404 (none set yet). */
        public final Map<UUID, ClientSchedule> schedules = new ConcurrentHashMap<>();

        public final List<String> calls = new CopyOnWriteArrayList<>();

        public List<String> callsFor(UUID clientId) {
            return calls.stream().filter(c -> c.endsWith(clientId.toString())).toList();
        }

        @Override
        public Optional<ClientSummary> summary(Caller therapist, UUID clientId) {
            calls.add("summary:" + clientId);
            return Optional.ofNullable(summaries.get(clientId));
        }

        @Override
        public Optional<List<SafetyFlagItem>> safetyFlags(Caller therapist, UUID clientId) {
            calls.add("flags:" + clientId);
            return Optional.ofNullable(flags.get(clientId));
        }

        @Override
        public boolean acknowledge(Caller therapist, UUID clientId, String flagId) {
            calls.add("ack:" + flagId + ":" + clientId);
            var list = flags.get(clientId);
            if (list == null) {
                return false;
            }
            flags.put(
                    clientId,
                    list.stream()
                            .map(f -> f.id().equals(flagId)
                                    ? new SafetyFlagItem(f.id(), f.reason(), f.source(), f.raisedAt(), Instant.now())
                                    : f)
                            .toList());
            return true;
        }

        @Override
        public Optional<List<FeedbackEntry>> sessionFeedback(Caller therapist, UUID clientId) {
            calls.add("feedback:" + clientId);
            return Optional.ofNullable(feedback.get(clientId));
        }

        @Override
        public Optional<List<AssignmentItem>> assignments(Caller therapist, UUID clientId) {
            calls.add("assignments:" + clientId);
            return Optional.ofNullable(assignments.get(clientId));
        }

        @Override
        public ClientSchedule sessionSchedule(Caller therapist, UUID clientId) {
            calls.add("schedule:" + clientId);
            return schedules.getOrDefault(clientId, ClientSchedule.none());
        }
    }

    public static class Progress implements ProgressGateway {
        public final Map<UUID, ProgressData> byClient = new ConcurrentHashMap<>();
        public final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public Optional<ProgressData> own(Caller client, LocalDate from, LocalDate to) {
            calls.add("own:" + client.id());
            return Optional.ofNullable(byClient.get(client.id()));
        }

        @Override
        public Optional<ProgressData> ofClient(Caller therapist, UUID clientId, LocalDate from, LocalDate to) {
            calls.add("progress:" + clientId);
            return Optional.ofNullable(byClient.get(clientId));
        }
    }

    /** Only the therapist's read of shared answers: the client's own writing is not part of these tests. */
    public static class Reflections implements ReflectionAnswers {
        public final Map<UUID, List<SharedAnswer>> shared = new ConcurrentHashMap<>();
        public final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public Reply<Answer> answer(Caller client, String slug) {
            return Reply.of(Reply.Status.NOT_FOUND);
        }

        @Override
        public Reply<Answer> save(Caller client, String slug, String text, boolean shared) {
            return Reply.of(Reply.Status.UNAVAILABLE);
        }

        @Override
        public Reply<Void> remove(Caller client, String slug) {
            return Reply.of(Reply.Status.UNAVAILABLE);
        }

        @Override
        public Reply<List<SharedAnswer>> sharedBy(Caller therapist, UUID clientId) {
            calls.add("reflections:" + clientId);
            return Reply.ok(shared.getOrDefault(clientId, List.of()));
        }
    }
}
