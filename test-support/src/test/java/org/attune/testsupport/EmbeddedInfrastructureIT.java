package org.attune.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The infrastructure integration tests get by default: on a machine without Docker, the embedded one. */
class EmbeddedInfrastructureIT {

    static final TestInfrastructure INFRASTRUCTURE = TestInfrastructure.get();

    @Test
    void is_chosen_automatically_when_no_docker_engine_answers() {
        if (!TestInfrastructure.dockerAvailable()) {
            assertThat(INFRASTRUCTURE.mode()).isEqualTo(TestInfrastructure.Mode.EMBEDDED);
        }
    }

    @Test
    void carries_an_event_through_a_real_broker() throws Exception {
        InfrastructureChecks.carriesAnEventThroughTheBroker(INFRASTRUCTURE);
    }

    @Test
    void keeps_every_health_and_dead_letter_topic_thirty_days_and_compacts_consent() throws Exception {
        InfrastructureChecks.keepsHealthTopicsThirtyDaysAndCompactsConsent(INFRASTRUCTURE);
    }

    @Test
    void stores_and_finds_a_document() {
        InfrastructureChecks.storesAndFindsADocument(INFRASTRUCTURE);
    }

    @Test
    void keeps_the_replica_set_options_when_choosing_a_database() {
        assertThat(INFRASTRUCTURE.mongoUri("attune_checkin")).contains("/attune_checkin");
    }
}
