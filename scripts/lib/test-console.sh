#!/usr/bin/env bash
# Builds the reference console (clients/console: the SDK and its own packages installed and built by
# its scripts/build.mjs, the same step the WebApi build runs) and runs its end-to-end tests: headless
# Chromium (Debian's, through playwright-core's executablePath) against the real service, which the
# tests start on a free loopback port and stop. Screenshots go to clients/console/test-artifacts.
# Writes the run as TAP to $1, whose closing counts scripts/test.sh adds to its summary.
set -uo pipefail
tap="$1"
cd "$(dirname "${BASH_SOURCE[0]}")/../../clients/console"
fail() { printf '# fail 1\n' > "$tap"; echo "console: $1" >&2; exit 1; }   # counted as one failed test
node scripts/build.mjs >&2 || fail "the console's build failed"
npm run --silent build:test >&2 || fail "tsc (tests) failed"
node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$tap" out/test/*.test.js
