package org.attune.webui.datarights;

import org.attune.webui.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** "Download my data" and "Delete my account" for API clients, the same operations the "Your data" page offers. */
@RestController
class DataRightsApi {

    private final DataRights dataRights;

    DataRightsApi(DataRights dataRights) {
        this.dataRights = dataRights;
    }

    record EraseRequest(String password) {}

    @GetMapping(path = "/api/export", produces = MediaType.APPLICATION_JSON_VALUE)
    String export(Authentication authentication) {
        return dataRights.export(caller(authentication));
    }

    /** The password again, as in the UI: a stolen token alone must not be enough to erase an account. */
    @PostMapping(path = "/api/account/erase", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> erase(Authentication authentication, @RequestBody EraseRequest request) {
        var password = request == null || request.password() == null ? "" : request.password();
        if (!dataRights.erase(caller(authentication), password)) {
            var problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.FORBIDDEN, "The password does not match this account; nothing was deleted.");
            return ResponseEntity.status(HttpStatus.FORBIDDEN)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        return ResponseEntity.noContent().build();
    }

    private static Caller caller(Authentication authentication) {
        return Caller.of(authentication).orElseThrow();
    }
}
