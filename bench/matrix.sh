#!/usr/bin/env bash
# The load matrix: REST GET by id, list, search and store at 1, 8, 32 and 128 connections, MCP at 8 sessions, memory and
# start-up, each figure next to a raw baseline from the same run; on the embedded database, on an external PostgreSQL
# when --database-url is given, and the GET cells again on a second java when --jdk25 PATH is given. Rewrites only the part of
# docs/BENCHMARKS.md between <!-- generated:start --> and <!-- generated:end -->. About 12 minutes on 2 cores.
#   bench/matrix.sh
#   bench/matrix.sh --database-url 'jdbc:postgresql://127.0.0.1:5432/test?user=postgres'
#   bench/matrix.sh --jdk25 /path/to/jdk-25/bin/java
#   options: --seconds 8 --warmup 2 --levels 1,8,32,128 --docs 400 --server-java PATH --jdk25 PATH --no-report
#            (bench/matrix.sh --help lists them all)
# SKIP_BUILD=1 reuses the jars already built; SERVER_JAR and SERVER_MODULE choose the server jar (bench/common.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
build "$SERVER_MODULE" bench
if ! command -v wrk >/dev/null 2>&1; then
    echo "[matrix] installing wrk (Debian package)"
    apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq wrk >/dev/null 2>&1; } \
        || { echo "[matrix] wrk is needed: apt-get install wrk" >&2; exit 1; }
fi
exec java -jar "$BENCH_JAR" matrix --repo-root "$PWD" --server-jar "$SERVER_JAR" \
    --command "$(recorded_command bench/matrix.sh "$@")" "$@"
