package org.attune.webui.progress.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Dates and times in the person's own time zone (the browser's) and locale. Stored values are UTC instants or the
 * client's own calendar days; only display converts.
 */
public record UserTime(ZoneId zone, Locale locale) {

    /** The browser's time zone when the browser has told us; UTC until then. */
    public static UserTime of(Component view) {
        var ui = view.getUI().orElse(UI.getCurrent());
        var locale = ui == null || ui.getLocale() == null ? Locale.getDefault() : ui.getLocale();
        ZoneId zone = ZoneOffset.UTC;
        try {
            var details = ui == null ? null : ui.getPage().getExtendedClientDetails();
            if (details != null
                    && details.getTimeZoneId() != null
                    && !details.getTimeZoneId().isBlank()) {
                zone = ZoneId.of(details.getTimeZoneId());
            }
        } catch (RuntimeException unknown) {
            // An unknown or missing zone: stay on UTC, which the page says.
        }
        return new UserTime(zone, locale);
    }

    public String date(LocalDate date) {
        return date == null
                ? "—"
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(locale)
                        .format(date);
    }

    public String shortDate(LocalDate date) {
        return date == null ? "—" : DateTimeFormatter.ofPattern("d MMM", locale).format(date);
    }

    public String date(Instant instant) {
        return instant == null ? "—" : date(instant.atZone(zone).toLocalDate());
    }

    public String dateTime(Instant instant) {
        return instant == null
                ? "—"
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(locale)
                        .format(instant.atZone(zone));
    }

    public LocalDate today(java.time.Clock clock) {
        return LocalDate.ofInstant(clock.instant(), zone);
    }
}
