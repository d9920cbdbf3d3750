-- Reschedule POSTs: each moves one of the bookings bookings.py made (their manage tokens, one a line, in LOAD_TOKENS) to a
-- 5-minute start of the load-test page that no other request asks for: thread t of n sends requests t, t+n, t+2n...,
-- request k moving booking k modulo their number to the k-th start from LOAD_FIRST_START (skipping 23:55, as book.lua).
dofile(os.getenv("LOAD_DIR") .. "/report.lua")

local first = tonumber(os.getenv("LOAD_FIRST_START"))  -- Unix seconds, a UTC midnight
local counter = 1

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_id", counter)
  thread:set("thread_count", tonumber(os.getenv("LOAD_THREADS")))
  counter = counter + 1
end

local base_init = init
function init(args)
  base_init(args)
  tokens = {}
  for line in io.lines(os.getenv("LOAD_TOKENS")) do
    table.insert(tokens, line)
  end
  next_request = thread_id - 1
end

function request()
  local k = next_request
  next_request = next_request + thread_count
  local day, index = math.floor(k / 287), k % 287
  local start = os.date("!%Y-%m-%dT%H:%M:%SZ", first + day * 86400 + index * 300)
  local token = tokens[(k % #tokens) + 1]
  return wrk.format("POST", "/api/manage/" .. token .. "/reschedule", { ["Content-Type"] = "application/json" },
    string.format('{"start":"%s"}', start))
end
