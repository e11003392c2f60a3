-- POST /api/v1/documents/search with a random query.
local queries = {}
for line in io.lines(os.getenv("QUERIES_FILE")) do queries[#queries + 1] = line end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  return wrk.format(nil, "/api/v1/documents/search", nil,
    '{"query":"' .. queries[math.random(#queries)] .. '","max_results":5}')
end
