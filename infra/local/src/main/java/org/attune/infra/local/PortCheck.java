package org.attune.infra.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Which of the ports the stack needs are taken already, and by which process where the system tells (Linux:
 * {@code /proc/net/tcp*} and the processes' open sockets; other systems, or processes of other users: the port only).
 */
final class PortCheck {

    private static final Path PROC = Path.of("/proc");
    private static final String LISTEN = "0A";
    private static final int MAX_COMMAND_LENGTH = 160;
    private static final List<String> ATTUNE_JARS = List.of(
            "local-stack", "web-ui.jar", "checkin-service.jar", "content-service.jar", "notification-service.jar");

    /** A port one part of the stack listens on, and the environment variable that moves it. */
    record Needed(String part, int port, String setting) {}

    /** A needed port somebody else listens on; {@code pid} and {@code command} when the system says who. */
    record Taken(Needed needed, OptionalLong pid, Optional<String> command) {

        String describe() {
            var who = pid.isEmpty()
                    ? "another program"
                    : "process " + pid.getAsLong()
                            + command.map(c -> " (" + shortened(c) + ")").orElse("");
            var advice = isAttune()
                    ? "It looks like Attune left from an earlier start: stop it with 'kill " + pid.getAsLong() + "'"
                    : "Stop that program";
            return "port " + needed.port() + " (" + needed.part() + ") is in use by " + who + ". " + advice
                    + ", or choose another port with " + needed.setting() + ".";
        }

        /** A java command shown as its program and jar, anything else cut to a line. */
        private static String shortened(String command) {
            int jar = command.indexOf(" -jar ");
            if (jar > 0) {
                var program =
                        Path.of(command.substring(0, command.indexOf(' '))).getFileName();
                var rest = command.substring(jar + 1);
                return program + " "
                        + (rest.length() > MAX_COMMAND_LENGTH ? rest.substring(0, MAX_COMMAND_LENGTH) + "…" : rest);
            }
            return command.length() > MAX_COMMAND_LENGTH ? command.substring(0, MAX_COMMAND_LENGTH) + "…" : command;
        }

        private boolean isAttune() {
            return pid.isPresent()
                    && command.map(c -> ATTUNE_JARS.stream().anyMatch(c::contains))
                            .orElse(false);
        }
    }

    private PortCheck() {}

    static List<Taken> taken(List<Needed> needed) {
        var taken = new ArrayList<Taken>();
        Map<Integer, Long> owners = null;
        for (var port : needed) {
            if (!inUse(port.port())) {
                continue;
            }
            if (owners == null) {
                owners = listeningOwners();
            }
            var pid = owners.get(port.port());
            if (pid == null) {
                taken.add(new Taken(port, OptionalLong.empty(), Optional.empty()));
            } else {
                taken.add(new Taken(port, OptionalLong.of(pid), commandOf(pid)));
            }
        }
        return taken;
    }

    /**
     * Binding on all interfaces and on loopback, as the services and the embedded servers do: a listener on either
     * takes the port.
     */
    static boolean inUse(int port) {
        return !canBind(new InetSocketAddress(port))
                || !canBind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    private static boolean canBind(InetSocketAddress address) {
        try (var socket = new ServerSocket()) {
            // As a server does on restart: connections of a stopped stack still in TIME_WAIT do not count.
            socket.setReuseAddress(true);
            socket.bind(address);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Port to pid of every listening TCP socket whose process this user may inspect; empty off Linux. */
    private static Map<Integer, Long> listeningOwners() {
        var inodeToPort = new HashMap<String, Integer>();
        for (var table : List.of("net/tcp", "net/tcp6")) {
            readListening(PROC.resolve(table), inodeToPort);
        }
        var owners = new HashMap<Integer, Long>();
        if (inodeToPort.isEmpty()) {
            return owners;
        }
        try (Stream<Path> processes = Files.list(PROC)) {
            processes
                    .filter(dir -> dir.getFileName().toString().chars().allMatch(Character::isDigit))
                    .forEach(dir -> collectSockets(dir, inodeToPort, owners));
        } catch (IOException | RuntimeException e) {
            // no /proc, or it vanished under us: the ports are still reported, without their owners
        }
        return owners;
    }

    private static void readListening(Path table, Map<String, Integer> inodeToPort) {
        if (!Files.isReadable(table)) {
            return;
        }
        try {
            for (var line : Files.readAllLines(table)) {
                var fields = line.trim().split("\\s+");
                // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
                if (fields.length < 10 || !fields[3].equals(LISTEN)) {
                    continue;
                }
                var local = fields[1];
                int port = Integer.parseInt(local.substring(local.indexOf(':') + 1), 16);
                inodeToPort.put(fields[9], port);
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable or unexpected table: no owners from it
        }
    }

    private static void collectSockets(Path processDir, Map<String, Integer> inodeToPort, Map<Integer, Long> owners) {
        long pid = Long.parseLong(processDir.getFileName().toString());
        try (Stream<Path> fds = Files.list(processDir.resolve("fd"))) {
            fds.forEach(fd -> {
                try {
                    var target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        var port = inodeToPort.get(target.substring(8, target.length() - 1));
                        if (port != null) {
                            owners.putIfAbsent(port, pid);
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // closed meanwhile
                }
            });
        } catch (IOException | RuntimeException e) {
            // another user's process, or it ended
        }
    }

    private static Optional<String> commandOf(long pid) {
        return ProcessHandle.of(pid).flatMap(handle -> handle.info().commandLine());
    }
}
