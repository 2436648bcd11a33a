#!/usr/bin/env bash
# Usage: bench/media.sh [OUTDIR]
#
# The media-processing bench of issue 12, in one invocation, against the Release build on loopback:
#  1. upload throughput of a 1 MiB JPEG (EXIF with GPS, so the strip has work) in three modes:
#     off (Media__KeepMetadata=true, Media__BackgroundThumbnails=false; only the header read stays),
#     on (metadata stripped while streaming, headers read; thumbnails on demand: the upload path's own
#     processing) and on+worker (the defaults: the background worker also makes both thumbnails of
#     every upload meanwhile, on the same cores). ROUNDS rounds of the three, each a fresh service,
#     hey -n N_UPLOAD -c C_UPLOAD; the ratios of the medians are the figures (target >= 0.9);
#  2. time to make one 640 px thumbnail of a 12-megapixel JPEG (4000x3000) on demand, N_THUMB files
#     one after another (each request makes its file's thumbnail; curl's time_total), p50 and p99;
#  3. peak RSS while 32 thumbnails of 12 MP JPEGs are made at once (Media__ThumbnailConcurrency=32,
#     32 parallel requests): VmHWM after clear_refs against VmRSS at idle (target: under +250 MB).
# Needs hey, ffmpeg, exiftool, jq, curl (Debian). Env: ROUNDS (3), N_UPLOAD (300), C_UPLOAD (8),
# N_THUMB (60), BENCH_QUIET_LOAD (see lib/service.sh; default empty: don't wait).
set -uo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
OUT=${1:-/tmp/personamedia-bench/media-$(date +%Y%m%d-%H%M%S)}
ROUNDS=${ROUNDS:-3}; N_UPLOAD=${N_UPLOAD:-300}; C_UPLOAD=${C_UPLOAD:-8}; N_THUMB=${N_THUMB:-60}
export BENCH_QUIET_LOAD=${BENCH_QUIET_LOAD-}
# shellcheck source=lib/service.sh
source "$HERE/lib/service.sh"
mkdir -p "$OUT"
for tool in hey ffmpeg exiftool jq curl; do command -v "$tool" >/dev/null || { say "missing: $tool (apt-get install -y hey ffmpeg libimage-exiftool-perl jq curl)"; exit 1; }; done
trap 'stop_service' EXIT

# ------------------------------------------------------------------ payloads
say "making payloads in $OUT"
ffmpeg -v error -y -f lavfi -i "testsrc2=size=1600x1200,noise=alls=30:allf=t" -frames:v 1 -q:v 3 "$OUT/1m.jpg"
exiftool -q -overwrite_original -GPSLatitude=48.8584 -GPSLatitudeRef=N -GPSLongitude=2.2945 -GPSLongitudeRef=E \
  -Make=Bench -Model=Camera -SerialNumber=12345 -XMP:Creator=Bench "$OUT/1m.jpg"
ffmpeg -v error -y -f lavfi -i "testsrc2=size=4000x3000,noise=alls=12:allf=t" -frames:v 1 -q:v 4 "$OUT/12mp.jpg"
exiftool -q -overwrite_original -Orientation#=1 -GPSLatitude=48.8584 -GPSLatitudeRef=N "$OUT/12mp.jpg"
BOUNDARY=benchboundary7d1f
multipart() { # file name -> multipart body on stdout
  printf -- '--%s\r\nContent-Disposition: form-data; name="file"; filename="%s"\r\nContent-Type: image/jpeg\r\n\r\n' "$BOUNDARY" "$2"
  cat "$1"
  printf -- '\r\n--%s--\r\n' "$BOUNDARY"
}
multipart "$OUT/1m.jpg" photo.jpg >"$OUT/1m.body"
multipart "$OUT/12mp.jpg" big.jpg >"$OUT/12mp.body"
say "1 MiB payload: $(stat -c %s "$OUT/1m.jpg") bytes; 12 MP payload: $(stat -c %s "$OUT/12mp.jpg") bytes"

build_service "$OUT/build.log" || { say "build failed: $OUT/build.log"; exit 1; }

J='Content-Type: application/json'
sign_in() { # -> sets TOKEN and PERSONA on the running service
  TOKEN=$(curl -sS -X POST "$SVC_URL/auth/register" -H "$J" \
    -d '{"email":"bench@example.com","username":"bench","password":"Bench-pass-123!","full_name":"Bench"}' | jq -r '.access_token')
  PERSONA=$(curl -sS -X POST "$SVC_URL/personas/" -H "$J" -H "Authorization: Bearer $TOKEN" -d '{"name":"bench"}' | jq -r '.id')
}
upload_ids() { # body count -> ids of that many uploads, one a line
  local i
  for i in $(seq 1 "$2"); do
    curl -sS -H 'Expect:' -H "Authorization: Bearer $TOKEN" -H "Content-Type: multipart/form-data; boundary=$BOUNDARY" \
      --data-binary "@$1" "$SVC_URL/upload/persona/$PERSONA/image" | jq -r '.id'
  done
}
percentile() { sort -n | awk -v p="$1" '{ a[NR] = $1 } END { i = int(p * NR + 0.999999); if (i < 1) i = 1; printf "%.1f", a[i] * 1000 }'; }
median() { sort -n | awk '{ a[NR] = $1 } END { printf "%.1f", (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# ------------------------------------------------------------------ 1. upload throughput, on vs off
: >"$OUT/uploads.tsv"
for round in $(seq 1 "$ROUNDS"); do
  for mode in off on worker; do
    wait_quiet
    case "$mode" in
      off) BENCH_SERVER_ENV="Media__KeepMetadata=true Media__BackgroundThumbnails=false" ;;
      on) BENCH_SERVER_ENV="Media__BackgroundThumbnails=false" ;;
      worker) BENCH_SERVER_ENV="" ;;
    esac
    export BENCH_SERVER_ENV
    start_service || exit 1
    sign_in
    upload_ids "$OUT/1m.body" 10 >/dev/null # warm-up
    hey -n "$N_UPLOAD" -c "$C_UPLOAD" -m POST -D "$OUT/1m.body" -T "multipart/form-data; boundary=$BOUNDARY" \
      -H "Authorization: Bearer $TOKEN" "$SVC_URL/upload/persona/$PERSONA/image" >"$OUT/hey-$mode-$round.txt"
    rps=$(awk '/Requests\/sec/ { print $2 }' "$OUT/hey-$mode-$round.txt")
    ok=$(grep -c '\[200\]' "$OUT/hey-$mode-$round.txt")
    printf '%s\t%s\t%s\t%s\n' "$round" "$mode" "$rps" "$(grep '\[200\]' "$OUT/hey-$mode-$round.txt" | awk '{print $2}')" >>"$OUT/uploads.tsv"
    say "round $round, processing $mode: $rps uploads/s (200s: $(grep '\[200\]' "$OUT/hey-$mode-$round.txt" | awk '{print $2}'); lines with [200]: $ok)"
    if [ "$mode" = worker ] && [ "$round" = 1 ]; then
      # What processing did, on the last file: metadata removed, thumbnails listed (and, a little later, ready).
      curl -sS -H "Authorization: Bearer $TOKEN" "$SVC_URL/upload/persona/$PERSONA/files?limit=1" | jq -c '.[0] | {metadata_removed, thumbnails}' >"$OUT/processed-file.json"
    fi
    stop_service "uploads-$mode-$round"
  done
done
OFF=$(awk '$2 == "off" { print $3 }' "$OUT/uploads.tsv" | median)
ON=$(awk '$2 == "on" { print $3 }' "$OUT/uploads.tsv" | median)
WORKER=$(awk '$2 == "worker" { print $3 }' "$OUT/uploads.tsv" | median)

# ------------------------------------------------------------------ 2. thumbnail of a 12 MP JPEG, p50/p99
wait_quiet
BENCH_SERVER_ENV="Media__BackgroundThumbnails=false"; export BENCH_SERVER_ENV
start_service || exit 1
sign_in
mapfile -t IDS < <(upload_ids "$OUT/12mp.body" "$N_THUMB")
: >"$OUT/thumb-times.txt"
for id in "${IDS[@]}"; do
  curl -sS -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" "$SVC_URL/upload/files/$id/thumbnail?size=640" >>"$OUT/thumb-times.txt"
done
T50=$(percentile 0.50 <"$OUT/thumb-times.txt"); T99=$(percentile 0.99 <"$OUT/thumb-times.txt")
STORED=$(curl -sS -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" "$SVC_URL/upload/files/${IDS[0]}/thumbnail?size=640" | percentile 0.5)
stop_service thumbnails

# ------------------------------------------------------------------ 3. RSS with 32 thumbnails at once
wait_quiet
BENCH_SERVER_ENV="Media__BackgroundThumbnails=false Media__ThumbnailConcurrency=32"; export BENCH_SERVER_ENV
start_service || exit 1
sign_in
mapfile -t IDS < <(upload_ids "$OUT/12mp.body" 32)
# One thumbnail first, so libvips is loaded and the idle figure is a warm server's.
mapfile -t WARM < <(upload_ids "$OUT/12mp.body" 1)
curl -sS -o /dev/null -H "Authorization: Bearer $TOKEN" "$SVC_URL/upload/files/${WARM[0]}/thumbnail?size=640"
sleep 2
IDLE=$(awk '/^VmRSS/ { print $2 }' "/proc/$SVC_PID/status")
echo 5 >"/proc/$SVC_PID/clear_refs" # resets VmHWM to the current RSS
PIDS=()
for id in "${IDS[@]}"; do
  curl -sS -o /dev/null -w '%{http_code}\n' -H "Authorization: Bearer $TOKEN" "$SVC_URL/upload/files/$id/thumbnail?size=640" >>"$OUT/rss-codes.txt" &
  PIDS+=($!)
done
wait "${PIDS[@]}" # not a bare wait: the server is a child of this shell too
PEAK=$(awk '/^VmHWM/ { print $2 }' "/proc/$SVC_PID/status")
CODES=$(sort "$OUT/rss-codes.txt" | uniq -c | tr -s ' ' | tr '\n' ' ')
stop_service rss

{
  echo "| measure | value |"
  echo "|---|---|"
  echo "| 1 MiB JPEG uploads/s, processing off (median of $ROUNDS) | $OFF |"
  echo "| 1 MiB JPEG uploads/s, processing on: strip + header read (median of $ROUNDS) | $ON |"
  echo "| 1 MiB JPEG uploads/s, processing on + background thumbnails on the same cores (median of $ROUNDS) | $WORKER |"
  echo "| on / off | $(awk -v a="$ON" -v b="$OFF" 'BEGIN { printf "%.2f", a / b }') |"
  echo "| on+worker / off | $(awk -v a="$WORKER" -v b="$OFF" 'BEGIN { printf "%.2f", a / b }') |"
  echo "| 640 px thumbnail of a 12 MP JPEG, made on demand, p50 / p99 (ms, $N_THUMB files) | $T50 / $T99 |"
  echo "| the same thumbnail served from the store (ms) | $STORED |"
  echo "| RSS idle (warm) / peak with 32 thumbnails at once (MB) | $((IDLE / 1024)) / $((PEAK / 1024)) |"
  echo "| peak over idle (MB) | $(((PEAK - IDLE) / 1024)) |"
  echo "| answers of the 32 | $CODES|"
  echo
  echo "rounds (round, mode, uploads/s, 200s): $(tr '\t\n' ' ;' <"$OUT/uploads.tsv")"
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
} | tee "$OUT/report.md"
