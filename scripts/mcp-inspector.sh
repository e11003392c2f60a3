#!/usr/bin/env bash
# Lists and calls the MCP server's tools with the official MCP Inspector CLI (a client nobody here wrote), over stdio.
# Starts the REST server on a throw-away data directory, makes a user and a personal access token, then lets the
# Inspector launch the stdio server, which attaches to that server's embedded PostgreSQL.
#   scripts/mcp-inspector.sh            needs a JDK 17+, node/npx (npm registry reachable once)
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=server/target/ainstruct.jar
[ -f "$JAR" ] || ./mvnw -B -q -DskipTests package
DATA=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
API="http://127.0.0.1:$PORT/api/v1"

AINSTRUCT_DATA_DIR="$DATA" MICRONAUT_SERVER_PORT="$PORT" java -jar "$JAR" > "$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/health" > /dev/null && break; sleep 0.5; done

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
curl -sf -X POST "$API/auth/register" -H 'Content-Type: application/json' \
     -d '{"username":"inspector","email":"inspector@example.org","password":"inspect all the things"}' > /dev/null
JWT=$(curl -sf -X POST "$API/auth/login" -H 'Content-Type: application/json' \
     -d '{"username":"inspector","password":"inspect all the things"}' | json "['access_token']")
PAT=$(curl -sf -X POST "$API/auth/pat" -H "Authorization: Bearer $JWT" -H 'Content-Type: application/json' \
     -d '{"label":"mcp inspector"}' | json "['token']")

# Pinned so a new Inspector release cannot change what this script checks.
inspector() {
    npx -y @modelcontextprotocol/inspector@2.12.0 --cli -e "AINSTRUCT_TOKEN=$PAT" -e "AINSTRUCT_DATA_DIR=$DATA" "$@" \
        -- java -jar "$JAR" mcp 2>> "$DATA/inspector.log"
}

echo "== tools/list (stdio, personal access token)"
inspector --method tools/list | json "['tools']" | python3 -c "import ast,sys; [print(' -', t['name']) for t in ast.literal_eval(sys.stdin.read())]"
echo "== tools/call store_document_tool"
inspector --method tools/call --tool-name store_document_tool \
    --tool-arg title=Lighthouses --tool-arg 'content=A lighthouse warns ships of rocks with a rotating beam.' \
    | json "['structuredContent']"
echo "== tools/call search_documents_tool"
for _ in $(seq 1 20); do
    RESULT=$(inspector --method tools/call --tool-name search_documents_tool --tool-arg 'query=tower that guides boats at night')
    echo "$RESULT" | grep -q Lighthouses && break
    sleep 0.5
done
echo "$RESULT" | json "['structuredContent']['formatted_context']"
