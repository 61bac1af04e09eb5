package org.attune.webui.token;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.attune.webui.account.AccountPrincipal;
import org.attune.webui.security.AccountSessions;
import org.attune.webui.security.AuditLog;
import org.attune.webui.security.Caller;
import org.attune.webui.security.SignInThrottledException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/token} with HTTP Basic (email and password) returns a five-minute service token. Attempts count
 * against the sign-in limits before the password is hashed (see {@code ThrottledSignIn}); one over a limit gets 429.
 * An account whose email is not verified yet gets no token (403).
 */
@RestController
class TokenApi {

    private final AuthenticationManager authentication;
    private final TokenIssuer issuer;
    private final AccountSessions sessions;
    private final AuditLog audit;
    private final Clock clock;

    TokenApi(
            AuthenticationManager authentication,
            TokenIssuer issuer,
            AccountSessions sessions,
            AuditLog audit,
            Clock clock) {
        this.authentication = authentication;
        this.issuer = issuer;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    @PostMapping("/api/token")
    ResponseEntity<?> token(HttpServletRequest request) {
        var credentials = basic(request.getHeader("Authorization"));
        if (credentials == null) {
            return unauthorized();
        }
        var ip = request.getRemoteAddr();
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated(credentials[0], credentials[1]);
        attempt.setDetails(new WebAuthenticationDetails(request));
        try {
            var result = authentication.authenticate(attempt);
            var principal = (AccountPrincipal) result.getPrincipal();
            if (Caller.of(result).filter(c -> c.isClient() || c.isTherapist()).isEmpty()) {
                // A password alone is not enough for an account that signs in with a second factor, and operators
                // never get service tokens.
                audit.record(AuditLog.Kind.TOKEN_REFUSED, principal.id().toString(), ip);
                return secondFactorNeeded();
            }
            var caller = new Caller(principal.id(), principal.role());
            if (sessions.status(caller) != AccountSessions.Status.CURRENT) {
                audit.record(AuditLog.Kind.TOKEN_REFUSED, principal.id().toString(), ip);
                var problem = ProblemDetail.forStatusAndDetail(
                        HttpStatus.FORBIDDEN,
                        "Please confirm your email address first; the link is in the mail we sent you.");
                problem.setTitle("Email not confirmed yet");
                return ResponseEntity.status(HttpStatus.FORBIDDEN)
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(problem);
            }
            audit.record(AuditLog.Kind.TOKEN_ISSUED, principal.id().toString(), ip);
            return ResponseEntity.ok()
                    .header("Cache-Control", "no-store")
                    .body(Map.of(
                            "access_token", issuer.issue(principal.id(), principal.role()),
                            "token_type", "Bearer",
                            "expires_in", TokenIssuer.LIFETIME.toSeconds()));
        } catch (SignInThrottledException throttled) {
            var problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "Too many unsuccessful attempts. Please wait a little and try again.");
            problem.setTitle("Too many attempts");
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(
                            "Retry-After",
                            String.valueOf(Math.max(
                                    1,
                                    Duration.between(clock.instant(), throttled.windowEnds())
                                            .toSeconds())))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        } catch (AuthenticationException refused) {
            return unauthorized();
        }
    }

    private static ResponseEntity<ProblemDetail> secondFactorNeeded() {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.FORBIDDEN,
                "This account signs in with a second factor or cannot use service tokens. Please use the browser.");
        problem.setTitle("No token for this account");
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static ResponseEntity<ProblemDetail> unauthorized() {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNAUTHORIZED, "The email or password did not match. Please check them and try again.");
        problem.setTitle("Not signed in");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header("WWW-Authenticate", "Basic realm=\"attune\"")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** {@code [email, password]} from a Basic header, or null. */
    private static String[] basic(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            var decoded =
                    new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
