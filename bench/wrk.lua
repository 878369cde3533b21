-- wrk script for make bench (bench/run.sh).
--   BENCH_PATHS   a file with one request path per line; several paths are
--                 requested in turn (each wrk thread starts at its own offset)
--   BENCH_HEADER  one header line sent with every request, "Name: value"
--                 (the role's Cookie, or Authorization: Bearer)
-- A single path uses wrk's prebuilt request (no Lua per request), so fixed
-- scenarios cost wrk the same as plain `wrk -H`. done() prints one line,
-- "BENCH key=value ...", that run.sh reads: exact counts and percentiles in
-- microseconds from wrk's own histogram (the same numbers --latency prints).

local paths = {}
local f = assert(io.open(assert(os.getenv("BENCH_PATHS"), "BENCH_PATHS"), "r"))
for line in f:lines() do
  if line ~= "" then paths[#paths + 1] = line end
end
f:close()
assert(#paths > 0, "BENCH_PATHS is empty")

local header = os.getenv("BENCH_HEADER")
if header and header ~= "" then
  local name, value = header:match("^([^:]+):%s*(.*)$")
  wrk.headers[name] = value
end

local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("thread_no", counter)
end

if #paths == 1 then
  wrk.path = paths[1]
else
  local i
  function request()
    if not i then i = ((thread_no or 1) - 1) * 7 end
    i = i % #paths + 1
    return wrk.format(nil, paths[i])
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d bytes=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d" ..
    " connect=%d read=%d write=%d status=%d timeout=%d\n",
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.status, e.timeout))
end
