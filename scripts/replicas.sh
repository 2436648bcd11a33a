#!/usr/bin/env bash
# Usage: scripts/replicas.sh [SECONDS]   (default 60)
# Two published service processes over one SQLite database and one Azurite container take a mixed
# concurrent load (uploads with Idempotency-Key retries sent to the other replica, downloads,
# description changes, deletes) for SECONDS, then stop; it passes when no answer was a 5xx and the
# store holds exactly the objects the database has rows for (tests/WebApi.FunctionalTests/
# Consistency/ReplicaTests.cs). The test command runs the same test for 5 s. Starts and stops
# Azurite itself; exits with the test's own code.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib/azurite.sh && azurite_start || exit 1
PERSONAMEDIA_TEST_REPLICAS_SECONDS=${1:-60} \
  dotnet test --project tests/WebApi.FunctionalTests --filter "FullyQualifiedName~Consistency.ReplicaTests" --output Detailed
status=$?
azurite_stop
exit $status
