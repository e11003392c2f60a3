#!/usr/bin/env bash
# Builds what the benchmarks need and runs them all: prints the figures and rewrites
# docs/BENCHMARKS-ingest-search.md (bench/matrix.sh writes the load matrix into docs/BENCHMARKS.md).
#   bench/run.sh                                   # server on its embedded PostgreSQL (fresh temporary directory)
#   bench/run.sh --database-url 'jdbc:postgresql://127.0.0.1:5432/test?user=postgres'
#   bench/run.sh --help                            # every option
# SKIP_BUILD=1 reuses the jars already built; BENCH_NO_INSTALL=1 never tries to install wrk.
set -euo pipefail
cd "$(dirname "$0")/.."

for arg in "$@"; do
    if [[ "$arg" == "--help" || "$arg" == "-h" ]]; then
        SKIP_BUILD=${SKIP_BUILD:-1}
    fi
done

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    # Only what the benchmarks run: the server jar and the harness jar (and the modules they are made of);
    # test sources are neither compiled nor run.
    echo "[bench] building: ./mvnw -B -q -Dmaven.test.skip=true -pl adapter-rest,bench -am package"
    ./mvnw -B -q -Dmaven.test.skip=true -pl adapter-rest,bench -am package
fi

for jar in adapter-rest/target/ainstruct-rest.jar bench/target/ainstruct-bench.jar; do
    if [[ ! -f "$jar" ]]; then
        echo "[bench] $jar is missing: run without SKIP_BUILD=1" >&2
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

command_line="bench/run.sh"
for arg in "$@"; do
    if [[ "$arg" =~ ^[A-Za-z0-9_./:=@,+-]+$ ]]; then
        command_line+=" $arg"
    else
        command_line+=" '${arg//\'/\'\\\'\'}'"
    fi
done
exec java -jar bench/target/ainstruct-bench.jar --repo-root "$PWD" --command "$command_line" "$@"
