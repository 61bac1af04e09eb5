package org.attune.webui.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.attune.events.Role;
import org.attune.webui.account.ProfessionalRegistration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Registration, email verification and password reset for API clients and tests; the views do the same through the
 * same services. Registration and reset requests answer 202 with the same body whether or not the email has an
 * account.
 */
@RestController
class AccountApi {

    /** The one answer to a registration or a reset request: the mail says what happens next. */
    static final Map<String, String> CHECK_YOUR_MAIL = Map.of(
            "status", "accepted", "detail", "Thank you. We have sent a mail to this address; please open it to go on.");

    private final Registration registration;
    private final EmailVerification verification;
    private final Passwords passwords;

    AccountApi(Registration registration, EmailVerification verification, Passwords passwords) {
        this.registration = registration;
        this.verification = verification;
        this.passwords = passwords;
    }

    /** {@code professionalRegistration} is required for therapists and ignored for clients. */
    record RegistrationRequest(
            String email,
            String password,
            String displayName,
            Role role,
            ProfessionalRegistration professionalRegistration) {}

    record VerificationRequest(String token) {}

    record ResetRequest(String email) {}

    record NewPassword(String token, String password) {}

    @PostMapping(path = "/api/accounts", consumes = "application/json")
    ResponseEntity<Map<String, String>> register(@RequestBody RegistrationRequest request, HttpServletRequest http) {
        registration.register(
                request.email(),
                request.password(),
                request.displayName(),
                request.role(),
                request.professionalRegistration(),
                http.getRemoteAddr());
        return ResponseEntity.accepted().body(CHECK_YOUR_MAIL);
    }

    @PostMapping(path = "/api/email-verifications", consumes = "application/json")
    ResponseEntity<?> verify(@RequestBody VerificationRequest request) {
        return verification.verify(request.token()) ? ResponseEntity.noContent().build() : invalidLink();
    }

    @PostMapping(path = "/api/password-reset-requests", consumes = "application/json")
    ResponseEntity<Map<String, String>> requestReset(@RequestBody ResetRequest request, HttpServletRequest http) {
        passwords.requestReset(request.email(), http.getRemoteAddr());
        return ResponseEntity.accepted().body(CHECK_YOUR_MAIL);
    }

    @PostMapping(path = "/api/password-resets", consumes = "application/json")
    ResponseEntity<?> reset(@RequestBody NewPassword request) {
        return switch (passwords.reset(request.token(), request.password())) {
            case DONE -> ResponseEntity.noContent().build();
            case INVALID_LINK -> invalidLink();
        };
    }

    @ExceptionHandler(ThrottledException.class)
    ResponseEntity<ProblemDetail> throttled(ThrottledException e) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.TOO_MANY_REQUESTS, "There have been many requests like this one. Please try again later.");
        problem.setTitle("Too many requests");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", String.valueOf(e.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static ResponseEntity<ProblemDetail> invalidLink() {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "This link has expired or was already used. You can ask for a new one.");
        problem.setTitle("Link no longer valid");
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
