#!/usr/bin/env bash
# Validates docker-compose.yml with Debian's docker-compose package (installed when missing),
# using .env.example for the variables that a real deployment keeps in .env.
# Exits non-zero when the compose file is invalid or the tool cannot be installed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
source scripts/lib/apt.sh

command -v docker-compose >/dev/null 2>&1 || apt_install docker-compose

if ! docker-compose --env-file .env.example --file docker-compose.yml config --quiet; then
  echo "check-compose: docker-compose.yml is INVALID (see above)" >&2
  exit 1
fi
echo "check-compose: docker-compose.yml is valid"
