#!/usr/bin/env bash
# Usage: bench/run.sh [--compare | --media] [OUTDIR]
#
# Builds src/WebApi in Release, starts it on a free loopback port with a fresh SQLite database and
# upload folder, drives it with hey (bench/lib/phases.sh), stops it and deletes its data, then
# prints the table. With --compare it also runs, in the same invocation, the shared harness
# (../shared/bench): run-all.sh for peer-fastapi and limit-kestrel, and run.sh against a fresh
# PersonaMedia, and prints the ratios against the targets of issue 5; it also repeats the upload
# phases with Storage:Local:FlushToDisk=false, so the cost of the fsync per upload is in the same run.
# With --media it runs only the download phases (bearer /download and signed /media/{token}, whole
# 9.5 MiB file and 1 MiB ranges, issue 11), interleaved with the same downloads against the shared
# harness's limit-kestrel, the ceiling, running beside it (about 2 minutes in all).
#
# Env: BENCH_QUIET_LOAD (default 1.5: before each server, wait up to BENCH_QUIET_WAIT=120 s for
# the 1-minute load average to drop below it; empty = don't wait), BENCH_SHARED (default
# ../shared/bench beside the repository), BENCH_SERVER_ENV ("NAME=value ..." for the service),
# BENCH_KEEP=1, and the request counts of bench/lib/phases.sh.
# Results: OUTDIR (default /tmp/personamedia-bench/<timestamp>) gets the TSVs, logs and report.md.
set -uo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
COMPARE=0
MEDIA=0
case "${1:-}" in
  --compare) COMPARE=1; shift ;;
  --media) MEDIA=1; shift ;;
esac
export BENCH_OUTDIR=${1:-/tmp/personamedia-bench/$(date +%Y%m%d-%H%M%S)}
export BENCH_QUIET_LOAD=${BENCH_QUIET_LOAD-1.5}
export BENCH_SHARED=${BENCH_SHARED:-$ROOT/../shared/bench}
# The raw-socket TTFB of the 413 is a few ms and the shared default of 10 tries made its p50
# swing by 2x between runs; 40 tries, for every server of the invocation alike.
export N_TTFB=${N_TTFB:-40}
# shellcheck source=lib/service.sh
source "$HERE/lib/service.sh"

[ -x "$BENCH_SHARED/run.sh" ] || { say "the shared harness is missing: $BENCH_SHARED"; exit 1; }
BENCH_SHARED=$(cd "$BENCH_SHARED" && pwd)
mkdir -p "$BENCH_OUTDIR"
OUT=$BENCH_OUTDIR

ensure_apt hey wrk jq curl python3 || { say "could not install the load tools"; exit 1; }
if [ "$COMPARE" = 1 ]; then
  # what ../shared/bench/README.md lists for peer-fastapi (Debian's python3, not pip)
  ensure_apt python3-fastapi python3-uvicorn python3-multipart python3-aiofiles python3-sqlalchemy \
    python3-aiosqlite python3-jose python3-uvloop python3-httptools || { say "could not install the peer's packages"; exit 1; }
fi
build_service "$OUT/build.log" || { say "build failed, see $OUT/build.log"; exit 1; }
trap 'stop_service' EXIT

{
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.1f GiB", $2/1048576}' /proc/meminfo) RAM, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "kernel: $(uname -r); dotnet: $(dotnet --version); hey: $(dpkg-query -W -f='${Version}' hey)"
  echo "commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null)$(git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo ' (with local changes)')"
  echo "server env: ${BENCH_SERVER_ENV:-(defaults)}"
} | tee "$OUT/machine.txt" >&2

run_personamedia() { # label script -> runs one harness script against a fresh service
  local label=$1 script=$2 rc
  wait_quiet
  start_service || return 1
  BENCH_DATADIR="$SVC_DIR/uploads" BENCH_OUT="$OUT/$label.tsv" \
    "$script" "$SVC_URL" "$SVC_PID" personamedia 2> >(tee "$OUT/$label.log" >&2) >/dev/null
  rc=$?
  stop_service "$label"
  return $rc
}

LIMIT_PID=""
LIMIT_HOME=""
LIMIT_DATA=""
start_limit() { # builds the shared harness's limit-kestrel in a temporary copy and starts it: LIMIT_URL, LIMIT_PID
  LIMIT_HOME=$(mktemp -d /tmp/limit-kestrel-build.XXXXXX)
  cp -r "$BENCH_SHARED/limit-kestrel/." "$LIMIT_HOME/"
  (cd "$LIMIT_HOME" && dotnet build -c Release -nologo -v q >"$OUT/limit-build.log" 2>&1) \
    || { say "limit-kestrel build failed, see $OUT/limit-build.log"; return 1; }
  LIMIT_DATA=$(mktemp -d /tmp/limit-kestrel-data.XXXXXX)
  local port
  port=$(free_port); LIMIT_URL="http://127.0.0.1:$port"
  LIMIT_PID=$(LIMIT_HOME="$LIMIT_HOME" "$BENCH_SHARED/limit-kestrel/start.sh" "$port" "$LIMIT_DATA") || return 1
  say "limit-kestrel pid $LIMIT_PID on $LIMIT_URL"
}
stop_limit() { # TERM, wait up to 10 s, then KILL - by PID only; then delete its build and data
  if [ -n "$LIMIT_PID" ] && kill "$LIMIT_PID" 2>/dev/null; then
    for _ in $(seq 1 100); do kill -0 "$LIMIT_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$LIMIT_PID" 2>/dev/null
  fi
  LIMIT_PID=""
  rm -rf "$LIMIT_HOME" "$LIMIT_DATA"
}

rc=0
if [ "$MEDIA" = 1 ]; then
  trap 'stop_service; stop_limit' EXIT
  if start_limit; then
    BENCH_PHASES=downloads CEILING_BASE="$LIMIT_URL" CEILING_PID="$LIMIT_PID" \
      run_personamedia personamedia-media "$HERE/lib/phases.sh" || rc=1
  else
    rc=1
  fi
  stop_limit
  /usr/bin/python3 "$HERE/lib/report.py" "$OUT" | tee "$OUT/report.md"
  grep -h 'check FAIL' "$OUT"/*.log >&2 && rc=1
  say "results in $OUT"
  exit $rc
fi
run_personamedia personamedia-own "$HERE/lib/phases.sh" || rc=1
if [ "$COMPARE" = 1 ]; then
  say "the upload phases again with Storage:Local:FlushToDisk=false, to price the fsync per upload"
  BENCH_PHASES=uploads BENCH_SERVER_ENV="${BENCH_SERVER_ENV:-} Storage__Local__FlushToDisk=false" \
    run_personamedia personamedia-nofsync "$HERE/lib/phases.sh" || rc=1
  say "shared harness: peer-fastapi and limit-kestrel"
  PEER_PORT=$(free_port) LIMIT_PORT=$(free_port) "$BENCH_SHARED/run-all.sh" "$OUT" >/dev/null || rc=1
  say "shared harness: run.sh against PersonaMedia"
  run_personamedia personamedia "$BENCH_SHARED/run.sh" || rc=1
fi

/usr/bin/python3 "$HERE/lib/report.py" "$OUT" | tee "$OUT/report.md"
grep -h 'check FAIL' "$OUT"/*.log >&2 && rc=1
say "results in $OUT"
exit $rc
