package org.attune.webui.signin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.SerializableRunnable;

/** Name a passkey and let the browser create it; {@code added} runs once Spring Security has stored it. */
class PasskeyAdd extends Div {

    final TextField label = new TextField();
    final Button add = new Button();
    final Paragraph outcome = new Paragraph();

    PasskeyAdd(SerializableRunnable added) {
        label.setLabel(getTranslation("signin.passkey.label"));
        label.setValue(getTranslation("signin.passkey.label.default"));
        label.setMaxLength(60);
        add.setText(getTranslation("signin.passkey.add"));
        add.setId("passkey-add");
        outcome.setId("passkey-add-outcome");
        outcome.setVisible(false);
        add.addClickListener(e -> {
            var name = label.getValue().isBlank() ? getTranslation("signin.passkey.label.default") : label.getValue();
            PasskeyCeremonies.register(this, name.strip(), result -> {
                if ("ok".equals(result)) {
                    outcome.setText(getTranslation("signin.passkey.added"));
                    added.run();
                } else {
                    outcome.setText(getTranslation("signin.passkey." + result));
                }
                outcome.setVisible(true);
            });
        });
        add(label, add, outcome);
    }
}
