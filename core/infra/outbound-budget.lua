-- Takes sends from the WeChat account's budget, or gives back unused ones
-- (core/infra/queues.ts `sendBudget`).
-- KEYS[1]: the window's counter (a string that lives one window)
-- ARGV[1]: sends allowed per window; ARGV[2]: how many are wanted (< 0:
-- given back); ARGV[3]: the window (ms)
-- The window is measured by Redis's own expiry: no clock of the app's is
-- compared with Redis's. Returns {granted, ms until the window ends}.
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
local want = tonumber(ARGV[2])
if want < 0 then
  if used > 0 then redis.call('DECRBY', KEYS[1], math.min(used, -want)) end
  return {0, 0}
end
local granted = math.min(want, tonumber(ARGV[1]) - used)
if granted > 0 then
  if used == 0 then
    redis.call('SET', KEYS[1], granted, 'PX', tonumber(ARGV[3]))
  else
    redis.call('INCRBY', KEYS[1], granted)
  end
else
  granted = 0
end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then ttl = 0 end
return {granted, ttl}
