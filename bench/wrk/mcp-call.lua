-- POST /mcp tools/call of TOOL: get_document_tool on a random id, or search_documents_tool on a random query.
local ids, queries = {}, {}
for line in io.lines(os.getenv("IDS_FILE")) do ids[#ids + 1] = line end
for line in io.lines(os.getenv("QUERIES_FILE")) do queries[#queries + 1] = line end
local tool = os.getenv("TOOL")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json, text/event-stream"
request = function()
  local args
  if tool == "get_document_tool" then
    args = '{"document_id":"' .. ids[math.random(#ids)] .. '"}'
  else
    args = '{"query":"' .. queries[math.random(#queries)] .. '","max_results":5}'
  end
  return wrk.format(nil, "/mcp", nil,
    '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"' .. tool .. '","arguments":' .. args .. '}}')
end
