package org.attune.webui.operator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.attune.events.Role;
import org.attune.webui.account.Account;
import org.attune.webui.account.AccountSuspensions;
import org.attune.webui.account.Accounts;
import org.attune.webui.account.TherapistVerifications;
import org.attune.webui.account.TherapistVerifications.Status;
import org.attune.webui.security.Caller;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an operator can do: see therapists waiting for a check, verify or decline them, suspend or reinstate any
 * account, and read or export the log of these actions. Every method refuses anyone but an operator; every change is
 * audited. Nothing here reads client data.
 */
@Service
public class OperatorDesk {

    /** Refused: not an operator, no such account, or an operator acting on their own account. */
    public static class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    public record WaitingTherapist(
            String accountId,
            String displayName,
            String email,
            String body,
            String number,
            String country,
            Instant submittedAt) {}

    public record AccountSummary(
            String accountId, String displayName, String email, Role role, Status verification, boolean suspended) {}

    public record AuditEntry(Instant at, String operatorId, String action, String accountId) {}

    private final Accounts accounts;
    private final TherapistVerifications verifications;
    private final AccountSuspensions suspensions;
    private final OperatorAudit audit;
    private final JsonMapper json = JsonMapper.builder().build();

    OperatorDesk(
            Accounts accounts,
            TherapistVerifications verifications,
            AccountSuspensions suspensions,
            OperatorAudit audit) {
        this.accounts = accounts;
        this.verifications = verifications;
        this.suspensions = suspensions;
        this.audit = audit;
    }

    public List<WaitingTherapist> waitingTherapists(Caller operator) {
        requireOperator(operator);
        var waiting = new ArrayList<WaitingTherapist>();
        for (var registration : verifications.withStatus(Status.WAITING)) {
            accounts.byId(registration.accountId())
                    .ifPresent(account -> waiting.add(new WaitingTherapist(
                            account.id(),
                            account.displayName(),
                            account.email(),
                            registration.body(),
                            registration.number(),
                            registration.country(),
                            registration.submittedAt())));
        }
        return waiting;
    }

    public void verify(Caller operator, String therapistId) {
        decide(operator, therapistId, Status.VERIFIED, OperatorAudit.Action.THERAPIST_VERIFIED);
    }

    public void decline(Caller operator, String therapistId) {
        decide(operator, therapistId, Status.DECLINED, OperatorAudit.Action.THERAPIST_DECLINED);
    }

    private void decide(Caller operator, String therapistId, Status decision, OperatorAudit.Action action) {
        requireOperator(operator);
        verifications
                .decide(therapistId, decision)
                .orElseThrow(() -> new Refused("There is no therapist registration for that account."));
        audit.record(operator.id(), action, therapistId);
    }

    /** The account with this email, for the suspend and reinstate actions. */
    public Optional<AccountSummary> find(Caller operator, String email) {
        requireOperator(operator);
        return accounts.byEmail(email).map(this::summary);
    }

    public AccountSummary suspend(Caller operator, String accountId) {
        var account = target(operator, accountId);
        if (suspensions.suspend(account.id())) {
            audit.record(operator.id(), OperatorAudit.Action.ACCOUNT_SUSPENDED, account.id());
        }
        return summary(account);
    }

    public AccountSummary reinstate(Caller operator, String accountId) {
        var account = target(operator, accountId);
        if (suspensions.reinstate(account.id())) {
            audit.record(operator.id(), OperatorAudit.Action.ACCOUNT_REINSTATED, account.id());
        }
        return summary(account);
    }

    private Account target(Caller operator, String accountId) {
        requireOperator(operator);
        if (operator.id().toString().equals(accountId)) {
            throw new Refused("Operators cannot suspend or reinstate their own account.");
        }
        return accounts.byId(accountId).orElseThrow(() -> new Refused("There is no such account."));
    }

    public List<AuditEntry> auditLog(Caller operator) {
        requireOperator(operator);
        return audit.entries().stream()
                .map(e -> new AuditEntry(e.at(), e.operatorId(), e.action().name(), e.accountId()))
                .toList();
    }

    /** The whole audit log as CSV (RFC 4180), newest first; the export itself is audited. */
    public String exportCsv(Caller operator) {
        var entries = exported(operator);
        var csv = new StringBuilder("at,operatorId,action,accountId\r\n");
        for (var e : entries) {
            csv.append(e.at())
                    .append(',')
                    .append(e.operatorId())
                    .append(',')
                    .append(e.action())
                    .append(',')
                    .append(e.accountId() == null ? "" : e.accountId())
                    .append("\r\n");
        }
        return csv.toString();
    }

    /** The whole audit log as a JSON array, newest first; the export itself is audited. */
    public String exportJson(Caller operator) {
        var rows = new ArrayList<Map<String, Object>>();
        for (var e : exported(operator)) {
            var row = new LinkedHashMap<String, Object>();
            row.put("at", e.at().toString());
            row.put("operatorId", e.operatorId());
            row.put("action", e.action());
            row.put("accountId", e.accountId());
            rows.add(row);
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(rows);
    }

    private List<AuditEntry> exported(Caller operator) {
        requireOperator(operator);
        audit.record(operator.id(), OperatorAudit.Action.AUDIT_EXPORTED, null);
        return auditLog(operator);
    }

    private AccountSummary summary(Account account) {
        return new AccountSummary(
                account.id(),
                account.displayName(),
                account.email(),
                account.role(),
                verifications.of(account.id()).map(r -> r.status()).orElse(null),
                suspensions.isSuspended(account.id()));
    }

    private static void requireOperator(Caller caller) {
        if (caller == null || caller.role() != Role.OPERATOR) {
            throw new Refused("This is for operators only.");
        }
    }
}
