#!/usr/bin/env bash
# Carnival benchmarks (issues 5, 9, 12). Usage: bench/run.sh [first|changed|notmodified|mixed|roundup|scale|memory|intake|push ...]
# With no argument every scenario runs, in that order. Results: a table per scenario on stdout, all of
# them in bench/RESULTS.md. Settings (environment): BENCH_FEEDS (2000), BENCH_MEMORY_FEEDS (10000),
# BENCH_PARALLELISM (16), BENCH_ROUNDUP_RESPONSES (300), BENCH_WRK_SECONDS (10), BENCH_WRK_CONNECTIONS (64),
# BENCH_SCALE_PARTICIPANTS (10000), BENCH_SCALE_POSTS (1000000), BENCH_INTAKE_SOURCES (1000 per variant),
# BENCH_INTAKE_POSTS_PER_BLOG (4), BENCH_INTAKE_CONCURRENCY (16), BENCH_INTAKE_PARALLELISM (8), BENCH_PUSH_FEEDS (200),
# BENCH_SERVICE_JAVA_OPTS (default: the README's small-machine JVM options),
# BENCH_SKIP_BUILD=1 (use target/ as it is), BENCH_KEEP=1 (keep the work folder), BENCH_WORK (work folder).
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)

need() { command -v "$1" >/dev/null 2>&1; }
if ! need nginx || ! need wrk; then
  echo "[bench] installing nginx and wrk (Debian packages)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get install -y nginx-light wrk >/dev/null || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y nginx-light wrk >/dev/null; }
fi

if [ "${BENCH_SKIP_BUILD:-0}" != "1" ]; then
  echo "[bench] building the service and the harness (./mvnw -DskipTests package)"
  ./mvnw -B -q -DskipTests package
fi
CP_FILE=target/bench-classpath.txt
if [ ! -s "$CP_FILE" ] || [ pom.xml -nt "$CP_FILE" ]; then
  ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test
fi

WORK=${BENCH_WORK:-$(mktemp -d /tmp/carnival-bench.XXXXXX)}
export BENCH_WORK="$WORK" BENCH_REPO="$REPO"
export BENCH_GIT="$(git rev-parse --abbrev-ref HEAD 2>/dev/null || echo '?') @ $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- src pom.xml 2>/dev/null || echo ' + uncommitted changes')"

PID=""
cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  if [ "${BENCH_KEEP:-0}" != "1" ]; then rm -rf "$WORK"; else echo "[bench] work folder kept: $WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "target/classes:target/test-classes:$(cat "$CP_FILE")" app.carnival.bench.Bench "$@" &
PID=$!
wait "$PID"
