package org.attune.webui.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A page that failed to open: a friendly word and a way on, never a stack trace. */
@AnonymousAllowed
class ErrorView extends Main implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(ErrorView.class);

    ErrorView() {
        addClassName("attune-page");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        var reference = UUID.randomUUID().toString().substring(0, 8);
        log.error(
                "Page {} could not open, reference {}: {}",
                event.getLocation().getFirstSegment(),
                reference,
                parameter.getCaughtException().getClass().getName());
        removeAll();
        add(
                new H1(getTranslation("error.page.title")),
                new Paragraph(getTranslation("error.page.text", reference)),
                new Paragraph(new Anchor(".", getTranslation("error.page.home"))));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
