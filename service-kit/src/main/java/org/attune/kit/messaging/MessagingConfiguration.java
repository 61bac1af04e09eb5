package org.attune.kit.messaging;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.attune.events.AttuneEvent;
import org.attune.events.Topics;
import org.attune.kit.support.SupportConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Publishing, de-duplication and dead letters. A message that cannot be read or applied goes to its topic's
 * dead-letter topic after a few quick retries, and the listener moves on to the next one.
 */
@AutoConfiguration(
        after = {KafkaAutoConfiguration.class, SupportConfiguration.class},
        afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration")
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties(ConsumerSettings.class)
public class MessagingConfiguration {

    /** The consumer settings of {@link ConsumerSettings}, for every consumer factory Spring Boot builds. */
    @Bean
    DefaultKafkaConsumerFactoryCustomizer attuneConsumerSettings(ConsumerSettings settings) {
        var configs = new LinkedHashMap<String, Object>();
        configs.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, settings.groupProtocol());
        configs.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        if (settings.groupProtocol().equals("classic")) {
            // Incremental rebalancing: the default list starts with the eager RangeAssignor, under which every join or
            // loss made each member give up all its partitions until the slowest had finished its batch.
            configs.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        }
        return factory -> factory.updateConfigs(configs);
    }

    /** One consumer per partition in every instance, so the instance left after a loss works them all at once. */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> attuneListenerConcurrency(
            ConsumerSettings settings) {
        return container -> container.setConcurrency(settings.listenerConcurrency());
    }

    @Bean
    EventPublisher eventPublisher(KafkaTemplate<String, AttuneEvent> kafka) {
        return new EventPublisher(kafka);
    }

    @Bean
    DefaultErrorHandler kafkaErrorHandler(
            KafkaTemplate<String, AttuneEvent> eventTemplate, KafkaProperties properties) {
        // Undecodable payloads are republished as the original bytes, so they need a byte-array template.
        var rawProps = properties.buildProducerProperties();
        rawProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        rawProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        var rawTemplate = new KafkaTemplate<>(new DefaultKafkaProducerFactory<String, byte[]>(rawProps));
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, rawTemplate);
        templates.put(AttuneEvent.class, eventTemplate);
        var recoverer = new DeadLetterPublishingRecoverer(
                templates,
                (record, exception) -> new TopicPartition(Topics.deadLetterOf(record.topic()), record.partition()));
        return new DefaultErrorHandler(recoverer, new FixedBackOff(200, 2));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ReactiveMongoTemplate.class)
    @ConditionalOnBean(ReactiveMongoTemplate.class)
    static class Dedupe {

        @Bean
        AppliedEvents appliedEvents(ReactiveMongoTemplate mongo, Clock clock) {
            return new AppliedEvents(mongo, clock);
        }
    }
}
