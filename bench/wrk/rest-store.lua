-- POST /api/v1/documents into COLLECTION: a new short note every time (one chunk, about 90 tokens), so every request chunks,
-- embeds and writes; the same content twice would only find the stored twin.
local collection = os.getenv("COLLECTION")
local counter = 0
local thread_tag = tostring({}):match("0x(%x+)") or tostring(math.random(1, 1000000000))
local paragraph = "The harbour lights were lit at dusk, and the ferry crossed the bay twice before the tide turned. "
  .. "Fishermen mended their nets on the quay while gulls argued over the morning catch, and the old lighthouse "
  .. "keeper wrote down the wind, the swell and the names of the boats that came home late."
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  counter = counter + 1
  local tag = thread_tag .. "-" .. counter .. "-" .. math.random(1, 1000000000)
  return wrk.format(nil, "/api/v1/documents", nil,
    '{"collection_id":"' .. collection .. '","title":"Harbour note ' .. tag .. '","content":"# Harbour note ' .. tag .. '\\n\\n' .. paragraph .. '"}')
end
