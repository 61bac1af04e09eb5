package org.attune.webui.alerts;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.attune.events.DataClass;
import org.attune.webui.consent.GrantStatus;
import org.attune.webui.consent.Grants;
import org.attune.webui.security.Caller;
import org.attune.webui.token.ServiceTokens;
import org.attune.webui.token.ServiceTokens.Service;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Reads the client's own safety flags from checkin-service ({@code GET /api/v1/safety-flags}, which carries each
 * flag's acknowledgement) with the client's token, and whether they share safety alerts now from web-ui's own grants.
 */
@Component
class HttpClientAlertsGateway implements ClientAlertsGateway {

    private final ServiceTokens services;
    private final Grants grants;
    private final Clock clock;

    HttpClientAlertsGateway(ServiceTokens services, Grants grants, Clock clock) {
        this.services = services;
        this.grants = grants;
        this.clock = clock;
    }

    @Override
    public Optional<Alerts> recent(Caller client) {
        if (client == null || !client.isClient()) {
            return Optional.empty();
        }
        var since = clock.instant().minus(RECENT);
        return services.getJson(Service.CHECKIN, "/api/v1/safety-flags", client).flatMap(json -> {
            try {
                return Optional.of(new Alerts(alerts(json, since), sharesSafetyAlerts(client)));
            } catch (RuntimeException unexpectedShape) {
                return Optional.empty();
            }
        });
    }

    static List<ClientAlert> alerts(JsonNode json, Instant since) {
        var alerts = new ArrayList<ClientAlert>();
        for (var flag : json) {
            var raisedAt = instant(flag, "raisedAt");
            if (raisedAt == null || raisedAt.isBefore(since)) {
                continue;
            }
            alerts.add(new ClientAlert(
                    flag.path("id").asString(""),
                    flag.path("reason").asString(""),
                    raisedAt,
                    instant(flag, "acknowledgedAt")));
        }
        alerts.sort((a, b) -> b.raisedAt().compareTo(a.raisedAt()));
        return List.copyOf(alerts);
    }

    private boolean sharesSafetyAlerts(Caller client) {
        var now = clock.instant();
        return grants.list(client).stream()
                .filter(g -> g.status() == GrantStatus.ACTIVE)
                .filter(g -> g.endsAt() == null || g.endsAt().isAfter(now))
                .anyMatch(g -> g.dataClasses() != null && g.dataClasses().contains(DataClass.SAFETY_ALERTS));
    }

    private static Instant instant(JsonNode node, String field) {
        var value = node.path(field);
        return value.isString() ? Instant.parse(value.asString()) : null;
    }
}
