package org.attune.notification.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AlertSettingsTest {

    @Test
    void a_therapist_who_never_chose_has_four_hours_and_no_second_address() {
        var defaults = AlertSettings.defaults("t");
        assertThat(defaults.window()).isEqualTo(Duration.ofHours(4));
        assertThat(defaults.escalationEmail()).isNull();
    }

    @Test
    void the_window_stays_between_fifteen_minutes_and_seventy_two_hours_even_when_stored_outside() {
        assertThat(new AlertSettings("t", 1, null, null).window()).isEqualTo(Duration.ofMinutes(15));
        assertThat(new AlertSettings("t", 100_000, null, null).window()).isEqualTo(Duration.ofHours(72));
        assertThat(new AlertSettings("t", 90, null, null).window()).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void an_escalation_goes_to_the_own_address_and_the_escalation_address_each_once() {
        var settings = new AlertSettings("t", 240, "OnCall@Practice.example", null);
        assertThat(settings.escalationRecipients("me@example.org"))
                .isEqualTo("me@example.org, oncall@practice.example");
        assertThat(settings.escalationRecipients("oncall@practice.example")).isEqualTo("oncall@practice.example");
        assertThat(settings.escalationRecipients(null)).as("own email off").isEqualTo("oncall@practice.example");
        assertThat(AlertSettings.defaults("t").escalationRecipients(" ")).isNull();
        assertThat(AlertSettings.defaults("t").escalationRecipients("me@example.org"))
                .isEqualTo("me@example.org");
    }
}
