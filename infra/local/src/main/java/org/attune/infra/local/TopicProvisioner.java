package org.attune.infra.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.attune.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates every Attune topic and its dead-letter topic before any service starts, with the config of
 * {@link Topics#configOf}. Existing topics are kept, and their config is set again, so a changed retention takes effect
 * on the next start.
 */
public final class TopicProvisioner {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

    private TopicProvisioner() {}

    /** With the default retention ({@link Topics#DEFAULT_RETENTION}). */
    public static void createAll(String bootstrapServers) throws Exception {
        createAll(bootstrapServers, Topics.DEFAULT_RETENTION);
    }

    public static void createAll(String bootstrapServers, Duration retention) throws Exception {
        createAll(bootstrapServers, retention, 1);
    }

    /** On a cluster: each new topic gets {@code replicationFactor} replicas (the brokers' defaults say how many must be in sync). */
    static void createAll(String bootstrapServers, Duration retention, int replicationFactor) throws Exception {
        var props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (var admin = Admin.create(props)) {
            var existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            var missing = new ArrayList<NewTopic>();
            var alterations = new HashMap<ConfigResource, Collection<AlterConfigOp>>();
            for (String name : Topics.allWithDeadLetters()) {
                var config = Topics.configOf(name, retention);
                if (existing.contains(name)) {
                    alterations.put(
                            new ConfigResource(ConfigResource.Type.TOPIC, name),
                            config.entrySet().stream()
                                    .map(e -> new AlterConfigOp(
                                            new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
                                    .toList());
                } else {
                    missing.add(new NewTopic(name, Topics.PARTITIONS, (short) replicationFactor).configs(config));
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
            if (!alterations.isEmpty()) {
                admin.incrementalAlterConfigs(alterations).all().get(30, TimeUnit.SECONDS);
            }
            log.info(
                    "Kafka topics ready: {} compacted, the others keep records for {}",
                    Topics.CONSENT,
                    retention.toDaysPart() > 0
                                    && retention.minusDays(retention.toDays()).isZero()
                            ? retention.toDays() + " days"
                            : retention);
        }
    }
}
