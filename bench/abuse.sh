#!/usr/bin/env bash
# Usage: bench/abuse.sh [OUTDIR]
#
# Issue 14's attacks, against a fresh Release build on a free loopback port (bench/lib/service.sh:
# fresh SQLite database and upload folder, request limits off, so every sign-in below is hashed and
# what is measured is the password-hashing bound and the form bounds, not the rate limiter):
#   1. /health latency alone (hey -c 2);
#   2. the same while 16 clients post wrong passwords to /auth/login as fast as they are answered,
#      and a valid sign-in every second in between (its status and time);
#   3. the server's RSS before and after 32 parallel 10 MiB upload bodies made of 630 text fields
#      of 16 KiB each (refused by the form bounds), and its peak (VmHWM).
# Prints a markdown table; OUTDIR (default /tmp/personamedia-bench/abuse-<timestamp>) keeps hey's output.
# Env: FLOOD_SECONDS (30), HEALTH_N (2000), BENCH_QUIET_LOAD / BENCH_QUIET_WAIT as for bench/run.sh.
set -uo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
OUT=${1:-/tmp/personamedia-bench/abuse-$(date +%Y%m%d-%H%M%S)}
FLOOD_SECONDS=${FLOOD_SECONDS:-30}
HEALTH_N=${HEALTH_N:-2000}
export BENCH_QUIET_LOAD=${BENCH_QUIET_LOAD-1.5}
# shellcheck source=lib/service.sh
source "$HERE/lib/service.sh"
mkdir -p "$OUT"

ensure_apt hey curl jq python3 || { say "could not install the load tools"; exit 1; }
build_service "$OUT/build.log" || { say "build failed, see $OUT/build.log"; exit 1; }
trap 'stop_service abuse' EXIT
wait_quiet
start_service || exit 1

# hey's latency distribution line "  50% in 0.0031 secs" -> milliseconds
pct() { awk -v p="$2%" '$1 == p && $2 == "in" { printf "%.1f", $3 * 1000 }' "$1"; }
rps() { awk '/Requests\/sec:/ { printf "%.1f", $2 }' "$1"; }
codes() { awk '/Status code distribution:/ { on = 1; next } on && /\[/ { gsub(/[\[\]]/, ""); printf "%s%s x%s", sep, $1, $2; sep = ", " } on && !/\[/ && NF == 0 { on = 0 }' "$1"; }
rss_mb() { awk -v k="$1:" '$1 == k { printf "%.1f", $2 / 1024 }' "/proc/$SVC_PID/status"; }

say "registering the bench user"
curl -fsS -o "$OUT/register.json" -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.com","username":"bench","password":"correct-horse-battery"}' "$SVC_URL/auth/register" || exit 1
TOKEN=$(jq -r .access_token "$OUT/register.json")
PERSONA=$(curl -fsS -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{"name":"bench"}' "$SVC_URL/personas/" | jq -r .id)

say "1. /health alone"
hey -n "$HEALTH_N" -c 2 "$SVC_URL/health" >"$OUT/health-alone.txt"

say "2. /health under a sign-in flood of 16 clients for ${FLOOD_SECONDS}s"
hey -z "${FLOOD_SECONDS}s" -c 16 -m POST -T application/json \
  -d '{"email":"bench@example.com","password":"wrong-password"}' "$SVC_URL/auth/login" >"$OUT/flood.txt" &
FLOOD=$!
sleep 3
hey -z "$((FLOOD_SECONDS - 8))s" -c 2 "$SVC_URL/health" >"$OUT/health-flood.txt" &
HEALTH=$!
: >"$OUT/valid-logins.txt"
for _ in $(seq 1 $((FLOOD_SECONDS - 10))); do
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H 'Content-Type: application/json' \
    -d '{"email":"bench@example.com","password":"correct-horse-battery"}' "$SVC_URL/auth/login" >>"$OUT/valid-logins.txt"
  sleep 1
done
wait "$HEALTH" "$FLOOD"

say "3. 32 parallel bodies of 630 text fields of 16 KiB"
python3 - "$OUT/fields.bin" <<'PY'
import sys
field = b"x" * 16384
with open(sys.argv[1], "wb") as f:
    for i in range(630):
        f.write(b"--fuzzboundary\r\nContent-Disposition: form-data; name=\"f%d\"\r\n\r\n" % i + field + b"\r\n")
    f.write(b"--fuzzboundary--\r\n")
PY
RSS_BEFORE=$(rss_mb VmRSS)
hey -n 32 -c 32 -m POST -D "$OUT/fields.bin" -T 'multipart/form-data; boundary=fuzzboundary' \
  -H "Authorization: Bearer $TOKEN" "$SVC_URL/upload/persona/$PERSONA/image" >"$OUT/fields.txt"
sleep 2
RSS_AFTER=$(rss_mb VmRSS)
RSS_PEAK=$(rss_mb VmHWM)

valid_ok=$(awk '$1 == 200' "$OUT/valid-logins.txt" | wc -l)
valid_all=$(wc -l <"$OUT/valid-logins.txt")
valid_p50=$(awk '{ print $2 * 1000 }' "$OUT/valid-logins.txt" | sort -n | awk '{ a[NR] = $1 } END { printf "%.0f", a[int((NR + 1) / 2)] }')
valid_max=$(awk '{ print $2 * 1000 }' "$OUT/valid-logins.txt" | sort -n | tail -1 | awk '{ printf "%.0f", $1 }')
{
  echo "machine: $(nproc) cores; load1 at the end $(cut -d' ' -f1 /proc/loadavg); commit $(git -C "$ROOT" rev-parse --short HEAD)"
  echo
  echo "| measure | value |"
  echo "|---|---|"
  echo "| /health alone, p50 / p99 ms | $(pct "$OUT/health-alone.txt" 50) / $(pct "$OUT/health-alone.txt" 99) |"
  echo "| /health under the flood, p50 / p99 ms | $(pct "$OUT/health-flood.txt" 50) / $(pct "$OUT/health-flood.txt" 99) |"
  echo "| flood: wrong-password sign-ins answered per s; statuses | $(rps "$OUT/flood.txt"); $(codes "$OUT/flood.txt") |"
  echo "| valid sign-ins during the flood: 200 of all; p50 / max ms | $valid_ok of $valid_all; $valid_p50 / $valid_max |"
  echo "| 32 × 630 text fields of 16 KiB: statuses | $(codes "$OUT/fields.txt") |"
  echo "| RSS before / after / growth MB (peak VmHWM) | $RSS_BEFORE / $RSS_AFTER / $(awk -v a="$RSS_AFTER" -v b="$RSS_BEFORE" 'BEGIN { printf "%.1f", a - b }') ($RSS_PEAK) |"
} | tee "$OUT/report.md"
