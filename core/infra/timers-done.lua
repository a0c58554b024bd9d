-- Ends one claim of a timer, an outbox notice or a case to route (core/infra/claim-loop.ts `endClaim`).
-- KEYS[1]: the timers sorted set; KEYS[2]: the family's failure counts (hash, member -> failed firings in a row)
-- ARGV[1]: the member; ARGV[2]: the lease score its claim gave it;
-- ARGV[3]: '' when it fired (or was dropped), '1' when it failed;
-- ARGV[4]: now (ms, the app's clock); ARGV[5]: the first retry's delay (ms); ARGV[6]: the longest delay (ms);
-- ARGV[7]: '' (retried for ever) or the failures in a row after which it is dropped (the outbox's notices)
-- Only while the member still has the claim's score: a write that set the
-- same timer again meanwhile (a new due time) is kept as it is, with no
-- failures counted against it.
-- A failed timer is tried again after the first delay, doubled with each
-- failure in a row, up to the longest. Returns the failures in a row (0: fired,
-- -1: set again meanwhile); at ARGV[7] failures it is dropped instead.
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not score or tonumber(score) ~= tonumber(ARGV[2]) then
  redis.call('HDEL', KEYS[2], ARGV[1])
  return -1
end
if ARGV[3] == '' then
  redis.call('ZREM', KEYS[1], ARGV[1])
  redis.call('HDEL', KEYS[2], ARGV[1])
  return 0
end
local n = redis.call('HINCRBY', KEYS[2], ARGV[1], 1)
if ARGV[7] and ARGV[7] ~= '' and n >= tonumber(ARGV[7]) then
  redis.call('ZREM', KEYS[1], ARGV[1])
  redis.call('HDEL', KEYS[2], ARGV[1])
  return n
end
local delay = math.min(tonumber(ARGV[5]) * 2 ^ math.min(n - 1, 30), tonumber(ARGV[6]))
redis.call('ZADD', KEYS[1], tonumber(ARGV[4]) + delay, ARGV[1])
return n
