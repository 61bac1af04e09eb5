package org.attune.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Apache Kafka and MongoDB 8 in containers, where a Docker engine exists; skipped (not failed) where none does. The
 * same service tests then run against these instead of the embedded ones.
 */
@EnabledIf(value = "org.attune.testsupport.TestInfrastructure#dockerAvailable", disabledReason = "no Docker engine")
class TestcontainersInfrastructureIT {

    static TestInfrastructure containers;

    @BeforeAll
    static void startContainers() throws Exception {
        containers = TestInfrastructure.start(TestInfrastructure.Mode.TESTCONTAINERS);
        org.attune.infra.local.TopicProvisioner.createAll(containers.bootstrapServers());
    }

    @Test
    void carries_an_event_through_apache_kafka_in_a_container() throws Exception {
        assertThat(containers.mode()).isEqualTo(TestInfrastructure.Mode.TESTCONTAINERS);
        InfrastructureChecks.carriesAnEventThroughTheBroker(containers);
    }

    @Test
    void stores_and_finds_a_document_in_a_mongodb_replica_set() {
        assertThat(containers.mongoUri("attune_checkin")).contains("/attune_checkin");
        InfrastructureChecks.storesAndFindsADocument(containers);
    }

    @Test
    void keeps_health_topics_thirty_days_and_compacts_consent_in_apache_kafka() throws Exception {
        InfrastructureChecks.keepsHealthTopicsThirtyDaysAndCompactsConsent(containers);
    }
}
