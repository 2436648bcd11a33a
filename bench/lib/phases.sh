#!/usr/bin/env bash
# Usage: phases.sh BASE_URL SERVER_PID [LABEL]   (called by bench/run.sh)
# PersonaMedia's own load phases, driven with hey. Payloads, the hey/percentile parsing, the
# raw-socket TTFB client and the TSV columns come from the shared harness (../shared/bench),
# so these rows compare one to one with its tables. Env: BENCH_SHARED (that harness),
# BENCH_DATADIR (the upload folder: enables on-disk checks), BENCH_OUT, BENCH_KEEP, and counts
# N_IMG_C1 N_IMG_C16 N_VID N_DL N_RANGE N_PERSONAS N_PER_PERSONA N_LIST N_STATS N_413 N_TTFB.
# BENCH_PHASES=uploads runs only the three upload phases (used to price one setting, e.g. fsync);
# BENCH_PHASES=downloads only the download phases: bearer /download and signed /media/{token}
# (issue 11), whole file and 1 MiB ranges, against the same 9.5 MiB file; with CEILING_BASE and
# CEILING_PID (a running limit-kestrel of the shared harness: /raw, no auth, no database) also the
# same downloads against it, interleaved, so that the ceiling sees the same load as the service.
set -uo pipefail
BASE=${1:?usage: phases.sh BASE_URL SERVER_PID [LABEL]}; BASE=${BASE%/}
SERVER_PID=${2:?usage: phases.sh BASE_URL SERVER_PID [LABEL]}
LABEL=${3:-personamedia}
# shellcheck source=/dev/null
source "${BENCH_SHARED:?}/lib/common.sh"

N_IMG_C1=${N_IMG_C1:-200}; N_IMG_C16=${N_IMG_C16:-480}; N_VID=${N_VID:-120}; N_DL=${N_DL:-320}
N_RANGE=${N_RANGE:-800}; N_PERSONAS=${N_PERSONAS:-10}; N_PER_PERSONA=${N_PER_PERSONA:-1000}
N_LIST=${N_LIST:-800}; N_STATS=${N_STATS:-800}; N_413=${N_413:-20}; N_TTFB=${N_TTFB:-10}
RANGE_FROM=$((4 * 1048576)); RANGE_LEN=1048576

need_tools
check_alive
setup_work
log "phases.sh $LABEL -> $BASE (pid $SERVER_PID), work dir $WORK, load $(cut -d' ' -f1-3 /proc/loadavg)"

J='Content-Type: application/json'
RUN_ID="$(date +%s)$$"
token() { # email username -> access token of a new user
  curl -sS -X POST "$BASE/auth/register" -H "$J" \
    -d "{\"email\":\"$1\",\"username\":\"$2\",\"password\":\"Bench-pass-123!\",\"full_name\":\"Bench\"}" | jq -r '.access_token // empty'
}
persona() { # token name -> id
  curl -sS -X POST "$BASE/personas/" -H "$J" -H "Authorization: Bearer $1" \
    -d "{\"name\":\"$2\",\"relation_type\":\"friend\"}" | jq -r '.id // empty'
}
upload() { # token persona kind bodyfile -> response body, status on the last line
  curl -sS -H 'Expect:' -H "Authorization: Bearer $1" -H "Content-Type: $MP_CT" \
    --data-binary "@$4" -w '\n%{http_code}' "$BASE/upload/persona/$2/$3"
}
total_of() { curl -sS -o /dev/null -D - -H "$1" "$2" | grep -i '^x-total-count:' | tr -dc '0-9'; }

# ------------------------------------------------------------------ users, personas, checks
T=$(token "b1_$RUN_ID@example.com" "b1_$RUN_ID"); [ -n "$T" ] || die "register failed"
AUTH="Authorization: Bearer $T"
P1=$(persona "$T" main); PW=$(persona "$T" warmup); [ -n "$P1" ] && [ -n "$PW" ] || die "persona create failed"
T2=$(token "b2_$RUN_ID@example.com" "b2_$RUN_ID"); [ -n "$T2" ] || die "register user 2 failed"
AUTH2="Authorization: Bearer $T2"
SEED=()
for i in $(seq 1 "$N_PERSONAS"); do SEED+=("$(persona "$T2" "seeded-$i")"); done

R=$(upload "$T" "$P1" video "$MP_VID"); expect_eq "9.5 MiB video upload 200" "${R##*$'\n'}" 200
DL_ID=$(jq -r '.id // empty' <<<"${R%$'\n'*}"); [ -n "$DL_ID" ] || die "video upload failed: $R"
DL="$BASE/upload/files/$DL_ID/download"
expect_eq "download sha256" "$(curl -sS -H "$AUTH" "$DL" | sha256sum | cut -d' ' -f1)" "$SHA_VID"
RANGE="bytes=$RANGE_FROM-$((RANGE_FROM + RANGE_LEN - 1))"
expect_eq "1 MiB range: 206 and the slice's sha256" \
  "$(curl -sS -H "$AUTH" -H "Range: $RANGE" "$DL" | sha256sum | cut -d' ' -f1)" \
  "$(tail -c +$((RANGE_FROM + 1)) "$PL/vid_9_5m.mp4" | head -c "$RANGE_LEN" | sha256sum | cut -d' ' -f1)"
expect_eq "range status" "$(curl -sS -o /dev/null -H "$AUTH" -H "Range: $RANGE" -w '%{http_code}' "$DL")" 206
# The signed URL of the same file (issue 11): no Authorization on its requests. It lives the
# longest lifetime the service allows (1 h by default), longer than the whole run.
MEDIA=$(curl -sS -H "$AUTH" "$BASE/upload/files/$DL_ID/url?expires_in=3600" | jq -r '.url // empty')
[ -n "$MEDIA" ] || die "no signed URL for file $DL_ID"
expect_eq "signed URL: the whole file's sha256" "$(curl -sS "$MEDIA" | sha256sum | cut -d' ' -f1)" "$SHA_VID"
expect_eq "signed URL: 1 MiB range 206 and the slice's sha256" \
  "$(curl -sS -o "$WORK/media-range" -w '%{http_code}' -H "Range: $RANGE" "$MEDIA") $(sha256sum <"$WORK/media-range" | cut -d' ' -f1)" \
  "206 $(tail -c +$((RANGE_FROM + 1)) "$PL/vid_9_5m.mp4" | head -c "$RANGE_LEN" | sha256sum | cut -d' ' -f1)"
expect_eq "signed URL: a tampered token is 404" "$(curl -sS -o /dev/null -w '%{http_code}' "${MEDIA%?????}AAAAA")" 404
# Bearer and signed downloads of the same file, whole and 1 MiB ranges; each signed phase right
# after its bearer twin, so that a change in the shared machine's load weighs on both alike.
media_phases() {
  cpu_phase dl_9.5MiB_c16  16 "$N_DL"      200 "$SZ_VID"  -- -H "$AUTH" "$DL"
  cpu_phase media_9.5MiB_c16  16 "$N_DL"    200 "$SZ_VID"  -- "$MEDIA"
  ceiling_phase ceiling_dl_9.5MiB_c16 16 "$N_DL" 200 "$SZ_VID" -- "${CEILING_DL:-}"
  cpu_phase range_1MiB_c16 16 "$N_RANGE"   206 "$RANGE_LEN" -- -H "$AUTH" -H "Range: $RANGE" "$DL"
  cpu_phase media_range_1MiB_c16 16 "$N_RANGE" 206 "$RANGE_LEN" -- -H "Range: $RANGE" "$MEDIA"
  ceiling_phase ceiling_range_1MiB_c16 16 "$N_RANGE" 206 "$RANGE_LEN" -- -H "Range: $RANGE" "${CEILING_DL:-}"
}
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat" 2>/dev/null || echo 0; }
# cpu_phase: a hey_phase that also records the server's own CPU time (user + system, from
# /proc/PID/stat) per successful request: unlike req/s, it hardly moves with what else the shared
# machine runs. Rows go to ${BENCH_OUT%.tsv}.cpu.tsv.
cpu_phase() {
  local before after
  before=$(cpu_ticks)
  hey_phase "$@"
  after=$(cpu_ticks)
  [ -n "${BENCH_OUT:-}" ] || return 0
  [ -s "${BENCH_OUT%.tsv}.cpu.tsv" ] || printf 'phase\tok\tcpu_s\tcpu_ms_per_req\n' >"${BENCH_OUT%.tsv}.cpu.tsv"
  awk -v p="$1" -v ok="${LAST_OK:-0}" -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "%s\t%d\t%.2f\t%.3f\n", p, ok, t / hz, ok ? t / hz * 1000 / ok : 0 }' >>"${BENCH_OUT%.tsv}.cpu.tsv"
}
ceiling_phase() { # a cpu_phase against the ceiling server (its PID for the memory columns), when there is one
  [ -n "${CEILING_DL:-}" ] || return 0
  local own=$SERVER_PID
  SERVER_PID=$CEILING_PID
  cpu_phase "$@"
  SERVER_PID=$own
}
if [ "${BENCH_PHASES:-all}" = downloads ]; then
  if [ -n "${CEILING_BASE:-}" ]; then
    CEILING_BASE=${CEILING_BASE%/}
    name=$(curl -sS -H 'Expect:' -H 'Content-Type: video/mp4' --data-binary "@$PL/vid_9_5m.mp4" "$CEILING_BASE/raw" | jq -r '.name // empty')
    [ -n "$name" ] || die "the ceiling's /raw upload failed"
    CEILING_DL="$CEILING_BASE/raw/$name"
    expect_eq "ceiling: the whole file's sha256" "$(curl -sS "$CEILING_DL" | sha256sum | cut -d' ' -f1)" "$SHA_VID"
    expect_eq "ceiling: 1 MiB range 206 and the slice's sha256" \
      "$(curl -sS -o "$WORK/ceiling-range" -w '%{http_code}' -H "Range: $RANGE" "$CEILING_DL") $(sha256sum <"$WORK/ceiling-range" | cut -d' ' -f1)" \
      "206 $(tail -c +$((RANGE_FROM + 1)) "$PL/vid_9_5m.mp4" | head -c "$RANGE_LEN" | sha256sum | cut -d' ' -f1)"
  fi
  log "warm-up"
  hey -n 16 -c 8 -t "$HEY_TIMEOUT" -H "$AUTH" "$DL" >/dev/null 2>&1
  hey -n 16 -c 8 -t "$HEY_TIMEOUT" "$MEDIA" >/dev/null 2>&1
  [ -z "${CEILING_DL:-}" ] || hey -n 32 -c 8 -t "$HEY_TIMEOUT" "$CEILING_DL" >/dev/null 2>&1
  media_phases
  expect_eq "download still matches" "$(curl -sS -H "$AUTH" "$DL" | sha256sum | cut -d' ' -f1)" "$SHA_VID"
  expect_eq "signed URL still matches" "$(curl -sS "$MEDIA" | sha256sum | cut -d' ' -f1)" "$SHA_VID"
  emit_table
  [ "$CHECKS_FAIL" = 0 ]; exit
fi
R=$(upload "$T" "$P1" image "$MP_IMG"); expect_eq "1 MiB image upload 200" "${R##*$'\n'}" 200
expect_eq "image file_size" "$(jq -r .file_size <<<"${R%$'\n'*}")" "$SZ_IMG"

# ------------------------------------------------------------------ warm-up (JIT, pools; untimed)
log "warm-up"
hey -n 32 -c 8 -t "$HEY_TIMEOUT" -m POST -T "$MP_CT" -H "$AUTH" -D "$MP_IMG" "$BASE/upload/persona/$PW/image" >/dev/null 2>&1
hey -n 16 -c 8 -t "$HEY_TIMEOUT" -H "$AUTH" "$DL" >/dev/null 2>&1
hey -n 16 -c 8 -t "$HEY_TIMEOUT" "$MEDIA" >/dev/null 2>&1
hey -n 32 -c 8 -t "$HEY_TIMEOUT" -H "$AUTH" "$BASE/upload/stats" >/dev/null 2>&1
hey -n 32 -c 8 -t "$HEY_TIMEOUT" -H "$AUTH" "$BASE/upload/persona/$P1/files" >/dev/null 2>&1
WARM_IMG=$(total_of "$AUTH" "$BASE/upload/persona/$PW/files")

# ------------------------------------------------------------------ timed phases
UP=(-m POST -T "$MP_CT" -H "$AUTH")
hey_phase img_1MiB_c1    1  "$N_IMG_C1"  200 "$MPB_IMG" -- "${UP[@]}" -D "$MP_IMG" "$BASE/upload/persona/$P1/image"; A1=$LAST_OK
hey_phase img_1MiB_c16   16 "$N_IMG_C16" 200 "$MPB_IMG" -- "${UP[@]}" -D "$MP_IMG" "$BASE/upload/persona/$P1/image"; A16=$LAST_OK
hey_phase vid_9.5MiB_c8  8  "$N_VID"     200 "$MPB_VID" -- "${UP[@]}" -D "$MP_VID" "$BASE/upload/persona/$P1/video"; B8=$LAST_OK
if [ "${BENCH_PHASES:-all}" = uploads ]; then
  expect_eq "persona files == successful uploads" "$(total_of "$AUTH" "$BASE/upload/persona/$P1/files")" "$((2 + A1 + A16 + B8))"
  emit_table
  [ "$CHECKS_FAIL" = 0 ]; exit
fi
media_phases

# Seeding: N_PERSONAS x N_PER_PERSONA small JPEGs through the API (the real write path, rows and
# files alike), one hey run per persona; their CSVs are joined end to end into one timed row.
seed_csv="$WORK/hey-seed.csv"; : >"$seed_csv"; seed_end=0
log "phase seed_2KiB_c8: $N_PERSONAS personas x $N_PER_PERSONA"
for p in "${SEED[@]}"; do
  hey -n "$N_PER_PERSONA" -c 8 -t "$HEY_TIMEOUT" -o csv -m POST -T "$MP_CT" -H "$AUTH2" -D "$MP_TINY" \
      "$BASE/upload/persona/$p/image" 2>/dev/null \
    | awk -F, -v OFS=, -v s="$seed_end" '$1 ~ /^[0-9]/ { $8 = $8 + s; print }' >>"$seed_csv"
  seed_end=$(awk -F, 'BEGIN { e = 0 } { if ($8 + $1 > e) e = $8 + $1 } END { printf "%.6f", e }' "$seed_csv")
done
IFS=$'\t' read -r -a f <<<"$("$PY" "$LIB/benchlib.py" hey "$seed_csv" 200 "$MPB_TINY" $((N_PERSONAS * N_PER_PERSONA)))"
add_row seed_2KiB_c8 8 "${f[0]}" "${f[1]}" "${f[2]}" "${f[3]}" "${f[4]}" "${f[5]}" "${f[6]}" "${f[7]}" "${f[8]}"
log "  -> ok=${f[1]} err=${f[2]} req/s=${f[3]} p50=${f[5]}ms p99=${f[6]}ms codes=${f[7]}"
for p in "${SEED[@]}"; do  # top up whatever the load dropped, so the counts below are exact
  have=$(total_of "$AUTH2" "$BASE/upload/persona/$p/files")
  while [ "${have:-0}" -lt "$N_PER_PERSONA" ]; do upload "$T2" "$p" image "$MP_TINY" >/dev/null; have=$((have + 1)); done
done

LIST="$BASE/upload/persona/${SEED[0]}/files"
LIST_BYTES=$(curl -sS -D "$WORK/list.h" -o "$WORK/list.json" -w '%{size_download}' -H "$AUTH2" "$LIST")
expect_eq "persona holds $N_PER_PERSONA files" "$(grep -i '^x-total-count:' "$WORK/list.h" | tr -dc '0-9')" "$N_PER_PERSONA"
expect_eq "one page is 100 files" "$(jq length "$WORK/list.json")" 100
expect_eq "stats total_files" "$(curl -sS -H "$AUTH2" "$BASE/upload/stats" | jq -r .total_files)" $((N_PERSONAS * N_PER_PERSONA))
hey_phase "list_page100_of${N_PER_PERSONA}_c8" 8 "$N_LIST"  200 "$LIST_BYTES" -- -H "$AUTH2" "$LIST"
hey_phase stats_$((N_PERSONAS * N_PER_PERSONA))_c8 8 "$N_STATS" 200 0 -- -H "$AUTH2" "$BASE/upload/stats"

hey_phase reject_12MiB_413_c1 1 "$N_413" 413 0 -- "${UP[@]}" -D "$MP_BIG" "$BASE/upload/persona/$P1/video"
ttfb_phase reject_413_ttfb "$N_TTFB" 413 "$BASE/upload/persona/$P1/video" "$MP_BIG" "$AUTH" "Content-Type: $MP_CT"

# ------------------------------------------------------------------ after the load
expect_eq "persona files == successful uploads" "$(total_of "$AUTH" "$BASE/upload/persona/$P1/files")" "$((2 + A1 + A16 + B8))"
expect_eq "download still matches" "$(curl -sS -H "$AUTH" "$DL" | sha256sum | cut -d' ' -f1)" "$SHA_VID"
if [ -n "${BENCH_DATADIR:-}" ]; then
  expect_eq "on-disk 1 MiB images == uploads" "$(disk_count_size "$SZ_IMG")" "$((1 + WARM_IMG + A1 + A16))"
  expect_eq "on-disk 9.5 MiB videos == uploads" "$(disk_count_size "$SZ_VID")" "$((1 + B8))"
  expect_eq "on-disk seed files" "$(disk_count_size "$SZ_TINY")" "$((N_PERSONAS * N_PER_PERSONA))"
  expect_eq "413 left no 12 MiB file" "$(disk_count_size "$SZ_BIG")" 0
  expect_eq "no temporary file left" "$(find "$BENCH_DATADIR" -name '*.partial' | wc -l)" 0
fi

emit_table
[ "$CHECKS_FAIL" = 0 ]
