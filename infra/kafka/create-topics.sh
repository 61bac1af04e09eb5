#!/bin/sh
# Creates Attune's Kafka topics. Idempotent: safe on every "docker compose up".
# Runs in the one-shot kafka-init service (apache/kafka image) of
# infra/docker-compose.yml; can also be run by hand against any cluster:
#   KAFKA_BOOTSTRAP=host:9092 KAFKA_BIN=/path/to/kafka/bin sh infra/kafka/create-topics.sh
#
# Every topic gets a dead-letter topic "<topic>.dlt" with the same partition
# count (a dead-letter publisher that keeps the source partition needs at least
# as many partitions as the source topic).
set -eu

BOOTSTRAP="${KAFKA_BOOTSTRAP:-kafka:9092}"
BIN="${KAFKA_BIN:-/opt/kafka/bin}"
PARTITIONS="${KAFKA_TOPIC_PARTITIONS:-3}"
REPLICATION="${KAFKA_TOPIC_REPLICATION_FACTOR:-1}"

# topic name            extra topic config ("-" for none)
TOPICS='
attune.checkins.v1          -
attune.questionnaires.v1    -
attune.session-feedback.v1  -
attune.safety.v1            -
attune.consent.v1           cleanup.policy=compact
attune.accounts.v1          -
attune.sessions.v1          -
attune.content.v1           -
attune.notifications.v1     -
'

create() {
  topic="$1"; config="$2"
  if [ "$config" = "-" ]; then
    "$BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists \
      --topic "$topic" --partitions "$PARTITIONS" --replication-factor "$REPLICATION"
  else
    "$BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists \
      --topic "$topic" --partitions "$PARTITIONS" --replication-factor "$REPLICATION" \
      --config "$config"
    # --if-not-exists leaves an existing topic untouched: enforce the config too.
    "$BIN/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" --alter \
      --entity-type topics --entity-name "$topic" --add-config "$config"
  fi
}

echo "kafka-init: creating topics on $BOOTSTRAP (partitions=$PARTITIONS, replication=$REPLICATION)"
echo "$TOPICS" | while read -r topic config; do
  [ -n "$topic" ] || continue
  create "$topic" "$config"
  # Dead-letter topics keep every failed record: default delete policy.
  create "$topic.dlt" "-"
done

echo "kafka-init: topics now present:"
"$BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --list | grep '^attune\.' || true
echo "kafka-init: done"
