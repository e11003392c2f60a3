-- GET /api/v1/documents/{id} for a random id from ids.txt, with the bearer token in wrk.headers.
local ids = {}
for line in io.lines(os.getenv("IDS_FILE")) do ids[#ids + 1] = line end
request = function()
  return wrk.format("GET", "/api/v1/documents/" .. ids[math.random(#ids)])
end
