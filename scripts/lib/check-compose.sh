#!/usr/bin/env bash
# Validates docker-compose.yml with Debian's docker-compose package (installed when missing),
# using .env.example for the variables that a real deployment keeps in .env.
# Exits non-zero when the compose file is invalid or the tool cannot be installed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

if ! command -v docker-compose >/dev/null 2>&1; then
  echo "check-compose: installing Debian's docker-compose (about 20 s)"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  log=$(mktemp)
  started=$SECONDS
  if ! { $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q \
         && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends docker-compose; } >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "check-compose: could not install docker-compose" >&2
    exit 1
  fi
  rm -f "$log"
  echo "check-compose: installed docker-compose $(docker-compose version --short) in $((SECONDS - started)) s"
fi

if ! docker-compose --env-file .env.example --file docker-compose.yml config --quiet; then
  echo "check-compose: docker-compose.yml is INVALID (see above)" >&2
  exit 1
fi
echo "check-compose: docker-compose.yml is valid"
