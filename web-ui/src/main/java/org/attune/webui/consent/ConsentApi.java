package org.attune.webui.consent;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.attune.events.ConsentEndReason;
import org.attune.events.DataClass;
import org.attune.webui.account.Account;
import org.attune.webui.account.Accounts;
import org.attune.webui.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Consent grants and invitations over JSON, for a signed-in session or a bearer token. */
@RestController
class ConsentApi {

    private final Grants grants;
    private final Invitations invitations;
    private final Accounts accounts;

    ConsentApi(Grants grants, Invitations invitations, Accounts accounts) {
        this.grants = grants;
        this.invitations = invitations;
        this.accounts = accounts;
    }

    record GrantRequest(String therapistEmail, Set<DataClass> dataClasses, Instant endsAt) {}

    record AcceptRequest(Set<DataClass> dataClasses, Instant endsAt) {}

    record GrantView(
            String id,
            String clientId,
            String clientName,
            String therapistId,
            String therapistName,
            Set<DataClass> dataClasses,
            Instant startsAt,
            Instant endsAt,
            GrantStatus status,
            ConsentEndReason endReason,
            Instant endedAt) {}

    @PostMapping(path = "/api/consents", consumes = "application/json")
    ResponseEntity<GrantView> grant(Authentication authentication, @RequestBody GrantRequest request) {
        var grant = grants.grantByEmail(
                caller(authentication), request.therapistEmail(), request.dataClasses(), request.endsAt());
        return ResponseEntity.created(URI.create("/api/consents/" + grant.id())).body(view(grant));
    }

    @GetMapping("/api/consents")
    List<GrantView> list(Authentication authentication) {
        return grants.list(caller(authentication)).stream().map(this::view).toList();
    }

    @GetMapping("/api/consents/{id}")
    GrantView get(Authentication authentication, @PathVariable String id) {
        return view(grants.get(caller(authentication), id));
    }

    @DeleteMapping("/api/consents/{id}")
    ResponseEntity<Void> revoke(Authentication authentication, @PathVariable String id) {
        grants.revoke(caller(authentication), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/invitations")
    ResponseEntity<Invitations.Issued> invite(Authentication authentication) {
        return ResponseEntity.status(HttpStatus.CREATED).body(invitations.invite(caller(authentication)));
    }

    @PostMapping(path = "/api/invitations/{code}/accept", consumes = "application/json")
    ResponseEntity<GrantView> accept(
            Authentication authentication, @PathVariable String code, @RequestBody AcceptRequest request) {
        var grant = invitations.accept(caller(authentication), code, request.dataClasses(), request.endsAt());
        return ResponseEntity.created(URI.create("/api/consents/" + grant.id())).body(view(grant));
    }

    @ExceptionHandler(ConsentException.class)
    ProblemDetail refused(ConsentException e) {
        var status = switch (e.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        return ProblemDetail.forStatusAndDetail(status, e.getMessage());
    }

    private GrantView view(Grant grant) {
        return new GrantView(
                grant.id(),
                grant.clientId(),
                name(grant.clientId()),
                grant.therapistId(),
                name(grant.therapistId()),
                grant.dataClasses(),
                grant.startsAt(),
                grant.endsAt(),
                grant.status(),
                grant.endReason(),
                grant.endedAt());
    }

    private String name(String accountId) {
        return accounts.byId(accountId).map(Account::displayName).orElse(null);
    }

    private static Caller caller(Authentication authentication) {
        return Caller.of(authentication)
                .orElseThrow(() -> new ConsentException(ConsentException.Kind.FORBIDDEN, "Please sign in."));
    }
}
