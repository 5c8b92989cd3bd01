--[[
  settle.lua: end one admitted request in one round trip. Replaces its reservation with the actual cost in every
  budget window, corrects its reserved tokens to the actual tokens, frees its parallel slots. Idempotent: the
  request record's state moves from 'held' exactly once, so a repeated settle changes nothing.

  All keys share one hash tag ({tg:<prefix>}), so the script runs in a single Redis Cluster slot.

  KEYS (variable count: 1 + 2*B + T + P, in this order):
    [1]                       request record (hash: state, leaseExpiresAt)
    per budget window b=1..B  budget counter (hash), budget leases (zset)
    per tpm limit t=1..T      token counts (hash: total, t:<requestId> -> tokens)
    per parallel limit p=1..P slot leases (zset)

  ARGV:
    [1] now in epoch ms, or '' to use Redis TIME
    [2] request id
    [3] actual cost in nano-USD (integer string)
    [4] actual tokens (integer string)
    [5] final state: 'settled' or 'released'
    [6] B  [7] T  [8] P
    [9] '1' to apply; '0' to only report the record's state (the caller no longer knows the request's limits)
    [10] retention ms: how long the settled record is kept so that a repeat is recognised
    then per budget window: soft budget nano-USD (0 = none)

  Returns an array whose first element is a SettleCode:
    0 Settled         {0, leaseExpired, crossed...}  crossed = 1-based indexes of budget windows whose soft
                                                      budget was reached for the first time in this window
    1 AlreadySettled  {1, 0}   settled or released before: nothing changed
    2 Unknown         {2, 0}   no record (never admitted here, or retention passed): nothing changed
    3 Held            {3, leaseExpired}  report-only call found the request still held: nothing changed
  leaseExpired is 1 when the lease had run out before this settle (the actual cost is still counted once).
]]

local now
if ARGV[1] == '' then
  local time = redis.call('TIME')
  now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
else
  now = tonumber(ARGV[1])
end
local requestId = ARGV[2]
local actualCost = ARGV[3]
local actualTokens = ARGV[4]
local budgetCount = tonumber(ARGV[6])
local tpmCount = tonumber(ARGV[7])
local parallelCount = tonumber(ARGV[8])

local record = redis.call('HMGET', KEYS[1], 'state', 'leaseExpiresAt')
if not record[1] then
  return {2, 0}
end
if record[1] ~= 'held' then
  return {1, 0}
end
local leaseExpired = 0
if tonumber(record[2]) <= now then
  leaseExpired = 1
end
if ARGV[9] ~= '1' then
  return {3, leaseExpired}
end

local result = {0, leaseExpired}
for b = 1, budgetCount do
  local counterKey = KEYS[2 * b]
  local held = redis.call('HGET', counterKey, 'r:' .. requestId)
  if held then
    redis.call('HINCRBY', counterKey, 'held', 0 - tonumber(held))
    redis.call('HDEL', counterKey, 'r:' .. requestId)
  end
  redis.call('ZREM', KEYS[2 * b + 1], requestId)
  -- A counter that is gone (window over, or Redis lost it) is not recreated: its next seed reads the database,
  -- which receives this request's spend event.
  if redis.call('HEXISTS', counterKey, 'spend') == 1 then
    local spend = redis.call('HINCRBY', counterKey, 'spend', actualCost)
    local soft = tonumber(ARGV[10 + b])
    if soft > 0 and spend >= soft and redis.call('HSETNX', counterKey, 'softCrossed', '1') == 1 then
      table.insert(result, b)
    end
  end
end

local tpmKeyBase = 1 + 2 * budgetCount
for t = 1, tpmCount do
  local countsKey = KEYS[tpmKeyBase + t]
  local reserved = redis.call('HGET', countsKey, 't:' .. requestId)
  -- Only while the entry is still in its sliding window; afterwards it no longer counts anyway.
  if reserved then
    redis.call('HINCRBY', countsKey, 'total', string.format('%d', tonumber(actualTokens) - tonumber(reserved)))
    redis.call('HSET', countsKey, 't:' .. requestId, actualTokens)
  end
end

local parallelKeyBase = tpmKeyBase + tpmCount
for p = 1, parallelCount do
  redis.call('ZREM', KEYS[parallelKeyBase + p], requestId)
end

redis.call('HSET', KEYS[1], 'state', ARGV[5])
-- Settled requests outnumber held ones by far: keep them only as long as a repeat is plausible.
redis.call('PEXPIRE', KEYS[1], ARGV[10])
return result
