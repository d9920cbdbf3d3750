-- Shared by the POST scripts: numbered threads, and the k-th 5-minute start of the load-test page (run.sh creates it:
-- open every day around the clock in UTC, 5-minute sessions every 5 minutes) from LOAD_FIRST_START, skipping 23:55, the
-- one start of a day whose session would pass the page's 23:59 closing. Thread t of n asks for starts t, t+n, t+2n...,
-- so no two requests ask for one start.
dofile(os.getenv("LOAD_DIR") .. "/report.lua")

local first = tonumber(os.getenv("LOAD_FIRST_START"))  -- Unix seconds, a UTC midnight
local counter = 1

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_id", counter)
  thread:set("thread_count", tonumber(os.getenv("LOAD_THREADS")))
  counter = counter + 1
end

-- This thread's next request number (0-based), then the one after it: call it once per request.
function next_number()
  local k = next_k or (thread_id - 1)
  next_k = k + thread_count
  return k
end

-- 287 bookable starts a day: 00:00 to 23:50.
function start_at(k)
  local day, index = math.floor(k / 287), k % 287
  return os.date("!%Y-%m-%dT%H:%M:%SZ", first + day * 86400 + index * 300)
end
