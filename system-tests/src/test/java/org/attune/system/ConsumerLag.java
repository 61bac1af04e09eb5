package org.attune.system;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** What the Kafka cluster says about itself: live brokers, partitions short of replicas, consumer groups behind. */
final class ConsumerLag implements AutoCloseable {

    private final Admin admin;

    ConsumerLag(String bootstrapServers) {
        var props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        this.admin = Admin.create(props);
    }

    int brokers() throws Exception {
        return admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size();
    }

    /** Partitions of any topic whose in-sync replicas are fewer than their replicas. */
    long underReplicatedPartitions() throws Exception {
        var names = admin.listTopics().names().get(10, TimeUnit.SECONDS);
        return admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS).values().stream()
                .flatMap(topic -> topic.partitions().stream())
                .filter(partition ->
                        partition.isr().size() < partition.replicas().size())
                .count();
    }

    /** Records not yet consumed by the consumer groups of the services, summed over their partitions. */
    long total() throws Exception {
        return byGroup().values().stream().mapToLong(Long::longValue).sum();
    }

    /** Records not yet consumed, per consumer group that has committed offsets. */
    Map<String, Long> byGroup() throws Exception {
        var groups = admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS);
        var lags = new java.util.TreeMap<String, Long>();
        for (ConsumerGroupListing group : groups) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS);
            if (committed.isEmpty()) {
                continue;
            }
            var latest = new HashMap<TopicPartition, OffsetSpec>();
            committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            long lag = 0;
            for (var entry : committed.entrySet()) {
                if (entry.getValue() != null) {
                    lag += Math.max(
                            0,
                            ends.get(entry.getKey()).offset() - entry.getValue().offset());
                }
            }
            lags.put(group.groupId(), lag);
        }
        return lags;
    }

    @Override
    public void close() {
        admin.close();
    }
}
