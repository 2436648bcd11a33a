#!/usr/bin/env bash
# Usage: ceiling-downloads.sh BASE_URL SERVER_PID [LABEL]   (called by bench/run.sh --media)
# The download ceiling for issue 11's comparison: the shared harness's limit-kestrel (GET
# /raw/{name} is Results.File with range processing, no auth, no database), driven with the same
# payload, counts and Range as bench/lib/phases.sh's download phases (dl_9.5MiB_c16, range_1MiB_c16).
set -uo pipefail
BASE=${1:?usage: ceiling-downloads.sh BASE_URL SERVER_PID [LABEL]}; BASE=${BASE%/}
SERVER_PID=${2:?usage: ceiling-downloads.sh BASE_URL SERVER_PID [LABEL]}
LABEL=${3:-limit-kestrel-downloads}
# shellcheck source=/dev/null
source "${BENCH_SHARED:?}/lib/common.sh"

N_DL=${N_DL:-320}; N_RANGE=${N_RANGE:-800}
RANGE_FROM=$((4 * 1048576)); RANGE_LEN=1048576
RANGE="bytes=$RANGE_FROM-$((RANGE_FROM + RANGE_LEN - 1))"

need_tools
check_alive
setup_work
log "ceiling-downloads.sh $LABEL -> $BASE (pid $SERVER_PID), load $(cut -d' ' -f1-3 /proc/loadavg)"

NAME=$(curl -sS -H 'Expect:' -H 'Content-Type: video/mp4' --data-binary "@$PL/vid_9_5m.mp4" "$BASE/raw" | jq -r '.name // empty')
[ -n "$NAME" ] || die "raw upload failed"
DL="$BASE/raw/$NAME"
expect_eq "raw 9.5 MiB sha256" "$(curl -sS "$DL" | sha256sum | cut -d' ' -f1)" "$SHA_VID"
expect_eq "raw 1 MiB range: 206 and the slice's sha256" \
  "$(curl -sS -o "$WORK/range" -w '%{http_code}' -H "Range: $RANGE" "$DL") $(sha256sum <"$WORK/range" | cut -d' ' -f1)" \
  "206 $(tail -c +$((RANGE_FROM + 1)) "$PL/vid_9_5m.mp4" | head -c "$RANGE_LEN" | sha256sum | cut -d' ' -f1)"

log "warm-up"
hey -n 32 -c 8 -t "$HEY_TIMEOUT" "$DL" >/dev/null 2>&1
hey_phase dl_9.5MiB_c16  16 "$N_DL"    200 "$SZ_VID"    -- "$DL"
hey_phase range_1MiB_c16 16 "$N_RANGE" 206 "$RANGE_LEN" -- -H "Range: $RANGE" "$DL"
expect_eq "download still matches" "$(curl -sS "$DL" | sha256sum | cut -d' ' -f1)" "$SHA_VID"

emit_table
[ "$CHECKS_FAIL" = 0 ]
