package org.attune.webui.operator;

import java.util.List;
import org.attune.webui.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's actions over JSON, for a signed-in operator's browser session (operators get no bearer tokens);
 * {@code /api/operator/**} is open to the OPERATOR role only (see the security configuration).
 */
@RestController
class OperatorApi {

    private final OperatorDesk desk;

    OperatorApi(OperatorDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/api/operator/therapists/waiting")
    List<OperatorDesk.WaitingTherapist> waiting(Authentication authentication) {
        return desk.waitingTherapists(operator(authentication));
    }

    @PostMapping("/api/operator/therapists/{id}/verify")
    ResponseEntity<Void> verify(Authentication authentication, @PathVariable String id) {
        desk.verify(operator(authentication), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/operator/therapists/{id}/decline")
    ResponseEntity<Void> decline(Authentication authentication, @PathVariable String id) {
        desk.decline(operator(authentication), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/operator/accounts/{id}/suspend")
    OperatorDesk.AccountSummary suspend(Authentication authentication, @PathVariable String id) {
        return desk.suspend(operator(authentication), id);
    }

    @PostMapping("/api/operator/accounts/{id}/reinstate")
    OperatorDesk.AccountSummary reinstate(Authentication authentication, @PathVariable String id) {
        return desk.reinstate(operator(authentication), id);
    }

    @GetMapping(path = "/api/operator/audit.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> auditJson(Authentication authentication) {
        return download(desk.exportJson(operator(authentication)), MediaType.APPLICATION_JSON, "json");
    }

    @GetMapping(path = "/api/operator/audit.csv", produces = "text/csv")
    ResponseEntity<String> auditCsv(Authentication authentication) {
        return download(desk.exportCsv(operator(authentication)), MediaType.parseMediaType("text/csv"), "csv");
    }

    private static ResponseEntity<String> download(String body, MediaType type, String extension) {
        return ResponseEntity.ok()
                .contentType(type)
                .header("Content-Disposition", "attachment; filename=\"attune-operator-audit." + extension + "\"")
                .body(body);
    }

    @ExceptionHandler(OperatorDesk.Refused.class)
    ProblemDetail refused(OperatorDesk.Refused e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    private static Caller operator(Authentication authentication) {
        return Caller.of(authentication).orElse(null);
    }
}
