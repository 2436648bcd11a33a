#!/usr/bin/env bash
# Prints the path of a promtool, for checking ops/prometheus: the one on PATH, or Debian's
# (package `prometheus`) unpacked into tools/promtool/. The package is downloaded and unpacked, not
# installed: installing it would also start a Prometheus server. About 20 MB, once.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
if command -v promtool >/dev/null 2>&1; then command -v promtool; exit 0; fi
target=tools/promtool/promtool
if [ ! -x "$target" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  { (cd "$work" && apt-get download prometheus) || { $sudo apt-get -o DPkg::Lock::Timeout=600 update -q && (cd "$work" && apt-get download prometheus); }; } >"$work/log" 2>&1 \
    || { cat "$work/log" >&2; echo "ensure-promtool: could not download Debian's prometheus package" >&2; exit 1; }
  dpkg-deb -x "$work"/prometheus_*.deb "$work/x"
  mkdir -p tools/promtool
  cp "$work/x/usr/bin/promtool" "$target"
fi
echo "$(pwd)/$target"
