#!/bin/bash
# One-shot (compose service db-init), as sa: the database, the migrator login (owner of that database
# only: the migration bundle's DDL) and the API's login (read and write, no DDL). Idempotent: run again,
# it changes only the passwords, to what the secret files say now.
set -euo pipefail

read_secret() { tr -d '\r\n' < "/run/secrets/$1"; }

# sqlcmd reads the password from SQLCMDPASSWORD and scripting variables from the environment, so no
# password is on a command line.
export SQLCMDPASSWORD="$(read_secret mssql_sa_password)"
export MIGRATOR_PASSWORD="$(read_secret db_migrator_password)"
export APP_PASSWORD="$(read_secret db_app_password)"
export DB_NAME="${DB_NAME:-PersonaMedia}"
for value in "$MIGRATOR_PASSWORD" "$APP_PASSWORD"; do
  if [[ "$value" == *"'"* || "$value" == *'$('* ]]; then
    echo "db-init: a password contains ' or \$( ; scripts/compose-secrets.sh makes ones without" >&2
    exit 1
  fi
done

exec /opt/mssql-tools18/bin/sqlcmd -C -S "${DB_SERVER:-sqlserver}" -U sa -b -i /ops/db-init.sql
