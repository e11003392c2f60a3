#!/usr/bin/env bash
# Retrieval quality and cost on a BEIR-format directory (corpus.jsonl, queries.jsonl, qrels.tsv), through the REST API:
# nDCG@10, Recall@100 and MRR@10 per search mode and per local model next to a Lucene BM25 baseline from the same
# run, ingest documents/s next to the raw embedder (abstracts and one-sentence documents), search p50/p99 at 1 and 8
# clients and at max_results 100 vs 10. Rewrites the part of docs/BENCHMARKS.md between <!-- retrieval:start --> and
# <!-- retrieval:end -->. SciFact's 5,183 abstracts take about 15 minutes per model on 2 busy cores.
#   bench/retrieval.sh --dataset ../shared/datasets/scifact
#   bench/retrieval.sh --dataset DIR --models all-minilm-l6-v2-q,bge-small-en-v15-q --modes hybrid,semantic,keyword
#   bench/retrieval.sh --dataset DIR --server http://127.0.0.1:8000     # a running server instead of one per model
#   bench/retrieval.sh --help                                            # every option
# SKIP_BUILD=1 reuses the jars already built; SERVER_JAR and SERVER_MODULE choose the server jar (bench/common.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
build "$SERVER_MODULE" bench
exec java -jar "$BENCH_JAR" retrieval --repo-root "$PWD" --server-jar "$SERVER_JAR" \
    --command "$(recorded_command bench/retrieval.sh "$@")" "$@"
