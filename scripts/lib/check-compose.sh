#!/usr/bin/env bash
# Validates docker-compose.yml with Debian's docker-compose package (installed when missing), every
# profile included, using .env.example for the settings a real deployment keeps in .env; then checks
# the production rules of scripts/lib/check-compose.py on the resolved file (no secret in plain
# environment, loopback ports, the stop grace period, the start order, limits, rotation, pinned tags).
# Exits non-zero when the compose file is invalid, breaks a rule, or the tool cannot be installed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
source scripts/lib/apt.sh

command -v docker-compose >/dev/null 2>&1 || apt_install docker-compose

if ! resolved=$(docker-compose --env-file .env.example --file docker-compose.yml --profile azure --profile observability config); then
  echo "check-compose: docker-compose.yml is INVALID (see above)" >&2
  exit 1
fi
# python3-yaml comes with Debian's docker-compose.
if ! python3 scripts/lib/check-compose.py <<<"$resolved"; then
  echo "check-compose: docker-compose.yml breaks a production rule (see above)" >&2
  exit 1
fi
echo "check-compose: docker-compose.yml is valid"
