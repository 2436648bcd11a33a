#!/usr/bin/env bash
# Usage: bench/telemetry.sh [ROUNDS] [OUTDIR]
#
# What telemetry costs an upload: the upload phases of bench/lib/phases.sh (1 MiB images at c1 and
# c16, 9.5 MiB videos at c8) against a fresh service with OpenTelemetry off (Telemetry__Enabled=false)
# and on (metrics scraped from /metrics every 5 s, every span exported over OTLP/HTTP to a local sink
# that answers 200), alternating off/on for ROUNDS rounds (default 3) in one invocation, so both see
# the same machine. Prints each phase's median req/s per mode and the ratio on/off; issue 17's target
# is >= 0.95 for the 1 MiB uploads.
set -uo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
ROUNDS=${1:-3}
export BENCH_OUTDIR=${2:-/tmp/personamedia-bench/telemetry-$(date +%Y%m%d-%H%M%S)}
export BENCH_QUIET_LOAD=${BENCH_QUIET_LOAD-1.5}
export BENCH_SHARED=${BENCH_SHARED:-$ROOT/../shared/bench}
# shellcheck source=lib/service.sh
source "$HERE/lib/service.sh"
[ -x "$BENCH_SHARED/run.sh" ] || { say "the shared harness is missing: $BENCH_SHARED"; exit 1; }
BENCH_SHARED=$(cd "$BENCH_SHARED" && pwd)
mkdir -p "$BENCH_OUTDIR"
OUT=$BENCH_OUTDIR

ensure_apt hey jq curl python3 || { say "could not install the load tools"; exit 1; }
build_service "$OUT/build.log" || { say "build failed, see $OUT/build.log"; exit 1; }

# The OTLP sink: reads each export and answers 200 with an empty protobuf message.
SINK_PORT=$(free_port)
/usr/bin/python3 - "$SINK_PORT" "$OUT/otlp-sink.count" <<'PY' &
import http.server, sys
port, count_file = int(sys.argv[1]), sys.argv[2]
count = {"n": 0, "bytes": 0}
class Sink(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        count["n"] += 1; count["bytes"] += len(body)
        with open(count_file, "w") as f: f.write(f"{count['n']} exports, {count['bytes']} bytes\n")
        self.send_response(200); self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", "0"); self.end_headers()
    def log_message(self, *args): pass
http.server.ThreadingHTTPServer(("127.0.0.1", port), Sink).serve_forever()
PY
SINK_PID=$!
SCRAPER_PID=
cleanup() {
  [ -n "$SCRAPER_PID" ] && kill "$SCRAPER_PID" 2>/dev/null
  kill "$SINK_PID" 2>/dev/null
  stop_service
}
trap cleanup EXIT

{
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null)$(git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo ' (with local changes)')"
  echo "rounds: $ROUNDS"
} | tee "$OUT/machine.txt" >&2

rc=0
for round in $(seq 1 "$ROUNDS"); do
  for mode in off on; do
    wait_quiet
    if [ "$mode" = off ]; then
      BENCH_SERVER_ENV="Telemetry__Enabled=false" BENCH_EXTRA_URLS= start_service || { rc=1; continue; }
    else
      METRICS_PORT=$(free_port)
      BENCH_SERVER_ENV="Telemetry__Enabled=true Telemetry__MetricsPort=$METRICS_PORT OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:$SINK_PORT OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf" \
        BENCH_EXTRA_URLS="http://127.0.0.1:$METRICS_PORT" start_service || { rc=1; continue; }
      ( while sleep 5; do curl -fsS -o /dev/null "http://127.0.0.1:$METRICS_PORT/metrics" || echo "scrape failed" >&2; done ) &
      SCRAPER_PID=$!
    fi
    label="$mode-$round"
    say "round $round, telemetry $mode"
    BENCH_PHASES=uploads BENCH_DATADIR="$SVC_DIR/uploads" BENCH_OUT="$OUT/$label.tsv" \
      "$HERE/lib/phases.sh" "$SVC_URL" "$SVC_PID" "$label" 2> >(tee "$OUT/$label.log" >&2) >/dev/null || rc=1
    if [ -n "$SCRAPER_PID" ]; then
      curl -fsS "http://127.0.0.1:$METRICS_PORT/metrics" > "$OUT/$label.metrics" || rc=1
      kill "$SCRAPER_PID" 2>/dev/null; SCRAPER_PID=
    fi
    stop_service "$label"
  done
done

/usr/bin/python3 - "$OUT" <<'PY' | tee "$OUT/report.md"
import csv, glob, os, statistics, sys
out = sys.argv[1]
rps = {}
for path in sorted(glob.glob(os.path.join(out, "*-*.tsv"))):
    mode = os.path.basename(path).split("-")[0]
    with open(path) as f:
        for row in csv.reader(f, delimiter="\t"):
            if len(row) > 6 and row[1].startswith(("img_", "vid_")):
                try:
                    rps.setdefault(row[1], {}).setdefault(mode, []).append(float(row[6]))
                except ValueError:
                    pass
print("| phase | telemetry off, req/s (median of runs) | on, req/s | on / off |")
print("|---|---|---|---|")
for phase, modes in rps.items():
    off, on = statistics.median(modes.get("off", [0])), statistics.median(modes.get("on", [0]))
    runs = lambda m: " ".join(f"{v:.1f}" for v in modes.get(m, []))
    print(f"| {phase} | {off:.1f} ({runs('off')}) | {on:.1f} ({runs('on')}) | {on / off if off else 0:.3f} |")
sink = os.path.join(out, "otlp-sink.count")
print(f"\nOTLP sink received: {open(sink).read().strip() if os.path.exists(sink) else 'nothing'}")
PY
grep -h 'check FAIL' "$OUT"/*.log >&2 && rc=1
say "results in $OUT"
exit $rc
