package org.attune.webui.library.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.attune.webui.library.Content;

/** Small shared wording for the library screens: kinds, durations, dates in the person's own time zone. */
final class LibraryText {

    private LibraryText() {}

    static String kind(Component c, Content.Kind kind) {
        return c.getTranslation("library.kind." + kind.name().toLowerCase(java.util.Locale.ROOT));
    }

    static String minutes(Component c, int minutes) {
        return minutes <= 0
                ? ""
                : minutes == 1
                        ? c.getTranslation("library.minutes.one")
                        : c.getTranslation("library.minutes.many", minutes);
    }

    /** The browser's time zone when the browser has told us, else UTC. */
    static ZoneId zone() {
        var ui = UI.getCurrent();
        if (ui == null) {
            return ZoneOffset.UTC;
        }
        var details = ui.getPage().getExtendedClientDetails();
        String id = details == null ? null : details.getTimeZoneId();
        if (id == null || id.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException unknown) {
            return ZoneOffset.UTC;
        }
    }

    static java.util.Locale locale() {
        var ui = UI.getCurrent();
        return ui == null ? java.util.Locale.ENGLISH : ui.getLocale();
    }

    static String date(Component c, Instant at) {
        if (at == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(locale())
                .format(at.atZone(zone()));
    }
}
