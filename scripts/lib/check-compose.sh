#!/usr/bin/env bash
# Validates docker-compose.yml with Debian's docker-compose package (installed when missing), every
# profile included, using .env.example for the settings a real deployment keeps in .env; then checks
# the production rules of scripts/lib/check-compose.py on the resolved file (no secret in plain
# environment, loopback ports, the stop grace period, the start order, limits, rotation, pinned tags),
# and the observability profile's Prometheus with promtool (its configuration, the alert rules and
# their unit tests).
# Usage: check-compose.sh [TAP_FILE]. With TAP_FILE, each of the five checks is written there as one
# test, so scripts/test.sh counts them in its summary line. Exits non-zero when any check fails or a
# tool cannot be installed.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
source scripts/lib/apt.sh
tap="${1:-/dev/null}"
passed=0 failed=0 n=0

# check NAME COMMAND...: runs the command, says how it went, records it as one TAP test.
check() {
  local name="$1"; shift
  n=$((n + 1))
  if "$@" >/dev/null; then
    passed=$((passed + 1)); echo "ok $n - $name" >>"$tap"; echo "check-compose: ok, $name"
  else
    failed=$((failed + 1)); echo "not ok $n - $name" >>"$tap"; echo "check-compose: FAILED, $name (see above)" >&2
  fi
}
finish() {
  printf '1..%d\n# pass %d\n# fail %d\n' "$n" "$passed" "$failed" >>"$tap"
  [ "$failed" -eq 0 ]
  exit
}
: >"$tap"

command -v docker-compose >/dev/null 2>&1 || apt_install docker-compose || { check "docker-compose is installed" false; finish; }

resolved=""
resolve() { resolved=$(docker-compose --env-file .env.example --file docker-compose.yml --profile azure --profile observability config); }
check "docker-compose.yml is valid, every profile included" resolve
# python3-yaml comes with Debian's docker-compose.
production_rules() { [ -n "$resolved" ] && python3 scripts/lib/check-compose.py <<<"$resolved" >&2; }
check "docker-compose.yml keeps the production rules (scripts/lib/check-compose.py)" production_rules

if ! promtool=$(scripts/lib/ensure-promtool.sh); then
  check "promtool is installed" false
  finish
fi
check "ops/prometheus/prometheus.yml passes promtool check config" "$promtool" check config --syntax-only ops/prometheus/prometheus.yml
check "ops/prometheus/alerts.yml passes promtool check rules" "$promtool" check rules ops/prometheus/alerts.yml
check "the alert rules' unit tests pass (promtool test rules ops/prometheus/alerts.test.yml)" "$promtool" test rules ops/prometheus/alerts.test.yml
finish
