#!/usr/bin/env bash
# Usage: bench/persona-delete.sh [N_FILES]     (default 10000)
#
# Prices deleting a persona that holds N_FILES files (issue 15): how long its DELETE takes, and
# what it does to another user's uploads meanwhile. Builds src/WebApi in Release, starts it on a
# free loopback port with a fresh SQLite database and upload folder, seeds user A's persona with
# N_FILES 4 KiB JPEGs, then runs user B's uploads (hey, LOAD_C connections for LOAD_S seconds)
# twice: once alone (the baseline) and once with A's DELETE issued DELETE_AT seconds in. Prints
# the DELETE's time and B's p50/p99/max over the DELETE's window against the baseline's.
# Env: LOAD_C (4), LOAD_S (20), DELETE_AT (5), SEED_C (8), BENCH_SERVER_ENV ("NAME=value ..."
# for the service, e.g. Database__DeleteBatchSize=4000), BENCH_QUIET_LOAD (see bench/run.sh).
set -uo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
N_FILES=${1:-10000}
LOAD_C=${LOAD_C:-4}; LOAD_S=${LOAD_S:-20}; DELETE_AT=${DELETE_AT:-5}; SEED_C=${SEED_C:-8}
export BENCH_QUIET_LOAD=${BENCH_QUIET_LOAD-1.5}
# shellcheck source=lib/service.sh
source "$HERE/lib/service.sh"

ensure_apt hey jq curl python3 || { say "could not install the load tools"; exit 1; }
WORK=$(mktemp -d /tmp/personamedia-delete-bench.XXXXXX)
trap 'stop_service; rm -rf "$WORK"' EXIT
build_service "$WORK/build.log" || { say "build failed, see $WORK/build.log"; exit 1; }
wait_quiet
start_service || exit 1

# One multipart body: a 4 KiB JPEG (its signature, then filler) and nothing else.
BOUNDARY=bench-delete-5f2c
CT="multipart/form-data; boundary=$BOUNDARY"
{
  printf -- '--%s\r\nContent-Disposition: form-data; name="file"; filename="p.jpg"\r\nContent-Type: image/jpeg\r\n\r\n' "$BOUNDARY"
  printf '\xff\xd8\xff\xe0\x00\x10JFIF\x00'
  head -c 4085 /dev/zero
  printf '\r\n--%s--\r\n' "$BOUNDARY"
} >"$WORK/body"

J='Content-Type: application/json'
user() { # name -> token
  curl -sS -X POST "$SVC_URL/auth/register" -H "$J" \
    -d "{\"email\":\"$1@example.com\",\"username\":\"$1\",\"password\":\"Bench-pass-123!\"}" | jq -r '.access_token // empty'
}
persona() { # token -> id
  curl -sS -X POST "$SVC_URL/personas/" -H "$J" -H "Authorization: Bearer $1" -d '{"name":"bench"}' | jq -r '.id // empty'
}
TA=$(user "deleter$$"); TB=$(user "uploader$$")
[ -n "$TA" ] && [ -n "$TB" ] || { say "register failed"; exit 1; }
PA=$(persona "$TA"); PB=$(persona "$TB")

say "seeding persona $PA with $N_FILES files"
started=$(date +%s.%N)
hey -n "$N_FILES" -c "$SEED_C" -m POST -T "$CT" -H "Authorization: Bearer $TA" -D "$WORK/body" \
  "$SVC_URL/upload/persona/$PA/image" >"$WORK/seed.txt" 2>&1
seeded=$(curl -sS -o /dev/null -D - -H "Authorization: Bearer $TA" "$SVC_URL/upload/persona/$PA/files?limit=1" \
  | grep -i '^x-total-count:' | tr -dc '0-9')
say "seeded $seeded files in $(echo "$(date +%s.%N) - $started" | bc) s"
[ "$seeded" = "$N_FILES" ] || { say "expected $N_FILES files, the persona holds $seeded"; exit 1; }

load() { # csv -> B's uploads for LOAD_S seconds, every request in the csv
  hey -z "${LOAD_S}s" -c "$LOAD_C" -m POST -T "$CT" -H "Authorization: Bearer $TB" -D "$WORK/body" -o csv \
    "$SVC_URL/upload/persona/$PB/image" >"$1" 2>/dev/null
}

say "baseline: B's uploads alone, $LOAD_C connections, ${LOAD_S} s"
load "$WORK/baseline.csv"

say "again, with A's DELETE of the persona ${DELETE_AT} s in"
load "$WORK/during.csv" &
LOAD_PID=$!
load_start=$(date +%s.%N)
sleep "$DELETE_AT"
delete_from=$(date +%s.%N)
status=$(curl -sS -o "$WORK/delete.json" -w '%{http_code}' -X DELETE -H "Authorization: Bearer $TA" "$SVC_URL/personas/$PA")
delete_to=$(date +%s.%N)
wait "$LOAD_PID"
[ "$status" = 200 ] || { say "DELETE answered $status: $(cat "$WORK/delete.json")"; exit 1; }
left=$(find "$SVC_DIR/uploads" -type f | wc -l)

python3 - "$WORK/baseline.csv" "$WORK/during.csv" "$load_start" "$delete_from" "$delete_to" "$N_FILES" "$left" <<'EOF'
import csv, sys
baseline, during, load_start, t0, t1, n, left = sys.argv[1], sys.argv[2], *map(float, sys.argv[3:6]), sys.argv[6], sys.argv[7]
def rows(path):
    with open(path) as f:
        return [(float(r["offset"]), float(r["response-time"]), r["status-code"]) for r in csv.DictReader(f)]
def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] * 1000 if values else float("nan")
base = rows(baseline)
window = [(o, t, s) for o, t, s in rows(during) if o + t >= t0 - load_start and o <= t1 - load_start]
for label, data in (("baseline (B alone)", base), ("during the DELETE", window)):
    times = [t for _, t, _ in data]
    bad = sum(1 for _, _, s in data if s != "200")
    print(f"{label:20s} requests {len(data):6d}  non-200 {bad}  p50 {pct(times, 50):7.1f} ms  p99 {pct(times, 99):7.1f} ms  max {max(times) * 1000 if times else float('nan'):7.1f} ms")
print(f"DELETE of a persona with {n} files: {t1 - t0:.2f} s; files left under the upload folder (B's only): {left}")
EOF
