--[[
  read-budget-2.lua: read one budget counter without changing it.

  KEYS:
    [1] budget counter (hash: spend, held, r:<requestId> -> amount)
    [2] budget leases (zset: requestId scored by lease expiry ms)

  ARGV:
    [1] now in epoch ms, or '' to use Redis TIME

  Returns: {seeded, committedNano, reservedNano}; seeded is 0 when the counter does not exist (then both are 0).
  reservedNano counts only leases that have not expired at `now`.
]]

local now
if ARGV[1] == '' then
  local time = redis.call('TIME')
  now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
else
  now = tonumber(ARGV[1])
end

local spend = redis.call('HGET', KEYS[1], 'spend')
if not spend then
  return {0, 0, 0}
end
local held = tonumber(redis.call('HGET', KEYS[1], 'held') or '0')
for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now)) do
  held = held - tonumber(redis.call('HGET', KEYS[1], 'r:' .. id) or '0')
end
return {1, tonumber(spend), held}
