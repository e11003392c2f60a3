-- GET /api/v1/documents (the caller's collections, newest first): a page of 20 at a random offset.
request = function()
  return wrk.format("GET", "/api/v1/documents?limit=20&offset=" .. math.random(0, 200))
end
