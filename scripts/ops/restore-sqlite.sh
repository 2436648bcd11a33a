#!/usr/bin/env bash
# Restores a backup made by backup-sqlite.sh into a database file and an upload folder, which must
# not exist yet (restore into a new place, then point the service at it, or stop the service and
# move the old ones aside first).
# Usage: scripts/ops/restore-sqlite.sh BACKUP_DIR DATABASE_FILE UPLOADS_DIR
set -euo pipefail
in=${1:?usage: restore-sqlite.sh BACKUP_DIR DATABASE_FILE UPLOADS_DIR}
db=${2:?usage: restore-sqlite.sh BACKUP_DIR DATABASE_FILE UPLOADS_DIR}
uploads=${3:?usage: restore-sqlite.sh BACKUP_DIR DATABASE_FILE UPLOADS_DIR}
for f in "$in/personamedia.db" "$in/uploads.tar.gz"; do [ -f "$f" ] || { echo "restore-sqlite: $f is missing" >&2; exit 1; }; done
[ ! -e "$db" ] || { echo "restore-sqlite: $db exists; move it aside first" >&2; exit 1; }
[ ! -e "$uploads" ] || [ -z "$(ls -A "$uploads")" ] || { echo "restore-sqlite: $uploads is not empty; move it aside first" >&2; exit 1; }
mkdir -p "$(dirname "$db")" "$uploads"
cp "$in/personamedia.db" "$db"
tar -xzf "$in/uploads.tar.gz" -C "$uploads"
echo "restore-sqlite: $db and $uploads restored; start the service on them"
