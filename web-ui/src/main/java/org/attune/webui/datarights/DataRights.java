package org.attune.webui.datarights;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.attune.events.AccountErased;
import org.attune.events.AttuneEvent;
import org.attune.events.Topics;
import org.attune.kit.messaging.EventPublisher;
import org.attune.kit.outbox.Outbox;
import org.attune.kit.outbox.OutboxCollections;
import org.attune.kit.outbox.OutboxRelay;
import org.attune.webui.account.Accounts;
import org.attune.webui.consent.Grants;
import org.attune.webui.consent.Invitations;
import org.attune.webui.security.AuditLog;
import org.attune.webui.security.Caller;
import org.attune.webui.token.ServiceTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Download my data" (one JSON document: web-ui's own data plus each service's {@code /api/v1/export}) and
 * "Delete my account" (password again; grants revoked, {@code AccountErased} and the consent pairs' tombstones
 * published reliably, local data gone).
 */
@Service
public class DataRights {

    private static final Logger log = LoggerFactory.getLogger(DataRights.class);

    /** How long an erasure waits for the broker before it answers; the relay's sweep finishes what did not go out. */
    private static final java.time.Duration PUBLISH_WAIT = java.time.Duration.ofSeconds(35);

    private final Accounts accounts;
    private final Grants grants;
    private final Invitations invitations;
    private final AuditLog audit;
    private final ServiceTokens services;
    private final EventPublisher publisher;
    private final OutboxRelay relay;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    DataRights(
            Accounts accounts,
            Grants grants,
            Invitations invitations,
            AuditLog audit,
            ServiceTokens services,
            EventPublisher publisher,
            OutboxRelay relay,
            MongoTemplate mongo,
            Clock clock) {
        this.accounts = accounts;
        this.grants = grants;
        this.invitations = invitations;
        this.audit = audit;
        this.services = services;
        this.publisher = publisher;
        this.relay = relay;
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * What an erasure still has to publish, kept until the broker acknowledged all of it (survives a crash): the
     * {@code AccountErased} in the kit's outbox (none until the account's grants are ended; the kit's relay publishes
     * it) and the consent keys still to tombstone. Only ids, nothing else about the person.
     */
    @Document(PendingErasure.COLLECTION)
    record PendingErasure(@Id String accountId, Outbox outbox, List<String> consentKeys) {

        static final String COLLECTION = "pending_erasures";

        List<String> keysToTombstone() {
            return consentKeys == null ? List.of() : consentKeys;
        }
    }

    @Bean
    static OutboxCollections pendingErasureOutbox() {
        return OutboxCollections.of(PendingErasure.COLLECTION);
    }

    /** Everything Attune holds about the caller, as one pretty-printed JSON document. */
    public String export(Caller caller) {
        var account = accounts.byId(caller.id()).orElseThrow();
        var document = new LinkedHashMap<String, Object>();
        document.put("exportedAt", clock.instant().toString());
        var own = new LinkedHashMap<String, Object>();
        own.put("id", account.id());
        own.put("email", account.email());
        own.put("displayName", account.displayName());
        own.put("role", account.role());
        own.put("createdAt", account.createdAt().toString());
        document.put("account", own);
        document.put(
                "consents",
                grants.list(caller).stream()
                        .map(g -> {
                            var m = new LinkedHashMap<String, Object>();
                            m.put("id", g.id());
                            m.put("clientId", g.clientId());
                            m.put("therapistId", g.therapistId());
                            m.put("dataClasses", g.dataClasses());
                            m.put("startsAt", String.valueOf(g.startsAt()));
                            m.put(
                                    "endsAt",
                                    g.endsAt() == null ? null : g.endsAt().toString());
                            m.put("status", g.status());
                            m.put("endReason", g.endReason());
                            return m;
                        })
                        .toList());
        document.put(
                "signInHistory",
                audit.ofAccount(account.id()).stream()
                        .map(e ->
                                Map.of("at", e.at().toString(), "kind", e.kind().name()))
                        .toList());
        var fromServices = new LinkedHashMap<String, Object>();
        for (var service : ServiceTokens.Service.values()) {
            fromServices.put(
                    service.name().toLowerCase(java.util.Locale.ROOT),
                    services.getJson(service, "/api/v1/export", caller)
                            .<Object>map(node -> node)
                            .orElse(Map.of("unavailable", "This service did not answer; please try again later.")));
        }
        document.put("services", fromServices);
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(document);
    }

    /** FHIR's media type for JSON, which checkin-service's FHIR export answers with. */
    public static final String FHIR_JSON = "application/fhir+json";

    static final String FHIR_UNAVAILABLE =
            "{\"resourceType\": \"OperationOutcome\", \"issue\": [{\"severity\": \"error\","
                    + " \"code\": \"transient\", \"diagnostics\": \"The questionnaires could not be read just now."
                    + " Nothing is lost; please try again later.\"}]}";

    /**
     * The client's questionnaire answers and totals as a FHIR R4 bundle (checkin-service {@code GET
     * /api/v1/export/fhir}); when the service does not answer, a FHIR {@code OperationOutcome} that says so, so the
     * downloaded file is never silently empty.
     */
    public byte[] fhirExport(Caller client) {
        return services.getBytes(
                        ServiceTokens.Service.CHECKIN,
                        "/api/v1/export/fhir",
                        org.springframework.http.MediaType.parseMediaType(FHIR_JSON),
                        client)
                .orElseGet(() -> FHIR_UNAVAILABLE.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Erases the caller's account if the password matches; false (and nothing changed) when it does not. */
    public boolean erase(Caller caller, String password) {
        var account = accounts.byId(caller.id()).orElse(null);
        if (account == null || !accounts.passwordMatches(account, password)) {
            return false;
        }
        var id = UUID.fromString(account.id());
        // The pairs are noted before their grants are ended: once ended, the relay purges the grants, and with them
        // the only record of which pairs to tombstone.
        rememberConsentKeys(account.id(), grants.consentKeysOf(id));
        grants.eraseAccount(id);
        var event = new AccountErased(
                UUID.randomUUID(), clock.instant(), AttuneEvent.CURRENT_SCHEMA_VERSION, id, account.role());
        // An earlier attempt's event, if any, wins: its id may already have been published.
        var outbox = Outbox.of(clock.instant(), List.of(event));
        var queued = mongo.updateFirst(
                Query.query(Criteria.where("_id").is(account.id()).and("outbox").is(null)),
                Update.update("outbox", outbox),
                PendingErasure.class);
        invitations.deleteOf(id);
        audit.deleteOfAccount(account.id());
        accounts.delete(account);
        if (queued.getModifiedCount() > 0) {
            relay.publishNow(PendingErasure.COLLECTION, account.id(), outbox.events())
                    .block(PUBLISH_WAIT);
        }
        publishTombstones();
        return true;
    }

    private void rememberConsentKeys(String accountId, Set<String> keys) {
        try {
            mongo.insert(new PendingErasure(accountId, null, List.copyOf(keys)));
        } catch (DuplicateKeyException earlierAttempt) {
            if (!keys.isEmpty()) {
                mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(accountId)),
                        new Update().addToSet("consentKeys").each(keys.toArray()),
                        PendingErasure.class);
            }
        }
    }

    /**
     * Writes a tombstone on the consent topic for each pair of an erased account once its {@code AccountErased} went
     * out (the kit's relay publishes that) and the pair's final {@code ConsentRevoked} is acknowledged (same key,
     * same partition, so the tombstone lands after it and compaction drops the whole pair). The pending document
     * goes only when all of it is acknowledged.
     */
    @Scheduled(fixedDelayString = "${attune.outbox.sweep-interval:1s}")
    synchronized void publishTombstones() {
        var announced = Query.query(
                Criteria.where("outbox").ne(null).and("outbox.events.0").exists(false));
        for (var pending : mongo.find(announced, PendingErasure.class)) {
            var byId = Query.query(Criteria.where("_id").is(pending.accountId()));
            try {
                for (var key : pending.keysToTombstone()) {
                    if (grants.isSettled(key)) {
                        publisher.tombstoneAndWait(Topics.CONSENT, key);
                        mongo.updateFirst(byId, new Update().pull("consentKeys", key), PendingErasure.class);
                    }
                }
                mongo.remove(
                        Query.query(Criteria.where("_id")
                                .is(pending.accountId())
                                .and("outbox.events.0")
                                .exists(false)
                                .orOperator(
                                        Criteria.where("consentKeys").size(0),
                                        Criteria.where("consentKeys").exists(false))),
                        PendingErasure.class);
            } catch (RuntimeException e) {
                log.warn(
                        "Erasure tombstones not all written yet: {}",
                        e.getClass().getSimpleName());
            }
        }
    }
}
