-- wrk script: casts ballots through POST /api/v1/budgets/{id}/ballots, one one-time voting code per request.
-- Arguments after "--": CODES_FILE BUDGET_ID PROJECTS THREADS [RECEIPTS_PREFIX]
-- Each wrk thread takes every THREADS-th code, so no code is used twice. With RECEIPTS_PREFIX, every receipt the
-- server acknowledged (201) is appended to RECEIPTS_PREFIX-<thread>.txt as soon as the response arrives.
local threads = {}
local count = 0

function setup(thread)
  count = count + 1
  thread:set("id", count)
  table.insert(threads, thread)
end

function init(args)
  local file, total = args[1], tonumber(args[4])
  path = "/api/v1/budgets/" .. args[2] .. "/ballots"
  projects = tonumber(args[3])
  codes, next_code = {}, 1
  local i = 0
  for line in io.lines(file) do
    if i % total == id - 1 then codes[#codes + 1] = line end
    i = i + 1
  end
  if args[5] ~= nil and args[5] ~= "" then
    receipts = io.open(args[5] .. "-" .. id .. ".txt", "a")
  end
  math.randomseed(id * 7919)
  created, refused = 0, 0
end

function request()
  local code = codes[next_code] or codes[1]
  next_code = next_code + 1
  local a, b = math.random(projects), math.random(projects)
  local chosen = (a == b) and tostring(a) or (a .. "," .. b)
  local body = '{"code":"' .. code .. '","projects":[' .. chosen .. ']}'
  return wrk.format("POST", path, { ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
    if receipts then
      local receipt = body:match('"receipt":"([^"]+)"')
      if receipt then
        receipts:write(receipt, "\n")
        receipts:flush()
      end
    end
  else
    refused = refused + 1
  end
end

function done(summary, latency, requests)
  local created, refused = 0, 0
  for _, thread in ipairs(threads) do
    created = created + thread:get("created")
    refused = refused + thread:get("refused")
  end
  io.write(string.format("ballots recorded (201): %d, other responses: %d\n", created, refused))
  for _, p in ipairs({ 50, 90, 99, 99.9 }) do
    io.write(string.format("latency p%s: %.1f ms\n", p, latency:percentile(p) / 1000))
  end
end
