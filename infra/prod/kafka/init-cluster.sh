#!/bin/bash
# One-shot job of infra/docker-compose.prod.yml, run on every "up" (idempotent):
#   1. a SCRAM-SHA-512 user per application, password from its compose secret;
#   2. the topics, through the shared infra/kafka/create-topics.sh (replication 3, min.insync.replicas 2);
#   3. ACLs: each application writes only the topics whose events it publishes, reads only the topics it consumes,
#      writes the dead-letter topic of each topic it consumes, and uses only consumer groups named after itself.
# Connects as "admin" on the brokers' INTERNAL listener (PLAIN); see broker-start.sh.
set -euo pipefail

# KAFKA_BIN, ATTUNE_SECRETS_DIR, TMPDIR and CREATE_TOPICS_SCRIPT are for running it against stub tools in a test.
BIN="${KAFKA_BIN:-/opt/kafka/bin}"
BOOTSTRAP="${KAFKA_BOOTSTRAP:?}"
ADMIN_CONFIG="${TMPDIR:-/tmp}/attune-admin.properties"

umask 077
SECRETS="${ATTUNE_SECRETS_DIR:-/run/secrets}"
admin_password="$(tr -d '\r\n' < "$SECRETS/kafka-admin-password")"
cat > "$ADMIN_CONFIG" <<PROPS
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${admin_password}";
PROPS

# Who publishes and who consumes what. Read from the code, keep in step with it:
#   publishes: the events each application constructs (events module: Topics.topicOf); consent and account events
#              come from web-ui only.
#   consumes:  its @KafkaListener topics, plus the kit's listeners (consent projection, account erasure) in the three
#              services that use service-kit, plus web-ui's live-update and erasure listeners.
# validate-compose.sh checks that only web-ui publishes attune.consent.v1 and attune.accounts.v1.
# application          role       topics
ACL_TABLE='
checkin-service        publishes  attune.checkins.v1 attune.questionnaires.v1 attune.session-feedback.v1 attune.safety.v1
checkin-service        consumes   attune.notifications.v1 attune.accounts.v1 attune.consent.v1
content-service        publishes  attune.content.v1
content-service        consumes   attune.checkins.v1 attune.questionnaires.v1 attune.session-feedback.v1 attune.safety.v1 attune.accounts.v1 attune.consent.v1
notification-service   publishes  attune.sessions.v1 attune.notifications.v1
notification-service   consumes   attune.checkins.v1 attune.questionnaires.v1 attune.session-feedback.v1 attune.safety.v1 attune.content.v1 attune.sessions.v1 attune.accounts.v1 attune.consent.v1
web-ui                 publishes  attune.consent.v1 attune.accounts.v1
web-ui                 consumes   attune.checkins.v1 attune.questionnaires.v1 attune.session-feedback.v1 attune.safety.v1 attune.accounts.v1 attune.consent.v1
'
APPLICATIONS="checkin-service content-service notification-service web-ui"

acls() {
  "$BIN/kafka-acls.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" "$@"
}

echo "kafka-init: waiting for the cluster at $BOOTSTRAP"
for attempt in $(seq 1 60); do
  if "$BIN/kafka-broker-api-versions.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" > /dev/null 2>&1; then
    break
  fi
  [[ $attempt -eq 60 ]] && { echo "kafka-init: cluster not reachable" >&2; exit 1; }
  sleep 2
done

echo "kafka-init: SCRAM users"
for app in $APPLICATIONS; do
  secret="$SECRETS/kafka-${app}-password"
  password="$(tr -d '\r\n' < "$secret")"
  if [[ ${#password} -lt 24 || "$password" == *[\",\]\[=]* ]]; then
    echo "kafka-init: $secret must hold at least 24 characters without quotes, commas, brackets or '='" >&2
    exit 2
  fi
  "$BIN/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" --alter \
    --entity-type users --entity-name "$app" \
    --add-config "SCRAM-SHA-512=[iterations=8192,password=${password}]" > /dev/null
  echo "  $app"
done

echo "kafka-init: topics"
KAFKA_COMMAND_CONFIG="$ADMIN_CONFIG" KAFKA_BIN="$BIN" sh "${CREATE_TOPICS_SCRIPT:-/opt/attune/create-topics.sh}"

echo "kafka-init: ACLs"
echo "$ACL_TABLE" | while read -r app role topics; do
  [[ -n "$app" ]] || continue
  for topic in $topics; do
    case "$role" in
      publishes)
        acls --add --allow-principal "User:$app" --operation Write --operation Describe --topic "$topic" > /dev/null ;;
      consumes)
        acls --add --allow-principal "User:$app" --operation Read --operation Describe --topic "$topic" > /dev/null
        # A record it cannot process goes to the topic's dead-letter topic.
        acls --add --allow-principal "User:$app" --operation Write --operation Describe --topic "$topic.dlt" > /dev/null ;;
      *) echo "kafka-init: unknown role '$role'" >&2; exit 2 ;;
    esac
  done
done
for app in $APPLICATIONS; do
  # Consumer groups: spring.application.name and its ".consent", ".recommendations", ".escalation" groups; web-ui's
  # per-instance live group "web-ui-live-<uuid>" shares the prefix.
  acls --add --allow-principal "User:$app" --operation Read --operation Describe \
    --group "$app" --resource-pattern-type prefixed > /dev/null
done
echo "kafka-init: ACL entries: $(acls --list --resource-pattern-type any | grep -c 'principal=User:' || true)"
echo "kafka-init: done"
