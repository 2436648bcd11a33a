#!/bin/bash
# Entry point of the migrations image (Dockerfile target `migrations`; compose service migrate): applies
# the pending EF Core migrations as the migrator login, then exits 0 (or non-zero, and the API does not
# start). The connection string goes to the bundle through the environment, not its command line.
set -euo pipefail
password="$(tr -d '\r\n' < /run/secrets/db_migrator_password)"
export PERSONAMEDIA_MIGRATIONS_CONNECTION="Server=${DB_SERVER:-sqlserver},1433;Database=${DB_NAME:-PersonaMedia};User ID=personamedia_migrator;Password=${password};Encrypt=True;TrustServerCertificate=True"
exec /efbundle "$@"
