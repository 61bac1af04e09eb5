#!/bin/sh
# Creates Attune's Kafka topics. Idempotent: safe on every "docker compose up".
# Runs in the one-shot kafka-init service (apache/kafka image) of
# infra/docker-compose.yml; can also be run by hand against any cluster:
#   KAFKA_BOOTSTRAP=host:9092 KAFKA_BIN=/path/to/kafka/bin sh infra/kafka/create-topics.sh
#
# Every topic gets a dead-letter topic "<topic>.dlt" with the same partition
# count (a dead-letter publisher that keeps the source partition needs at least
# as many partitions as the source topic).
#
# Topic config mirrors Topics.configOf in the events module (used by the local
# stack and the tests): the consent topic is compacted and never expires; every
# other topic and every dead-letter topic deletes records older than
# ATTUNE_KAFKA_RETENTION_DAYS (default 30). The config is applied again on
# every run, so a changed retention reaches existing topics.
#
# The same script serves a broker of your own ("external Kafka": set
# KAFKA_BOOTSTRAP and KAFKA_TOPIC_REPLICATION_FACTOR) and the production
# cluster of infra/docker-compose.prod.yml, which also sets
# KAFKA_TOPIC_MIN_ISR (min.insync.replicas of every topic) and
# KAFKA_COMMAND_CONFIG (a client properties file with the SASL settings the
# CLI tools connect with).
set -eu

BOOTSTRAP="${KAFKA_BOOTSTRAP:-kafka:9092}"
BIN="${KAFKA_BIN:-/opt/kafka/bin}"
PARTITIONS="${KAFKA_TOPIC_PARTITIONS:-3}"
REPLICATION="${KAFKA_TOPIC_REPLICATION_FACTOR:-1}"
RETENTION_DAYS="${ATTUNE_KAFKA_RETENTION_DAYS:-30}"
MIN_ISR="${KAFKA_TOPIC_MIN_ISR:-}"
COMMAND_CONFIG="${KAFKA_COMMAND_CONFIG:-}"

case "$REPLICATION" in
  ''|*[!0-9]*|0*)
    echo "kafka-init: KAFKA_TOPIC_REPLICATION_FACTOR must be a whole number above 0, was '$REPLICATION'" >&2
    exit 2 ;;
esac
case "$MIN_ISR" in
  '') ;;
  *[!0-9]*|0*)
    echo "kafka-init: KAFKA_TOPIC_MIN_ISR must be a whole number above 0, was '$MIN_ISR'" >&2
    exit 2 ;;
  *)
    if [ "$MIN_ISR" -gt "$REPLICATION" ]; then
      echo "kafka-init: KAFKA_TOPIC_MIN_ISR ($MIN_ISR) exceeds KAFKA_TOPIC_REPLICATION_FACTOR ($REPLICATION): no write could succeed" >&2
      exit 2
    fi ;;
esac

case "$RETENTION_DAYS" in
  ''|*[!0-9]*|0*)
    echo "kafka-init: ATTUNE_KAFKA_RETENTION_DAYS must be a whole number of days above 0, was '$RETENTION_DAYS'" >&2
    exit 2 ;;
esac
RETENTION_MS=$((RETENTION_DAYS * 86400000))
RETAINED="cleanup.policy=delete,retention.ms=$RETENTION_MS"
# Appended to every topic's config when set.
ISR_CONFIG=""
if [ -n "$MIN_ISR" ]; then ISR_CONFIG=",min.insync.replicas=$MIN_ISR"; fi

# The CLI tools, with the SASL client settings when there are any.
topics_cli() {
  if [ -n "$COMMAND_CONFIG" ]; then
    "$BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$COMMAND_CONFIG" "$@"
  else
    "$BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" "$@"
  fi
}
configs_cli() {
  if [ -n "$COMMAND_CONFIG" ]; then
    "$BIN/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$COMMAND_CONFIG" "$@"
  else
    "$BIN/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" "$@"
  fi
}

# topic name                topic config ("retained": deleted after the retention)
TOPICS='
attune.checkins.v1          retained
attune.questionnaires.v1    retained
attune.session-feedback.v1  retained
attune.safety.v1            retained
attune.consent.v1           cleanup.policy=compact
attune.accounts.v1          retained
attune.sessions.v1          retained
attune.content.v1           retained
attune.notifications.v1     retained
'

# $2: comma-separated key=value pairs (kafka-configs' form); kafka-topics wants one --config per pair.
create() {
  topic="$1"; config="$2$ISR_CONFIG"
  set --
  old_ifs="$IFS"; IFS=,
  for entry in $config; do
    set -- "$@" --config "$entry"
  done
  IFS="$old_ifs"
  topics_cli --create --if-not-exists \
    --topic "$topic" --partitions "$PARTITIONS" --replication-factor "$REPLICATION" "$@"
  # --if-not-exists leaves an existing topic untouched: enforce the config too.
  configs_cli --alter \
    --entity-type topics --entity-name "$topic" --add-config "$config"
}

echo "kafka-init: creating topics on $BOOTSTRAP (partitions=$PARTITIONS, replication=$REPLICATION, min.insync.replicas=${MIN_ISR:-broker default}, retention=${RETENTION_DAYS}d)"
echo "$TOPICS" | while read -r topic config; do
  [ -n "$topic" ] || continue
  if [ "$config" = retained ]; then config="$RETAINED"; fi
  create "$topic" "$config"
  # Dead-letter topics hold copies of failed records, health data included: the same retention.
  create "$topic.dlt" "$RETAINED"
done

echo "kafka-init: topics now present:"
topics_cli --list | grep '^attune\.' || true
echo "kafka-init: done"
