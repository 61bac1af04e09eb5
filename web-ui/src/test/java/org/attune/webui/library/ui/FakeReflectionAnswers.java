package org.attune.webui.library.ui;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.attune.webui.library.ReflectionAnswers;
import org.attune.webui.library.Reply;
import org.attune.webui.security.Caller;

/** Keeps answers like content-service: one per client and piece, private unless shared. */
class FakeReflectionAnswers implements ReflectionAnswers {

    final Map<String, Answer> stored = new ConcurrentHashMap<>();
    volatile boolean down;

    void reset() {
        stored.clear();
        down = false;
    }

    @Override
    public Reply<Answer> answer(Caller client, String slug) {
        if (down) {
            return Reply.of(Reply.Status.UNAVAILABLE);
        }
        var answer = stored.get(client.id() + ":" + slug);
        return answer == null ? Reply.of(Reply.Status.NOT_FOUND) : Reply.ok(answer);
    }

    @Override
    public Reply<Answer> save(Caller client, String slug, String text, boolean shared) {
        if (down) {
            return Reply.of(Reply.Status.UNAVAILABLE);
        }
        if (text.length() > MAX_LENGTH) {
            return Reply.invalid(Map.of("text", "size must be between 0 and 5000"));
        }
        var answer = new Answer(text, shared, Instant.parse("2026-11-27T10:00:00Z"));
        stored.put(client.id() + ":" + slug, answer);
        return Reply.ok(answer);
    }

    @Override
    public Reply<Void> remove(Caller client, String slug) {
        if (down) {
            return Reply.of(Reply.Status.UNAVAILABLE);
        }
        stored.remove(client.id() + ":" + slug);
        return Reply.ok(null);
    }

    @Override
    public Reply<List<SharedAnswer>> sharedBy(Caller therapist, UUID clientId) {
        return Reply.of(Reply.Status.NOT_SHARED);
    }
}
