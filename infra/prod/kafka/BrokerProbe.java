import java.util.*;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.*;
import org.apache.kafka.clients.consumer.*;
import org.apache.kafka.clients.producer.*;
import org.apache.kafka.common.acl.*;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.resource.*;
import org.apache.kafka.common.serialization.*;

/**
 * Client half of try-brokers-locally.sh: against three brokers started with the production compose file's settings,
 * sets up what init-cluster.sh would for one topic (as admin, PLAIN on the INTERNAL listener) and checks what the
 * ACLs allow and refuse; "writes N" only counts acknowledged writes (after a broker was killed).
 */
public class BrokerProbe {
    static final String CLIENT = "127.0.0.1:29192,127.0.0.1:29292,127.0.0.1:29392";
    static final String INTERNAL = "127.0.0.1:29194,127.0.0.1:29294,127.0.0.1:29394";

    static Properties admin(String adminPassword) {
        var p = new Properties();
        p.put("bootstrap.servers", INTERNAL);
        p.put("security.protocol", "SASL_PLAINTEXT");
        p.put("sasl.mechanism", "PLAIN");
        p.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" password=\"" + adminPassword + "\";");
        return p;
    }

    static Properties user(String name, String password) {
        var p = new Properties();
        p.put("bootstrap.servers", CLIENT);
        p.put("security.protocol", "SASL_PLAINTEXT");
        p.put("sasl.mechanism", "SCRAM-SHA-512");
        p.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + name + "\" password=\"" + password + "\";");
        return p;
    }

    static String send(Properties props, String topic) {
        props.put("key.serializer", StringSerializer.class.getName());
        props.put("value.serializer", StringSerializer.class.getName());
        props.put("acks", "all");
        props.put("enable.idempotence", "true");
        props.put("max.block.ms", "15000");
        props.put("delivery.timeout.ms", "20000");
        props.put("request.timeout.ms", "10000");
        try (var producer = new KafkaProducer<String, String>(props)) {
            var md = producer.send(new ProducerRecord<>(topic, "client-1", "hello")).get(25, TimeUnit.SECONDS);
            return "OK offset " + md.offset();
        } catch (Exception e) {
            var c = e.getCause() != null ? e.getCause() : e;
            return "REFUSED " + c.getClass().getSimpleName();
        }
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("writes")) {
            int ok = 0;
            for (int i = 0; i < Integer.parseInt(args[1]); i++) {
                if (send(user("checkin-service", "pw-checkin"), "attune.checkins.v1").startsWith("OK")) ok++;
            }
            System.out.println("checkin-service writes acknowledged: " + ok + "/" + args[1]);
            return;
        }
        String adminPassword = args[1];
        try (var adm = Admin.create(admin(adminPassword))) {
            System.out.println("cluster nodes: " + adm.describeCluster().nodes().get().size());
            var scram = new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192);
            adm.alterUserScramCredentials(List.of(
                    new UserScramCredentialUpsertion("checkin-service", scram, "pw-checkin"),
                    new UserScramCredentialUpsertion("content-service", scram, "pw-content"))).all().get();
            var cfg = Map.of("min.insync.replicas", "2");
            adm.createTopics(List.of(new NewTopic("attune.checkins.v1", 3, (short) 3).configs(cfg),
                    new NewTopic("attune.checkins.v1.dlt", 3, (short) 3).configs(cfg))).all().get();
            var acls = new ArrayList<AclBinding>();
            for (var op : List.of(AclOperation.WRITE, AclOperation.DESCRIBE)) {
                acls.add(new AclBinding(new ResourcePattern(ResourceType.TOPIC, "attune.checkins.v1", PatternType.LITERAL),
                        new AccessControlEntry("User:checkin-service", "*", op, AclPermissionType.ALLOW)));
                acls.add(new AclBinding(new ResourcePattern(ResourceType.TOPIC, "attune.checkins.v1.dlt", PatternType.LITERAL),
                        new AccessControlEntry("User:content-service", "*", op, AclPermissionType.ALLOW)));
            }
            for (var op : List.of(AclOperation.READ, AclOperation.DESCRIBE)) {
                acls.add(new AclBinding(new ResourcePattern(ResourceType.TOPIC, "attune.checkins.v1", PatternType.LITERAL),
                        new AccessControlEntry("User:content-service", "*", op, AclPermissionType.ALLOW)));
                acls.add(new AclBinding(new ResourcePattern(ResourceType.GROUP, "content-service", PatternType.PREFIXED),
                        new AccessControlEntry("User:content-service", "*", op, AclPermissionType.ALLOW)));
            }
            adm.createAcls(acls).all().get();
            var desc = adm.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, "attune.checkins.v1"))).all().get();
            System.out.println("topic min.insync.replicas: " + desc.values().iterator().next().get("min.insync.replicas").value());
        }
        Thread.sleep(3000); // SCRAM credentials and ACLs reach every broker through the metadata log
        System.out.println("checkin-service writes attune.checkins.v1: " + send(user("checkin-service", "pw-checkin"), "attune.checkins.v1"));
        System.out.println("content-service writes attune.checkins.v1: " + send(user("content-service", "pw-content"), "attune.checkins.v1"));
        System.out.println("content-service writes attune.checkins.v1.dlt: " + send(user("content-service", "pw-content"), "attune.checkins.v1.dlt"));
        System.out.println("wrong password writes attune.checkins.v1: " + send(user("checkin-service", "nope"), "attune.checkins.v1"));
        var plain = new Properties();
        plain.put("bootstrap.servers", CLIENT);
        System.out.println("no SASL writes attune.checkins.v1: " + send(plain, "attune.checkins.v1"));
        var c = user("content-service", "pw-content");
        c.put("group.id", "content-service");
        c.put("auto.offset.reset", "earliest");
        c.put("key.deserializer", StringDeserializer.class.getName());
        c.put("value.deserializer", StringDeserializer.class.getName());
        try (var consumer = new KafkaConsumer<String, String>(c)) {
            consumer.subscribe(List.of("attune.checkins.v1"));
            int n = 0;
            long until = System.currentTimeMillis() + 20000;
            while (n == 0 && System.currentTimeMillis() < until) n += consumer.poll(java.time.Duration.ofSeconds(1)).count();
            System.out.println("content-service reads attune.checkins.v1 in group content-service: " + n + " record(s)");
        }
    }
}
