#!/usr/bin/env bash
# Backup of the compose deployment (SQL Server + local uploads), online: SQL Server's own BACKUP
# first (a consistent copy while the API writes; COPY_ONLY, so it leaves any backup chain of your own
# alone), then the upload volume. In that order a file uploaded in between is only an unreferenced file
# after a restore, while the other order could restore rows whose bytes are missing.
# Usage: scripts/ops/backup-compose.sh [BACKUP_DIR]   (default backups/<UTC date-time>), next to docker-compose.yml
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
out=${1:-backups/$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$out"

# The password is read inside the container from its secret file into SQLCMDPASSWORD: on no command line.
docker compose exec -T sqlserver bash -c '
  set -e
  mkdir -p /var/opt/mssql/backup
  SQLCMDPASSWORD="$(cat /run/secrets/mssql_sa_password)" /opt/mssql-tools18/bin/sqlcmd -C -S localhost -U sa -b -Q \
    "BACKUP DATABASE [PersonaMedia] TO DISK = N'"'"'/var/opt/mssql/backup/personamedia.bak'"'"' WITH INIT, COPY_ONLY, CHECKSUM"
  SQLCMDPASSWORD="$(cat /run/secrets/mssql_sa_password)" /opt/mssql-tools18/bin/sqlcmd -C -S localhost -U sa -b -Q \
    "RESTORE VERIFYONLY FROM DISK = N'"'"'/var/opt/mssql/backup/personamedia.bak'"'"' WITH CHECKSUM"'
docker compose cp sqlserver:/var/opt/mssql/backup/personamedia.bak "$out/personamedia.bak"

# Then the files (not uploads still in flight, nor the readiness probe's).
# GNU tar exits 1 when a folder changed while it was read (uploads go on): not an error here.
status=0
docker compose exec -T api tar -czf - -C /app/uploads --warning=no-file-changed --warning=no-file-removed \
  --exclude='*.partial' --exclude='./_health' . > "$out/uploads.tar.gz" || status=$?
[ "$status" -le 1 ] || { echo "backup-compose: tar failed ($status)" >&2; exit 1; }
echo "backup-compose: $out/personamedia.bak, $out/uploads.tar.gz"
