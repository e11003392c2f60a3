#!/usr/bin/env bash
# Builds what the benchmarks need and runs them all: prints the figures and rewrites
# docs/BENCHMARKS-ingest-search.md (bench/matrix.sh writes the load matrix into docs/BENCHMARKS.md).
#   bench/run.sh                                   # server on its embedded PostgreSQL (fresh temporary directory)
#   bench/run.sh --database-url 'jdbc:postgresql://127.0.0.1:5432/test?user=postgres'
#   bench/run.sh --jdk25 /path/to/jdk-25/bin/java  # the GET run again on a second java
#   bench/run.sh --help                            # every option
# SKIP_BUILD=1 reuses the jars already built; BENCH_NO_INSTALL=1 never tries to install wrk; SERVER_JAR and
# SERVER_MODULE choose the server jar (bench/common.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

for arg in "$@"; do
    if [[ "$arg" == "--help" || "$arg" == "-h" ]]; then
        SKIP_BUILD=${SKIP_BUILD:-1}
    fi
done

source bench/common.sh
build "$SERVER_MODULE" bench
for jar in "$SERVER_JAR" "$BENCH_JAR"; do
    if [[ ! -f "$jar" ]]; then
        echo "[bench] $jar is missing: run without SKIP_BUILD=1 (or set SERVER_JAR, see bench/common.sh)" >&2
        exit 2
    fi
done

# wrk is the preferred load generator for the GET benchmark; without it the harness uses Java's HttpClient.
if ! command -v wrk >/dev/null 2>&1 && [[ "${BENCH_NO_INSTALL:-0}" != 1 ]] \
        && [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "[bench] wrk is not installed: trying apt-get install wrk"
    if ! { apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq wrk >/dev/null 2>&1; }; }; then
        echo "[bench] could not install wrk: the GET benchmark will use Java's HttpClient"
    fi
fi

exec java -jar "$BENCH_JAR" ingest-search --repo-root "$PWD" --server-jar "$SERVER_JAR" \
    --command "$(recorded_command bench/run.sh "$@")" "$@"
