#!/usr/bin/env bash
# Writes the secret files docker-compose.yml reads (secrets/, git-ignored): random passwords and keys,
# and the API's connection string with its own login. Never overwrites a file that exists, so running
# it again only adds what is missing. To rotate one, delete its file, run this again, then
# `docker compose up -d` (db-init sets the SQL logins' passwords to the new files).
# Usage: scripts/compose-secrets.sh [folder]   (default: secrets/ next to docker-compose.yml)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dir="${1:-secrets}"
mkdir -p "$dir"
chmod 700 "$dir"

random() { head -c "$1" /dev/urandom | od -An -tx1 | tr -d ' \n'; }
# SQL Server's policy wants three of upper, lower, digits, symbols; hex gives two, the affixes the rest.
password() { printf 'Pm-%s-Z9' "$(random 18)"; }

write() {
  local name="$1" value="$2"
  if [ -e "$dir/$name" ]; then
    echo "compose-secrets: $dir/$name exists, kept"
    return
  fi
  # Readable inside the containers, whose users are not this one; the folder itself is 0700.
  (umask 022 && printf '%s' "$value" > "$dir/$name")
  echo "compose-secrets: wrote $dir/$name"
}

write mssql_sa_password "$(password)"
write db_migrator_password "$(password)"
write db_app_password "$(password)"
write api_connection_string "Server=sqlserver,1433;Database=PersonaMedia;User ID=personamedia_app;Password=$(tr -d '\r\n' < "$dir/db_app_password");Encrypt=True;TrustServerCertificate=True"
write jwt_signing_key "$(random 48)"
write media_url_signing_key "$(random 48)"
# Azurite's well-known development account (the `azure` profile); put a real account's here for production.
write azure_storage_connection_string "${AZURE_STORAGE_CONNECTION_STRING:-DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://azurite:10000/devstoreaccount1;}"
write grafana_admin_password "$(random 16)"
