package org.attune.webui.checkin.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

/** The browser's time zone and locale, for showing dates in the person's own day; UTC when the browser did not say. */
final class ClientTime {

    private ClientTime() {}

    static ZoneId zone() {
        try {
            var ui = UI.getCurrent();
            var details = ui == null ? null : ui.getPage().getExtendedClientDetails();
            var id = details == null ? null : details.getTimeZoneId();
            return id == null || id.isBlank() ? ZoneOffset.UTC : ZoneId.of(id);
        } catch (RuntimeException unknown) {
            return ZoneOffset.UTC;
        }
    }

    /** The browser's own locale (with its country), for the crisis lines of the person's region. */
    static Locale browserLocale() {
        var session = VaadinSession.getCurrent();
        var browser = session == null ? null : session.getBrowser();
        var locale = browser == null ? null : browser.getLocale();
        if (locale == null) {
            var ui = UI.getCurrent();
            locale = ui == null ? null : ui.getLocale();
        }
        return locale == null ? Locale.ROOT : locale;
    }

    static Locale displayLocale() {
        var ui = UI.getCurrent();
        return ui == null || ui.getLocale() == null ? Locale.ENGLISH : ui.getLocale();
    }
}
