#!/bin/bash
# Scheduled MongoDB backup of infra/docker-compose.prod.yml (service "mongo-backup", mongo image: mongodump is in it).
#
# Once a day at ATTUNE_BACKUP_AT (HH:MM, UTC) it writes one point-in-time archive of the whole replica set:
#   mongodump --oplog --archive --gzip   read from a secondary where one is available
# into /backups/attune-mongo-<UTC time>.archive.gz, then deletes archives older than ATTUNE_BACKUP_RETENTION_DAYS.
# --oplog makes the archive consistent as of the moment the dump ends; restore it with --oplogReplay (infra/README.md,
# "Production: backups and restore"). ATTUNE_BACKUP_NOW=true takes one backup at start as well.
set -euo pipefail

AT="${ATTUNE_BACKUP_AT:-02:30}"
RETENTION_DAYS="${ATTUNE_BACKUP_RETENTION_DAYS:-14}"
HOSTS="${ATTUNE_BACKUP_HOSTS:-mongo-1:27017,mongo-2:27017,mongo-3:27017}"
DIR="${ATTUNE_BACKUP_DIR:-/backups}"
SECRETS="${ATTUNE_SECRETS_DIR:-/run/secrets}"

[[ "$AT" =~ ^([01][0-9]|2[0-3]):[0-5][0-9]$ ]] || { echo "mongo-backup: ATTUNE_BACKUP_AT must be HH:MM, was '$AT'" >&2; exit 2; }
[[ "$RETENTION_DAYS" =~ ^[1-9][0-9]*$ ]] || { echo "mongo-backup: ATTUNE_BACKUP_RETENTION_DAYS must be a whole number above 0" >&2; exit 2; }

# The password goes into a config file, not onto the command line (where ps would show it).
umask 077
config="${TMPDIR:-/tmp}/mongodump.yml"
printf 'password: "%s"\n' "$(tr -d '\r\n' < "$SECRETS/mongo-backup-password")" > "$config"

backup() {
  local file
  file="$DIR/attune-mongo-$(date -u +%Y-%m-%dT%H%M%SZ).archive.gz"
  echo "mongo-backup: writing $file"
  if mongodump --config="$config" \
      --uri="mongodb://backup@${HOSTS}/?replicaSet=rs0&authSource=admin&readPreference=secondaryPreferred" \
      --oplog --gzip --archive="$file.partial" --quiet; then
    mv "$file.partial" "$file"
    echo "mongo-backup: done, $(du -h "$file" | cut -f1)"
  else
    rm -f "$file.partial"
    echo "mongo-backup: FAILED (the previous archives are kept)" >&2
  fi
  find "$DIR" -maxdepth 1 -name 'attune-mongo-*.archive.gz' -mtime +"$RETENTION_DAYS" -print -delete \
    | sed 's/^/mongo-backup: expired /'
}

seconds_until() {
  local now target
  now=$(date -u +%s)
  target=$(date -u -d "today $1" +%s)
  (( target <= now )) && target=$(date -u -d "tomorrow $1" +%s)
  echo $(( target - now ))
}

# PID 1 ignores SIGTERM unless it has a handler.
trap 'exit 0' TERM INT

[[ "${ATTUNE_BACKUP_NOW:-false}" == true ]] && backup
while true; do
  wait_s=$(seconds_until "$AT")
  echo "mongo-backup: next backup at $AT UTC (in ${wait_s}s)"
  # sleep in the background and wait, so "docker stop" (SIGTERM) ends the container at once
  sleep "$wait_s" & wait $!
  backup
done
