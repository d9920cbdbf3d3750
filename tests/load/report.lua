-- Prints one machine-readable line after a wrk run: requests per second, latency percentiles and the status counts,
-- so that run.sh can refuse a run whose answers were not all successes (a 429 is fast, and not the page).
threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  ok = 0
  bad = 0
end

function response(status, headers, body)
  if status >= 200 and status < 300 then ok = ok + 1 else bad = bad + 1 end
end

function done(summary, latency, requests)
  local good, failed = 0, 0
  for _, thread in ipairs(threads) do
    good = good + thread:get("ok")
    failed = failed + thread:get("bad")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT rps=%.1f ok_rps=%.1f p50=%.3f p99=%.3f ok=%d bad=%d errors=%d\n",
    summary.requests / seconds, good / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    good, failed, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
