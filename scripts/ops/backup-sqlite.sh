#!/usr/bin/env bash
# Online backup of a SQLite deployment: the database first (SQLite's backup API, a consistent copy
# while the service keeps writing), then the upload folder. In that order a file uploaded in between
# is only an unreferenced file after a restore (the reconciler removes it), while the other order
# could restore rows whose bytes are missing.
# Usage: scripts/ops/backup-sqlite.sh DATABASE_FILE UPLOADS_DIR BACKUP_DIR
# Writes BACKUP_DIR/personamedia.db and BACKUP_DIR/uploads.tar.gz; needs python3 (its sqlite3 module).
set -euo pipefail
db=${1:?usage: backup-sqlite.sh DATABASE_FILE UPLOADS_DIR BACKUP_DIR}
uploads=${2:?usage: backup-sqlite.sh DATABASE_FILE UPLOADS_DIR BACKUP_DIR}
out=${3:?usage: backup-sqlite.sh DATABASE_FILE UPLOADS_DIR BACKUP_DIR}
[ -f "$db" ] || { echo "backup-sqlite: no database at $db" >&2; exit 1; }
[ -d "$uploads" ] || { echo "backup-sqlite: no upload folder at $uploads" >&2; exit 1; }
mkdir -p "$out"

# 1. The database, with SQLite's backup API in one step: it copies every page inside one read
# transaction, so the copy is one committed state (WAL included) while writers go on (in WAL mode a
# reader does not block them). In small steps, each write in between would restart it.
python3 - "$db" "$out/personamedia.db.tmp" <<'PY'
import sqlite3, sys
source = sqlite3.connect(sys.argv[1], timeout=30)
target = sqlite3.connect(sys.argv[2])
with target:
    source.backup(target)
check = target.execute("PRAGMA integrity_check").fetchone()[0]
if check != "ok":
    sys.exit(f"backup-sqlite: the copy fails its integrity check: {check}")
target.close(); source.close()
PY
mv "$out/personamedia.db.tmp" "$out/personamedia.db"

# 2. The files, after the database: every row of the copy has its file already. Temporary files of
# uploads in flight are left out (they belong to no row).
# GNU tar exits 1 when a folder changed while it was read (uploads go on): not an error here, the
# files this copy's rows name were complete before the database was copied.
status=0
tar -czf "$out/uploads.tar.gz.tmp" -C "$uploads" --warning=no-file-changed --warning=no-file-removed \
  --exclude='*.partial' --exclude='./_health' . || status=$?
[ "$status" -le 1 ] || { echo "backup-sqlite: tar failed ($status)" >&2; exit 1; }
mv "$out/uploads.tar.gz.tmp" "$out/uploads.tar.gz"
echo "backup-sqlite: $out/personamedia.db ($(stat -c %s "$out/personamedia.db") bytes), $out/uploads.tar.gz ($(stat -c %s "$out/uploads.tar.gz") bytes)"
