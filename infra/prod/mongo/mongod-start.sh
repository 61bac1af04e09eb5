#!/bin/bash
# Entry point of each MongoDB member in infra/docker-compose.prod.yml.
#
# mongod refuses a keyfile that others can read, and a compose file secret is bind-mounted with its host owner and
# mode, so the keyfile is copied to a private file owned by mongod's user first. Then the image's own entry point
# starts mongod with the arguments from the compose file (--replSet, --keyFile, ...).
#
# The member with MONGO_INIT_REPLICA_SET=true also runs init-replica-set.js in the background once mongod answers:
# it must connect over localhost, because with --keyFile and no user yet only the localhost exception lets anyone
# create the first (root) user.
set -euo pipefail

install -m 0400 -o mongodb -g mongodb /run/secrets/mongo-keyfile /data/configdb/keyfile

if [[ "${MONGO_INIT_REPLICA_SET:-false}" == true ]]; then
  (
    for attempt in $(seq 1 120); do
      if mongosh --quiet --norc --eval 'db.adminCommand({ping: 1}).ok' > /dev/null 2>&1; then
        break
      fi
      sleep 1
    done
    # Idempotent: safe on every start. Its output goes to this container's log, without any password.
    mongosh --quiet --norc /opt/attune/init-replica-set.js || echo "mongo-init: init-replica-set.js failed (see above)" >&2
  ) &
fi

exec docker-entrypoint.sh "$@"
