#!/usr/bin/env bash
# apt_install PACKAGE... : installs Debian packages non-interactively (apt-get update first),
# quietly, printing apt's log only when it fails. Returns non-zero on failure.
apt_install() {
  local sudo="" log started=$SECONDS
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  log=$(mktemp)
  echo "installing with apt-get: $*"
  if ! { $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q \
         && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"; } >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "apt-get could not install: $*" >&2
    return 1
  fi
  rm -f "$log"
  echo "installed $* in $((SECONDS - started)) s"
}
