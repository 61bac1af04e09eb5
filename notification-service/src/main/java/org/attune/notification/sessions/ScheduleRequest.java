package org.attune.notification.sessions;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A change to the schedule. Only the fields present in the request change; a field left out keeps its stored
 * value, and a field sent as null clears it (so {@code "weeklyDay": null, "weeklyTime": null} ends the weekly
 * rhythm and leaves the single sessions alone). Jackson calls a setter only for a property in the JSON, which is
 * how presence is known.
 */
final class ScheduleRequest {

    private final Set<String> present = new HashSet<>();

    private UUID clientId;

    @Size(max = 64)
    private String timeZone;

    private DayOfWeek weeklyDay;

    @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "must be a time like 14:00")
    private String weeklyTime;

    @Size(max = 52)
    private List<@NotNull Instant> oneOffStarts;

    @Min(10)
    @Max(240)
    private Integer durationMinutes;

    ScheduleRequest() {}

    public UUID getClientId() {
        return clientId;
    }

    public void setClientId(UUID clientId) {
        this.clientId = clientId;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
        present.add("timeZone");
    }

    public DayOfWeek getWeeklyDay() {
        return weeklyDay;
    }

    public void setWeeklyDay(DayOfWeek weeklyDay) {
        this.weeklyDay = weeklyDay;
        present.add("weeklyDay");
    }

    public String getWeeklyTime() {
        return weeklyTime;
    }

    public void setWeeklyTime(String weeklyTime) {
        this.weeklyTime = weeklyTime;
        present.add("weeklyTime");
    }

    public List<Instant> getOneOffStarts() {
        return oneOffStarts;
    }

    public void setOneOffStarts(List<Instant> oneOffStarts) {
        this.oneOffStarts = oneOffStarts;
        present.add("oneOffStarts");
    }

    public Integer getDurationMinutes() {
        return durationMinutes;
    }

    public void setDurationMinutes(Integer durationMinutes) {
        this.durationMinutes = durationMinutes;
        present.add("durationMinutes");
    }

    boolean has(String field) {
        return present.contains(field);
    }
}
