package org.attune.infra.local;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service processes of a stack: every instance of every service, each with its log, started, watched until
 * healthy, restarted after a loss and stopped in reverse order.
 */
final class ServiceInstances {

    private static final Logger log = LoggerFactory.getLogger(ServiceInstances.class);
    private static final Duration HEALTH_TIMEOUT = Duration.ofMinutes(4);
    /** Each further instance starts on the same few cores as the others: more time for all of them. */
    private static final Duration HEALTH_TIMEOUT_PER_EXTRA_INSTANCE = Duration.ofSeconds(90);

    private final StackSettings settings;
    private final Path repoRoot;
    private final Map<String, String> serviceEnvironment;
    private final Map<String, String> notificationEnvironment;
    private final List<ServiceProcess> services = new ArrayList<>();

    /** {@code notificationEnvironment} adds what notification-service alone may know (the reminder-link secret). */
    ServiceInstances(
            StackSettings settings,
            Path repoRoot,
            Map<String, String> serviceEnvironment,
            Map<String, String> notificationEnvironment) {
        this.settings = settings;
        this.repoRoot = repoRoot;
        this.serviceEnvironment = Map.copyOf(serviceEnvironment);
        this.notificationEnvironment = Map.copyOf(notificationEnvironment);
    }

    /**
     * Each service's AOT cache, trained when its jar changed, all at once (a training start costs what a start costs; after
     * that every start is faster). Only what is missing or out of date is trained.
     */
    void prepareAotCaches() throws Exception {
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var training = new ArrayList<Future<Boolean>>();
            for (ServiceSpec spec : settings.services()) {
                training.add(pool.submit(
                        () -> ServiceProcess.prepareAotCache(spec, settings, repoRoot, environmentOf(spec))));
            }
            for (var done : training) {
                done.get();
            }
        }
    }

    /** Launches every instance the settings ask for; true once all are healthy, false (with their logs) if not. */
    boolean startAll() throws Exception {
        List<ServiceProcess> launched;
        synchronized (this) {
            for (ServiceSpec spec : settings.services()) {
                services.add(ServiceProcess.launch(spec, settings, repoRoot, environmentOf(spec)));
            }
            for (ServiceSpec spec : settings.extraInstanceSpecs()) {
                services.add(ServiceProcess.launch(spec, settings, repoRoot, environmentOf(spec), logNameOf(spec)));
            }
            launched = List.copyOf(services);
        }
        return awaitAllHealthy(launched);
    }

    private boolean awaitAllHealthy(List<ServiceProcess> services) throws Exception {
        var timeout = HEALTH_TIMEOUT.plus(HEALTH_TIMEOUT_PER_EXTRA_INSTANCE.multipliedBy(
                settings.scale().extraInstances().size()));
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var results = new ArrayList<Future<Boolean>>();
            for (ServiceProcess service : services) {
                results.add(pool.submit(() -> service.awaitHealthy(timeout)));
            }
            boolean allHealthy = true;
            for (int i = 0; i < services.size(); i++) {
                var service = services.get(i);
                if (results.get(i).get()) {
                    log.info(
                            "{} is healthy on port {}",
                            service.spec().name(),
                            service.spec().port());
                } else {
                    allHealthy = false;
                    log.error(
                            "{} did not become healthy; its log is {}. Last lines:\n{}",
                            service.spec().name(),
                            service.logFile(),
                            String.join("\n", service.lastLogLines(30)));
                }
            }
            return allHealthy;
        }
    }

    /** One more instance of a service on free ports, like its first; returns its base URL once healthy. */
    URI startAnother(String serviceName) throws Exception {
        ServiceProcess process;
        synchronized (this) {
            var first = settings.services().stream()
                    .filter(spec -> spec.name().equals(serviceName))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No service " + serviceName));
            var free = FreePorts.take(2);
            var spec = new ServiceSpec(first.name(), free[0], free[1], first.heap(), first.environment());
            process = ServiceProcess.launch(
                    spec, settings, repoRoot, environmentOf(spec), spec.name() + "-" + (services.size() + 1));
            services.add(process);
        }
        if (!process.awaitHealthy(HEALTH_TIMEOUT)) {
            throw new IllegalStateException(serviceName + " did not become healthy; see " + process.logFile());
        }
        return URI.create("http://127.0.0.1:" + process.spec().port());
    }

    synchronized long pidOf(String serviceName) {
        return services.stream()
                .filter(service -> service.spec().name().equals(serviceName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service " + serviceName))
                .pid();
    }

    synchronized List<LocalStack.Instance> instances(String serviceName) {
        var found = new ArrayList<LocalStack.Instance>();
        for (var service : services) {
            var spec = service.spec();
            if (spec.name().equals(serviceName)) {
                found.add(new LocalStack.Instance(
                        serviceName,
                        found.size(),
                        URI.create("http://127.0.0.1:" + spec.port()),
                        URI.create("http://127.0.0.1:" + spec.managementPort()),
                        service.pid()));
            }
        }
        return found;
    }

    /** Starts an ended instance again on its ports and log; returns once it is healthy. */
    void restart(String serviceName, int index) throws Exception {
        ServiceProcess again;
        synchronized (this) {
            int slot = slotOf(serviceName, index);
            var old = services.get(slot);
            if (old.alive()) {
                throw new IllegalStateException(serviceName + " instance " + index + " is still running");
            }
            var spec = old.spec();
            var logName = old.logFile().getFileName().toString().replaceFirst("\\.log$", "");
            again = ServiceProcess.launch(spec, settings, repoRoot, environmentOf(spec), logName);
            services.set(slot, again);
        }
        // Not holding the lock: the other instances stay reachable through instances() meanwhile.
        if (!again.awaitHealthy(HEALTH_TIMEOUT)) {
            throw new IllegalStateException(serviceName + " did not become healthy again; see " + again.logFile());
        }
    }

    /** Stops every instance, the last started first. */
    synchronized void stop() {
        services.reversed().forEach(ServiceProcess::stop);
    }

    private int slotOf(String serviceName, int index) {
        int seen = 0;
        for (int i = 0; i < services.size(); i++) {
            if (services.get(i).spec().name().equals(serviceName) && seen++ == index) {
                return i;
            }
        }
        throw new IllegalArgumentException("No instance " + index + " of " + serviceName);
    }

    private String logNameOf(ServiceSpec spec) {
        long earlier = services.stream()
                .filter(s -> s.spec().name().equals(spec.name()))
                .count();
        return spec.name() + "-" + (earlier + 1);
    }

    private Map<String, String> environmentOf(ServiceSpec spec) {
        return "notification-service".equals(spec.name()) ? notificationEnvironment : serviceEnvironment;
    }
}
