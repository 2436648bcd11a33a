#!/usr/bin/env bash
# Restores a backup made by backup-compose.sh: stops the API, restores the database over the current
# one, replaces the upload volume's content, runs db-init and the migrations (a backup from an older
# version is brought up to this one), and starts the API again.
# Usage: scripts/ops/restore-compose.sh BACKUP_DIR
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
in=${1:?usage: restore-compose.sh BACKUP_DIR}
for f in "$in/personamedia.bak" "$in/uploads.tar.gz"; do [ -f "$f" ] || { echo "restore-compose: $f is missing" >&2; exit 1; }; done

docker compose stop api
docker compose exec -T sqlserver mkdir -p /var/opt/mssql/backup
docker compose cp "$in/personamedia.bak" sqlserver:/var/opt/mssql/backup/personamedia.bak
docker compose exec -T sqlserver bash -c '
  set -e
  SQLCMDPASSWORD="$(cat /run/secrets/mssql_sa_password)" /opt/mssql-tools18/bin/sqlcmd -C -S localhost -U sa -b -Q \
    "ALTER DATABASE [PersonaMedia] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; RESTORE DATABASE [PersonaMedia] FROM DISK = N'"'"'/var/opt/mssql/backup/personamedia.bak'"'"' WITH REPLACE, CHECKSUM; ALTER DATABASE [PersonaMedia] SET MULTI_USER"'
# The upload volume, emptied and refilled by a one-off container of the API image, as its own user.
docker compose run --rm --no-deps -T --entrypoint bash api -c 'find /app/uploads -mindepth 1 -delete && tar -xzf - -C /app/uploads' < "$in/uploads.tar.gz"
# `up` runs db-init again (which maps the restored database's users to this server's logins) and the
# migrations before the API starts.
docker compose up -d
echo "restore-compose: restored from $in; docker compose ps shows the API starting"
