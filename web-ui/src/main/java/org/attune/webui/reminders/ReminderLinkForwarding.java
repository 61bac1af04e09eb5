package org.attune.webui.reminders;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Pattern;
import org.attune.webui.token.ServiceTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.HtmlUtils;

/**
 * Passes the link in a reminder email ({@code /reminder-links/<token>}) through to notification-service, which owns
 * the preferences and checks the signed token. web-ui is the only part of Attune people reach, so the link points
 * here; it needs no sign-in and no CSRF token (the token itself is the permission, and it allows only muting one kind
 * of reminder or pausing reminders). Nothing is logged about the token.
 */
@RestController
class ReminderLinkForwarding {

    private static final Logger log = LoggerFactory.getLogger(ReminderLinkForwarding.class);

    /** base64url, one dot, a sane length: anything else never reaches the service. */
    static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{10,300}\\.[A-Za-z0-9_-]{10,100}");

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final ServiceTokens services;
    private final RestClient rest;

    ReminderLinkForwarding(ServiceTokens services) {
        this.services = services;
        this.rest = services.restClient(Duration.ofSeconds(5));
    }

    @GetMapping("/reminder-links/{token}")
    ResponseEntity<String> show(@PathVariable String token) {
        if (!TOKEN.matcher(token).matches()) {
            return unavailable(HttpStatus.NOT_FOUND);
        }
        return forward(HttpMethod.GET, token, null);
    }

    @PostMapping(value = "/reminder-links/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> choose(@PathVariable String token, @RequestParam(required = false) String action) {
        if (!TOKEN.matcher(token).matches()) {
            return unavailable(HttpStatus.NOT_FOUND);
        }
        var form = "action=" + URLEncoder.encode(action == null ? "" : action, StandardCharsets.UTF_8);
        return forward(HttpMethod.POST, token, form);
    }

    private URI target(String token) {
        return services.baseUrl(ServiceTokens.Service.NOTIFICATION).resolve("/reminder-links/" + token);
    }

    private ResponseEntity<String> forward(HttpMethod method, String token, String form) {
        try {
            var request = rest.method(method).uri(target(token)).header("Accept", "text/html");
            if (form != null) {
                request = request.contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .body(form);
            }
            return request.exchange((req, response) -> ResponseEntity.status(
                            response.getStatusCode().value())
                    .contentType(HTML)
                    .cacheControl(CacheControl.noStore())
                    .header("X-Robots-Tag", "noindex")
                    .body(new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
        } catch (RestClientException e) {
            log.info(
                    "notification-service did not answer a reminder link ({})",
                    e.getClass().getSimpleName());
            return unavailable(HttpStatus.SERVICE_UNAVAILABLE);
        }
    }

    private static ResponseEntity<String> unavailable(HttpStatus status) {
        var texts = ResourceBundle.getBundle("vaadin-i18n.translations", Locale.ENGLISH);
        var text = texts.getString(
                status == HttpStatus.NOT_FOUND ? "reminder-link.not-found" : "reminder-link.unavailable");
        var title = texts.getString("reminder-link.title");
        return ResponseEntity.status(status)
                .contentType(HTML)
                .cacheControl(CacheControl.noStore())
                .body("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                        + HtmlUtils.htmlEscape(title) + "</title></head><body><main><h1>" + HtmlUtils.htmlEscape(title)
                        + "</h1><p>" + HtmlUtils.htmlEscape(text) + "</p></main></body></html>");
    }
}
