package org.attune.webui.library.ui;

import java.util.UUID;
import org.attune.webui.library.LibraryGateway;
import org.attune.webui.security.Caller;
import org.springframework.stereotype.Component;

/** Makes the therapist's "assign content" panel for one client, for the signed-in therapist. */
@Component
public class AssignContentPanels {

    private final LibraryGateway library;

    AssignContentPanels(LibraryGateway library) {
        this.library = library;
    }

    /** A panel for the signed-in therapist and this client; call from a UI thread with a signed-in therapist. */
    public AssignContentPanel create(UUID clientId) {
        var therapist = Caller.current()
                .filter(Caller::isTherapist)
                .orElseThrow(() -> new IllegalStateException("Only a signed-in therapist assigns content"));
        return new AssignContentPanel(library, therapist, clientId);
    }

    /** The same for a therapist known already (e.g. a live view updating outside a request). */
    public AssignContentPanel create(Caller therapist, UUID clientId) {
        if (!therapist.isTherapist()) {
            throw new IllegalStateException("Only a therapist assigns content");
        }
        return new AssignContentPanel(library, therapist, clientId);
    }
}
