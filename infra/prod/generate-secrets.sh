#!/usr/bin/env bash
# Creates the secrets of infra/docker-compose.prod.yml ONCE, and the generated part of infra/.env.prod.
#
#   sudo infra/prod/generate-secrets.sh        # from the repository root; run again: keeps what exists
#
# Writes infra/secrets/prod/ (git-ignored): one random password per Kafka user (admin + each application) and per
# MongoDB user (root, backup, each application), the MongoDB keyfile, the reminder-link key, Grafana's admin
# password, and the files the applications read through Spring Boot's config tree: spring.mongodb.uri and
# spring.kafka.properties.sasl.jaas.config, built from those passwords.
# Appends to infra/.env.prod: KAFKA_CLUSTER_ID (22 characters, base64url of 16 random bytes, the form
# "kafka-storage.sh random-uuid" prints) and ATTUNE_LB_COOKIE_SECRET. Existing values are never replaced: the
# brokers' storage is formatted with that cluster id, and the databases hold users with those passwords.
#
# Ownership: compose bind-mounts file secrets with their host owner and mode. Files are 0640; the group is the one
# the reading container runs as: 10001 (the four applications), 1000 (the apache/kafka image), 0 (MongoDB's entry
# point and Grafana). Run as root so the group can be set; otherwise the files stay in your group and the
# containers cannot read them.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DIR="$ROOT/infra/secrets/prod"
ENV_FILE="${ATTUNE_ENV_FILE:-$ROOT/infra/.env.prod}"
APPS=(checkin-service content-service notification-service web-ui)
declare -A DATABASE=([checkin-service]=attune_checkin [content-service]=attune_content
                     [notification-service]=attune_notification [web-ui]=attune_webui)
MONGO_HOSTS="mongo-1:27017,mongo-2:27017,mongo-3:27017"

mkdir -p "$DIR"
chmod 0750 "$DIR"
umask 027

as_root() { [[ $(id -u) -eq 0 ]]; }
own() { # file group
  chmod 0640 "$1"
  if as_root; then chgrp "$2" "$1"; fi
}
# Hex only: safe in a URI, a JAAS string and kafka-configs' SCRAM syntax without escaping.
random_hex() { od -An -N"$1" -tx1 /dev/urandom | tr -d ' \n'; }

# new_secret name group [bytes]: created only when missing.
new_secret() {
  local file="$DIR/$1"
  if [[ ! -s "$file" ]]; then
    printf '%s' "$(random_hex "${3:-24}")" > "$file"
    echo "created  $file"
  fi
  own "$file" "$2"
}

new_secret kafka-admin-password 1000
new_secret mongo-root-password 0
new_secret mongo-backup-password 0
new_secret grafana-admin-password 0 16
new_secret reminder-link-secret 10001 32
for app in "${APPS[@]}"; do
  new_secret "kafka-$app-password" 1000
  new_secret "mongo-$app-password" 0
  # Derived files: rewritten every run, so they always match the passwords.
  printf 'org.apache.kafka.common.security.scram.ScramLoginModule required username="%s" password="%s";' \
    "$app" "$(cat "$DIR/kafka-$app-password")" > "$DIR/kafka-$app-jaas"
  own "$DIR/kafka-$app-jaas" 10001
  printf 'mongodb://%s:%s@%s/%s?replicaSet=rs0&authSource=%s' \
    "$app" "$(cat "$DIR/mongo-$app-password")" "$MONGO_HOSTS" "${DATABASE[$app]}" "${DATABASE[$app]}" \
    > "$DIR/mongo-$app-uri"
  own "$DIR/mongo-$app-uri" 10001
done

# The keyfile: base64 text, 6-1024 characters; mongod-start.sh copies it to a 0400 file owned by mongod.
if [[ ! -s "$DIR/mongo-keyfile" ]]; then
  head -c 756 /dev/urandom | base64 -w 0 > "$DIR/mongo-keyfile"
  echo "created  $DIR/mongo-keyfile"
fi
own "$DIR/mongo-keyfile" 0

touch "$ENV_FILE"
chmod 0600 "$ENV_FILE"
if ! grep -q '^KAFKA_CLUSTER_ID=' "$ENV_FILE"; then
  echo "KAFKA_CLUSTER_ID=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')" >> "$ENV_FILE"
  echo "added    KAFKA_CLUSTER_ID to $ENV_FILE (keep it: the brokers' storage is formatted with it)"
fi
if ! grep -q '^ATTUNE_LB_COOKIE_SECRET=' "$ENV_FILE"; then
  echo "ATTUNE_LB_COOKIE_SECRET=$(random_hex 32)" >> "$ENV_FILE"
  echo "added    ATTUNE_LB_COOKIE_SECRET to $ENV_FILE"
fi
as_root || echo "note: not root, so the files keep your group; see the comment at the top of this script" >&2
echo "Secrets in $DIR. Now fill in the rest of $ENV_FILE from infra/.env.prod.example."
