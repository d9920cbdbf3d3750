-- Booking POSTs, each for a different 5-minute start of the load-test page (see starts.lua).
dofile(os.getenv("LOAD_DIR") .. "/starts.lua")

local base_init = init
function init(args)
  base_init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  local k = next_number()
  local body = string.format(
    '{"name":"Load %d","email":"load%d@example.com","timeZone":"Etc/UTC","starts":["%s"]}', k, k, start_at(k))
  return wrk.format(nil, nil, nil, body)
end
