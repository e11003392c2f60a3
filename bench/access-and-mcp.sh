#!/usr/bin/env bash
# Same run, same server, same documents, 8 connections each (wrk, a load generator that is not the server's code):
#   GET /api/v1/documents/{id} with a session JWT vs with a personal access token (the token check's cost), and
#   MCP tool calls (get_document_tool, search_documents_tool over streamable HTTP) vs the same operations over REST.
# Writes docs/BENCHMARKS-access-mcp.md.       bench/access-and-mcp.sh [seconds per run, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-10}
source bench/common.sh
JAR=$SERVER_JAR
[ -f "$JAR" ] || build "$SERVER_MODULE"
command -v wrk > /dev/null || { apt-get install -y wrk > /dev/null 2>&1 || { echo "wrk is needed (apt-get install wrk)"; exit 1; }; }
WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
AINSTRUCT_DATA_DIR="$WORK/data" MICRONAUT_SERVER_PORT="$PORT" java -jar "$JAR" > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do curl -sf "$BASE/health" > /dev/null && break; sleep 0.5; done

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
post() { curl -sf -X POST "$BASE$1" -H 'Content-Type: application/json' ${3:+-H "Authorization: Bearer $3"} -d "$2"; }
post /api/v1/auth/register '{"username":"bench","email":"bench@example.org","password":"benchmark password"}' > /dev/null
JWT=$(post /api/v1/auth/login '{"username":"bench","password":"benchmark password"}' | json "['access_token']")
PAT=$(post /api/v1/auth/pat '{"label":"bench","scopes":["read","write"]}' "$JWT" | json "['token']")

echo "storing 300 documents ..."
python3 - "$WORK" <<'PY'
import json, random, sys
random.seed(7)
topics = ["sourdough bread baking", "tcp congestion control", "photosynthesis in leaves", "the french revolution",
          "postgres vacuum and bloat", "jazz improvisation", "glacier formation", "kubernetes scheduling",
          "medieval castles", "vaccines and immunity", "black holes", "coffee roasting"]
docs, queries = [], []
for i in range(300):
    topic = topics[i % len(topics)]
    words = " ".join(random.choice(topic.split() + ["notes", "guide", "details", "practice", "history"]) for _ in range(120))
    docs.append({"title": f"{topic.title()} {i}", "content": f"# {topic.title()} {i}\n\n{words}\n\n## More\n\n{words[::-1]}"})
for t in topics:
    queries.append(f"how does {t} work")
json.dump(docs, open(sys.argv[1] + "/docs.json", "w"))
open(sys.argv[1] + "/queries.txt", "w").write("\n".join(queries) + "\n")
PY
COLLECTION=$(curl -sf "$BASE/api/v1/collections" -H "Authorization: Bearer $JWT" \
    | python3 -c "import json,sys; print([c['id'] for c in json.load(sys.stdin)['collections'] if c['name']=='default'][0])")
python3 - "$WORK" "$BASE" "$JWT" "$COLLECTION" <<'PY'
import json, sys, urllib.request
work, base, jwt, collection = sys.argv[1:5]
ids = []
for doc in json.load(open(work + "/docs.json")):
    request = urllib.request.Request(base + "/api/v1/documents", data=json.dumps({**doc, "collection_id": collection}).encode(),
                                     headers={"Content-Type": "application/json", "Authorization": "Bearer " + jwt})
    ids.append(json.load(urllib.request.urlopen(request))["document_id"])
open(work + "/ids.txt", "w").write("\n".join(ids) + "\n")
PY
for _ in $(seq 1 120); do
    [ "$(curl -sf "$BASE/health/ready" | json "['vector_index']['figures']['backlog']")" = "0" ] && break; sleep 0.5
done

export IDS_FILE="$WORK/ids.txt" QUERIES_FILE="$WORK/queries.txt"
run() { # name token script [TOOL]
    local name=$1 token=$2 script=$3
    TOOL=${4:-} wrk -t2 -c8 -d"${SECONDS_PER_RUN}s" --latency -s "bench/wrk/$script" -H "Authorization: Bearer $token" "$BASE" > /dev/null
    TOOL=${4:-} wrk -t2 -c8 -d"${SECONDS_PER_RUN}s" --latency -s "bench/wrk/$script" -H "Authorization: Bearer $token" "$BASE" > "$WORK/$name.txt"
}
echo "warm-up + measured runs (each run is repeated; the second is kept) ..."
run get-jwt "$JWT" random-get.lua
run get-pat "$PAT" random-get.lua
run mcp-get "$PAT" mcp-call.lua get_document_tool
run rest-get-pat "$PAT" random-get.lua
run mcp-search "$PAT" mcp-call.lua search_documents_tool
run rest-search "$PAT" rest-search.lua

figures() { # file -> "req/s|p50|p99|errors"
    awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2}
         /Non-2xx/ {err=$NF} /Socket errors/ {err="socket errors"} END {printf "%s | %s | %s | %s", rps, p50, p99, (err==""?0:err)}' "$1"
}
ratio() { python3 -c "print(f'{float(\"$1\")/float(\"$2\"):.2f}')"; }
rps() { awk '/Requests\/sec/ {print $2}' "$WORK/$1.txt"; }
OUT=docs/BENCHMARKS-access-mcp.md
{
echo "# Benchmarks: token checks and MCP next to REST"
echo
echo "Command: \`bench/access-and-mcp.sh $SECONDS_PER_RUN\` · date: $(date -u '+%Y-%m-%d %H:%M UTC') · machine: $(nproc) cores,"
echo "$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) · $(java -version 2>&1 | head -1)"
echo "· load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (the 2 cores are shared with wrk and anything else running)."
echo
echo "One server (\`java -jar $JAR\`, embedded PostgreSQL, fresh data directory), 300 stored documents; wrk with 2"
echo "threads and 8 connections, ${SECONDS_PER_RUN} s per run after an untimed run of the same length. MCP calls are stateless"
echo "streamable HTTP: each POST is one \`tools/call\`, authenticated by its bearer token, as 8 concurrent sessions."
echo
echo "| operation | req/s | p50 | p99 | non-2xx |"
echo "|---|---:|---:|---:|---:|"
echo "| REST GET document, session JWT | $(figures "$WORK/get-jwt.txt") |"
echo "| REST GET document, personal access token | $(figures "$WORK/get-pat.txt") |"
echo "| MCP \`get_document_tool\`, personal access token | $(figures "$WORK/mcp-get.txt") |"
echo "| REST GET document, personal access token (again, right after MCP) | $(figures "$WORK/rest-get-pat.txt") |"
echo "| MCP \`search_documents_tool\` | $(figures "$WORK/mcp-search.txt") |"
echo "| REST \`POST /documents/search\` | $(figures "$WORK/rest-search.txt") |"
echo
echo "- PAT vs JWT throughput on GET: **$(ratio "$(rps get-pat)" "$(rps get-jwt)")** (target: the token check costs at most 15%, i.e. ≥ 0.85)."
echo "  A PAT is found by its SHA-256 (one indexed read) where a JWT is verified by HMAC; both then read the user."
echo "- MCP vs REST throughput, get: **$(ratio "$(rps mcp-get)" "$(rps rest-get-pat)")**; search: **$(ratio "$(rps mcp-search)" "$(rps rest-search)")**."
echo "- The runs go in the order of the table, so the JIT keeps warming: the second REST-with-PAT row, measured after"
echo "  the MCP rows, shows how much later runs gain from that alone; compare neighbours, and read the load average above."
echo "- The foundation's GET figure (same machine, other run, busier machine) is in [BENCHMARKS.md](BENCHMARKS.md)."
} > "$OUT"
cat "$OUT"
