#!/usr/bin/env bash
# Tries the production compose file's Kafka settings on three real brokers, without Docker:
#   1. renders kafka-1..3's KAFKA_* variables (docker-compose config) into server.properties the way the apache/kafka
#      image does (KAFKA_FOO_BAR -> foo.bar), host names and ports moved to 127.0.0.1:29x9x;
#   2. writes the JAAS file with broker-start.sh itself, formats the storage, starts the three brokers;
#   3. BrokerProbe.java: SCRAM users, a topic with RF 3 / min ISR 2 and ACLs, then who may write and read;
#   4. kill -9 of one broker, 30 more writes.
# Needs Java 25, docker-compose, python3 with PyYAML (docker-compose 1.x brings it) and the local stack's jar for the
# Kafka classes: ./mvnw -B -q -pl infra/local -am package -DskipTests. Takes one to three minutes; cleans up after itself.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cd "$ROOT"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
STACK_JAR=infra/local/target/local-stack-exec.jar
[[ -f "$STACK_JAR" ]] || { echo "missing $STACK_JAR: ./mvnw -B -q -pl infra/local -am package -DskipTests" >&2; exit 2; }
W="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -9 "$pid" 2> /dev/null || true; done
  rm -rf "$W"
}
trap cleanup EXIT

(cd "$W" && unzip -q "$ROOT/$STACK_JAR" 'BOOT-INF/lib/*' && mv BOOT-INF/lib lib)
mkdir -p "$W/secrets"
head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$W/secrets/kafka-admin-password"
KAFKA_CLUSTER_ID=AAAAAAAAAAAAAAAAAAAAAA ATTUNE_LB_COOKIE_SECRET=x \
  "${DOCKER_COMPOSE:-docker-compose}" --env-file infra/.env.prod.example -f infra/docker-compose.prod.yml config > "$W/resolved.yml"
python3 - "$W" <<'PY'
import sys, re, uuid, base64, yaml
w = sys.argv[1]
services = yaml.safe_load(open(w + '/resolved.yml'))['services']
excluded = {'KAFKA_HEAP_OPTS', 'KAFKA_OPTS', 'KAFKA_VERSION', 'KAFKA_JMX_OPTS', 'KAFKA_LOG4J_OPTS'}
port = lambda n, p: str(29000 + 100 * n + (p - 9000))
for n in (1, 2, 3):
    lines = []
    for k, v in services[f'kafka-{n}']['environment'].items():
        if not k.startswith('KAFKA_') or k in excluded:
            continue
        key = k[6:].lower().replace('___', '-').replace('__', '\0').replace('_', '.').replace('\0', '_')
        v = str(v)
        for m in (1, 2, 3):
            for p in (9092, 9093, 9094):
                v = v.replace(f'kafka-{m}:{p}', f'127.0.0.1:{port(m, p)}')
        v = re.sub(r'://:(909[234])', lambda g: '://127.0.0.1:' + port(n, int(g.group(1))), v)
        lines.append(f'{key}={w}/data-{n}' if key == 'log.dirs' else f'{key}={v}')
    open(f'{w}/server-{n}.properties', 'w').write('\n'.join(lines) + '\n')
open(w + '/cluster-id', 'w').write(base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip('='))
PY
sed "s#/opt/kafka/config#$W#g; s#/run/secrets#$W/secrets#g; s#^exec /etc/kafka/docker/run.*#exit 0#" \
  infra/prod/kafka/broker-start.sh > "$W/broker-start.sh"
bash "$W/broker-start.sh"
cat > "$W/logback.xml" <<'XML'
<configuration>
  <appender name="out" class="ch.qos.logback.core.ConsoleAppender"><encoder><pattern>%d %-5level %logger{20} %msg%n</pattern></encoder></appender>
  <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
  <root level="WARN"><appender-ref ref="out"/></root>
</configuration>
XML
for n in 1 2 3; do
  "$JAVA" -cp "$W/lib/*" kafka.tools.StorageTool format -t "$(cat "$W/cluster-id")" -c "$W/server-$n.properties" > /dev/null
  "$JAVA" -Xmx256m -XX:+UseSerialGC -Dlogback.configurationFile="$W/logback.xml" \
    -Djava.security.auth.login.config="$W/attune-jaas.conf" -cp "$W/lib/*" kafka.Kafka "$W/server-$n.properties" \
    > "$W/broker-$n.log" 2>&1 &
  pids+=($!)
done
for attempt in $(seq 1 60); do
  [[ "$(grep -l 'Kafka Server started' "$W"/broker-*.log 2> /dev/null | wc -l)" -eq 3 ]] && break
  [[ $attempt -eq 60 ]] && { echo "brokers did not start; see $W/broker-*.log" >&2; tail -20 "$W/broker-1.log" >&2; exit 1; }
  sleep 2
done
echo "three brokers started (SASL listeners, KRaft quorum over SASL/PLAIN)"
printf '<configuration><root level="OFF"/></configuration>\n' > "$W/quiet.xml"
probe() { "$JAVA" -Dlogback.configurationFile="$W/quiet.xml" -cp "$W/lib/*" infra/prod/kafka/BrokerProbe.java "$@" 2>&1 | grep -v '^SLF4J'; }
probe check "$(cat "$W/secrets/kafka-admin-password")"
kill -9 "${pids[2]}"
echo "kafka-3 killed (kill -9)"
probe writes 30
