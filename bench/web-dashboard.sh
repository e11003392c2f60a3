#!/usr/bin/env bash
# Server-side render time of the dashboard's document list (/app/documents, page 1 of 25 rows) with 1,000 documents,
# against the JSON list (/api/v1/documents?limit=25) of the same user and page size, in the same run.
#   bench/web-dashboard.sh                       # builds the server jar, runs on a fresh embedded PostgreSQL
#   SKIP_BUILD=1 bench/web-dashboard.sh          # reuses the server jar already built (SERVER_JAR: bench/common.sh)
#   DATABASE_URL='jdbc:postgresql://127.0.0.1:5432/test?user=postgres' bench/web-dashboard.sh   # (a fresh database is best)
# Figures:
#   - server side: the page's Server-Timing header (authentication, the use cases and the template), read from
#     SAMPLES sequential requests on one keep-alive connection (one curl);
#   - client side: wrk, CONNECTIONS connections for DURATION, against the page and against the JSON list.
set -euo pipefail
cd "$(dirname "$0")/.."

DOCUMENTS=${DOCUMENTS:-1000}
SAMPLES=${SAMPLES:-500}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-4}
PORT=${PORT:-18089}
BASE="http://127.0.0.1:$PORT"
source bench/common.sh
JAR=$SERVER_JAR
build "$SERVER_MODULE"
command -v wrk >/dev/null || { echo "[web-bench] wrk is required (apt-get install wrk)" >&2; exit 2; }

work=$(mktemp -d)
server_pid=""
cleanup() {
    if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

echo "[web-bench] starting the server on port $PORT (log: $work/server.log)"
AINSTRUCT_DATA_DIR="$work/data" MICRONAUT_SERVER_PORT=$PORT AINSTRUCT_REGISTRATIONS_PER_HOUR=1000 \
    AINSTRUCT_LOGIN_ATTEMPTS_PER_MINUTE=1000 java -jar "$JAR" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 180); do
    curl -sf "$BASE/health" >/dev/null 2>&1 && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log"; exit 1; }
    sleep 1
done

user="bench-$RANDOM$RANDOM"
password="bench-password-123"
curl -sf -X POST "$BASE/api/v1/auth/register" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$user\",\"email\":\"$user@example.org\",\"password\":\"$password\"}" >/dev/null
jwt=$(curl -sf -X POST "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$user\",\"password\":\"$password\"}" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')

collection=$(curl -sf "$BASE/api/v1/collections" -H "Authorization: Bearer $jwt" | sed -E 's/.*"collection_id":"([0-9a-f-]{36})".*/\1/')
echo "[web-bench] storing $DOCUMENTS documents through the REST API"
seq 1 "$DOCUMENTS" | xargs -P 2 -I{} curl -sf -o /dev/null -X POST "$BASE/api/v1/documents" \
    -H "Authorization: Bearer $jwt" -H 'Content-Type: application/json' \
    -d '{"collection_id":"'"$collection"'","title":"Note {} on bread","content":"# Note {}\n\nSourdough note number {}: feed the starter, wait, bake."}'
total=$(curl -sf "$BASE/api/v1/documents?limit=1" -H "Authorization: Bearer $jwt" | sed -E 's/.*"total":([0-9]+).*/\1/')
echo "[web-bench] the user holds $total documents"

# Logs into the dashboard as a browser would: the login form's CSRF token, then the form.
jar="$work/cookies"
csrf=$(curl -sf -c "$jar" -b "$jar" "$BASE/app/login" | sed -nE 's/.*name="_csrf" value="([^"]+)".*/\1/p' | head -1)
curl -sf -o /dev/null -c "$jar" -b "$jar" -X POST "$BASE/app/login" \
    --data-urlencode "_csrf=$csrf" --data-urlencode "username=$user" --data-urlencode "password=$password" \
    --data-urlencode "next=/app/documents"
session=$(awk '$6 == "ainstruct_session" { print $7 }' "$jar")
[[ -n "$session" ]] || { echo "[web-bench] dashboard login failed" >&2; exit 1; }
rows=$(curl -sf -b "ainstruct_session=$session" "$BASE/app/documents" | grep -c 'href="/app/documents/[0-9a-f-]\{36\}"' || true)
echo "[web-bench] the page lists $rows rows"

percentiles() { sort -n | awk '{ v[NR] = $1 } END { p50 = v[int(NR * 0.50 + 0.5)]; p99 = v[int(NR * 0.99 + 0.5)];
    printf "n=%d p50=%.2f ms p99=%.2f ms\n", NR, p50, p99 }'; }

echo "[web-bench] warm-up: 200 requests each"
for _ in $(seq 1 200); do
    curl -sf -o /dev/null -b "ainstruct_session=$session" "$BASE/app/documents"
    curl -sf -o /dev/null -H "Authorization: Bearer $jwt" "$BASE/api/v1/documents?limit=25"
done

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "[web-bench] server-side time of /app/documents (Server-Timing), $SAMPLES sequential requests on one connection"
urls=()
for _ in $(seq 1 "$SAMPLES"); do urls+=("$BASE/app/documents"); done
server_side=$(curl -sf -D - -b "ainstruct_session=$session" "${urls[@]}" \
    | tr -d '\r' | sed -nE 's/^[Ss]erver-[Tt]iming: .*dur=([0-9.]+).*/\1/p' | percentiles)
echo "  $server_side"

run_wrk() { wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "$1" "$2" \
    | awk '/^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 } /Requests\/sec/ { rps = $2 } END { printf "%s req/s, p50 %s, p99 %s\n", rps, p50, p99 }'; }
echo "[web-bench] wrk, $CONNECTIONS connections, $DURATION each"
json=$(run_wrk "Authorization: Bearer $jwt" "$BASE/api/v1/documents?limit=25")
echo "  JSON  /api/v1/documents?limit=25: $json"
html=$(run_wrk "Cookie: ainstruct_session=$session" "$BASE/app/documents")
echo "  HTML  /app/documents:             $html"
json_rps=${json%% req/s*}
html_rps=${html%% req/s*}
echo "  ratio page/JSON throughput: $(awk -v h="$html_rps" -v j="$json_rps" 'BEGIN { printf "%.2f", h / j }')"
echo "[web-bench] load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $(date -u '+%Y-%m-%d %H:%M UTC')"
