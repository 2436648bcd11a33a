#!/usr/bin/env bash
# Installs the pinned Node tools that check the OpenAPI contract (tools/openapi: Redocly CLI,
# openapi-typescript, openapi-fetch, TypeScript 5) when they are missing or older than the lock file.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../tools/openapi"
if [ ! -x node_modules/.bin/redocly ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "openapi tools: installing tools/openapi (npm ci)..." >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
fi
