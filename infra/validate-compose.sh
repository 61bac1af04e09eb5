#!/usr/bin/env bash
# Offline validation of infra/docker-compose.yml (no Docker engine needed).
#
#   bash infra/validate-compose.sh            # from the repository root (or anywhere)
#
# 1. "docker-compose config -q" on the file as shipped, and again with
#    infra/.env.example as the env file (schema, interpolation, references).
# 2. Structural assertions on the resolved configuration, with grep/awk only
#    (no PyYAML): every app service has a readiness healthcheck, equal
#    mem_limit / deploy memory limits, depends_on ... condition: service_healthy
#    (kafka, mongo) and service_completed_successfully (kafka-init); only web-ui
#    and mailpit publish ports; Dockerfiles and the topic script are in place;
#    kafka-init gets ATTUNE_KAFKA_RETENTION_DAYS and the script sets retention.ms.
#
# Installs nothing. Needs docker-compose (Debian: apt-get install -y
# docker-compose, 1.29.2) or set DOCKER_COMPOSE="docker compose" for v2.
# If infra/secrets/jwt-signing-key.pem is missing a throwaway dummy is created
# for the run and removed afterwards. Exits non-zero on any failure.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# VALIDATE_COMPOSE_FILE: check another file (relative to the repo root), e.g. a variant.
COMPOSE_YML="${VALIDATE_COMPOSE_FILE:-infra/docker-compose.yml}"
ENV_EXAMPLE=infra/.env.example
SECRET=infra/secrets/jwt-signing-key.pem
APP_SERVICES=(checkin-service content-service notification-service web-ui)
INFRA_SERVICES=(kafka kafka-init mongo mailpit)
TOPICS=(attune.checkins.v1 attune.questionnaires.v1 attune.session-feedback.v1
        attune.safety.v1 attune.consent.v1 attune.accounts.v1 attune.sessions.v1
        attune.content.v1 attune.notifications.v1)

read -r -a DC <<< "${DOCKER_COMPOSE:-docker-compose}"
if ! command -v "${DC[0]}" > /dev/null 2>&1; then
  echo "validate-compose: '${DC[*]}' not found." >&2
  echo "  Debian/Ubuntu: apt-get install -y docker-compose   (or DOCKER_COMPOSE=\"docker compose\")" >&2
  exit 2
fi

created_secret=""
workdir="$(mktemp -d)"
cleanup() {
  if [[ -n "$created_secret" ]]; then rm -f "$SECRET"; fi
  rm -rf "$workdir"
}
trap cleanup EXIT

if [[ ! -e "$SECRET" ]]; then
  mkdir -p "$(dirname "$SECRET")"
  printf -- '-----BEGIN PRIVATE KEY-----\nZHVtbXk=\n-----END PRIVATE KEY-----\n' > "$SECRET"
  created_secret=1
  echo "validate-compose: using a throwaway dummy $SECRET (removed on exit)"
fi

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok:   $*"; }

# ---------------------------------------------------------------- 1. compose
echo "+ ${DC[*]} -f $COMPOSE_YML config -q"
if "${DC[@]}" -f "$COMPOSE_YML" config -q; then
  pass "compose file is valid"
else
  fail "${DC[*]} config rejected $COMPOSE_YML"
fi

echo "+ ${DC[*]} --env-file $ENV_EXAMPLE -f $COMPOSE_YML config -q"
if [[ ! -f "$ENV_EXAMPLE" ]]; then
  fail "$ENV_EXAMPLE is missing"
elif "${DC[@]}" --env-file "$ENV_EXAMPLE" -f "$COMPOSE_YML" config -q; then
  pass "compose file is valid with $ENV_EXAMPLE"
else
  fail "${DC[*]} config rejected $COMPOSE_YML with $ENV_EXAMPLE"
fi

RESOLVED="$workdir/resolved.yml"
if ! "${DC[@]}" -f "$COMPOSE_YML" config > "$RESOLVED"; then
  fail "could not render the resolved configuration"
  echo "validate-compose: $failures failure(s)" >&2
  exit 1
fi

# Prints the body of one service from the resolved YAML. Indentation-based, so
# it works for both docker-compose 1.x (2 spaces) and v2 output.
service_block() {
  awk -v svc="$1" '
    /^services:[[:space:]]*$/ { in_services = 1; next }
    in_services && /^[^[:space:]]/ { in_services = 0 }
    in_services && /[^[:space:]]/ {
      match($0, /^ */); ind = RLENGTH
      if (svc_ind == 0) svc_ind = ind
      if (ind == svc_ind) {
        name = $0; sub(/^ */, "", name); sub(/:.*$/, "", name); gsub(/["\047]/, "", name)
        in_block = (name == svc); next
      }
      if (in_block) print
    }' "$RESOLVED"
}

# First value of "key:" inside a block, quotes stripped.
value_of() {
  grep -E "^[[:space:]]+$1:" | head -n 1 | sed -E "s/^[[:space:]]+$1:[[:space:]]*//; s/[\"']//g"
}

# ---------------------------------------------------------------- 2. app services
for svc in "${APP_SERVICES[@]}"; do
  block="$(service_block "$svc")"
  if [[ -z "$block" ]]; then fail "$svc: service missing"; continue; fi

  if grep -Eq '^[[:space:]]+healthcheck:' <<< "$block" \
     && grep -q '/actuator/health/readiness' <<< "$block"; then
    pass "$svc: healthcheck on /actuator/health/readiness"
  else
    fail "$svc: no healthcheck probing /actuator/health/readiness"
  fi

  mem_limit="$(value_of mem_limit <<< "$block" || true)"
  deploy_mem="$(sed -n '/^[[:space:]]*limits:/,$p' <<< "$block" | value_of memory || true)"
  if [[ -z "$mem_limit" || -z "$deploy_mem" ]]; then
    fail "$svc: needs both mem_limit and deploy.resources.limits.memory (got '${mem_limit}' / '${deploy_mem}')"
  elif [[ "$mem_limit" != "$deploy_mem" ]]; then
    fail "$svc: mem_limit ($mem_limit) != deploy.resources.limits.memory ($deploy_mem); compose v2 rejects that"
  else
    pass "$svc: memory limit $mem_limit"
  fi

  healthy_deps="$(grep -Ec 'condition:[[:space:]]*service_healthy' <<< "$block" || true)"
  if [[ "$healthy_deps" -ge 2 ]] \
     && grep -Eq '^[[:space:]]+kafka:' <<< "$block" && grep -Eq '^[[:space:]]+mongo:' <<< "$block"; then
    pass "$svc: depends_on kafka + mongo with condition: service_healthy"
  else
    fail "$svc: must depend on kafka and mongo with condition: service_healthy"
  fi
  if grep -Eq 'condition:[[:space:]]*service_completed_successfully' <<< "$block"; then
    pass "$svc: waits for kafka-init (service_completed_successfully)"
  else
    fail "$svc: must depend on kafka-init with condition: service_completed_successfully"
  fi
  if grep -Eq '^[[:space:]]+web-ui:' <<< "$(sed -n '/depends_on:/,/^    [a-z]/p' <<< "$block")" ; then
    fail "$svc: must not depend on web-ui (JWKS is fetched lazily)"
  fi

  if grep -Eq '^[[:space:]]+restart:[[:space:]]*unless-stopped' <<< "$block"; then
    pass "$svc: restart unless-stopped"
  else
    fail "$svc: restart policy is not unless-stopped"
  fi

  for var in SERVER_PORT SPRING_KAFKA_BOOTSTRAP_SERVERS SPRING_MONGODB_URI JAVA_TOOL_OPTIONS ATTUNE_PUBLIC_URL; do
    grep -Eq "^[[:space:]]+-?[[:space:]]*$var[:=]" <<< "$block" || fail "$svc: environment lacks $var"
  done
  if [[ "$svc" == web-ui ]]; then
    for var in ATTUNE_SERVICES_CHECKIN_URL ATTUNE_SERVICES_CONTENT_URL ATTUNE_SERVICES_NOTIFICATION_URL \
               ATTUNE_SECURITY_SIGNING_KEY_FILE ATTUNE_SECURITY_COOKIE_SECURE; do
      grep -Eq "^[[:space:]]+-?[[:space:]]*$var[:=]" <<< "$block" || fail "web-ui: environment lacks $var"
    done
    grep -q 'jwt-signing-key' <<< "$(sed -n '/^[[:space:]]*secrets:/,$p' <<< "$block")" \
      || fail "web-ui: jwt-signing-key secret not mounted"
    grep -Eq '^[[:space:]]+ports:' <<< "$block" || fail "web-ui: port 8080 not published"
  else
    for var in ATTUNE_SECURITY_JWKS_URI ATTUNE_SECURITY_ISSUER ATTUNE_SECURITY_AUDIENCE; do
      grep -Eq "^[[:space:]]+-?[[:space:]]*$var[:=]" <<< "$block" || fail "$svc: environment lacks $var"
    done
    if grep -Eq '^[[:space:]]+ports:' <<< "$block"; then
      fail "$svc: publishes ports to the host (only web-ui and mailpit may)"
    fi
  fi
  if [[ "$svc" == notification-service ]]; then
    for var in SPRING_MAIL_HOST SPRING_MAIL_PORT ATTUNE_MAIL_FROM; do
      grep -Eq "^[[:space:]]+-?[[:space:]]*$var[:=]" <<< "$block" || fail "$svc: environment lacks $var"
    done
  fi

  dockerfile="$svc/Dockerfile"
  if grep -Eq "dockerfile:[[:space:]]*[\"']?$dockerfile" <<< "$block" && [[ -f "$dockerfile" ]]; then
    if grep -q '^FROM eclipse-temurin:25-jre' "$dockerfile" \
       && grep -q '^USER 10001' "$dockerfile" \
       && grep -q 'org.springframework.boot.loader.launch.JarLauncher' "$dockerfile" \
       && grep -q -- '-Djarmode=tools' "$dockerfile"; then
      pass "$svc: built from $dockerfile"
    else
      fail "$dockerfile: expected temurin 25 JRE runtime, USER 10001, jarmode tools layers, JarLauncher"
    fi
  else
    fail "$svc: build.dockerfile must be $dockerfile and the file must exist"
  fi
done

# ---------------------------------------------------------------- 3. infrastructure
for svc in "${INFRA_SERVICES[@]}"; do
  block="$(service_block "$svc")"
  if [[ -z "$block" ]]; then fail "$svc: service missing"; continue; fi
  case "$svc" in
    kafka|mongo)
      grep -Eq '^[[:space:]]+healthcheck:' <<< "$block" || fail "$svc: no healthcheck"
      mem_limit="$(value_of mem_limit <<< "$block" || true)"
      [[ -n "$mem_limit" ]] || fail "$svc: no mem_limit"
      grep -Eq '^[[:space:]]+ports:' <<< "$block" && fail "$svc: publishes ports to the host"
      pass "$svc: healthcheck, memory limit ${mem_limit:-?}, not published"
      ;;
    kafka-init)
      if grep -Eq 'condition:[[:space:]]*service_healthy' <<< "$block" \
         && grep -q 'create-topics.sh' <<< "$block"; then
        pass "kafka-init: runs create-topics.sh once kafka is healthy"
      else
        fail "kafka-init: must mount/run create-topics.sh and wait for kafka healthy"
      fi
      if grep -Eq '^[[:space:]]+-?[[:space:]]*ATTUNE_KAFKA_RETENTION_DAYS[:=]' <<< "$block"; then
        pass "kafka-init: passes ATTUNE_KAFKA_RETENTION_DAYS to the topic script"
      else
        fail "kafka-init: environment lacks ATTUNE_KAFKA_RETENTION_DAYS"
      fi
      ;;
    mailpit)
      grep -Eq '^[[:space:]]+ports:' <<< "$block" && pass "mailpit: web UI published" \
        || fail "mailpit: port 8025 not published"
      ;;
  esac
done

topics_script=infra/kafka/create-topics.sh
if [[ -f "$topics_script" ]] && sh -n "$topics_script"; then
  for topic in "${TOPICS[@]}"; do
    grep -Eq "^${topic//./\\.}[[:space:]]" "$topics_script" || fail "$topics_script: topic $topic missing"
  done
  grep -q -- '--if-not-exists' "$topics_script" || fail "$topics_script: not idempotent (--if-not-exists)"
  grep -q '\.dlt' "$topics_script" || fail "$topics_script: no .dlt dead-letter topics"
  grep -Eq '^attune\.consent\.v1[[:space:]]+cleanup\.policy=compact' "$topics_script" \
    || fail "$topics_script: attune.consent.v1 must be compacted"
  grep -q 'ATTUNE_KAFKA_RETENTION_DAYS' "$topics_script" && grep -q 'retention\.ms=' "$topics_script" \
    || fail "$topics_script: topics other than consent need retention.ms from ATTUNE_KAFKA_RETENTION_DAYS"
  pass "$topics_script: ${#TOPICS[@]} topics (+ .dlt), idempotent"
else
  fail "$topics_script missing or not valid sh"
fi

[[ -f .dockerignore ]] && grep -q 'target' .dockerignore || fail ".dockerignore missing or does not exclude target/"

if [[ "$failures" -gt 0 ]]; then
  echo "validate-compose: $failures failure(s)" >&2
  exit 1
fi
echo "validate-compose: all checks passed"
