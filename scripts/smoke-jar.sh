#!/usr/bin/env bash
# Starts the one runnable jar on the embedded defaults in a temporary directory and checks that each entry point
# answers from it: REST, MCP over HTTP, the dashboard, stdio MCP (the mcp command, on the running server's database)
# and a dry-run import (the migrate command) of a legacy file made by make_legacy_sqlite.py. The test suite runs on
# the test classpath; this catches what only the shaded jar can get wrong (a dependency left out of it by a scope).
#   scripts/smoke-jar.sh [path/to/ainstruct.jar]
set -euo pipefail
cd "$(dirname "$0")/.."
jar="${1:-server/target/ainstruct.jar}"
dir="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
AINSTRUCT_DATA_DIR="$dir/data" MICRONAUT_SERVER_PORT="$port" java -Xmx512m -jar "$jar" > "$dir/server.log" 2>&1 &
server=$!
# Keep this script's own exit status: the stopped server's (143) is not the check's outcome.
trap 'status=$?; kill $server 2>/dev/null; wait $server 2>/dev/null || true; rm -rf "$dir"; exit $status' EXIT
base="http://127.0.0.1:$port"
fail() { echo "[smoke-jar] FAILED: $1"; tail -n 40 "$dir/server.log"; exit 1; }

for _ in $(seq 1 120); do
    curl -sf "$base/health/ready" >/dev/null && break
    kill -0 "$server" 2>/dev/null || fail "the server exited while starting"
    sleep 1
done
json() { curl -s -X POST "$base$1" -H 'Content-Type: application/json' "${@:3}" -d "$2"; }

curl -sf "$base/health/ready" | grep -q '"status"' || fail "/health/ready"
json /api/v1/auth/register '{"username":"smoke","email":"smoke@example.org","password":"smoke test password"}' >/dev/null
session=$(json /api/v1/auth/login '{"username":"smoke","password":"smoke test password"}' | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
[[ -n "$session" ]] || fail "REST log in"
pat=$(json /api/v1/auth/pat '{"label":"smoke","scopes":["read","write"]}' -H "Authorization: Bearer $session" \
      | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
[[ "$pat" == pat_live_* ]] || fail "REST PAT"
tools=$(json /mcp '{"jsonrpc":"2.0","id":1,"method":"tools/list"}' -H "Authorization: Bearer $pat" \
        -H 'Accept: application/json, text/event-stream')
grep -q '"search_documents_tool"' <<<"$tools" || fail "MCP tools/list answered: $tools"
curl -sf "$base/app/login" | grep -q '<form' || fail "dashboard login page"

stdio=$(printf '%s\n' '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"smoke","version":"1"}}}' \
                    '{"jsonrpc":"2.0","id":2,"method":"tools/list"}' \
        | AINSTRUCT_DATA_DIR="$dir/data" AINSTRUCT_TOKEN="$pat" java -Xmx512m -jar "$jar" mcp 2>"$dir/stdio.log") \
    || { cat "$dir/stdio.log"; fail "stdio MCP exited with $?"; }
grep -q '"search_documents_tool"' <<<"$stdio" || { cat "$dir/stdio.log"; fail "stdio MCP tools/list answered: $stdio"; }

python3 scripts/make_legacy_sqlite.py "$dir/legacy.sqlite" --documents 50 2>/dev/null
migrated=$(java -Xmx512m -jar "$jar" migrate --from "$dir/legacy.sqlite" --dry-run --accept-quarantine 2>&1) \
    || fail "migrate --dry-run exited with $?: $migrated"
grep -q 'DRY RUN: nothing was written' <<<"$migrated" || fail "migrate --dry-run printed: $migrated"
echo "[smoke-jar] REST, MCP over HTTP and stdio, the dashboard and migrate --dry-run answer from $jar"
