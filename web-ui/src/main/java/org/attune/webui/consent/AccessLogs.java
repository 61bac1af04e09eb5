package org.attune.webui.consent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.attune.webui.security.Caller;
import org.attune.webui.token.ServiceTokens;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Gathers the client's access log (who looked at which data class when) from every service's
 * {@code /api/v1/access-log} into one list, newest first.
 */
@Service
public class AccessLogs {

    /**
     * One therapist read of the client's data, as a service recorded it.
     *
     * @param therapistId null when the therapist has since erased their account
     * @param therapistErased the service keeps the read under a pseudonym, because the therapist erased their account
     */
    public record Entry(
            ServiceTokens.Service service, String therapistId, boolean therapistErased, String dataClass, Instant at) {}

    /** The entries found, and which services did not answer (so the UI can say so honestly). */
    public record Gathered(List<Entry> entries, List<ServiceTokens.Service> unanswered) {}

    private final ServiceTokens services;

    AccessLogs(ServiceTokens services) {
        this.services = services;
    }

    public Gathered gather(Caller client) {
        var entries = new ArrayList<Entry>();
        var unanswered = new ArrayList<ServiceTokens.Service>();
        Map<ServiceTokens.Service, JsonNode> answers = new EnumMap<>(ServiceTokens.Service.class);
        for (var service : ServiceTokens.Service.values()) {
            services.getJson(service, "/api/v1/access-log", client)
                    .ifPresentOrElse(json -> answers.put(service, json), () -> unanswered.add(service));
        }
        answers.forEach((service, json) -> {
            var list = json.isArray() ? json : json.path("entries");
            for (var item : list) {
                Instant at = null;
                try {
                    at = Instant.parse(item.path("at").asString());
                } catch (RuntimeException unreadable) {
                    // leave the time unknown rather than drop the entry
                }
                var therapistId = item.path("therapistId").asString(null);
                entries.add(new Entry(
                        service,
                        therapistId,
                        therapistId == null && item.hasNonNull("reader"),
                        item.path("dataClass").asString(null),
                        at));
            }
        });
        entries.sort(Comparator.comparing(Entry::at, Comparator.nullsLast(Comparator.reverseOrder())));
        return new Gathered(entries, unanswered);
    }
}
