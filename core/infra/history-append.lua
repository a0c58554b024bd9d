-- Appends entries to a person's chat history with the next sequence
-- numbers, in one step: a reader polling "after seq N" can never see N+2
-- before N+1 exists (which two separate calls would allow).
-- KEYS[1] the history (zset, score = seq), KEYS[2] the sequence counter.
-- ARGV[1] how many entries to keep, ARGV[2] TTL in seconds, ARGV[3..] the entries (sealed).
-- Returns the seq of the last entry.
local n = #ARGV - 2
local last = redis.call('INCRBY', KEYS[2], n)
for i = 1, n do
  redis.call('ZADD', KEYS[1], last - n + i, ARGV[i + 2])
end
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(tonumber(ARGV[1]) + 1))
redis.call('EXPIRE', KEYS[1], ARGV[2])
redis.call('EXPIRE', KEYS[2], ARGV[2])
return last
