#!/usr/bin/env bash
# Installs what the tests drive the service with, as a reader of the README would:
# curl and jq for the shell examples, Python 3 with requests for the Python example; ffmpeg makes
# the real MP4 the browser tests play.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
source scripts/lib/apt.sh

missing=()
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v jq >/dev/null 2>&1 || missing+=(jq)
command -v python3 >/dev/null 2>&1 && python3 -c 'import requests' 2>/dev/null || missing+=(python3 python3-requests)
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
[ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
