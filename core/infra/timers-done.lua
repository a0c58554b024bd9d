-- Ends one claim of a timer (core/infra/timers.ts).
-- KEYS[1]: the timers sorted set
-- ARGV[1]: the member; ARGV[2]: the lease score its claim gave it;
-- ARGV[3]: '' to remove it (fired), or when to try it again (ms).
-- Only while the member still has the claim's score: a write that set the
-- same timer again meanwhile (a new due time) is kept as it is.
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not score or tonumber(score) ~= tonumber(ARGV[2]) then return 0 end
if ARGV[3] == '' then
  redis.call('ZREM', KEYS[1], ARGV[1])
else
  redis.call('ZADD', KEYS[1], tonumber(ARGV[3]), ARGV[1])
end
return 1
