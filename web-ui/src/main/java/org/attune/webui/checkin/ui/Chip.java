package org.attune.webui.checkin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;

/**
 * A word or choice that is on or off: a button that says its state to screen readers ({@code aria-pressed}, or
 * {@code aria-checked} for one choice among several, {@link #asRadio()}).
 */
class Chip extends Button {

    private boolean selected;
    private boolean radio;

    Chip(String text) {
        super(text);
        addClassName("attune-checkin-chip");
        setSelected(false);
    }

    Chip asRadio() {
        radio = true;
        getElement().removeAttribute("aria-pressed");
        getElement().setAttribute("role", "radio");
        setSelected(selected);
        return this;
    }

    boolean isSelected() {
        return selected;
    }

    void setSelected(boolean selected) {
        this.selected = selected;
        getElement().setAttribute(radio ? "aria-checked" : "aria-pressed", String.valueOf(selected));
        if (selected) {
            addThemeVariants(ButtonVariant.PRIMARY);
            addClassName("attune-checkin-chip-selected");
        } else {
            removeThemeVariants(ButtonVariant.PRIMARY);
            removeClassName("attune-checkin-chip-selected");
        }
    }
}
