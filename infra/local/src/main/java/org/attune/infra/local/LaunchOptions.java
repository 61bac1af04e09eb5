package org.attune.infra.local;

/**
 * What {@code ./run-local.sh} was asked for on its command line.
 *
 * @param dataDir where data lives, or null for the default
 * @param wipe delete the data and start nothing
 * @param brokers Kafka nodes (more than one: a cluster of child processes)
 * @param replicas instances of checkin-, content- and notification-service
 */
record LaunchOptions(String dataDir, boolean wipe, int brokers, int replicas) {

    static final String USAGE = "Options: --data-dir=PATH, --brokers=N, --replicas=N, --wipe";

    /** Refuses what it does not know with a message that names the option, so the launcher can print it and exit. */
    static LaunchOptions parse(String... args) {
        String dataDir = null;
        boolean wipe = false;
        int brokers = 1;
        int replicas = 1;
        for (String arg : args) {
            if (arg.equals("--wipe")) {
                wipe = true;
            } else if (arg.startsWith("--data-dir=")) {
                dataDir = arg.substring("--data-dir=".length());
            } else if (arg.startsWith("--brokers=")) {
                brokers = wholeNumber(arg, "--brokers=");
            } else if (arg.startsWith("--replicas=")) {
                replicas = wholeNumber(arg, "--replicas=");
            } else {
                throw new IllegalArgumentException("Unknown option " + arg + ". " + USAGE);
            }
        }
        return new LaunchOptions(dataDir, wipe, brokers, replicas);
    }

    private static int wholeNumber(String arg, String option) {
        try {
            return Integer.parseInt(arg.substring(option.length()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "--brokers and --replicas take a whole number, e.g. --brokers=3 --replicas=2", e);
        }
    }
}
