#!/usr/bin/env bash
# Offline validation of infra/docker-compose.yml (single host) and infra/docker-compose.prod.yml (production), no
# Docker engine needed.
#
#   bash infra/validate-compose.sh            # from the repository root (or anywhere)
#
# Single-host file:
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
#    its script. A variable no application.yml mentions may still be a Spring
#    Boot property (SPRING_KAFKA_SECURITY_PROTOCOL, LOGGING_STRUCTURED_FORMAT_CONSOLE,
#    SPRING_KAFKA_PROPERTIES_SASL_MECHANISM under the map spring.kafka.properties):
#    it passes only if Spring Boot's own configuration metadata
#    (META-INF/*spring-configuration-metadata.json in the Boot jars: those inside
#    the application's built jar when it exists, else every Boot jar of the
#    project's Boot version in the local Maven repository) names that property,
#    or a Map property it falls under.
# 4. Both files: no image tagged "latest" or untagged; every long-running
#    service has a restart policy and a memory limit; every app's
#    stop_grace_period is longer than its Spring shutdown phase
#    (spring.lifecycle.timeout-per-shutdown-phase, 30s unless its application.yml says otherwise).
#
# Production file (infra/docker-compose.prod.yml, with infra/.env.prod.example),
# in addition: "docker-compose config"; networks backend/frontend/monitoring
# internal; only caddy publishes ports, and Kafka/MongoDB sit on internal
# networks only; every image pinned to a version (x.y); three brokers with
# replication factor 3 / min.insync.replicas 2 (brokers and kafka-init), one
# cluster id, SASL-only listeners, the ACL authorizer with no allow-everyone;
# the topic ACL table in infra/prod/kafka/init-cluster.sh gives every topic
# exactly one publisher, and web-ui alone the consent and account topics, and
# matches the code (each app publishes exactly the topics of the events it
# constructs and may read every topic its @KafkaListeners consume); three
# MongoDB members with --keyFile, one user per service database; apps read
# their MongoDB URI and Kafka login from secrets (no password in the
# environment), JSON logs, management port set and unpublished, readiness
# health checks; web-ui scaled without a host port behind Caddy's cookie
# sticky sessions; one builder (infra/Dockerfile, -Dmaven.test.skip=true) with
# one target per app; Prometheus finds every replica by DNS on the management
# port; the Grafana dashboard is valid JSON; the backup job runs
# mongodump --oplog. Every variable and every property-named secret of an app
# must be read by it (as above).
# VALIDATE_PROD_COMPOSE_FILE checks another production file (relative to the
# repository root), e.g. a deliberately broken variant in a test;
# VALIDATE_ACL_SCRIPT another Kafka init script (its ACL table).
#
# Installs nothing. Needs docker-compose (Debian: apt-get install -y
# docker-compose, 1.29.2) or set DOCKER_COMPOSE="docker compose" for v2, and
# unzip (Spring Boot metadata). Secret files that are missing
# (infra/secrets/jwt-signing-key.pem, infra/secrets/prod/*) are created as
# throwaway dummies for the run and removed afterwards. Exits non-zero on any
# failure.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# VALIDATE_COMPOSE_FILE: check another file (relative to the repo root), e.g. a variant.
COMPOSE_YML="${VALIDATE_COMPOSE_FILE:-infra/docker-compose.yml}"
PROD_YML="${VALIDATE_PROD_COMPOSE_FILE:-infra/docker-compose.prod.yml}"
ENV_EXAMPLE=infra/.env.example
PROD_ENV_EXAMPLE=infra/.env.prod.example
MAVEN_REPO="${MAVEN_REPO:-$HOME/.m2/repository}"
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
created_files=()
created_prod_dir=""
workdir="$(mktemp -d)"
cleanup() {
  if [[ -n "$created_secret" ]]; then rm -f "$SECRET"; fi
  if [[ ${#created_files[@]} -gt 0 ]]; then rm -f "${created_files[@]}"; fi
  if [[ -n "$created_prod_dir" ]]; then rmdir "$created_prod_dir" 2> /dev/null || true; fi
  rm -rf "$workdir"
}
trap cleanup EXIT

# The production file's secrets (generated by infra/prod/generate-secrets.sh on a real host).
if [[ -f "$PROD_YML" ]]; then
  [[ -d infra/secrets/prod ]] || created_prod_dir=infra/secrets/prod
  while read -r secret_file; do
    [[ "$secret_file" == ./secrets/prod/* ]] || continue
    secret_file="infra/${secret_file#./}"
    if [[ ! -e "$secret_file" ]]; then
      mkdir -p "$(dirname "$secret_file")"
      printf 'dummy-for-validate-compose' > "$secret_file"
      created_files+=("$secret_file")
    fi
  done < <(sed -nE 's/^[[:space:]]+file:[[:space:]]*["\x27]?([^"\x27[:space:]]+).*/\1/p' "$PROD_YML")
  [[ ${#created_files[@]} -gt 0 ]] && echo "validate-compose: ${#created_files[@]} throwaway dummy secret(s) under infra/secrets/prod (removed on exit)"
fi

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

# Environment-variable names of the @ConfigurationProperties records in the Java sources of module $1, as
# "ENV_NAME<TAB>map|plain": the prefix plus each record component in kebab case. A component of a type other than a
# simple value (a Map, a List, a nested record) binds everything under its name, so it counts as a prefix ("map").
# Uses perl (part of every Debian/Ubuntu base system).
config_properties_names() {
  local dir="$1/src/main/java"
  [[ -d "$dir" ]] || return 0
  grep -rl --include='*.java' '@ConfigurationProperties(' "$dir" | while read -r file; do
    perl -0777 -ne '
      while (/\@ConfigurationProperties\(\s*(?:(?:prefix|value)\s*=\s*)?"([^"]+)"\s*\)\s*(?:public\s+)?record\s+\w+\s*\(/g) {
        my ($prefix, $start) = ($1, pos());
        my ($depth, $i) = (1, $start);
        while ($depth > 0 && $i < length) {
          my $c = substr($_, $i++, 1);
          $depth++ if $c eq "("; $depth-- if $c eq ")";
        }
        my $params = substr($_, $start, $i - $start - 1);
        1 while $params =~ s/\@[\w.]+(?:\([^()]*\))?//g;
        my (@parts, $cur, $angle) = ((), "", 0);
        for my $c (split //, $params) {
          $angle++ if $c eq "<"; $angle-- if $c eq ">";
          if ($c eq "," && $angle == 0) { push @parts, $cur; $cur = ""; } else { $cur .= $c; }
        }
        push @parts, $cur;
        for my $p (@parts) {
          $p =~ s/^\s+|\s+$//g;
          next unless $p =~ /^(.*\S)\s+(\w+)$/;
          my ($type, $name) = ($1, $2);
          (my $kebab = $name) =~ s/([A-Z])/-\l$1/g;
          my $simple = $type =~ /^(?:String|int|long|boolean|double|Integer|Long|Boolean|Double|URI|URL|Path|Duration|Period|DataSize|Locale|Charset|ZoneId)$/;
          # Boot binds both forms: dashes dropped, and the legacy form with dashes as underscores.
          my $env = uc("$prefix.$kebab"); $env =~ tr/./_/;
          (my $dropped = $env) =~ s/-//g;
          (my $legacy = $env) =~ tr/-/_/;
          print "$dropped\t", ($simple ? "plain" : "map"), "\n";
          print "$legacy\t", ($simple ? "plain" : "map"), "\n";
        }
      }' "$file"
  done
}

# The same for app $1: its own records and, when it depends on service-kit, the kit's.
app_properties_names() {
  local cache="$workdir/props-$1.tsv"
  if [[ ! -f "$cache" ]]; then
    {
      config_properties_names "$1"
      if grep -q '<artifactId>service-kit</artifactId>' "$1/pom.xml" 2> /dev/null; then
        config_properties_names service-kit
      fi
    } | sort -u > "$cache"
  fi
  cat "$cache"
}

# Whether the "ENV<TAB>map|plain" lines on stdin bind variable $1 (exactly, or under a map/nested prefix).
binds() {
  awk -F'\t' -v var="$1" '
    $1 == var { found = 1 }
    $2 == "map" && index(var, $1 "_") == 1 { found = 1 }
    END { exit found ? 0 : 1 }'
}

# Spring Boot's configuration metadata, as "ENV_NAME<TAB>map|plain" lines: every property Boot itself binds, in the
# environment-variable form (upper case, dots to underscores, dashes dropped). From the Boot jars inside the app's
# built jar when it exists, else from every Boot jar of the project's Boot version in the local Maven repository.
# Both forms Boot binds: dashes dropped (LOGGING_STRUCTURED_FORMAT_CONSOLE) and dashes as underscores (legacy).
boot_env_names() {
  local svc="$1" cache="$workdir/boot-$1.tsv" app_jar="$1/target/$1.jar" jars=() jar
  if [[ -f "$cache" ]]; then cat "$cache"; return 0; fi
  if ! command -v unzip > /dev/null 2>&1; then
    fail "unzip not found: cannot read Spring Boot's configuration metadata"
    : > "$cache"; return 0
  fi
  if [[ -f "$app_jar" ]]; then
    mkdir -p "$workdir/jars-$svc"
    while read -r entry; do
      unzip -p "$app_jar" "$entry" > "$workdir/jars-$svc/${entry##*/}"
      jars+=("$workdir/jars-$svc/${entry##*/}")
    done < <(unzip -Z1 "$app_jar" 'BOOT-INF/lib/spring-boot*.jar' 2> /dev/null)
    echo "the Boot jars inside $app_jar" >> "$workdir/boot-source"
  else
    local version
    version="$(awk '/<artifactId>spring-boot-starter-parent<\/artifactId>/ { getline; gsub(/.*<version>|<\/version>.*/, ""); print; exit }' pom.xml)"
    while read -r jar; do jars+=("$jar"); done < <(find "$MAVEN_REPO/org/springframework/boot" -name "spring-boot*-${version}.jar" 2> /dev/null)
    echo "every Spring Boot ${version} jar in $MAVEN_REPO (no $app_jar built yet)" >> "$workdir/boot-source"
  fi
  for jar in "${jars[@]}"; do
    unzip -p "$jar" META-INF/spring-configuration-metadata.json 2> /dev/null || true
    unzip -p "$jar" META-INF/additional-spring-configuration-metadata.json 2> /dev/null || true
  done | awk '
    function emit() {
      if (name == "" || name ~ /[\[\*]/) return
      env = toupper(name); gsub(/\./, "_", env)
      dropped = env; gsub(/-/, "", dropped); print dropped "\t" kind
      legacy = env; gsub(/-/, "_", legacy); print legacy "\t" kind
    }
    /"name"[[:space:]]*:/ {
      emit()
      name = $0; sub(/^[^:]*:[[:space:]]*"/, "", name); sub(/".*$/, "", name); kind = "plain"; next
    }
    /"type"[[:space:]]*:[[:space:]]*"java\.util\.Map/ { kind = "map" }
    END { emit() }' | sort -u > "$cache"
  cat "$cache"
}

# Whether Spring Boot binds the environment variable $2 for app $1: a property of its own, or a key under a Map
# property (SPRING_KAFKA_PROPERTIES_SASL_MECHANISM -> spring.kafka.properties[sasl.mechanism]).
boot_reads() {
  boot_env_names "$1" > /dev/null
  binds "$2" < "$workdir/boot-$1.tsv"
}

# Whether app $1 reads environment variable $2: its application.yml (key or placeholder), the launcher, one of its
# (or service-kit's) @ConfigurationProperties records, or Spring Boot itself.
app_reads() {
  local svc="$1" var="$2"
  # (here-strings, not pipes into grep -q: under pipefail an early grep exit fails the pipe)
  grep -qx "$var" <<< "$(printf '%s\n' "${LAUNCHER_VARS[@]}")" && return 0
  grep -qx "$var" <<< "$(names_read_by "$svc")" && return 0
  app_properties_names "$svc" | binds "$var" && return 0
  boot_reads "$svc" "$var"
}

# A property name (a.b-c.d) in environment-variable form.
env_form() { tr '[:lower:].' '[:upper:]_' <<< "$1" | tr -d -- '-'; }

# Seconds of a compose duration (45s, 1m30s, 2m, 1h).
to_seconds() {
  local d="$1" total=0 n unit
  while [[ "$d" =~ ^([0-9]+)(ms|h|m|s)(.*)$ ]]; do
    n="${BASH_REMATCH[1]}"; unit="${BASH_REMATCH[2]}"; d="${BASH_REMATCH[3]}"
    case "$unit" in h) total=$((total + n * 3600)) ;; m) total=$((total + n * 60)) ;; s) total=$((total + n)) ;; esac
  done
  [[ -z "$d" ]] || { echo -1; return; }
  echo "$total"
}

# The graceful shutdown phase of app $1 in seconds (spring.lifecycle.timeout-per-shutdown-phase, Boot default 30s).
shutdown_phase_seconds() {
  local yml="$1/src/main/resources/application.yml" v
  v="$(grep -E '^[[:space:]]+timeout-per-shutdown-phase:' "$yml" 2> /dev/null | head -n 1 | sed -E 's/.*:[[:space:]]*//; s/["\x27]//g')"
  to_seconds "${v:-30s}"
}

# Service names in the resolved file.
all_services() {
  awk '
    /^services:[[:space:]]*$/ { in_services = 1; next }
    in_services && /^[^[:space:]]/ { in_services = 0 }
    in_services && /[^[:space:]]/ {
      match($0, /^ */); if (svc_ind == 0) svc_ind = RLENGTH
      if (RLENGTH == svc_ind) { name = $0; sub(/^ */, "", name); sub(/:.*$/, "", name); print name }
    }' "$RESOLVED"
}

# Rules both files share: pinned images (strict: a version with a dot), restart policy and memory limit on every
# long-running service, stop_grace_period above the Spring shutdown phase of every app.
check_common() {
  local label="$1" strict="$2" svc block image tag restart grace phase
  for svc in $(all_services); do
    block="$(service_block "$svc")"
    image="$(value_of image <<< "$block" || true)"
    tag="${image##*/}"
    if [[ -z "$image" ]]; then
      fail "$label$svc: no image"
    elif [[ "$image" != *@sha256:* && "$tag" != *:* ]]; then
      fail "$label$svc: image $image has no tag (that is \"latest\")"
    elif [[ "$tag" == *:latest ]]; then
      fail "$label$svc: image $image uses the tag \"latest\"; pin a version"
    elif [[ "$strict" == strict && "$image" != *@sha256:* && ! "${tag#*:}" =~ ^v?[0-9]+\.[0-9]+ ]]; then
      fail "$label$svc: image $image is not pinned to a version (x.y or a digest)"
    fi
    restart="$(value_of restart <<< "$block" || true)"
    if [[ "$restart" == "no" ]]; then
      grep -Eq 'service_completed_successfully' <<< "$(grep -A2 -E "^[[:space:]]+$svc:" "$RESOLVED")" \
        || [[ "$svc" == kafka-init ]] || fail "$label$svc: restart \"no\" is only for one-shot jobs"
    elif [[ "$restart" != unless-stopped && "$restart" != always ]]; then
      fail "$label$svc: no restart policy (unless-stopped or always)"
    fi
    [[ -n "$(value_of mem_limit <<< "$block" || true)" ]] || fail "$label$svc: no memory limit (mem_limit)"
  done
  for svc in "${APP_SERVICES[@]}"; do
    block="$(service_block "$svc")"
    grace="$(to_seconds "$(value_of stop_grace_period <<< "$block" || echo 10s)")"
    phase="$(shutdown_phase_seconds "$svc")"
    if [[ "$grace" -gt "$phase" ]]; then
      pass "${label}$svc: stop_grace_period ${grace}s > shutdown phase ${phase}s"
    else
      fail "${label}$svc: stop_grace_period ${grace}s must be longer than its Spring shutdown phase (${phase}s), or Docker kills it mid-shutdown"
    fi
  done
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
  if [[ ! -f "$svc/src/main/resources/application.yml" ]]; then
    fail "$svc: $svc/src/main/resources/application.yml not found, cannot check its variables"
    continue
  fi
  unread=0
  while IFS=$'\t' read -r var _; do
    [[ -z "$var" ]] && continue
    if ! app_reads "$svc" "$var"; then
      fail "$svc: sets $var, which $svc does not read (no key of its application.yml binds it, no \${$var} placeholder uses it, and Spring Boot's metadata names no such property)"
      unread=$((unread + 1))
    fi
  done < <(service_env "$svc")
  [[ "$unread" -eq 0 ]] && pass "$svc: every variable compose sets is read by the application"
done
if [[ -f "$workdir/boot-source" ]]; then sort -u "$workdir/boot-source" | sed 's/^/      (Spring Boot properties checked against /; s/$/)/'; rm -f "$workdir/boot-source"; fi
while IFS=$'\t' read -r var _; do
  [[ -z "$var" || "$var" == KAFKA_HEAP_OPTS ]] && continue
  grep -q "$var" infra/kafka/create-topics.sh || fail "kafka-init: sets $var, which create-topics.sh does not read"
done < <(service_env kafka-init)

check_common "" lenient

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

# ================================================================ production file
P="prod: "
KAFKA_BROKERS=(kafka-1 kafka-2 kafka-3)
MONGO_MEMBERS=(mongo-1 mongo-2 mongo-3)
ACL_SCRIPT="${VALIDATE_ACL_SCRIPT:-infra/prod/kafka/init-cluster.sh}"

# Value of one variable in one service's resolved environment.
env_of() { service_env "$1" | awk -F'\t' -v n="$2" '$1 == n { print $2; exit }'; }
# The resolved top-level "networks:" block, and the networks one service joins.
network_block() { awk '/^networks:/ { on = 1; next } on && /^[^[:space:]]/ { on = 0 } on' "$RESOLVED"; }
network_is_internal() {
  network_block | awk -v net="$1" '
    /^  [^ ]/ { name = $1; sub(/:$/, "", name); next }
    name == net && /^[[:space:]]+internal:[[:space:]]*true/ { found = 1 }
    END { exit found ? 0 : 1 }'
}
service_networks() {
  service_block "$1" | awk '
    /^    networks:/ { on = 1; next }
    on && /^    [^ ]/ { on = 0 }
    on && /^      [^ ]/ { n = $1; sub(/^- */, "", n); sub(/:.*$/, "", n); print n }
    on && /^      - / { n = $2; print n }'
}

# generate-secrets.sh appends these two to a real infra/.env.prod; the example file has none, so stand-ins
# (the shell environment wins over --env-file).
export KAFKA_CLUSTER_ID="${KAFKA_CLUSTER_ID:-AAAAAAAAAAAAAAAAAAAAAA}"
export ATTUNE_LB_COOKIE_SECRET="${ATTUNE_LB_COOKIE_SECRET:-validate-compose-stand-in}"
if [[ ! -f "$PROD_YML" ]]; then
  fail "$PROD_YML is missing"
else
  echo "+ ${DC[*]} --env-file $PROD_ENV_EXAMPLE -f $PROD_YML config -q"
  if [[ ! -f "$PROD_ENV_EXAMPLE" ]]; then
    fail "$PROD_ENV_EXAMPLE is missing"
  elif "${DC[@]}" --env-file "$PROD_ENV_EXAMPLE" -f "$PROD_YML" config -q; then
    pass "${P}compose file is valid with $PROD_ENV_EXAMPLE"
  else
    fail "${DC[*]} config rejected $PROD_YML with $PROD_ENV_EXAMPLE"
  fi
  RESOLVED="$workdir/resolved-prod.yml"
  if ! "${DC[@]}" --env-file "$PROD_ENV_EXAMPLE" -f "$PROD_YML" config > "$RESOLVED" 2> "$workdir/prod-config.err"; then
    fail "${P}could not render the resolved configuration: $(head -c 500 "$workdir/prod-config.err")"
    : > "$RESOLVED"
  fi
fi

if [[ -s "$RESOLVED" && "$RESOLVED" == *resolved-prod.yml ]]; then
  check_common "$P" strict

  # -------------------------------------------------------------- networks and published ports
  for net in backend frontend monitoring; do
    if network_is_internal "$net"; then pass "${P}network $net is internal"
    else fail "${P}network $net must be declared with internal: true"; fi
  done
  for svc in $(all_services); do
    if grep -Eq '^[[:space:]]+ports:' <<< "$(service_block "$svc")"; then
      if [[ "$svc" == caddy ]]; then pass "${P}only caddy publishes ports"
      else fail "${P}$svc publishes ports; only the proxy (caddy) may"; fi
    fi
  done
  for svc in "${KAFKA_BROKERS[@]}" kafka-init "${MONGO_MEMBERS[@]}" mongo-backup checkin-service content-service; do
    for net in $(service_networks "$svc"); do
      network_is_internal "$net" || fail "${P}$svc joins network $net, which is not internal"
    done
  done

  # -------------------------------------------------------------- applications
  for svc in "${APP_SERVICES[@]}"; do
    block="$(service_block "$svc")"
    [[ -n "$block" ]] || { fail "${P}$svc: service missing"; continue; }
    [[ "$(env_of "$svc" MANAGEMENT_SERVER_PORT)" =~ ^[0-9]+$ ]] \
      && grep -q '/actuator/health/readiness' <<< "$block" \
      && pass "${P}$svc: actuator on MANAGEMENT_SERVER_PORT (unpublished), readiness health check" \
      || fail "${P}$svc: needs MANAGEMENT_SERVER_PORT and a readiness health check on it"
    [[ "$(env_of "$svc" LOGGING_STRUCTURED_FORMAT_CONSOLE)" =~ ^(ecs|logstash|gelf)$ ]] \
      || fail "${P}$svc: LOGGING_STRUCTURED_FORMAT_CONSOLE must be ecs, logstash or gelf (JSON logs)"
    [[ "$(env_of "$svc" SPRING_KAFKA_SECURITY_PROTOCOL)" == SASL_* ]] \
      && [[ "$(env_of "$svc" SPRING_KAFKA_PROPERTIES_SASL_MECHANISM)" == SCRAM-SHA-* ]] \
      || fail "${P}$svc: Kafka client must use SASL with SCRAM (SPRING_KAFKA_SECURITY_PROTOCOL, SPRING_KAFKA_PROPERTIES_SASL_MECHANISM)"
    [[ "$(env_of "$svc" SPRING_CONFIG_IMPORT)" == *configtree:/run/secrets/* ]] \
      || fail "${P}$svc: SPRING_CONFIG_IMPORT must read the secrets as a config tree (configtree:/run/secrets/)"
    for target in spring.mongodb.uri spring.kafka.properties.sasl.jaas.config; do
      grep -Eq "target:[[:space:]]*$target\$" <<< "$block" || fail "${P}$svc: secret with target $target missing"
    done
    grep -Eq '^[[:space:]]+-?[[:space:]]*SPRING_MONGODB_URI[:=]' <<< "$block" \
      && fail "${P}$svc: SPRING_MONGODB_URI in the environment; the URI (with its password) comes from a secret"
    # Every variable and every property-named secret must be read by the application.
    unread=0
    while IFS=$'\t' read -r var _; do
      [[ -z "$var" ]] && continue
      if ! app_reads "$svc" "$var"; then
        fail "${P}$svc: sets $var, which $svc does not read (no key of its application.yml, no @ConfigurationProperties record of it or service-kit, no Spring Boot property binds it)"
        unread=$((unread + 1))
      fi
    done < <(service_env "$svc")
    while read -r target; do
      [[ "$target" == *.* ]] || continue
      if ! app_reads "$svc" "$(env_form "$target")"; then
        fail "${P}$svc: secret $target is not a property $svc reads"
        unread=$((unread + 1))
      fi
    done < <(sed -nE 's/^[[:space:]]+target:[[:space:]]*//p' <<< "$block")
    [[ "$unread" -eq 0 ]] && pass "${P}$svc: every variable and property secret is read by the application"
    if grep -Eq "dockerfile:[[:space:]]*infra/Dockerfile" <<< "$block" \
       && grep -Eq "target:[[:space:]]*$svc\$" <<< "$block"; then
      pass "${P}$svc: built as target $svc of infra/Dockerfile"
    else
      fail "${P}$svc: must build infra/Dockerfile with target $svc (one builder for all images)"
    fi
  done
  if [[ -f "$workdir/boot-source" ]]; then sort -u "$workdir/boot-source" | sed 's/^/      (Spring Boot properties checked against /; s/$/)/'; rm -f "$workdir/boot-source"; fi
  web_block="$(service_block web-ui)"
  grep -Eq '^[[:space:]]+replicas:[[:space:]]*[0-9]+' <<< "$web_block" \
    && pass "${P}web-ui: scaled (deploy.replicas), no host port" \
    || fail "${P}web-ui: needs deploy.replicas (N replicas behind the proxy)"
  [[ "$(env_of web-ui ATTUNE_SECURITY_COOKIE_SECURE)" == true ]] || fail "${P}web-ui: ATTUNE_SECURITY_COOKIE_SECURE must be true behind TLS"
  [[ "$(env_of web-ui SERVER_FORWARD_HEADERS_STRATEGY)" == native ]] || fail "${P}web-ui: SERVER_FORWARD_HEADERS_STRATEGY must be native behind the proxy"
  dockerfile=infra/Dockerfile
  if [[ -f "$dockerfile" ]] && [[ "$(grep -c '^FROM .* AS build$' "$dockerfile")" -eq 1 ]] \
     && grep -q -- '-Dmaven.test.skip=true' "$dockerfile" \
     && [[ "$(grep -cE '^FROM runtime AS (checkin-service|content-service|notification-service|web-ui)$' "$dockerfile")" -eq 4 ]]; then
    pass "${P}$dockerfile: one builder stage (-Dmaven.test.skip=true), one target per app"
  else
    fail "${P}$dockerfile: needs exactly one 'AS build' stage with -Dmaven.test.skip=true and targets for the four apps"
  fi
  caddyfile=infra/prod/caddy/Caddyfile
  if grep -Eq '^[[:space:]]+lb_policy[[:space:]]+cookie' "$caddyfile" && grep -Eq '^[[:space:]]+name[[:space:]]+web-ui' "$caddyfile" \
     && grep -Eq '^[[:space:]]+port[[:space:]]+8080' "$caddyfile"; then
    pass "${P}$caddyfile: every web-ui replica (DNS), cookie sticky sessions"
  else
    fail "${P}$caddyfile: reverse_proxy needs dynamic upstreams for web-ui:8080 and lb_policy cookie"
  fi

  # -------------------------------------------------------------- Kafka
  cluster_ids=""
  for broker in "${KAFKA_BROKERS[@]}"; do
    [[ -n "$(service_block "$broker")" ]] || { fail "${P}$broker: service missing"; continue; }
    for pair in KAFKA_DEFAULT_REPLICATION_FACTOR=3 KAFKA_MIN_INSYNC_REPLICAS=2 KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR=3 \
                KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR=3 KAFKA_TRANSACTION_STATE_LOG_MIN_ISR=2 \
                KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND=false KAFKA_AUTO_CREATE_TOPICS_ENABLE=false \
                KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE=false; do
      actual="$(env_of "$broker" "${pair%%=*}")"
      [[ "$actual" == "${pair#*=}" ]] || fail "${P}$broker: ${pair%%=*} must be ${pair#*=} (is '${actual}')"
    done
    [[ "$(env_of "$broker" KAFKA_AUTHORIZER_CLASS_NAME)" == org.apache.kafka.metadata.authorizer.StandardAuthorizer ]] \
      || fail "${P}$broker: KAFKA_AUTHORIZER_CLASS_NAME must be the StandardAuthorizer (ACLs)"
    protocols="$(env_of "$broker" KAFKA_LISTENER_SECURITY_PROTOCOL_MAP)"
    if [[ -z "$protocols" ]] || grep -Eq ':(PLAINTEXT|SSL)(,|$)' <<< "$protocols"; then
      fail "${P}$broker: every listener must use SASL (KAFKA_LISTENER_SECURITY_PROTOCOL_MAP is '$protocols')"
    fi
    [[ "$(env_of "$broker" KAFKA_CONTROLLER_QUORUM_VOTERS | tr ',' '\n' | grep -c '@')" -eq 3 ]] \
      || fail "${P}$broker: KAFKA_CONTROLLER_QUORUM_VOTERS must list the three brokers"
    cluster_ids+="$(env_of "$broker" CLUSTER_ID)"$'\n'
  done
  if [[ "$(grep -c . <<< "$cluster_ids")" -eq 3 && "$(sort -u <<< "$cluster_ids" | grep -c .)" -eq 1 ]] \
     && grep -Eq '^[A-Za-z0-9_-]{22}$' <<< "$cluster_ids"; then
    pass "${P}three brokers, RF 3 / min ISR 2, one cluster id, SASL listeners, ACL authorizer"
  else
    fail "${P}the three brokers need one CLUSTER_ID (22 base64url characters, as generate-secrets.sh writes)"
  fi
  [[ "$(env_of kafka-init KAFKA_TOPIC_REPLICATION_FACTOR)" == 3 && "$(env_of kafka-init KAFKA_TOPIC_MIN_ISR)" == 2 ]] \
    && pass "${P}kafka-init: topics with replication factor 3, min.insync.replicas 2" \
    || fail "${P}kafka-init: KAFKA_TOPIC_REPLICATION_FACTOR must be 3 and KAFKA_TOPIC_MIN_ISR 2"
  while IFS=$'\t' read -r var _; do
    [[ -z "$var" || "$var" == KAFKA_HEAP_OPTS ]] && continue
    grep -q "$var" infra/kafka/create-topics.sh "$ACL_SCRIPT" || fail "${P}kafka-init: sets $var, which neither script reads"
  done < <(service_env kafka-init)
  if [[ -f "$ACL_SCRIPT" ]] && bash -n "$ACL_SCRIPT"; then
    acl_table="$(sed -n "/^ACL_TABLE='/,/^'/p" "$ACL_SCRIPT" | grep -E '^[a-z-]+[[:space:]]+(publishes|consumes)[[:space:]]')"
    for topic in "${TOPICS[@]}"; do
      publishers="$(awk -v t="$topic" '$2 == "publishes" { for (i = 3; i <= NF; i++) if ($i == t) print $1 }' <<< "$acl_table" | sort -u)"
      if [[ "$(grep -c . <<< "$publishers")" -ne 1 ]]; then
        fail "${P}$ACL_SCRIPT: $topic must have exactly one publisher (has: $(tr '\n' ' ' <<< "$publishers"))"
      elif [[ ( "$topic" == attune.consent.v1 || "$topic" == attune.accounts.v1 ) && "$publishers" != web-ui ]]; then
        fail "${P}$ACL_SCRIPT: only web-ui may write $topic (the table gives it to $publishers)"
      fi
    done
    # The table against the code: a module publishes exactly the topics of the events it constructs (Topics' event-to-
    # topic map), and consumes at least the topics of its @KafkaListeners (service-kit's for the three services).
    topics_java=events/src/main/java/org/attune/events/Topics.java
    declare -A topic_of_constant=() topic_of_event=()
    while read -r constant topic; do topic_of_constant[$constant]="$topic"; done \
      < <(sed -nE 's/^[[:space:]]*public static final String ([A-Z_]+) = "(attune\.[^"]+)";/\1 \2/p' "$topics_java")
    while read -r event constant; do topic_of_event[$event]="${topic_of_constant[$constant]:-}"; done \
      < <(sed -nE 's/^[[:space:]]*Map\.entry\(([A-Za-z]+)\.class, ([A-Z_]+)\).*/\1 \2/p' "$topics_java")
    listener_topics() { # module -> topic names of the @KafkaListener annotations in its main code
      grep -rhoz --include='*.java' -E '@KafkaListener\([^)]*\)' "$1/src/main/java" 2> /dev/null | tr '\0' '\n' \
        | { grep -oE 'Topics\.[A-Z_]+' || true; } | sed 's/^Topics\.//' | while read -r c; do echo "${topic_of_constant[$c]:-}"; done \
        || true # a module without listeners
    }
    for svc in "${APP_SERVICES[@]}"; do
      constructed=""
      for event in "${!topic_of_event[@]}"; do
        if grep -rqE --include='*.java' "new $event\(" "$svc/src/main/java" service-kit/src/main/java 2> /dev/null; then
          constructed+="${topic_of_event[$event]}"$'\n'
        fi
      done
      constructed="$(grep . <<< "$constructed" | sort -u || true)"
      published="$(awk -v s="$svc" '$1 == s && $2 == "publishes" { for (i = 3; i <= NF; i++) print $i }' <<< "$acl_table" | sort -u)"
      if [[ "$constructed" != "$published" ]]; then
        fail "${P}$ACL_SCRIPT: $svc publishes [$(tr '\n' ' ' <<< "$published")] in the ACL table, but its code constructs events of [$(tr '\n' ' ' <<< "$constructed")]"
      fi
      consumed="$(awk -v s="$svc" '$1 == s && $2 == "consumes" { for (i = 3; i <= NF; i++) print $i }' <<< "$acl_table")"
      listened="$(listener_topics "$svc")"
      [[ "$svc" != web-ui ]] && listened+=$'\n'"$(listener_topics service-kit)"
      for topic in $(grep . <<< "$listened" | sort -u); do
        grep -qx "$topic" <<< "$consumed" || fail "${P}$ACL_SCRIPT: $svc listens to $topic but may not read it"
      done
    done
    pass "${P}$ACL_SCRIPT: one publisher per topic, as the code publishes; consent and accounts written by web-ui only; every listened topic readable"
  else
    fail "${P}$ACL_SCRIPT missing or not valid bash"
  fi

  # -------------------------------------------------------------- MongoDB
  for member in "${MONGO_MEMBERS[@]}"; do
    block="$(service_block "$member")"
    if grep -Eq -- '- --keyFile' <<< "$block" && grep -Eq -- '- --replSet' <<< "$block" \
       && ! grep -Eq '^[[:space:]]+ports:' <<< "$block"; then
      pass "${P}$member: replica set member with keyfile authentication, not published"
    else
      fail "${P}$member: needs --replSet and --keyFile, and no published port"
    fi
  done
  users_script=infra/prod/mongo/init-replica-set.js
  for db in attune_checkin attune_content attune_notification attune_webui; do
    grep -Eq "db: '$db'" "$users_script" 2> /dev/null || fail "${P}$users_script: no user for database $db"
  done
  grep -q "role: 'readWrite', db: u.db" "$users_script" 2> /dev/null \
    && pass "${P}$users_script: one readWrite user per service database" \
    || fail "${P}$users_script: service users must get readWrite on their own database only"

  # -------------------------------------------------------------- monitoring and backups
  prom=infra/prod/prometheus/prometheus.yml
  if grep -q 'dns_sd_configs' "$prom" && grep -Eq 'port:[[:space:]]*9090' "$prom" \
     && grep -q '/actuator/prometheus' "$prom" \
     && [[ "$(grep -E 'names:' "$prom" | grep -o -E 'checkin-service|content-service|notification-service|web-ui' | sort -u | grep -c .)" -eq 4 ]]; then
    pass "${P}$prom: every replica of the four apps by DNS on the management port"
  else
    fail "${P}$prom: needs dns_sd_configs for the four apps on port 9090, path /actuator/prometheus"
  fi
  for dashboard in infra/prod/grafana/dashboards/*.json; do
    if command -v python3 > /dev/null 2>&1; then
      python3 -m json.tool "$dashboard" > /dev/null 2>&1 && pass "${P}$dashboard: valid JSON" || fail "${P}$dashboard: not valid JSON"
    fi
  done
  if grep -q 'mongo-backup.sh' <<< "$(service_block mongo-backup)" && grep -q -- '--oplog' infra/prod/backup/mongo-backup.sh; then
    pass "${P}mongo-backup: scheduled mongodump --oplog"
  else
    fail "${P}mongo-backup: the backup job must run infra/prod/backup/mongo-backup.sh (mongodump --oplog)"
  fi
  for script in infra/prod/kafka/broker-start.sh infra/prod/mongo/mongod-start.sh infra/prod/backup/mongo-backup.sh infra/prod/generate-secrets.sh; do
    bash -n "$script" || fail "${P}$script is not valid bash"
  done
fi

[[ -f .dockerignore ]] && grep -q 'target' .dockerignore || fail ".dockerignore missing or does not exclude target/"
# The build context is the repository root: secrets must stay out of it (and out of the builder's layers).
for secret_path in 'infra/secrets/\*.pem' infra/secrets/prod infra/.env infra/.env.prod; do
  grep -qx "$secret_path" .dockerignore 2> /dev/null || fail ".dockerignore does not exclude ${secret_path//\\/}"
done

if [[ "$failures" -gt 0 ]]; then
  echo "validate-compose: $failures failure(s)" >&2
  exit 1
fi
echo "validate-compose: all checks passed"
