#!/usr/bin/env bash
# Runs every test of the solution and of the TypeScript SDK (clients/typescript), then prints one plain line: "N passed, M failed, K skipped".
# Exits with the test run's own exit code (1 if that passed but a compose or SDK check failed). Usage: scripts/test.sh [extra dotnet test arguments]
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Extended mode: coverage-guided fuzzing, bounded (scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]).
if [ "${1:-}" = "--fuzz" ]; then
  shift
  exec scripts/fuzz.sh "$@"
fi

results="$(pwd)/TestResults"
rm -rf "$results"

# Each helper checks first and installs only what is missing. No dotnet tool is restored: no test
# uses one (dotnet-ef, dotnet-trace and dotnet-counters are for developers; `dotnet tool restore`).
scripts/lib/ensure-tools.sh || exit 1
scripts/lib/ensure-openapi-tools.sh || exit 1
export PERSONAMEDIA_TEST_REQUIRE_OPENAPI_TOOLS=1   # the contract's tool tests fail, not skip, without them
PERSONAMEDIA_TEST_CHROMIUM="$(scripts/lib/ensure-chromium.sh)" || exit 1
export PERSONAMEDIA_TEST_CHROMIUM PERSONAMEDIA_TEST_REQUIRE_BROWSER=1   # the browser tests fail, not skip, without Chromium or ffmpeg
mkdir -p "$results"
scripts/lib/check-compose.sh "$results/compose.tap"
compose_status=$?   # an invalid compose file fails the run (counted in the summary); the tests still run
source scripts/lib/azurite.sh && azurite_start || exit 1   # the Azure Blob store's tests need it
dotnet test --solution PersonaMedia.sln --report-trx --results-directory "$results" "$@"
status=$?
azurite_stop
# The TypeScript SDK (clients/typescript): built and tested against the service its tests start; its counts join the summary.
scripts/lib/test-sdk.sh "$results/sdk.tap"
sdk_status=$?
scripts/lib/test-console.sh "$results/console.tap" || sdk_status=1   # the console (clients/console) in headless Chromium; counts join the summary

# Each test module writes one TRX file, the SDK's node:test run and the compose checks one TAP file each; add up their counters.
summary=$({ find "$results" -name '*.trx' -print0 2>/dev/null | xargs -0 -r grep -ho '<Counters [^>]*>'
            cat "$results"/*.tap 2>/dev/null | grep -E '^# (pass|fail|cancelled|skipped) [0-9]+$'; } | awk '
  function attr(name,   m) { return match($0, name "=\"[0-9]+\"") ? substr($0, RSTART + length(name) + 2, RLENGTH - length(name) - 3) + 0 : 0 }
  /^# pass / { passed += $3; next }
  /^# (fail|cancelled) / { failed += $3; next }
  /^# skipped / { skipped += $3; next }
  { passed += attr("passed"); failed += attr("failed") + attr("error") + attr("timeout") + attr("aborted"); skipped += attr("notExecuted") }
  END { printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped }')
if [ -z "$summary" ]; then
  summary="0 passed, 0 failed, 0 skipped"
  [ "$status" -eq 0 ] && status=1   # no test ran at all: that is a failure, not a pass
fi
echo "$summary"
[ "$status" -eq 0 ] && [ "$compose_status" -ne 0 ] && status=1
[ "$status" -eq 0 ] && [ "$sdk_status" -ne 0 ] && status=1
exit "$status"
