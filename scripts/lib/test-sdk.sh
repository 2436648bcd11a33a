#!/usr/bin/env bash
# Installs (npm ci, when node_modules is missing or older than the lock file), builds and tests the
# TypeScript SDK in clients/typescript; its tests start the service themselves (src/WebApi on a free
# loopback port, a temporary SQLite file and upload folder) and stop it. Writes the run as TAP to
# $1, whose closing counts scripts/test.sh adds to its summary. Exits with the test run's code.
set -uo pipefail
tap="$1"
cd "$(dirname "${BASH_SOURCE[0]}")/../../clients/typescript"
fail() { printf '# fail 1\n' > "$tap"; echo "sdk: $1" >&2; exit 1; }   # counted as one failed test
if [ ! -x node_modules/.bin/tsc ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "sdk: installing clients/typescript (npm ci)..." >&2
  npm ci --no-audit --no-fund --loglevel=error >&2 || fail "npm ci failed"
fi
npm run --silent build >&2 || fail "tsc (build) failed"
npm run --silent build:test >&2 || fail "tsc (tests) failed"
node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$tap" out/test/*.test.js
