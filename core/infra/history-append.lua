-- Appends entries to a person's chat history with the next sequence
-- numbers, in one step: a reader polling "after seq N" can never see N+2
-- before N+1 exists (which two separate calls would allow).
-- KEYS[1] the history (zset, score = seq), KEYS[2] the sequence counter,
-- KEYS[3] (optional) the person's inbox (a list): it gets `@<seq>` of the
-- last entry, in the same step (a notice: core/infra/messenger.ts), and
-- expires with the history; KEYS[4] (with KEYS[3]) where that list was kept
-- before it had a TTL: moved to KEYS[3] first if KEYS[3] does not exist yet,
-- so a client's position in it still holds.
-- ARGV[1] how many entries to keep, ARGV[2] TTL in seconds, with KEYS[3]
-- ARGV[3] how many inbox entries to keep; then the entries (sealed).
-- Returns the seq of the last entry.
local first = #KEYS >= 3 and 4 or 3
local n = #ARGV - first + 1
local last = redis.call('INCRBY', KEYS[2], n)
for i = 1, n do
  redis.call('ZADD', KEYS[1], last - n + i, ARGV[first + i - 1])
end
if #KEYS >= 3 then
  if KEYS[4] and redis.call('EXISTS', KEYS[3]) == 0 and redis.call('EXISTS', KEYS[4]) == 1 then
    redis.call('RENAME', KEYS[4], KEYS[3])
  end
  redis.call('RPUSH', KEYS[3], '@' .. last)
  redis.call('LTRIM', KEYS[3], -tonumber(ARGV[3]), -1)
  redis.call('EXPIRE', KEYS[3], ARGV[2])
end
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(tonumber(ARGV[1]) + 1))
redis.call('EXPIRE', KEYS[1], ARGV[2])
redis.call('EXPIRE', KEYS[2], ARGV[2])
return last
