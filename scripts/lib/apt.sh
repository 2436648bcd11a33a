#!/usr/bin/env bash
# apt_install PACKAGE... : installs Debian packages non-interactively (apt-get update first),
# quietly, printing apt's log only when it fails. Returns non-zero on failure.
# Waits up to 10 minutes for the dpkg lock, so parallel test runs do not fail on each other.
apt_install() {
  local sudo="" log started=$SECONDS
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  log=$(mktemp)
  echo "installing with apt-get: $*"
  if ! { $sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 update -q \
         && $sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "$@"; } >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "apt-get could not install: $*" >&2
    return 1
  fi
  rm -f "$log"
  echo "installed $* in $((SECONDS - started)) s"
}
