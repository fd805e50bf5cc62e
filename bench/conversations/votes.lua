-- wrk script: votes through POST /api/v1/conversations/{id}/votes as link participants (no account), each a fresh
-- participant key in the conversation cookie who votes on every statement in turn, then the next participant.
-- Arguments after "--": CONVERSATION_ID FIRST_STATEMENT_ID STATEMENTS THREADS ANTIFORGERY_COOKIE TOKEN [KEY_PREFIX]
-- (a warm-up run takes another KEY_PREFIX, so the measured run's participants are all new)
local threads = {}
local count = 0

function setup(thread)
  count = count + 1
  thread:set("id", count)
  table.insert(threads, thread)
end

function init(args)
  path = "/api/v1/conversations/" .. args[1] .. "/votes"
  first, statements, total = tonumber(args[2]), tonumber(args[3]), tonumber(args[4])
  antiforgery, token = args[5], args[6]
  prefix = args[7] or "storm-"
  participant, statement = id - 1, 0
  ok, refused = 0, 0
  math.randomseed(id * 7919)
end

local function key(n)
  local k = prefix .. n
  return k .. string.rep("x", 43 - #k)
end

function request()
  if statement == statements then
    participant = participant + total
    statement = 0
  end
  local sid = first + statement
  statement = statement + 1
  local r = math.random()
  local choice = (r < 0.45) and "Agree" or ((r < 0.9) and "Disagree" or "Pass")
  local body = '{"statementId":' .. sid .. ',"choice":"' .. choice .. '"}'
  return wrk.format("POST", path, {
    ["Content-Type"] = "application/json",
    ["Cookie"] = antiforgery .. "; cocreo.conversation=" .. key(participant),
    ["X-CSRF-TOKEN"] = token,
  }, body)
end

function response(status, headers, body)
  if status == 200 then ok = ok + 1 else
    refused = refused + 1
    if refused <= 3 then io.stderr:write("status " .. status .. ": " .. string.sub(body, 1, 300) .. "\n") end
  end
end

function done(summary, latency, requests)
  local o, r = 0, 0
  for _, t in ipairs(threads) do
    o = o + t:get("ok")
    r = r + t:get("refused")
  end
  io.write(string.format("votes counted (200): %d, refused: %d, votes per second: %.0f\n", o, r, o / (summary.duration / 1e6)))
end
