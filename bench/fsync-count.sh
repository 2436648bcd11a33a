#!/usr/bin/env bash
# Usage: bench/fsync-count.sh [N_UPLOADS]     (default 50)
#
# Counts the sync system calls one durable upload costs (issue 9): builds src/WebApi in Release,
# starts it on a free loopback port with a fresh SQLite database and upload folder, sends N 1 MiB
# JPEG uploads one at a time with strace attached to the service (fsync, fdatasync,
# sync_file_range), and prints the calls per upload. Set BENCH_SERVER_ENV (for example
# "Database__SqliteSynchronous=Normal") to count another setting. A count, not a time: it does not
# depend on how loaded the machine is.
set -uo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
N=${1:-50}
# shellcheck source=lib/service.sh
source "$HERE/lib/service.sh"

ensure_apt strace jq curl python3 || { say "could not install strace"; exit 1; }
WORK=$(mktemp -d /tmp/personamedia-fsync-count.XXXXXX)
trap 'stop_service; rm -rf "$WORK"' EXIT
build_service "$WORK/build.log" || { say "build failed, see $WORK/build.log"; exit 1; }
start_service || exit 1

{ printf '\xff\xd8\xff\xe0\x00\x10JFIF\x00'; head -c 1048565 /dev/urandom; } >"$WORK/photo.jpg"
J='Content-Type: application/json'
token=$(curl -sS -X POST "$SVC_URL/auth/register" -H "$J" \
  -d "{\"email\":\"fsync$$@example.com\",\"username\":\"fsync$$\",\"password\":\"Bench-pass-123!\"}" | jq -r '.access_token // empty')
persona=$(curl -sS -X POST "$SVC_URL/personas/" -H "$J" -H "Authorization: Bearer $token" -d '{"name":"bench"}' | jq -r '.id // empty')
[ -n "$token" ] && [ -n "$persona" ] || { say "register failed"; exit 1; }
upload() { curl -sS -o /dev/null -w '%{http_code}\n' -H "Authorization: Bearer $token" \
  -F "file=@$WORK/photo.jpg;type=image/jpeg" "$SVC_URL/upload/persona/$persona/image"; }
for _ in 1 2 3; do upload >/dev/null; done   # warm: the folders exist, the connections are pooled

strace -f -c -e trace=fsync,fdatasync,sync_file_range -p "$SVC_PID" -o "$WORK/strace.txt" 2>/dev/null &
tracer=$!
sleep 1
codes=$(for _ in $(seq "$N"); do upload; done | sort | uniq -c | tr -s ' ' | tr '\n' ',')
sleep 0.5
kill -INT "$tracer"; wait "$tracer" 2>/dev/null
calls=$(awk '$NF ~ /^(fsync|fdatasync|sync_file_range)$/ { print $NF, $(NF-1) + 0 }' "$WORK/strace.txt" \
  | awk '{ print $1 "=" $2 }' | tr '\n' ' ')
total=$(awk '$NF == "total" { print $(NF-1) + 0 }' "$WORK/strace.txt")
echo "server env: ${BENCH_SERVER_ENV:-(defaults)}"
echo "uploads: $N (status counts: ${codes%,})"
echo "sync calls: ${calls:-none} total=${total:-0}, per upload: $(echo "scale=2; ${total:-0} / $N" | bc)"
