package org.attune.webui.signin.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.NativeLabel;
import com.vaadin.flow.dom.Element;

/**
 * A plain HTML form that posts a code to Spring Security's second step ({@code /login/second-factor}), as the login
 * form posts the password: the code never travels through Vaadin.
 */
class CodeForm extends Div {

    static final String CODE_ID = "second-factor-code";
    final Element form = new Element("form");
    final Element code = new Element("input");
    final NativeButton submit = new NativeButton();

    /** {@code then}: "security" to come back to the sign-in settings, otherwise the start page. */
    CodeForm(String label, String submitText, String then) {
        form.setAttribute("method", "post");
        form.setAttribute("action", "login/second-factor");
        var labelElement = new NativeLabel(label);
        labelElement.setFor(CODE_ID);
        code.setAttribute("id", CODE_ID);
        code.setAttribute("name", "code");
        code.setAttribute("autocomplete", "one-time-code");
        code.setAttribute("required", true);
        code.setAttribute("maxlength", "16");
        code.getStyle().set("display", "block").set("font-size", "1.25rem").set("margin", "0.5rem 0");
        submit.setText(submitText);
        submit.getElement().setAttribute("type", "submit");
        submit.setId("second-factor-submit");
        form.appendChild(labelElement.getElement(), code, hidden("then", then), submit.getElement());
        var csrf = CsrfFields.token();
        if (csrf != null) {
            form.appendChild(hidden(csrf.getParameterName(), csrf.getToken()));
        }
        getElement().appendChild(form);
    }

    private static Element hidden(String name, String value) {
        var input = new Element("input");
        input.setAttribute("type", "hidden");
        input.setAttribute("name", name);
        input.setAttribute("value", value == null ? "" : value);
        return input;
    }
}
