--[[
  admit.lua: reserve one request against every limit in scope, all or nothing, in one round trip.

  All keys share one hash tag ({tg:<prefix>}), so the script runs in a single Redis Cluster slot.

  KEYS (variable count: 1 + 2*B + R + 2*T + P, in this order):
    [1]                      request record (hash: state, leaseExpiresAt)
    per budget window b=1..B budget counter (hash: spend, held, softCrossed, r:<requestId> -> amount),
                             budget leases (zset: requestId scored by lease expiry ms)
    per rpm limit r=1..R     request log (zset: requestId scored by admission ms)
    per tpm limit t=1..T     token log (zset: requestId scored by admission ms),
                             token counts (hash: total, t:<requestId> -> tokens)
    per parallel limit p=1..P slot leases (zset: requestId scored by lease expiry ms)

  ARGV:
    [1] now in epoch ms, or '' to use Redis TIME
    [2] request id
    [3] reservation in nano-USD (integer string; added with HINCRBY so it stays exact)
    [4] reserved tokens (integer string)
    [5] lease ms (a reservation and a parallel slot expire after this long unless settled)
    [6] request-record retention ms after the lease ends (how late a settle is still recognised)
    [7] B  [8] R  [9] T  [10] P
    then per budget window: max nano-USD
    then per rpm limit:     limit, window ms
    then per tpm limit:     limit, window ms
    then per parallel limit: limit

  Returns an array whose first element is an AdmitCode:
    0 Admitted         {0, now, 0, 0, 0, stats...}
    1 BudgetExceeded   {1, now, index, current, leastRoom, stats...}   current = spend + live reservations;
                       leastRoom = min over all windows of max - current, at least 0 (nano-USD)
    2 ParallelExceeded {2, now, index, current, 0, stats...}     slots free when requests end: no retry time
    3 RpmExceeded      {3, now, index, current, retryAtMs, stats...}
    4 TpmExceeded      {4, now, index, current, retryAtMs, stats...}   retryAtMs 0 = never fits
    5 NeedsSeed        {5, now, index...}   budget windows whose counter has no spend yet; nothing recorded
    6 Duplicate        {6, now}             the request id was admitted before; nothing recorded
  retryAtMs is the instant the request would fit (a budget retries at its window's reset, which the caller knows).
  stats: per rpm limit then per tpm limit: used (requests or tokens in the window), newestMs (0 when empty);
  after this admission when admitted, without it when refused. index is 1-based within its kind.
]]

local now
if ARGV[1] == '' then
  local time = redis.call('TIME')
  now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
else
  now = tonumber(ARGV[1])
end
local requestId = ARGV[2]
local amount = ARGV[3]
local tokens = ARGV[4]
local amountNumber = tonumber(amount)
local tokensNumber = tonumber(tokens)
local leaseMs = tonumber(ARGV[5])
local retentionMs = tonumber(ARGV[6])
local budgetCount = tonumber(ARGV[7])
local rpmCount = tonumber(ARGV[8])
local tpmCount = tonumber(ARGV[9])
local parallelCount = tonumber(ARGV[10])
local leaseExpiresAt = now + leaseMs

local rpmKeyBase = 1 + 2 * budgetCount
local tpmKeyBase = rpmKeyBase + rpmCount
local parallelKeyBase = tpmKeyBase + 2 * tpmCount
local rpmArgBase = 10 + budgetCount
local tpmArgBase = rpmArgBase + 2 * rpmCount
local parallelArgBase = tpmArgBase + 2 * tpmCount

local function integer(value)
  return string.format('%d', value)
end

local function numberField(key, field)
  return tonumber(redis.call('HGET', key, field) or '0')
end

-- Ends (once) every reservation of a budget counter whose lease has expired.
local function dropExpiredReservations(counterKey, leasesKey)
  local expired = redis.call('ZRANGEBYSCORE', leasesKey, '-inf', now)
  for _, id in ipairs(expired) do
    local held = redis.call('HGET', counterKey, 'r:' .. id)
    if held then
      redis.call('HINCRBY', counterKey, 'held', 0 - tonumber(held))
      redis.call('HDEL', counterKey, 'r:' .. id)
    end
  end
  if #expired > 0 then
    redis.call('ZREMRANGEBYSCORE', leasesKey, '-inf', now)
  end
end

-- Removes token-log entries that slid out of the window, and their tokens from the total.
local function dropExpiredTokens(logKey, countsKey, windowMs)
  local expired = redis.call('ZRANGEBYSCORE', logKey, '-inf', now - windowMs)
  for _, id in ipairs(expired) do
    local counted = redis.call('HGET', countsKey, 't:' .. id)
    if counted then
      redis.call('HINCRBY', countsKey, 'total', 0 - tonumber(counted))
      redis.call('HDEL', countsKey, 't:' .. id)
    end
  end
  if #expired > 0 then
    redis.call('ZREMRANGEBYSCORE', logKey, '-inf', now - windowMs)
  end
end

local function newestOf(logKey)
  local newest = redis.call('ZRANGE', logKey, -1, -1, 'WITHSCORES')
  return tonumber(newest[2] or '0')
end

local function stats()
  local result = {}
  for r = 1, rpmCount do
    table.insert(result, redis.call('ZCARD', KEYS[rpmKeyBase + r]))
    table.insert(result, newestOf(KEYS[rpmKeyBase + r]))
  end
  for t = 1, tpmCount do
    table.insert(result, numberField(KEYS[tpmKeyBase + 2 * t], 'total'))
    table.insert(result, newestOf(KEYS[tpmKeyBase + 2 * t - 1]))
  end
  return result
end

local function refuse(code, index, current, retryAt)
  local result = {code, now, index, current, retryAt}
  for _, value in ipairs(stats()) do
    table.insert(result, value)
  end
  return result
end

if redis.call('EXISTS', KEYS[1]) == 1 then
  return {6, now}
end

-- Counters never seeded from the database: the caller seeds them and retries. Nothing is written first.
local unseeded = {5, now}
for b = 1, budgetCount do
  if redis.call('HEXISTS', KEYS[2 * b], 'spend') == 0 then
    table.insert(unseeded, b)
  end
end
if #unseeded > 2 then
  return unseeded
end

-- Sweep first: expired leases and entries that slid out of their windows. This changes no decision, so it is
-- safe even when the request is then refused, and it makes the stats of a refusal current.
for b = 1, budgetCount do
  dropExpiredReservations(KEYS[2 * b], KEYS[2 * b + 1])
end
for p = 1, parallelCount do
  redis.call('ZREMRANGEBYSCORE', KEYS[parallelKeyBase + p], '-inf', now)
end
for r = 1, rpmCount do
  redis.call('ZREMRANGEBYSCORE', KEYS[rpmKeyBase + r], '-inf', now - tonumber(ARGV[rpmArgBase + 2 * r]))
end
for t = 1, tpmCount do
  dropExpiredTokens(KEYS[tpmKeyBase + 2 * t - 1], KEYS[tpmKeyBase + 2 * t], tonumber(ARGV[tpmArgBase + 2 * t]))
end

-- Checks, in the order the caller's plan lists them: budgets, parallel slots, rpm, tpm.
-- A budget refusal also reports the least room left over every window, so the caller can ask for less.
local refusedBudget = 0
local refusedCurrent = 0
local leastRoom = nil
for b = 1, budgetCount do
  local counterKey = KEYS[2 * b]
  local current = numberField(counterKey, 'spend') + numberField(counterKey, 'held')
  local room = tonumber(ARGV[10 + b]) - current
  if leastRoom == nil or room < leastRoom then
    leastRoom = room
  end
  if refusedBudget == 0 and current + amountNumber > tonumber(ARGV[10 + b]) then
    refusedBudget = b
    refusedCurrent = current
  end
end
if refusedBudget > 0 then
  return refuse(1, refusedBudget, refusedCurrent, math.max(0, math.floor(leastRoom)))
end

for p = 1, parallelCount do
  local current = redis.call('ZCARD', KEYS[parallelKeyBase + p])
  if current + 1 > tonumber(ARGV[parallelArgBase + p]) then
    return refuse(2, p, current, 0)
  end
end

for r = 1, rpmCount do
  local logKey = KEYS[rpmKeyBase + r]
  local limit = tonumber(ARGV[rpmArgBase + 2 * r - 1])
  local current = redis.call('ZCARD', logKey)
  if current + 1 > limit then
    local retryAt = 0
    if limit > 0 then
      -- The (current - limit + 1)-th oldest entry must slide out before one more request fits.
      local entry = redis.call('ZRANGE', logKey, current - limit, current - limit, 'WITHSCORES')
      retryAt = tonumber(entry[2] or '0') + tonumber(ARGV[rpmArgBase + 2 * r])
    end
    return refuse(3, r, current, retryAt)
  end
end

for t = 1, tpmCount do
  local logKey = KEYS[tpmKeyBase + 2 * t - 1]
  local countsKey = KEYS[tpmKeyBase + 2 * t]
  local limit = tonumber(ARGV[tpmArgBase + 2 * t - 1])
  local current = numberField(countsKey, 'total')
  if current + tokensNumber > limit then
    local retryAt = 0
    if tokensNumber <= limit then
      local mustExpire = current + tokensNumber - limit
      local expiring = 0
      local entries = redis.call('ZRANGE', logKey, 0, -1, 'WITHSCORES')
      for i = 1, #entries, 2 do
        expiring = expiring + numberField(countsKey, 't:' .. entries[i])
        if expiring >= mustExpire then
          retryAt = tonumber(entries[i + 1]) + tonumber(ARGV[tpmArgBase + 2 * t])
          break
        end
      end
    end
    return refuse(4, t, current, retryAt)
  end
end

-- Every limit passed: record the request everywhere.
redis.call('HSET', KEYS[1], 'state', 'held', 'leaseExpiresAt', integer(leaseExpiresAt))
redis.call('PEXPIRE', KEYS[1], integer(leaseMs + retentionMs))

for b = 1, budgetCount do
  local counterKey = KEYS[2 * b]
  local leasesKey = KEYS[2 * b + 1]
  redis.call('HINCRBY', counterKey, 'held', amount)
  redis.call('HSET', counterKey, 'r:' .. requestId, amount)
  redis.call('ZADD', leasesKey, integer(leaseExpiresAt), requestId)
  -- The leases live exactly as long as the counter, so a held amount never outlives the lease that ends it.
  local counterTtl = redis.call('PTTL', counterKey)
  if counterTtl > 0 then
    redis.call('PEXPIRE', leasesKey, counterTtl)
  end
end

for p = 1, parallelCount do
  local slotsKey = KEYS[parallelKeyBase + p]
  redis.call('ZADD', slotsKey, integer(leaseExpiresAt), requestId)
  if redis.call('PTTL', slotsKey) < leaseMs then
    redis.call('PEXPIRE', slotsKey, integer(leaseMs + 1000))
  end
end

for r = 1, rpmCount do
  local logKey = KEYS[rpmKeyBase + r]
  redis.call('ZADD', logKey, integer(now), requestId)
  redis.call('PEXPIRE', logKey, integer(tonumber(ARGV[rpmArgBase + 2 * r]) + 1000))
end

for t = 1, tpmCount do
  local logKey = KEYS[tpmKeyBase + 2 * t - 1]
  local countsKey = KEYS[tpmKeyBase + 2 * t]
  local keepMs = integer(tonumber(ARGV[tpmArgBase + 2 * t]) + 1000)
  redis.call('ZADD', logKey, integer(now), requestId)
  redis.call('HSET', countsKey, 't:' .. requestId, tokens)
  redis.call('HINCRBY', countsKey, 'total', tokens)
  redis.call('PEXPIRE', logKey, keepMs)
  redis.call('PEXPIRE', countsKey, keepMs)
end

local result = {0, now, 0, 0, 0}
for _, value in ipairs(stats()) do
  table.insert(result, value)
end
return result
