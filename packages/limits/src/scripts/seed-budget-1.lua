--[[
  seed-budget-1.lua: give a budget counter its committed spend from the database, once. Several proxies may seed
  the same counter at the same time; only the first write counts (HSETNX), so spend is never added twice. A
  settle never creates a counter, so a seed cannot land on top of spend that is also in the database.

  KEYS:
    [1] budget counter (hash: spend, held, softCrossed, r:<requestId> -> amount)

  ARGV:
    [1] now in epoch ms, or '' to use Redis TIME
    [2] committed spend in nano-USD (integer string)
    [3] counter expiry in epoch ms: the window's end plus the retention (0 = never)

  Returns: 1 when this call seeded the counter, 0 when it had been seeded already.
]]

local now
if ARGV[1] == '' then
  local time = redis.call('TIME')
  now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
else
  now = tonumber(ARGV[1])
end

if redis.call('HSETNX', KEYS[1], 'spend', ARGV[2]) == 0 then
  return 0
end
local expireAt = tonumber(ARGV[3])
if expireAt > 0 then
  -- Relative to the caller's clock, so an injected clock and Redis agree on when the window ends.
  redis.call('PEXPIRE', KEYS[1], string.format('%d', math.max(expireAt - now, 1000)))
end
return 1
