package org.attune.webui.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How many attempts each limit allows within its window ({@code attune.throttle.*}). Sign-in counts attempts that did
 * not succeed; registration, confirmation and reset mails count every request.
 */
@Validated
@ConfigurationProperties("attune.throttle")
public record ThrottleProperties(
        @NotNull @Valid Rule signInPerAccount,
        @NotNull @Valid Rule signInPerIp,
        @NotNull @Valid Rule registrationPerIp,
        @NotNull @Valid Rule mailPerAddress,
        @NotNull @Valid Rule mailPerIp) {

    /** At most {@code max} attempts in a fixed window of {@code window}, counted from the first attempt. */
    public record Rule(@Min(1) int max, @NotNull Duration window) {}
}
