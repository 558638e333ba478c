#!/usr/bin/env bash
# Fuzzes one Jazzer @FuzzTest target (or every target, one after the other) for a while.
#
#   fuzz/run.sh KeyFilesFuzzTest#publicKeyPemText 300   one target for 5 minutes
#   fuzz/run.sh all 60                                  every target for 60 s each
#   fuzz/run.sh list                                    the targets
#
# A target is Class#method of a @FuzzTest. The fuzzer JVM gets -Xmx${FUZZ_HEAP:-512m}. New
# coverage-increasing inputs go to <module>/.cifuzz-corpus/ (not committed); a finding is written
# as crash-<sha1> into the target's src/test/resources/.../<Class>Inputs/<method>/ directory,
# where the default build replays it (commit it with the fix). Logs: <module>/target/fuzz/.
# See docs/fuzzing.md.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

targets() {
  grep -rl --include='*FuzzTest.java' '@FuzzTest' --exclude-dir=target . | sort | while read -r file; do
    class="$(basename "$file" .java)"
    awk -v class="$class" '/@FuzzTest/ {found = 1; next}
      found && match($0, /void [a-zA-Z0-9_]+\(/) {
        print class "#" substr($0, RSTART + 5, RLENGTH - 6); found = 0 }' "$file"
  done
}

module_of() {
  local class="$1" file
  file="$(grep -rl --include="$class.java" '@FuzzTest' --exclude-dir=target . | head -n 1)"
  if [[ -z "$file" ]]; then
    echo "no @FuzzTest class named $class" >&2
    exit 2
  fi
  file="${file#./}"
  echo "${file%%/src/*}"
}

fuzz_one() {
  local target="$1" seconds="$2" class module log
  class="${target%%#*}"
  module="$(module_of "$class")"
  mkdir -p "$module/target/fuzz"
  log="$module/target/fuzz/${target/\#/.}.log"
  echo "fuzzing $target in $module for $seconds s (-Xmx${FUZZ_HEAP:-512m}), log $log"
  # -am builds the modules this one depends on (no install needed); their tests do not match.
  # jazzer.internal.arg.N are libFuzzer's arguments (argv[0] first): Jazzer 0.24's JUnit
  # integration takes -max_total_time from the annotation otherwise, and later arguments win.
  local status=0
  JAZZER_FUZZ=1 mvn -B -pl "$module" -am test \
      -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false \
      -DargLine="-Xmx${FUZZ_HEAP:-512m}" \
      -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1="-max_total_time=$seconds" \
      ${FUZZ_INSTRUMENT:+-Djazzer.instrumentation_includes="$FUZZ_INSTRUMENT"} \
      >"$log" 2>&1 || status=$?
  local done_line
  done_line="$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -n 1 || true)"
  echo "$target: ${done_line:-no DONE line (see $log)}"
  if [[ $status -ne 0 ]]; then
    grep -E 'Exception|Error|crash-|FAIL' "$log" | grep -v '^INFO: Instrumented' | head -n 20 || true
    echo "$target: FAILED (exit $status), see $log"
  fi
  return $status
}

case "${1:-}" in
  list)
    targets
    ;;
  all)
    seconds="${2:?usage: fuzz/run.sh all SECONDS}"
    failed=0
    for target in $(targets); do
      fuzz_one "$target" "$seconds" || failed=1
    done
    exit $failed
    ;;
  *#*)
    fuzz_one "$1" "${2:?usage: fuzz/run.sh Class#method SECONDS}"
    ;;
  *)
    echo "usage: fuzz/run.sh Class#method SECONDS | all SECONDS | list" >&2
    exit 2
    ;;
esac
