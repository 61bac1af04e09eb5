package org.attune.checkin.safety;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.attune.events.SafetyFlagReason;
import org.attune.kit.crisis.CrisisLineProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What a person sees with a safety flag: words that fit what raised it, the crisis lines for their region, and the
 * plain statement that Attune is not an emergency service. The words come from {@code messages.properties}. A severe
 * questionnaire total with a 0 on the self-harm item gets words of its own: it must not be told it answered that item,
 * nor that it is safe.
 */
@Component
public class SafetyNotices {

    /** Which reason's words are shown when several were raised at once: the self-harm item says the most. */
    static final List<SafetyFlagReason> PRECEDENCE =
            List.of(SafetyFlagReason.SELF_HARM_ITEM, SafetyFlagReason.HELP_NOW, SafetyFlagReason.SEVERE_BAND);

    private final CrisisResources crisis;
    private final MessageSource messages;

    SafetyNotices(CrisisResources crisis, MessageSource messages) {
        this.crisis = crisis;
        this.messages = messages;
    }

    /** The notice for these raised reasons (at least one). */
    public SafetyNotice forReasons(Collection<SafetyFlagReason> reasons, String region) {
        var leading = PRECEDENCE.stream()
                .filter(reasons::contains)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("a safety notice needs a reason"));
        var own = crisis.forRegion(region);
        return new SafetyNotice(
                text("safety.notice." + leading.name().toLowerCase(Locale.ROOT).replace('_', '-')),
                text("safety.notice.not-an-emergency-service"),
                own.name(),
                own.lines());
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.ENGLISH);
    }

    /**
     * {@code message} fits what raised the flag; {@code resources} are the crisis lines of {@code region} (e.g. "the
     * United States" or "anywhere else").
     */
    public record SafetyNotice(
            String message, String notAnEmergencyService, String region, List<CrisisLineProperties.Line> resources) {}
}
