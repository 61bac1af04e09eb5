package org.attune.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.attune.events.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.MethodKafkaListenerEndpoint;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;

class ConsumerSettingsTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, MessagingConfiguration.class))
            .withPropertyValues("spring.kafka.bootstrap-servers=127.0.0.1:1");

    @Test
    void every_consumer_rebalances_incrementally_and_polls_small_batches() {
        context.run(app -> {
            var configs = app.getBean(ConsumerFactory.class).getConfigurationProperties();
            assertThat(configs.get(ConsumerConfig.GROUP_PROTOCOL_CONFIG)).isEqualTo("classic");
            assertThat(configs.get(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG))
                    .isEqualTo(CooperativeStickyAssignor.class.getName());
            assertThat(configs.get(ConsumerConfig.MAX_POLL_RECORDS_CONFIG)).isEqualTo(50);
        });
    }

    @Test
    void a_listener_runs_one_consumer_per_partition() {
        context.run(app -> assertThat(containerOf(app.getBean(ConcurrentKafkaListenerContainerFactory.class))
                        .getConcurrency())
                .isEqualTo(Topics.PARTITIONS));
    }

    @Test
    void an_operator_chooses_the_kip_848_protocol_and_other_sizes() {
        context.withPropertyValues(
                        "attune.kafka.group-protocol=consumer",
                        "attune.kafka.max-poll-records=10",
                        "attune.kafka.listener-concurrency=1")
                .run(app -> {
                    var configs = app.getBean(ConsumerFactory.class).getConfigurationProperties();
                    assertThat(configs.get(ConsumerConfig.GROUP_PROTOCOL_CONFIG))
                            .isEqualTo("consumer");
                    assertThat(configs).doesNotContainKey(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG);
                    assertThat(configs.get(ConsumerConfig.MAX_POLL_RECORDS_CONFIG))
                            .isEqualTo(10);
                    assertThat(containerOf(app.getBean(ConcurrentKafkaListenerContainerFactory.class))
                                    .getConcurrency())
                            .isEqualTo(1);
                });
    }

    @Test
    void an_unknown_group_protocol_stops_the_start() {
        context.withPropertyValues("attune.kafka.group-protocol=eager")
                .run(app -> assertThat(app).hasFailed());
    }

    private static ConcurrentMessageListenerContainer<?, ?> containerOf(
            ConcurrentKafkaListenerContainerFactory<?, ?> factory) throws NoSuchMethodException {
        var endpoint = new MethodKafkaListenerEndpoint<String, String>();
        endpoint.setId("probe");
        endpoint.setGroupId("probe");
        endpoint.setTopics(Topics.CHECKINS);
        endpoint.setBean(new Object());
        endpoint.setMethod(Object.class.getMethod("toString"));
        var handlers = new DefaultMessageHandlerMethodFactory();
        handlers.afterPropertiesSet();
        endpoint.setMessageHandlerMethodFactory(handlers);
        return factory.createListenerContainer(endpoint);
    }
}
