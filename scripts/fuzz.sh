#!/usr/bin/env bash
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]   (scripts/test.sh --fuzz runs it)
#
# Coverage-guided fuzzing with SharpFuzz and AFL++ (Debian's afl++): publishes fuzz/PersonaMedia.Fuzz
# in Release, instruments the service's own assemblies with the sharpfuzz tool, then runs afl-fuzz on
# each target (fuzz/corpus/<target> is its seed corpus) for SECONDS_PER_TARGET (default 120). Every
# crash AFL++ finds is copied into fuzz/corpus/<target>/ as crash-<sha256>, so the default test run
# (FuzzCorpusTests, which replays the corpus) fails on it until it is fixed, and keeps it as a
# regression test afterwards; the run then exits 1. Findings stay in fuzz/findings/ (not committed).
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SECONDS_PER_TARGET=${1:-120}
shift || true
OUT="$ROOT/fuzz/out"
FINDINGS="$ROOT/fuzz/findings"
TOOLS="$ROOT/fuzz/.tools"
SHARPFUZZ_VERSION=2.3.0
say() { echo "fuzz: $*" >&2; }

# shellcheck source=lib/apt.sh
source "$ROOT/scripts/lib/apt.sh"
command -v afl-fuzz >/dev/null || apt_install afl++ >&2 || { say "could not install afl++"; exit 1; }
if [ ! -x "$TOOLS/sharpfuzz" ]; then
  say "installing the sharpfuzz tool $SHARPFUZZ_VERSION"
  dotnet tool install SharpFuzz.CommandLine --version "$SHARPFUZZ_VERSION" --tool-path "$TOOLS" >/dev/null || { say "could not install sharpfuzz"; exit 1; }
fi

say "publishing fuzz/PersonaMedia.Fuzz"
rm -rf "$OUT"
dotnet publish "$ROOT/fuzz/PersonaMedia.Fuzz" -c Release -o "$OUT" -nologo -v q >"$ROOT/fuzz/publish.log" 2>&1 \
  || { say "publish failed, see fuzz/publish.log"; exit 1; }
for assembly in PersonaMedia.Domain PersonaMedia.Application PersonaMedia.Infrastructure PersonaMedia.WebApi; do
  "$TOOLS/sharpfuzz" "$OUT/$assembly.dll" >/dev/null || { say "could not instrument $assembly"; exit 1; }
done

targets=("$@")
[ ${#targets[@]} -gt 0 ] || mapfile -t targets < <(ls "$ROOT/fuzz/corpus")
# No core dump handler, CPU scaling or UI to care about on a shared build machine.
export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_SKIP_BIN_CHECK=1 AFL_NO_AFFINITY=1
status=0
for target in "${targets[@]}"; do
  say "$target: ${SECONDS_PER_TARGET} s"
  rm -rf "$FINDINGS/$target"
  mkdir -p "$FINDINGS/$target"
  # Seeds only, without the crash-* regressions (a crashing seed would stop afl-fuzz at once).
  seeds="$FINDINGS/$target.seeds"
  rm -rf "$seeds" && mkdir -p "$seeds"
  find "$ROOT/fuzz/corpus/$target" -maxdepth 1 -type f ! -name 'crash-*' -exec cp {} "$seeds/" \;
  afl-fuzz -V "$SECONDS_PER_TARGET" -t 10000 -m none -i "$seeds" -o "$FINDINGS/$target" -- dotnet "$OUT/PersonaMedia.Fuzz.dll" "$target" \
    >"$FINDINGS/$target.log" 2>&1
  rc=$?
  stats=$(find "$FINDINGS/$target" -name fuzzer_stats | head -1)
  if [ -z "$stats" ]; then
    say "$target: afl-fuzz did not run (exit $rc), see fuzz/findings/$target.log"; tail -5 "$FINDINGS/$target.log" >&2; status=1; continue
  fi
  execs=$(awk -F': *' '$1 ~ /^execs_done/ {print $2}' "$stats")
  paths=$(awk -F': *' '$1 ~ /^corpus_count/ {print $2}' "$stats")
  crashes=0
  for crash in $(find "$FINDINGS/$target" -path '*/crashes/id:*' -type f); do
    sha=$(sha256sum "$crash" | cut -c1-16)
    cp "$crash" "$ROOT/fuzz/corpus/$target/crash-$sha"
    crashes=$((crashes + 1))
  done
  say "$target: $execs executions, $paths inputs in the queue, $crashes crash(es)"
  [ "$crashes" -eq 0 ] || { say "$target: crashes kept in fuzz/corpus/$target/crash-*"; status=1; }
done
exit "$status"
