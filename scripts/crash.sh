#!/usr/bin/env bash
# Usage: scripts/crash.sh [ROUNDS] [SEED]   (default 30 rounds, a random seed)
# Kills the published service with SIGKILL at random moments under upload, file-delete and
# persona-delete load, ROUNDS times over the same data, then checks that nothing acknowledged
# was lost and that, once the retrier and the reconciler have run, the store equals the database
# (tests/WebApi.FunctionalTests/Consistency/CrashTests.cs; the test command runs 3 rounds).
# The seed is printed; pass it back to replay the same kill times. Exits with the test's own code.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PERSONAMEDIA_TEST_CRASH_ROUNDS=${1:-30}
[ -n "${2:-}" ] && export PERSONAMEDIA_TEST_CRASH_SEED=$2
exec dotnet test --project tests/WebApi.FunctionalTests --filter "FullyQualifiedName~Consistency.CrashTests" --output Detailed
