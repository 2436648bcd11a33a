#!/usr/bin/env bash
# Installs Debian's Chromium when missing (browser tests drive it through Playwright's
# executablePath; no tool may download a browser of its own here) and prints its path.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
source scripts/lib/apt.sh

if ! [ -x /usr/bin/chromium ]; then
  apt_install chromium fonts-dejavu-core >&2
fi
echo /usr/bin/chromium
