#!/usr/bin/env bash
# Texts per second of all-MiniLM-L6-v2 and bge-small-en-v1.5 (both quantized, LangChain4j's ONNX runtime) on the same
# texts in one JVM, alternating. Runs on the bench jar's classpath (build it with ./mvnw -B package -pl bench -am).
# Usage: bench/embed-cost/run.sh <beir dir>
set -euo pipefail
cd "$(dirname "$0")/../.."
exec java -cp bench/target/ainstruct-bench.jar bench/embed-cost/EmbedCost.java "$1/corpus.jsonl"
