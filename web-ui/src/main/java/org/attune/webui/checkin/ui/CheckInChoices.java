package org.attune.webui.checkin.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.attune.events.WindowOfTolerance;
import org.attune.webui.checkin.Vocabulary;

/**
 * The chip choices of a check-in: the window of tolerance (one, explained beside each), up to five emotion words
 * (chips plus free words) and the pattern tags, each group labelled for assistive technology, with its own error line.
 */
final class CheckInChoices {

    final Map<WindowOfTolerance, Chip> window = new EnumMap<>(WindowOfTolerance.class);
    final Span windowError = error("window-error");
    final Map<String, Chip> emotions = new LinkedHashMap<>();
    final TextField freeWords;
    final Span emotionsError = error("emotions-error");
    final Map<String, Chip> tags = new LinkedHashMap<>();
    final Span tagsError = error("tags-error");
    private final Function<String, String> text;

    CheckInChoices(Function<String, String> text) {
        this.text = text;
        freeWords = new TextField(text.apply("checkin.emotions.free"));
        freeWords.setId("emotion-free");
        freeWords.setHelperText(text.apply("checkin.emotions.free.helper"));
        freeWords.setMaxLength(5 * (Vocabulary.MAX_FREE_WORD_LENGTH + 2));
        freeWords.setValueChangeMode(ValueChangeMode.ON_BLUR);
        freeWords.addValueChangeListener(e -> limitEmotions());
        freeWords.setWidthFull();
    }

    private static Span error(String id) {
        var error = new Span();
        error.setId(id);
        error.addClassName("attune-checkin-error");
        error.setVisible(false);
        return error;
    }

    /** A labelled group: its label names the chips' container for screen readers. */
    private Div group(String name, String role, String chipsClass, Div chips, boolean helper) {
        var label = new Span(text.apply("checkin." + name));
        label.setId(name + "-label");
        label.addClassName("attune-checkin-label");
        chips.addClassName(chipsClass);
        chips.getElement().setAttribute("role", role);
        chips.getElement().setAttribute("aria-labelledby", name + "-label");
        var group = new Div(label);
        if (helper) {
            group.add(new Paragraph(text.apply("checkin." + name + ".helper")));
        }
        group.add(chips);
        group.addClassName("attune-checkin-group");
        return group;
    }

    Component windowGroup() {
        var choices = new Div();
        for (var w : WindowOfTolerance.values()) {
            var chip = new Chip(text.apply("checkin.window." + w + ".name")).asRadio();
            chip.setId("window-" + w);
            chip.setTooltipText(text.apply("checkin.window." + w + ".explained"));
            chip.getElement().setAttribute("aria-describedby", "window-" + w + "-explained");
            chip.addClassName("attune-checkin-window-choice");
            chip.addClickListener(e -> chooseWindow(w));
            var explained = new Span(text.apply("checkin.window." + w + ".explained"));
            explained.setId("window-" + w + "-explained");
            explained.addClassName("attune-checkin-explained");
            var option = new Div(chip, explained);
            option.addClassName("attune-checkin-window-option");
            window.put(w, chip);
            choices.add(option);
        }
        var group = group("window", "radiogroup", "attune-checkin-window", choices, true);
        group.add(windowError);
        return group;
    }

    private void chooseWindow(WindowOfTolerance chosen) {
        window.forEach((w, chip) -> chip.setSelected(w == chosen));
        windowError.setVisible(false);
    }

    Component emotionGroup() {
        var chips = new Div();
        for (var word : Vocabulary.EMOTIONS) {
            var chip = new Chip(text.apply("checkin.emotion." + word));
            chip.setId("emotion-" + word);
            chip.addClickListener(e -> {
                chip.setSelected(!chip.isSelected());
                limitEmotions();
            });
            emotions.put(word, chip);
            chips.add(chip);
        }
        var group = group("emotions", "group", "attune-checkin-chips", chips, false);
        group.add(freeWords, emotionsError);
        return group;
    }

    Component tagGroup() {
        var chips = new Div();
        for (var tag : Vocabulary.PATTERN_TAGS) {
            var chip = new Chip(text.apply("checkin.tag." + tag));
            chip.setId("tag-" + tag);
            chip.addClickListener(e -> chip.setSelected(!chip.isSelected()));
            tags.put(tag, chip);
            chips.add(chip);
        }
        var group = group("tags", "group", "attune-checkin-chips", chips, true);
        group.add(tagsError);
        return group;
    }

    /** At most five words in all: once five are chosen, the other chips wait until one is let go. */
    void limitEmotions() {
        boolean full = chosenEmotions().size() >= Vocabulary.MAX_EMOTIONS;
        emotions.values().forEach(chip -> chip.setEnabled(chip.isSelected() || !full));
        emotionsError.setVisible(false);
    }

    List<String> chosenEmotions() {
        var chosen = new ArrayList<String>();
        emotions.forEach((word, chip) -> {
            if (chip.isSelected()) {
                chosen.add(word);
            }
        });
        Arrays.stream(freeWords.getValue().split(","))
                .map(String::strip)
                .filter(word -> !word.isEmpty())
                .map(word -> word.toLowerCase(Locale.ROOT))
                .filter(word -> !chosen.contains(word))
                .forEach(chosen::add);
        return chosen;
    }

    WindowOfTolerance chosenWindow() {
        return window.entrySet().stream()
                .filter(e -> e.getValue().isSelected())
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }

    List<String> chosenTags() {
        return tags.entrySet().stream()
                .filter(e -> e.getValue().isSelected())
                .map(Map.Entry::getKey)
                .toList();
    }

    void clearErrors() {
        freeWords.setInvalid(false);
        windowError.setVisible(false);
        emotionsError.setVisible(false);
        tagsError.setVisible(false);
    }

    void reset() {
        freeWords.clear();
        window.values().forEach(chip -> chip.setSelected(false));
        emotions.values().forEach(chip -> chip.setSelected(false));
        tags.values().forEach(chip -> chip.setSelected(false));
        limitEmotions();
    }
}
