package org.attune.webui.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.attune.events.DataClass;
import org.attune.webui.account.Account;
import org.attune.webui.account.Accounts;
import org.attune.webui.consent.Grants;
import org.attune.webui.progress.Goal;
import org.attune.webui.progress.GoalsGateway;
import org.attune.webui.progress.ProgressData;
import org.attune.webui.security.Caller;
import org.attune.webui.token.ServiceTokens;
import org.attune.webui.token.ServiceTokens.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a report's parts from checkin-service with the asker's own token: a therapist's reads go through the same
 * grant checks and access log as the dashboard, and a class the grant does not name is not even asked for.
 */
@Component
class HttpSessionReports implements SessionReports {

    private static final Logger log = LoggerFactory.getLogger(HttpSessionReports.class);
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    /** Private notes are never part of a report, nor is content activity (ReportPdf leaves both out too). */
    static final Set<DataClass> REPORTED = EnumSet.of(
            DataClass.MOOD_CHECKINS, DataClass.INSTRUMENT_SCORES, DataClass.SESSION_FEEDBACK, DataClass.SAFETY_ALERTS);

    private final ServiceTokens services;
    private final GoalsGateway goals;
    private final Grants grants;
    private final Accounts accounts;
    private final Clock clock;

    HttpSessionReports(ServiceTokens services, GoalsGateway goals, Grants grants, Accounts accounts, Clock clock) {
        this.services = services;
        this.goals = goals;
        this.grants = grants;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public Optional<SessionReport> own(Caller client, LocalDate from, LocalDate to) {
        var name =
                accounts.byId(client.id().toString()).map(Account::displayName).orElse("—");
        return build(client, "/api/v1", name, false, REPORTED, from, to, () -> goals.own(client));
    }

    @Override
    public Optional<SessionReport> ofClient(Caller therapist, UUID clientId, LocalDate from, LocalDate to) {
        var grant = grants.activeFor(therapist).stream()
                .filter(g -> g.clientId().equals(clientId.toString()))
                .findFirst();
        if (grant.isEmpty()) {
            return Optional.empty();
        }
        var classes = EnumSet.noneOf(DataClass.class);
        grant.get().dataClasses().stream().filter(REPORTED::contains).forEach(classes::add);
        var name = accounts.byId(clientId.toString()).map(Account::displayName).orElse("—");
        return build(
                therapist,
                "/api/v1/clients/" + clientId,
                name,
                true,
                classes,
                from,
                to,
                () -> goals.ofClient(therapist, clientId));
    }

    private Optional<SessionReport> build(
            Caller caller,
            String base,
            String name,
            boolean forTherapist,
            Set<DataClass> classes,
            LocalDate from,
            LocalDate to,
            java.util.function.Supplier<Optional<List<Goal>>> goalReader) {
        var period = "?from=" + from + "&to=" + to;
        ProgressData progress = null;
        var changes = new HashMap<String, String>();
        boolean progressShared = classes.contains(DataClass.MOOD_CHECKINS)
                || classes.contains(DataClass.INSTRUMENT_SCORES)
                || classes.contains(DataClass.SESSION_FEEDBACK);
        if (progressShared) {
            var json = services.getJson(Service.CHECKIN, base + "/progress" + period, caller);
            if (json.isEmpty()) {
                return Optional.empty();
            }
            try {
                progress = JSON.treeToValue(json.get(), ProgressData.class);
            } catch (RuntimeException unreadable) {
                log.info(
                        "Report: progress could not be read: {}",
                        unreadable.getClass().getSimpleName());
                return Optional.empty();
            }
            changes.putAll(changes(json.get()));
        }
        List<Goal> goalList = null;
        if (classes.contains(DataClass.INSTRUMENT_SCORES)) {
            goalList = goalReader.get().orElse(null);
        }
        List<SessionReport.Session> sessions = null;
        if (classes.contains(DataClass.SESSION_FEEDBACK)) {
            sessions = services.getJson(Service.CHECKIN, base + "/session-feedback" + period, caller)
                    .map(HttpSessionReports::sessions)
                    .orElse(null);
        }
        List<SessionReport.Flag> flags = null;
        if (classes.contains(DataClass.SAFETY_ALERTS)) {
            flags = services.getJson(Service.CHECKIN, base + "/safety-flags", caller)
                    .map(json -> flags(json, from, to))
                    .orElse(null);
        }
        return Optional.of(new SessionReport(
                name, forTherapist, from, to, classes, progress, changes, goalList, sessions, flags, clock.instant()));
    }

    /**
     * The change judgement per instrument, when checkin-service states one ({@code instruments[].change.outcome});
     * read from the answer itself, so a service without judgements simply gives none.
     */
    static Map<String, String> changes(JsonNode progress) {
        var changes = new HashMap<String, String>();
        for (var series : progress.path("instruments")) {
            var outcome = series.path("change").path("outcome");
            if (outcome.isString() && series.path("code").isString()) {
                changes.put(series.path("code").asString(), outcome.asString());
            }
        }
        return changes;
    }

    static List<SessionReport.Session> sessions(JsonNode json) {
        var sessions = new ArrayList<SessionReport.Session>();
        for (var s : json) {
            // A client's own list says whether the words were shared; a therapist's has words only when they were.
            boolean shared = !s.has("commentShared") || s.path("commentShared").asBoolean(false);
            var words = s.path("comment");
            sessions.add(new SessionReport.Session(
                    s.path("sessionDate").isString()
                            ? LocalDate.parse(s.path("sessionDate").asString())
                            : null,
                    instant(s.path("recordedAt")),
                    s.path("total").asInt(),
                    s.path("maxTotal").asInt(40),
                    s.path("ruptureSignal").asBoolean(false),
                    shared && words.isString() && !words.asString().isBlank() ? words.asString() : null));
        }
        sessions.sort(java.util.Comparator.comparing(
                SessionReport.Session::recordedAt,
                java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
        return sessions;
    }

    static List<SessionReport.Flag> flags(JsonNode json, LocalDate from, LocalDate to) {
        var flags = new ArrayList<SessionReport.Flag>();
        var start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        var end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        for (var f : json) {
            var raised = instant(f.path("raisedAt"));
            if (raised != null && !raised.isBefore(start) && raised.isBefore(end)) {
                flags.add(new SessionReport.Flag(
                        f.path("reason").asString(""), raised, instant(f.path("acknowledgedAt"))));
            }
        }
        flags.sort(java.util.Comparator.comparing(SessionReport.Flag::raisedAt));
        return flags;
    }

    private static Instant instant(JsonNode node) {
        return node.isString() ? Instant.parse(node.asString()) : null;
    }
}
