package org.attune.webui.signin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.attune.webui.signin.SignInSettings;

/** The person's passkeys, each removable, and adding one. */
class PasskeysSection extends Section {

    final Div list = new Div();
    final Paragraph none = new Paragraph();
    private final SignInSettings settings;

    PasskeysSection(SignInSettings settings) {
        this.settings = settings;
        setId("passkeys");
        list.setId("passkey-list");
        none.setText(getTranslation("signin.passkey.none"));
        add(
                new H2(getTranslation("signin.passkey.title")),
                new Paragraph(getTranslation("signin.passkey.intro")),
                none,
                list,
                new PasskeyAdd(this::refresh));
    }

    void refresh() {
        list.removeAll();
        var passkeys = settings.current().map(SignInSettings.Status::passkeys).orElse(java.util.List.of());
        none.setVisible(passkeys.isEmpty());
        var dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withZone(ZoneOffset.UTC);
        for (var passkey : passkeys) {
            var remove = new Button(getTranslation("signin.passkey.remove"), e -> {
                settings.removePasskey(passkey.id());
                refresh();
            });
            remove.addThemeVariants(ButtonVariant.TERTIARY);
            list.add(new Paragraph(
                    new Span(getTranslation(
                            "signin.passkey.item",
                            passkey.label(),
                            passkey.created() == null ? "" : dates.format(passkey.created()))),
                    remove));
        }
    }
}
