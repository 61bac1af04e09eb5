package org.attune.checkin.measures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.attune.events.MeasureCadenceUnit;
import org.attune.events.MeasureStopReason;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** A client's scheduled measures for their data export: every schedule, stopped ones included. */
@Component
public class MeasureExport {

    private final ReactiveMongoTemplate mongo;

    MeasureExport(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Flux<MeasureData> of(UUID clientId) {
        return mongo.find(
                        Query.query(Criteria.where("clientId").is(clientId)).with(Sort.by("assignedAt")),
                        MeasureAssignment.class)
                .map(a -> new MeasureData(
                        a.id(),
                        a.therapistId(),
                        a.code(),
                        a.every(),
                        a.unit(),
                        a.first(),
                        a.windowDays(),
                        a.status().name(),
                        a.stopReason(),
                        a.due(),
                        a.lastDueDate() == null ? null : LocalDate.parse(a.lastDueDate()),
                        a.lastAnswered(),
                        a.assignedAt()));
    }

    public record MeasureData(
            String id,
            UUID therapistId,
            String code,
            int every,
            MeasureCadenceUnit unit,
            LocalDate firstDue,
            int windowDays,
            String status,
            MeasureStopReason stopReason,
            LocalDate currentDueDate,
            LocalDate lastWindowDueDate,
            Boolean lastWindowAnswered,
            Instant assignedAt) {}
}
