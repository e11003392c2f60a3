#!/usr/bin/env bash
# The Qdrant adapter's own overhead (serialization, batching, futures): upserts and searches through the adapter vs
# the raw gRPC stub with requests built beforehand, same run, same Qdrant. Against the in-process emulator unless
# QDRANT_URL (or --qdrant-url URL) names a real Qdrant; only the ratios mean anything against the emulator.
#   bench/qdrant-adapter.sh [--qdrant-url http://127.0.0.1:6334]
# Against a real Qdrant it leaves its collections (named bench_...) behind: delete them afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
build bench
exec java -jar "$BENCH_JAR" qdrant-adapter "$@"
