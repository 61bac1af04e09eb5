package org.attune.webui.identity.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import org.attune.webui.account.ProfessionalRegistration;

/** A therapist's professional registration at sign-up: the body, the number there and the country. */
class ProfessionalRegistrationFields extends Div {

    final TextField body = new TextField();
    final TextField number = new TextField();
    final ComboBox<String> country = new ComboBox<>();

    ProfessionalRegistrationFields() {
        body.setLabel(getTranslation("register.professional.body"));
        body.setHelperText(getTranslation("register.professional.body.helper"));
        body.setMaxLength(ProfessionalRegistration.MAX_BODY_LENGTH);
        number.setLabel(getTranslation("register.professional.number"));
        number.setMaxLength(ProfessionalRegistration.MAX_NUMBER_LENGTH);
        country.setLabel(getTranslation("register.professional.country"));
        var locale = getLocale() == null ? Locale.ENGLISH : getLocale();
        country.setItems(Arrays.stream(Locale.getISOCountries())
                .sorted(Comparator.comparing(code -> Locale.of("", code).getDisplayCountry(locale)))
                .toList());
        country.setItemLabelGenerator(code -> Locale.of("", code).getDisplayCountry(locale));
        body.setWidthFull();
        number.setWidthFull();
        country.setWidthFull();
        add(new Paragraph(getTranslation("register.professional.intro")), body, number, country);
    }

    ProfessionalRegistration value() {
        return new ProfessionalRegistration(body.getValue(), number.getValue(), country.getValue());
    }

    void clearProblems() {
        body.setInvalid(false);
        number.setInvalid(false);
        country.setInvalid(false);
    }

    void show(String field, String message) {
        switch (field) {
            case "professionalRegistration.number" -> {
                number.setErrorMessage(message);
                number.setInvalid(true);
            }
            case "professionalRegistration.country" -> {
                country.setErrorMessage(message);
                country.setInvalid(true);
            }
            default -> {
                body.setErrorMessage(message);
                body.setInvalid(true);
            }
        }
    }
}
