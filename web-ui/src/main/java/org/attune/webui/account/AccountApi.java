package org.attune.webui.account;

import java.net.URI;
import java.util.Map;
import org.attune.events.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Registration for API clients and tests; the registration view does the same through {@link Accounts}. */
@RestController
class AccountApi {

    private final Accounts accounts;

    AccountApi(Accounts accounts) {
        this.accounts = accounts;
    }

    /** {@code professionalRegistration} is required for therapists and ignored for clients. */
    record RegistrationRequest(
            String email,
            String password,
            String displayName,
            Role role,
            ProfessionalRegistration professionalRegistration) {}

    @PostMapping(path = "/api/accounts", consumes = "application/json")
    ResponseEntity<Map<String, String>> register(@RequestBody RegistrationRequest request) {
        var account = accounts.register(
                request.email(),
                request.password(),
                request.displayName(),
                request.role(),
                request.professionalRegistration());
        return ResponseEntity.created(URI.create("/api/accounts/" + account.id()))
                .body(Map.of("id", account.id()));
    }

    @ExceptionHandler(EmailTakenException.class)
    ProblemDetail taken(EmailTakenException e) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT, "This email cannot be used to register. If it is yours, try signing in.");
        problem.setTitle("Email not available");
        return problem;
    }
}
