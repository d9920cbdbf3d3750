-- Booking POSTs, each for a different 5-minute start of the load-test page (run.sh creates it: open every day around the
-- clock in UTC, 5-minute sessions every 5 minutes). Thread t of n books starts t, t+n, t+2n... from LOAD_FIRST_START,
-- skipping 23:55, the one start of a day whose session would pass the page's 23:59 closing.
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
  next_slot = thread_id - 1
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  local slot = next_slot
  next_slot = next_slot + thread_count
  -- 287 bookable starts a day: 00:00 to 23:50.
  local day, index = math.floor(slot / 287), slot % 287
  local start = os.date("!%Y-%m-%dT%H:%M:%SZ", first + day * 86400 + index * 300)
  local body = string.format(
    '{"name":"Load %d","email":"load%d@example.com","timeZone":"Etc/UTC","starts":["%s"]}', slot, slot, start)
  return wrk.format(nil, nil, nil, body)
end
