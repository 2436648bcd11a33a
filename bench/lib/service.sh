# shellcheck shell=bash
# Helpers for bench/run.sh: prerequisites, a quiet machine, and the service's life cycle.
# Source, don't execute. Expects ROOT (the repository) to be set.

say() { echo "[$(date +%T)] $*" >&2; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

APT_UPDATED=0
# ensure_apt PACKAGE... : installs the Debian packages that are not installed yet.
ensure_apt() {
  local missing=() p
  for p in "$@"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing with apt-get: ${missing[*]}"
  if [ "$APT_UPDATED" = 0 ]; then as_root apt-get update -qq >&2 || return 1; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
}

# A free loopback port, chosen by the kernel (from the ephemeral range, so never 8000).
free_port() {
  /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Waits (up to BENCH_QUIET_WAIT s) for the 1-minute load average to drop below BENCH_QUIET_LOAD.
# The machine is shared: numbers taken while others build are not worth much.
wait_quiet() {
  [ -n "${BENCH_QUIET_LOAD:-}" ] || return 0
  local i
  for i in $(seq 1 "${BENCH_QUIET_WAIT:-120}"); do
    awk -v t="$BENCH_QUIET_LOAD" '{exit !($1 < t)}' /proc/loadavg && return 0
    sleep 1
  done
  say "load still $(cut -d' ' -f1 /proc/loadavg) after ${BENCH_QUIET_WAIT:-120} s - running anyway"
}

APP_DIR="$ROOT/src/WebApi/bin/Release/net10.0"

build_service() {
  say "building src/WebApi (Release)"
  dotnet build "$ROOT/src/WebApi" -c Release -nologo -v q >"${1:-/dev/stderr}" 2>&1
}

# start_service: fresh SQLite database and upload folder in a temp dir; sets SVC_DIR, SVC_PORT,
# SVC_URL, SVC_PID (the server process itself, so /proc/PID/status is its memory).
# BENCH_SERVER_ENV ("NAME=value ...") adds environment variables, e.g. to try GC settings.
# The request limits are off (RateLimiting__Enabled=false): one bench user sends thousands of
# requests a minute, which the per-user limit would answer 429; the bench measures throughput.
# So is the storage quota (Media__QuotaBytesPerUser at 1 TiB): the phases store more than the
# default 1 GiB as one user, and from there every upload was a 507 in a few milliseconds.
start_service() {
  SVC_DIR=$(mktemp -d /tmp/personamedia-bench.XXXXXX)
  SVC_PORT=$(free_port)
  SVC_URL="http://127.0.0.1:$SVC_PORT"
  local key i
  key=$(head -c 48 /dev/urandom | base64 -w0)
  # No command substitution here: the server would hold its pipe open. setsid execs in place
  # (a background job is no group leader), so $! is the server's own PID.
  pushd "$APP_DIR" >/dev/null || return 1
  # shellcheck disable=SC2086
  env ASPNETCORE_ENVIRONMENT=Production DOTNET_NOLOGO=1 \
      Jwt__SigningKey="$key" \
      Media__UrlSigningKeys__0="$(head -c 48 /dev/urandom | base64 -w0)" \
      ConnectionStrings__Default="Data Source=$SVC_DIR/db.sqlite" \
      Storage__Local__RootPath="$SVC_DIR/uploads" \
      RateLimiting__Enabled=false \
      Media__QuotaBytesPerUser=1099511627776 \
      ${BENCH_SERVER_ENV:-} \
      setsid ./PersonaMedia.WebApi --urls "$SVC_URL${BENCH_EXTRA_URLS:+;$BENCH_EXTRA_URLS}" >"$SVC_DIR/server.log" 2>&1 </dev/null &
  SVC_PID=$!
  popd >/dev/null || return 1
  for i in $(seq 1 300); do
    curl -fsS -o /dev/null "$SVC_URL/health" 2>/dev/null && { say "service pid $SVC_PID on $SVC_URL, data in $SVC_DIR"; return 0; }
    kill -0 "$SVC_PID" 2>/dev/null || { tail -20 "$SVC_DIR/server.log" >&2; return 1; }
    sleep 0.1
  done
  say "service did not answer /health on $SVC_URL"; return 1
}

# stop_service: TERM, wait up to 10 s, then KILL - by PID only; then delete its data.
stop_service() {
  [ -n "${SVC_PID:-}" ] || return 0
  local i
  if kill "$SVC_PID" 2>/dev/null; then
    for i in $(seq 1 100); do kill -0 "$SVC_PID" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$SVC_PID" 2>/dev/null && kill -9 "$SVC_PID" 2>/dev/null
  fi
  if [ -n "${BENCH_OUTDIR:-}" ] && [ -f "$SVC_DIR/server.log" ]; then
    cp "$SVC_DIR/server.log" "$BENCH_OUTDIR/${1:-personamedia}-server.log"
  fi
  rm -rf "$SVC_DIR"
  SVC_PID=
}
