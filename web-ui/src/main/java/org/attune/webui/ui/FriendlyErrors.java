package org.attune.webui.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one error handler of the UI: whatever fails inside a page shows a calm message and keeps what the person
 * typed; the log gets a reference and the exception's type and stack, never field values or other health data.
 */
@Component
class FriendlyErrors implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(FriendlyErrors.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this::handle));
    }

    void handle(ErrorEvent event) {
        var reference = UUID.randomUUID().toString().substring(0, 8);
        var error = event.getThrowable();
        // Messages of exceptions can quote input; the type and the stack are enough to find the cause.
        log.error("UI error {}: {}", reference, error.getClass().getName(), withoutMessage(error));
        var ui = UI.getCurrent();
        if (ui == null) {
            return;
        }
        ui.access(() -> {
            var notification = Notification.show(
                    ui.getTranslation("error.friendly", reference), 8000, Notification.Position.MIDDLE);
            notification.addThemeVariants(NotificationVariant.LUMO_WARNING);
        });
    }

    private static Throwable withoutMessage(Throwable error) {
        var copy = new Throwable(error.getClass().getName());
        copy.setStackTrace(error.getStackTrace());
        if (error.getCause() != null && error.getCause() != error) {
            copy.initCause(withoutMessage(error.getCause()));
        }
        return copy;
    }
}
