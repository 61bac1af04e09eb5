#!/usr/bin/env bash
# Starts all of Attune on this machine: a Kafka broker, a MongoDB-protocol server and the four services.
#   ./run-local.sh                  build what is needed, start, wait until healthy, print the URL
#   ./run-local.sh --skip-build     start from the jars already built
#   ./run-local.sh --data-dir=PATH  keep data somewhere else (default: ./data/local, or $ATTUNE_DATA_DIR)
#   ./run-local.sh --wipe           delete all local data and exit
#   ./run-local.sh --brokers=3      a three-node Kafka cluster (each node a process; 3 replicas, 2 in sync per write)
#   ./run-local.sh --replicas=2     two instances of checkin-, content- and notification-service (web-ui balances)
# The first start after a service's jar changed trains its AOT cache (once; <service>/target/aot/), later starts use it.
# Ctrl-C stops everything cleanly; data is kept for the next start. A write the store acknowledged survives even a
# kill -9; the services end when the launcher does; a port already taken stops the start, named with its holder.
set -euo pipefail
cd "$(dirname "$0")"

if [[ -z "${JAVA_HOME:-}" && -d /usr/lib/jvm/temurin-25-jdk-amd64 ]]; then
    export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if ! "$JAVA" -version 2>&1 | grep -Eq 'version "(2[5-9]|[3-9][0-9])'; then
    echo "Attune needs Java 25 or newer; set JAVA_HOME to it." >&2
    exit 1
fi

build=true
args=()
for arg in "$@"; do
    case "$arg" in
        --skip-build) build=false ;;
        --wipe) build=false; args+=("$arg") ;;
        *) args+=("$arg") ;;
    esac
done

if $build; then
    echo "Building Attune (the first build downloads dependencies and takes a few minutes)..."
    ./mvnw -B -q -DskipTests -Dspotless.check.skip=true \
        -pl infra/local,checkin-service,content-service,notification-service,web-ui -am package
fi

# The launcher holds the broker and the store: a heap that starts small and grows, few malloc arenas (see ServiceProcess).
export MALLOC_ARENA_MAX=2
exec "$JAVA" -Xms32m -Xmx512m -XX:+UseCompactObjectHeaders -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    -Dlogback.configurationFile=local-stack-logback.xml \
    -jar infra/local/target/local-stack-exec.jar "${args[@]}"
