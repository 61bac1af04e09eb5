package org.attune.infra.local;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node of the local Kafka cluster in a process of its own ({@code --brokers=3}), so that a test can {@code kill -9}
 * a broker as an operator's machine would lose one. It ends when the launcher that started it is gone.
 *
 * <p>Arguments: log directory, node id, port, controller port, every controller port (comma-separated, by node id),
 * cluster id, the launcher's process id.
 */
public final class BrokerMain {

    private static final Logger log = LoggerFactory.getLogger(BrokerMain.class);

    private BrokerMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 7) {
            log.error("Usage: BrokerMain LOG_DIR NODE_ID PORT CONTROLLER_PORT CONTROLLER_PORTS CLUSTER_ID PARENT_PID");
            System.exit(2);
        }
        var node =
                new EmbeddedKafka.Node(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        List<Integer> controllerPorts =
                Arrays.stream(args[4].split(",")).map(Integer::parseInt).toList();
        var kafka = EmbeddedKafka.start(Path.of(args[0]), node, controllerPorts, args[5]);
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
        // Without its launcher nobody would stop this broker: an orphan would hold its ports for the next start.
        ProcessHandle.of(Long.parseLong(args[6]))
                .ifPresentOrElse(
                        parent -> parent.onExit()
                                .thenRun(() -> Runtime.getRuntime().halt(0)),
                        () -> Runtime.getRuntime().halt(0));
        log.info("Kafka node {} is up on port {}", node.id(), node.port());
        Thread.currentThread().join();
    }
}
