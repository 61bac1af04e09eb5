package org.attune.webui.therapist.ui;

import com.vaadin.flow.component.Component;

/** Small text helpers the dashboard's sections share. */
final class DashboardTexts {

    private DashboardTexts() {}

    /** The bundle's words for a reason code, or the code itself when the bundle has none (never a raw key). */
    static String reason(Component in, String prefix, String reason) {
        if (reason == null) {
            return "";
        }
        var text = in.getTranslation(prefix + reason);
        return text == null || text.startsWith("!{") ? reason : text;
    }
}
