-- Claims an assignee for one assignment of a case (core/cases/routing.ts):
-- among the candidates, the one with the fewest open cases under their
-- capacity, ties to the longest idle; their load, their case index and the
-- waiting list change in the same step. A claim already made for this
-- assignment is returned instead, so a retried or duplicated routing job
-- changes nothing.
--
-- KEYS[1] the claim of this assignment, KEYS[2] load (hash), KEYS[3] last
-- assigned (hash), KEYS[4] the waiting list (zset), KEYS[5..] each
-- candidate's case index, in the order of the candidates in ARGV.
-- ARGV[1] now (ms), ARGV[2] level, ARGV[3] '1' = take someone even when
-- all are at capacity, ARGV[4] case id, then (staff id, capacity) pairs.
-- Returns 'level|staffId', or false when no one has room.

local existing = redis.call('GET', KEYS[1])
if existing then return existing end
local best, bestLoad, bestIdle, bestKey = nil, nil, nil, nil
local c = 0
for i = 5, #ARGV, 2 do
  c = c + 1
  local id = ARGV[i]
  local cap = tonumber(ARGV[i + 1])
  local load = tonumber(redis.call('HGET', KEYS[2], id) or '0')
  local last = tonumber(redis.call('HGET', KEYS[3], id) or '0')
  if ARGV[3] == '1' or load < cap then
    if best == nil or load < bestLoad or (load == bestLoad and last < bestIdle) then
      best, bestLoad, bestIdle, bestKey = id, load, last, KEYS[4 + c]
    end
  end
end
if best == nil then return false end
redis.call('HINCRBY', KEYS[2], best, 1)
redis.call('HSET', KEYS[3], best, ARGV[1])
redis.call('SET', KEYS[1], ARGV[2] .. '|' .. best, 'EX', 2592000)
redis.call('ZADD', bestKey, ARGV[1], ARGV[4])
redis.call('ZREM', KEYS[4], ARGV[4])
return ARGV[2] .. '|' .. best
