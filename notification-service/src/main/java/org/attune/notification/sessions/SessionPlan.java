package org.attune.notification.sessions;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The latest applied session schedule of a client ({@code id} = client id), from {@code SessionScheduled}, with the
 * start of the last weekly session planned for.
 */
@Document("session_plans")
record SessionPlan(
        @Id String id,
        String scheduleId,
        String timeZone,
        DayOfWeek weeklyDay,
        String weeklyTime,
        List<Instant> oneOffStarts,
        int durationMinutes,
        String therapistId,
        Instant lastEventAt,
        Instant nextWeeklyAt) {}
