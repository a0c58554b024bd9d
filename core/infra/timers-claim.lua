-- Claims the entries due by now of a sorted set: timers, outbox notices, cases to route (core/infra/claim-loop.ts `claimDue`).
-- KEYS[1]: the timers sorted set (member -> when due, ms by the app's clock)
-- ARGV[1]: now (ms, the app's clock); ARGV[2]: lease (ms); ARGV[3]: at most this many
-- Each claimed member is moved to now + lease, so a process that dies while
-- firing it leaves it to be claimed again once the lease is over.
-- Returns the claimed members with the lease score they now have.
local now = tonumber(ARGV[1])
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[3]))
local lease = now + tonumber(ARGV[2])
for i = 1, #due do
  redis.call('ZADD', KEYS[1], lease, due[i])
end
return { tostring(lease), unpack(due) }
