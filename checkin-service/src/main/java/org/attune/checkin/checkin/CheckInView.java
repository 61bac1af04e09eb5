package org.attune.checkin.checkin;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.attune.events.WindowOfTolerance;

/** A check-in as the API shows it. {@code invitation} is a gentle offer after a dysregulated check-in. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckInView(
        String id,
        Instant recordedAt,
        LocalDate localDate,
        int mood,
        WindowOfTolerance window,
        List<String> emotions,
        int energy,
        Double sleepHours,
        List<String> tags,
        String note,
        Boolean hasNote,
        Invitation invitation) {

    public record Invitation(String text, String practice) {}

    static CheckInView own(CheckIn c) {
        return new CheckInView(
                c.id(),
                c.recordedAt(),
                c.localDate(),
                c.mood(),
                c.window(),
                c.emotions(),
                c.energy(),
                c.sleepHours(),
                c.tags(),
                c.note(),
                c.note() != null,
                null);
    }

    static CheckInView justRecorded(CheckIn c) {
        var view = own(c);
        Invitation invitation = switch (c.window()) {
            case HYPER ->
                new Invitation(
                        "Thank you for noticing where you are. If you'd like, a few slow breaths together"
                                + " can help things settle a little.",
                        "slow-breathing");
            case HYPO ->
                new Invitation(
                        "Thank you for checking in. If it feels right, a short grounding practice can help"
                                + " you come back to the room, gently and at your own pace.",
                        "grounding-5-4-3-2-1");
            case WITHIN -> null;
        };
        return new CheckInView(
                view.id(),
                view.recordedAt(),
                view.localDate(),
                view.mood(),
                view.window(),
                view.emotions(),
                view.energy(),
                view.sleepHours(),
                view.tags(),
                view.note(),
                view.hasNote(),
                invitation);
    }

    /** What a therapist sees: the note only when the client shares notes. */
    public static CheckInView forTherapist(CheckIn c, boolean includeNote) {
        return new CheckInView(
                c.id(),
                c.recordedAt(),
                c.localDate(),
                c.mood(),
                c.window(),
                c.emotions(),
                c.energy(),
                c.sleepHours(),
                c.tags(),
                includeNote ? c.note() : null,
                includeNote ? c.note() != null : null,
                null);
    }
}
