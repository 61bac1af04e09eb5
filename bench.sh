#!/usr/bin/env bash
# Measures Attune against its performance goals (issue 14) and writes bench/results.md. Figures, not tests.
#   ./bench.sh            the full run (about 8 minutes on an idle 2-core machine, build included)
#   ./bench.sh --quick    fewer requests, reminders, check-ins, sessions and pages (a few minutes plus the build)
#   --profile             also a flight recording of every stack service: bench/target/jfr/<pid>.jfr
# Builds what it needs through the Maven reactor (nothing is installed into ~/.m2), runs notification-service's
# dispatch benchmark (P4, its own broker and store), then starts a whole stack of its own on free ports and measures
# P1-P3 and P5-P7 with their anchors in the same run (system-tests' StackBenchmark). Lighthouse (P7) comes from the npm
# registry into tools/lighthouse (pinned, installed once) and runs the system Chromium headless.
set -euo pipefail
cd "$(dirname "$0")"

if [[ -z "${JAVA_HOME:-}" && -d /usr/lib/jvm/temurin-25-jdk-amd64 ]]; then
    export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
export PATH="${JAVA_HOME:+$JAVA_HOME/bin:}$PATH"

quick=false
profile=""
maven_extra=()
for arg in "$@"; do
    case "$arg" in
        --quick) quick=true ;;
        --offline|-o) maven_extra+=("-o") ;;
        --profile) profile="$PWD/bench/target/jfr" ;;
        *) echo "Unknown option $arg. Options: --quick, --offline, --profile" >&2; exit 2 ;;
    esac
done

if $quick; then
    reminders=2000
else
    reminders=10000
fi
mkdir -p bench/target
p4_file="$PWD/bench/target/dispatch-benchmark.txt"
rm -f "$p4_file"
echo "load average before the run: $(cat /proc/loadavg)" > bench/target/machine.txt

# P7: Lighthouse, pinned in tools/lighthouse; a machine without npm or the registry gets P7 recorded as not measured.
if [[ ! -x tools/lighthouse/node_modules/.bin/lighthouse ]]; then
    if command -v npm > /dev/null; then
        (cd tools/lighthouse && npm ci --no-audit --no-fund --loglevel=error) \
            || echo "Lighthouse could not be installed from the npm registry; P7 is left out" >&2
    else
        echo "npm is not on the PATH; P7 (Lighthouse) is left out" >&2
    fi
fi

skip=(-Dspotless.check.skip=true -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false)

echo "P4: ${reminders} due reminders, two notification-service instances (builds notification-service first)..."
./mvnw -B -q "${maven_extra[@]}" "${skip[@]}" -pl notification-service -am -Pbench verify -DskipTests \
    -Dbench.count="$reminders" -Dbench.out="$p4_file" \
    || echo "P4 failed; see notification-service/target/benchmark-service-*.log" >&2

echo "Building the stack and running P1-P3, P5-P7 on a stack of its own (free ports)..."
./mvnw -B "${maven_extra[@]}" "${skip[@]}" -pl system-tests -am verify -Dtest=None -Dit.test=StackBenchmark \
    -Dbench.quick="$quick" -Dattune.stack.jfr="$profile" -Dbench.p4-file="$p4_file" -Dbench.machine-file="$PWD/bench/target/machine.txt" \
    | grep -E '^\[(ERROR|WARNING)\]|BUILD|StackBenchmark|P[1-7]' || true

if [[ bench/results.md -nt bench/target/machine.txt ]]; then
    echo "Results: bench/results.md"
else
    echo "bench/results.md was not written; see system-tests/target/failsafe-reports/" >&2
    exit 1
fi
