#!/usr/bin/env bash
# The load matrix: REST GET by id, list, search and store at 1, 8, 32 and 128 connections, MCP at 8 sessions, memory and
# start-up, each figure next to a raw baseline from the same run; on the embedded database, on an external PostgreSQL
# when --database-url is given, and the GET cells again on JDK 25 when it is installed. Rewrites only the part of
# docs/BENCHMARKS.md between <!-- generated:start --> and <!-- generated:end -->. About 12 minutes on 2 cores.
#   bench/matrix.sh
#   bench/matrix.sh --database-url 'jdbc:postgresql://127.0.0.1:5432/test?user=postgres'
#   options: --seconds 8 --warmup 2 --levels 1,8,32,128 --docs 400 --server-java PATH --jdk25 PATH --no-jdk25 1
#            --no-report 1 (print only)
# SKIP_BUILD=1 reuses the jars already built.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    echo "[matrix] building: ./mvnw -B -q -Dmaven.test.skip=true -pl adapter-rest,bench -am package"
    ./mvnw -B -q -Dmaven.test.skip=true -pl adapter-rest,bench -am package
fi
if ! command -v wrk >/dev/null 2>&1; then
    echo "[matrix] installing wrk (Debian package)"
    apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq wrk >/dev/null 2>&1; } \
        || { echo "[matrix] wrk is needed: apt-get install wrk" >&2; exit 1; }
fi
command_line="bench/matrix.sh"
for arg in "$@"; do command_line+=" $arg"; done
exec java -cp bench/target/ainstruct-bench.jar io.ainstruct.bench.MatrixMain --repo-root "$PWD" --command "$command_line" "$@"
