-- Reschedule POSTs: each moves one of the bookings bookings.py made (their manage tokens, one a line, in LOAD_TOKENS) to
-- a 5-minute start of the load-test page that no other request asks for: request k moves booking k modulo their number
-- to the k-th start (see starts.lua).
dofile(os.getenv("LOAD_DIR") .. "/starts.lua")

local base_init = init
function init(args)
  base_init(args)
  tokens = {}
  for line in io.lines(os.getenv("LOAD_TOKENS")) do
    table.insert(tokens, line)
  end
end

function request()
  local k = next_number()
  local token = tokens[(k % #tokens) + 1]
  return wrk.format("POST", "/api/manage/" .. token .. "/reschedule", { ["Content-Type"] = "application/json" },
    string.format('{"start":"%s"}', start_at(k)))
end
