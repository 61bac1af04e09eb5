package org.attune.notification.links;

import io.swagger.v3.oas.annotations.Operation;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.attune.notification.config.AttuneProperties;
import org.attune.notification.inbox.Messages;
import org.attune.notification.preferences.Preferences;
import org.attune.notification.preferences.PreferencesStore;
import org.attune.notification.preferences.ReminderBoundaries;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/**
 * The page a reminder email links to, reachable without signing in. Opening it (GET) only shows the two choices, so a
 * mail scanner that follows links changes nothing; a choice is made by pressing its button (POST from that page). The
 * signed token allows muting its one kind of reminder or pausing reminders, and nothing else.
 */
@RestController
class ReminderLinkController {

    static final String PATH = "/reminder-links/{token}";

    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm", Locale.ENGLISH);

    private final ReminderLinks links;
    private final ReminderBoundaries boundaries;
    private final PreferencesStore preferences;
    private final Messages messages;
    private final AttuneProperties attune;

    ReminderLinkController(
            ReminderLinks links,
            ReminderBoundaries boundaries,
            PreferencesStore preferences,
            Messages messages,
            AttuneProperties attune) {
        this.links = links;
        this.boundaries = boundaries;
        this.preferences = preferences;
        this.messages = messages;
        this.attune = attune;
    }

    @Operation(summary = "The page behind a reminder email's link: the choices to mute or pause, changing nothing")
    @GetMapping(value = PATH, produces = MediaType.TEXT_HTML_VALUE)
    Mono<ResponseEntity<String>> show(@PathVariable String token) {
        var claim = links.verify(token);
        if (claim.isEmpty()) {
            return Mono.just(page(HttpStatus.NOT_FOUND, messages.text("links.invalid")));
        }
        var kind = kindText(claim.get());
        var body = paragraph(messages.text("links.intro"))
                + choice("mute", messages.text("links.mute", kind))
                + choice("pause", messages.text("links.pause"))
                + paragraph(messages.text("links.safety"))
                + settingsLink();
        return Mono.just(page(HttpStatus.OK, body));
    }

    @Operation(summary = "Mute this kind of reminder or pause reminders for a week, as the signed link allows")
    @PostMapping(value = PATH, produces = MediaType.TEXT_HTML_VALUE)
    Mono<ResponseEntity<String>> choose(@PathVariable String token, ServerWebExchange exchange) {
        var claim = links.verify(token);
        if (claim.isEmpty()) {
            return Mono.just(page(HttpStatus.NOT_FOUND, messages.text("links.invalid")));
        }
        var account = claim.get().accountId().toString();
        return exchange.getFormData().flatMap(form -> {
            var action = form.getFirst("action");
            Mono<String> done;
            if ("mute".equals(action)) {
                done = boundaries
                        .muteFromLink(account, claim.get().kind())
                        .map(p -> messages.text("links.muted", kindText(claim.get())));
            } else if ("pause".equals(action)) {
                done = boundaries.pauseFromLink(account).map(p -> messages.text("links.paused", until(p)));
            } else {
                return Mono.just(page(HttpStatus.BAD_REQUEST, paragraph(messages.text("links.unknown-choice"))));
            }
            return done.map(text -> page(HttpStatus.OK, paragraph(text) + settingsLink()))
                    .defaultIfEmpty(page(HttpStatus.OK, paragraph(messages.text("links.nothing-to-change"))));
        });
    }

    private String kindText(ReminderLinks.Claim claim) {
        return messages.text("links.kind." + claim.kind().wireName());
    }

    private static String until(Preferences p) {
        ZoneId zone;
        try {
            zone = p.zone();
        } catch (RuntimeException unknownZone) {
            zone = ZoneId.of("UTC");
        }
        return UNTIL.format(p.pausedUntil().atZone(zone)) + " (" + zone.getId() + ")";
    }

    private String settingsLink() {
        return "<p><a href=\"" + HtmlUtils.htmlEscape(attune.link("/settings")) + "\">"
                + HtmlUtils.htmlEscape(messages.text("links.settings")) + "</a></p>";
    }

    private static String choice(String action, String label) {
        return "<form method=\"post\"><input type=\"hidden\" name=\"action\" value=\"" + action + "\">"
                + "<button type=\"submit\">" + HtmlUtils.htmlEscape(label) + "</button></form>";
    }

    private static String paragraph(String text) {
        return "<p>" + HtmlUtils.htmlEscape(text) + "</p>";
    }

    private ResponseEntity<String> page(HttpStatus status, String body) {
        var html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>"
                + HtmlUtils.htmlEscape(messages.text("links.title")) + "</title><style>"
                + "body{font-family:system-ui,sans-serif;max-width:34rem;margin:2rem auto;padding:0 1rem;"
                + "line-height:1.5;color:#1f2933}button{font:inherit;padding:.6rem 1rem;margin:.3rem 0;"
                + "border-radius:.4rem;border:1px solid #52606d;background:#f5f7fa;cursor:pointer}"
                + "</style></head><body><main><h1>" + HtmlUtils.htmlEscape(messages.text("links.title")) + "</h1>"
                + body + "</main></body></html>";
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex")
                .header(
                        "Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")
                .body(html);
    }
}
