package org.attune.webui.consent.ui;

import com.vaadin.flow.component.Component;
import java.util.Set;
import java.util.stream.Collectors;
import org.attune.events.DataClass;

/** Human words for data classes, in the view's language. */
final class DataClassLabels {

    private DataClassLabels() {}

    static String label(Component view, DataClass dataClass) {
        return view.getTranslation("dataclass." + dataClass.name());
    }

    static String labels(Component view, Set<DataClass> classes) {
        return classes.stream().sorted().map(c -> label(view, c)).collect(Collectors.joining(", "));
    }
}
