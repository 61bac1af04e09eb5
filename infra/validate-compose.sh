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
#    Actuator endpoints live on MANAGEMENT_SERVER_PORT, which no service publishes.
# 3. Every variable compose sets for an application is one that application
#    reads: a key of its application.yml under Spring's relaxed binding
#    (SPRING_MAIL_HOST -> spring.mail.host, ATTUNE_SERVICES_CHECKIN_URL ->
#    attune.services.checkin-url) or a ${NAME} placeholder in it; the only
#    exceptions are the launcher variables in LAUNCHER_VARS. A misspelt name
#    (ATTUNE_SECURE_COOKIE for ATTUNE_SECURITY_COOKIE_SECURE) fails here
#    instead of being silently ignored. kafka-init's variables must appear in
#    its script.
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
# Read by the JVM or the image, not by Spring.
LAUNCHER_VARS=(JAVA_TOOL_OPTIONS)
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

# "NAME<TAB>value" for each variable in one service's environment (map or list form).
service_env() {
  service_block "$1" | awk '
    /^[[:space:]]*environment:[[:space:]]*$/ { match($0, /^ */); env_ind = RLENGTH; in_env = 1; next }
    in_env {
      match($0, /^ */)
      if (RLENGTH <= env_ind) { in_env = 0; next }
      line = substr($0, RLENGTH + 1); sub(/^-[[:space:]]*/, "", line)
      name = line; sub(/[:=].*$/, "", name); gsub(/["\047]/, "", name)
      value = line; sub(/^[^:=]*[:=][[:space:]]*/, "", value); gsub(/["\047]/, "", value)
      print name "\t" value
    }'
}

# Every environment variable name that binds a key of a module's application.yml (Spring's relaxed binding: dots
# become underscores, dashes are dropped or become underscores), plus every ${NAME} placeholder in it.
names_read_by() {
  local yml="$1/src/main/resources/application.yml"
  [[ -f "$yml" ]] || return 0
  grep -oE '\$\{[A-Z][A-Z0-9_]*' "$yml" | sed 's/^\${//'
  awk '
    /^[[:space:]]*(#|-|$)/ { next }
    {
      match($0, /^ */); ind = RLENGTH
      line = substr($0, ind + 1)
      if (line !~ /^[^:#]+:/) next
      key = line; sub(/:.*$/, "", key); gsub(/["\047]/, "", key)
      while (depth > 0 && indents[depth] >= ind) depth--
      depth++; indents[depth] = ind; keys[depth] = key
      path = keys[1]; for (i = 2; i <= depth; i++) path = path "." keys[i]
      path = toupper(path); gsub(/\./, "_", path)
      dropped = path; gsub(/-/, "", dropped); print dropped
      kept = path; gsub(/-/, "_", kept); print kept
    }' "$yml"
}

# ---------------------------------------------------------------- 2. app services
for svc in "${APP_SERVICES[@]}"; do
  block="$(service_block "$svc")"
  if [[ -z "$block" ]]; then fail "$svc: service missing"; continue; fi

  if grep -Eq '^[[:space:]]+healthcheck:' <<< "$block" \
     && grep -q '/actuator/health/readiness' <<< "$block" \
     && grep -q 'MANAGEMENT_SERVER_PORT' <<< "$(sed -n '/^[[:space:]]*healthcheck:/,/^[[:space:]]*timeout:/p' <<< "$block")"; then
    pass "$svc: healthcheck on /actuator/health/readiness at MANAGEMENT_SERVER_PORT"
  else
    fail "$svc: no healthcheck probing /actuator/health/readiness on MANAGEMENT_SERVER_PORT"
  fi
  management_port="$(service_env "$svc" | awk -F'\t' '$1 == "MANAGEMENT_SERVER_PORT" { print $2 }')"
  if [[ -z "$management_port" ]]; then
    fail "$svc: environment lacks MANAGEMENT_SERVER_PORT (actuator on a port of its own)"
  elif grep -Eq "[:\"' -]${management_port}(/tcp)?[\"']?$" <<< "$(sed -n '/^[[:space:]]*ports:/,/^[[:space:]]*[a-z_]*:/p' <<< "$block")"; then
    fail "$svc: publishes its management port $management_port"
  else
    pass "$svc: actuator on unpublished port $management_port"
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

  for var in SERVER_PORT SPRING_KAFKA_BOOTSTRAP_SERVERS SPRING_MONGODB_URI JAVA_TOOL_OPTIONS; do
    grep -Eq "^[[:space:]]+-?[[:space:]]*$var[:=]" <<< "$block" || fail "$svc: environment lacks $var"
  done
  if [[ "$svc" == web-ui ]]; then
    for var in ATTUNE_SERVICES_CHECKIN_URL ATTUNE_SERVICES_CONTENT_URL ATTUNE_SERVICES_NOTIFICATION_URL \
               ATTUNE_SECURITY_SIGNING_KEY_FILE ATTUNE_SECURITY_COOKIE_SECURE ATTUNE_PUBLIC_URL \
               ATTUNE_SECURITY_ISSUER ATTUNE_SECURITY_AUDIENCE SPRING_MAIL_HOST SPRING_MAIL_PORT ATTUNE_MAIL_FROM; do
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
    for var in SPRING_MAIL_HOST SPRING_MAIL_PORT ATTUNE_MAIL_FROM ATTUNE_PUBLIC_URL; do
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

# ---------------------------------------------------------------- 3. variables an application reads
for svc in "${APP_SERVICES[@]}"; do
  read_names="$(names_read_by "$svc" | sort -u)"
  if [[ -z "$read_names" ]]; then
    fail "$svc: $svc/src/main/resources/application.yml not found, cannot check its variables"
    continue
  fi
  unread=0
  while IFS=$'\t' read -r var _; do
    [[ -z "$var" ]] && continue
    if printf '%s\n' "${LAUNCHER_VARS[@]}" | grep -qx "$var"; then continue; fi
    if ! grep -qx "$var" <<< "$read_names"; then
      fail "$svc: sets $var, which $svc does not read (no key of its application.yml binds it and no \${$var} placeholder uses it)"
      unread=$((unread + 1))
    fi
  done < <(service_env "$svc")
  [[ "$unread" -eq 0 ]] && pass "$svc: every variable compose sets is read by the application"
done
while IFS=$'\t' read -r var _; do
  [[ -z "$var" || "$var" == KAFKA_HEAP_OPTS ]] && continue
  grep -q "$var" infra/kafka/create-topics.sh || fail "kafka-init: sets $var, which create-topics.sh does not read"
done < <(service_env kafka-init)

# ---------------------------------------------------------------- 4. infrastructure
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
