package org.attune.webui.inbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.attune.webui.security.Caller;
import org.attune.webui.token.ServiceTokens;
import org.attune.webui.token.ServiceTokens.JsonResponse;
import org.attune.webui.token.ServiceTokens.Service;
import org.springframework.stereotype.Component;

/** The inbox over HTTP with the signed-in person's own token. */
@Component
class HttpInboxGateway implements InboxGateway {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9:_-]{1,200}");

    private final ServiceTokens services;

    HttpInboxGateway(ServiceTokens services) {
        this.services = services;
    }

    @Override
    public Optional<Page> page(Caller caller, int page) {
        var response = services.getJsonResponse(
                Service.NOTIFICATION, "/api/v1/inbox?size=" + PAGE_SIZE + "&page=" + Math.max(0, page), caller);
        if (!response.ok() || response.body() == null) {
            return Optional.empty();
        }
        var json = response.body();
        var items = new ArrayList<Item>();
        for (var item : json.path("items")) {
            items.add(new Item(
                    item.path("id").asString(""),
                    item.path("kind").asString(""),
                    item.path("clientId").isString() ? item.path("clientId").asString() : null,
                    item.path("title").asString(""),
                    item.path("body").asString(""),
                    item.path("unread").asBoolean(false),
                    item.path("urgent").asBoolean(false),
                    item.path("deliveredAt").isString()
                            ? Instant.parse(item.path("deliveredAt").asString())
                            : null));
        }
        return Optional.of(new Page(
                List.copyOf(items),
                json.path("total").asLong(0),
                json.path("unread").asLong(0)));
    }

    @Override
    public Outcome markRead(Caller caller, String id) {
        return act(caller, id, "read", null);
    }

    @Override
    public Outcome dismiss(Caller caller, String id) {
        return act(caller, id, "dismiss", null);
    }

    @Override
    public Outcome snooze(Caller caller, String id, int minutes) {
        return act(caller, id, "snooze", Map.of("minutes", Math.clamp(minutes, 1, 1440)));
    }

    private Outcome act(Caller caller, String id, String action, Object body) {
        if (id == null || !ID.matcher(id).matches()) {
            return Outcome.GONE;
        }
        return outcome(services.postJson(Service.NOTIFICATION, "/api/v1/inbox/" + id + "/" + action, body, caller));
    }

    static Outcome outcome(JsonResponse response) {
        if (response.ok()) {
            return Outcome.DONE;
        }
        return switch (response.status()) {
            case 404 -> Outcome.GONE;
            case 400, 403, 409 -> Outcome.NOT_ALLOWED;
            default -> Outcome.UNAVAILABLE;
        };
    }
}
