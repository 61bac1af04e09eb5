package org.attune.webui.library.ui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.attune.webui.library.Content;
import org.attune.webui.library.LibraryGateway;
import org.attune.webui.library.Reply;
import org.attune.webui.security.Caller;

/** An in-memory content-service for the view tests: what it holds, and what it was told. */
class FakeLibrary implements LibraryGateway {

    final List<Content.Piece> pieces = new CopyOnWriteArrayList<>();
    final List<Content.Recommendation> recommendations = new CopyOnWriteArrayList<>();
    final List<Content.Assignment> assignments = new CopyOnWriteArrayList<>();
    final List<String> engagements = new CopyOnWriteArrayList<>();
    final List<String> dismissed = new CopyOnWriteArrayList<>();
    volatile boolean down;
    volatile boolean shared = true;
    volatile String lastNote;

    void reset() {
        pieces.clear();
        recommendations.clear();
        assignments.clear();
        engagements.clear();
        dismissed.clear();
        down = false;
        shared = true;
        lastNote = null;
    }

    static Content.Piece piece(String slug, String title, Content.Kind kind, int minutes, String body) {
        return new Content.Piece(
                slug, title, kind, minutes, "pending clinical review", "About " + title, List.of(), null, body);
    }

    @Override
    public Reply<Content.Page> browse(Caller caller, String query, Content.Kind kind, int page) {
        if (down) {
            return Reply.of(Reply.Status.UNAVAILABLE);
        }
        var words = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        var items = new ArrayList<Content.Summary>();
        for (var p : pieces) {
            if ((kind == null || p.kind() == kind)
                    && (words.isEmpty() || p.title().toLowerCase(Locale.ROOT).contains(words))) {
                items.add(new Content.Summary(p.slug(), p.title(), p.kind(), List.of(), p.minutes(), p.summary()));
            }
        }
        return Reply.ok(new Content.Page(List.copyOf(items), items.size()));
    }

    @Override
    public Reply<Content.Piece> piece(Caller caller, String slug) {
        if (down) {
            return Reply.of(Reply.Status.UNAVAILABLE);
        }
        return pieces.stream()
                .filter(p -> p.slug().equals(slug))
                .findFirst()
                .map(Reply::ok)
                .orElseGet(() -> Reply.of(Reply.Status.NOT_FOUND));
    }

    @Override
    public Reply<Void> engage(Caller caller, String slug, Content.Engagement engagement) {
        if (down) {
            return Reply.of(Reply.Status.UNAVAILABLE);
        }
        engagements.add(slug + ":" + engagement);
        return Reply.ok(null);
    }

    @Override
    public Reply<List<Content.Recommendation>> recommendations(Caller caller) {
        if (down) {
            return Reply.of(Reply.Status.UNAVAILABLE);
        }
        return Reply.ok(recommendations.stream()
                .filter(r -> !dismissed.contains(r.id()))
                .toList());
    }

    @Override
    public Reply<Void> dismiss(Caller caller, String recommendationId) {
        dismissed.add(recommendationId);
        return Reply.ok(null);
    }

    @Override
    public Reply<List<Content.Assignment>> myAssignments(Caller caller) {
        return down ? Reply.of(Reply.Status.UNAVAILABLE) : Reply.ok(List.copyOf(assignments));
    }

    @Override
    public Reply<List<Content.Assignment>> assignmentsOf(Caller therapist, UUID clientId) {
        if (down) {
            return Reply.of(Reply.Status.UNAVAILABLE);
        }
        return shared ? Reply.ok(List.copyOf(assignments)) : Reply.of(Reply.Status.NOT_SHARED);
    }

    @Override
    public Reply<Content.Assignment> assign(Caller therapist, UUID clientId, String slug, String note) {
        if (!shared) {
            return Reply.of(Reply.Status.NOT_SHARED);
        }
        if (note != null && note.length() > 1000) {
            return Reply.invalid(Map.of("note", "size must be between 0 and 1000"));
        }
        lastNote = note;
        var piece =
                pieces.stream().filter(p -> p.slug().equals(slug)).findFirst().orElseThrow();
        var assignment = new Content.Assignment(
                UUID.randomUUID().toString(),
                slug,
                piece.title(),
                note,
                null,
                Instant.parse("2026-11-20T10:00:00Z"),
                false,
                null);
        assignments.addFirst(assignment);
        return Reply.ok(assignment);
    }
}
