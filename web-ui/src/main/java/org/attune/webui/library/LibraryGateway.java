package org.attune.webui.library;

import java.util.List;
import java.util.UUID;
import org.attune.webui.security.Caller;

/** The content-service as the library screens need it. */
public interface LibraryGateway {

    /** The most pieces one request asks for (the service's own page limit). */
    int PAGE_SIZE = 100;

    /** Active pieces, optionally matching search words and a kind, title order. */
    Reply<Content.Page> browse(Caller caller, String query, Content.Kind kind, int page);

    Reply<Content.Piece> piece(Caller caller, String slug);

    /** Tells the service the client opened, tried or felt something about a piece. */
    Reply<Void> engage(Caller caller, String slug, Content.Engagement engagement);

    Reply<List<Content.Recommendation>> recommendations(Caller caller);

    Reply<Void> dismiss(Caller caller, String recommendationId);

    /** The signed-in client's own assignments. */
    Reply<List<Content.Assignment>> myAssignments(Caller caller);

    /** A therapist's assignments for one client; NOT_SHARED without an active grant covering content activity. */
    Reply<List<Content.Assignment>> assignmentsOf(Caller therapist, UUID clientId);

    Reply<Content.Assignment> assign(Caller therapist, UUID clientId, String slug, String note);
}
