# Starts and stops Azurite's blob service for the tests. Source it, then:
#   azurite_start   installs tools/azurite when needed, starts azurite-blob on a free loopback
#                   port with a temporary data folder, waits until it answers, and exports
#                   PERSONAMEDIA_TEST_AZURITE_CONNECTION_STRING; returns non-zero with the
#                   reason (and Azurite's log) when it cannot.
#   azurite_stop    stops it and removes its data folder; safe to call twice, and also run on EXIT.
# PERSONAMEDIA_TEST_REQUIRE_AZURITE=1 is exported as well, so the Azure-backed tests fail
# instead of skipping if they somehow run without a reachable Azurite.

_azurite_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../tools/azurite" && pwd)"
_azurite_pid=""
_azurite_data=""

# Azurite's fixed development account (documented by Microsoft; not a secret).
_azurite_account="devstoreaccount1"
_azurite_key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="

azurite_start() {
  if [ ! -x "$_azurite_dir/node_modules/.bin/azurite-blob" ]; then
    echo "azurite: installing tools/azurite (npm ci)..." >&2
    if ! npm ci --prefix "$_azurite_dir" --no-audit --no-fund --loglevel=error >&2; then
      echo "azurite: npm ci failed in $_azurite_dir" >&2
      return 1
    fi
  fi

  _azurite_data="$(mktemp -d "${TMPDIR:-/tmp}/personamedia-azurite.XXXXXX")" || return 1
  local log="$_azurite_data/azurite.log"
  : >"$log"
  trap azurite_stop EXIT

  # Port 0 lets the OS pick a free port with no race; Azurite logs the one it got.
  # --skipApiVersionCheck: the SDK speaks a newer API version than Azurite announces.
  # --disableTelemetry: with telemetry on, Azurite takes minutes to exit after TERM.
  # Started directly (not through npx) so that $! is the node process itself.
  "$_azurite_dir/node_modules/.bin/azurite-blob" \
    --blobHost 127.0.0.1 --blobPort 0 --location "$_azurite_data/data" \
    --skipApiVersionCheck --disableTelemetry >"$log" 2>&1 &
  _azurite_pid=$!

  local port="" waited=0
  while [ -z "$port" ]; do
    port="$(sed -n 's#.*successfully listens on http://127\.0\.0\.1:\([0-9][0-9]*\).*#\1#p' "$log")"
    if [ -z "$port" ]; then
      if ! kill -0 "$_azurite_pid" 2>/dev/null || [ "$waited" -ge 600 ]; then
        if kill -0 "$_azurite_pid" 2>/dev/null; then
          echo "azurite: not listening after 60 s; its log:" >&2
        else
          echo "azurite: exited before listening; its log:" >&2
        fi
        cat "$log" >&2
        azurite_stop
        return 1
      fi
      sleep 0.1
      waited=$((waited + 1))
    fi
  done

  # Listening is not yet answering: wait for one HTTP reply over bash's own TCP.
  until timeout 5 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1" &&
      printf "GET /%s?comp=list HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n" "$2" >&3 &&
      head -c 12 <&3 | grep -q "^HTTP/1.1"' _ "$port" "$_azurite_account" 2>/dev/null; do
    if ! kill -0 "$_azurite_pid" 2>/dev/null || [ "$waited" -ge 600 ]; then
      echo "azurite: listens on port $port but does not answer; its log:" >&2
      cat "$log" >&2
      azurite_stop
      return 1
    fi
    sleep 0.1
    waited=$((waited + 1))
  done

  export PERSONAMEDIA_TEST_AZURITE_CONNECTION_STRING="DefaultEndpointsProtocol=http;AccountName=$_azurite_account;AccountKey=$_azurite_key;BlobEndpoint=http://127.0.0.1:$port/$_azurite_account;"
  export PERSONAMEDIA_TEST_REQUIRE_AZURITE=1
  echo "azurite: blob service on 127.0.0.1:$port (pid $_azurite_pid)" >&2
}

azurite_stop() {
  if [ -n "$_azurite_pid" ]; then
    kill -TERM "$_azurite_pid" 2>/dev/null
    local waited=0
    while kill -0 "$_azurite_pid" 2>/dev/null && [ "$waited" -lt 100 ]; do
      sleep 0.1
      waited=$((waited + 1))
    done
    if kill -0 "$_azurite_pid" 2>/dev/null; then
      echo "azurite: still running 10 s after TERM; killing pid $_azurite_pid" >&2
      kill -KILL "$_azurite_pid" 2>/dev/null
    fi
    wait "$_azurite_pid" 2>/dev/null
    _azurite_pid=""
  fi
  if [ -n "$_azurite_data" ]; then
    rm -rf "$_azurite_data"
    _azurite_data=""
  fi
}
