-- A person's fair lock (core/conversation/locks.ts): a queue of tickets in
-- the order they reached Redis; the first holds the lock. Every ticket has
-- a deadline (Redis server time, ms) by which it must be renewed or be
-- dropped once it is first: a holder that died, a waiter that gave up.
-- Only this script and lock-release.lua compare those deadlines, always
-- with this server's TIME (never with a client's clock).
--
-- KEYS[1] the queue (zset: token → ticket number), KEYS[2] the deadlines
-- (hash: token → ms). ARGV[1] 'take' (a new ticket at the back) or 'wait'
-- (renew one, see where it is), ARGV[2] the token, ARGV[3] ms a ticket
-- lives once first (the holder), ARGV[4] ms it lives while waiting,
-- ARGV[5] ms both keys live after this call.
--
-- Optional, what the turn reads first, read here when the lock is held
-- (one round trip fewer a message): KEYS[3] the person's session, KEYS[4]
-- the replies kept for resends, ARGV[6] the message's clientMsgId ('' :
-- none).
--
-- Returns how many tickets are ahead (0: the lock is held), or -1 for
-- 'wait' when the ticket is gone (it was first past its deadline); with
-- KEYS[3], a held lock returns {0, the session or false, the replies kept
-- for ARGV[6] or false}.
local queue, deadlines = KEYS[1], KEYS[2]
local mode, token = ARGV[1], ARGV[2]
local headMs, waitMs, keysMs = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)

if mode == 'wait' then
  if not redis.call('ZSCORE', queue, token) then return -1 end
  redis.call('HSET', deadlines, token, now + waitMs)
end

-- Whoever is first and past its deadline is dropped, until someone alive is first.
while true do
  local head = redis.call('ZRANGE', queue, 0, 0)[1]
  if not head then break end
  local d = tonumber(redis.call('HGET', deadlines, head))
  if d and d > now then break end
  redis.call('ZREM', queue, head)
  redis.call('HDEL', deadlines, head)
end

if mode == 'take' then
  local last = redis.call('ZRANGE', queue, -1, -1, 'WITHSCORES')
  local ticket = 1
  if last[2] then ticket = tonumber(last[2]) + 1 end
  redis.call('ZADD', queue, ticket, token)
end

local ahead = redis.call('ZRANK', queue, token)
if ahead == 0 then
  redis.call('HSET', deadlines, token, now + headMs)
elseif mode == 'take' then
  redis.call('HSET', deadlines, token, now + waitMs)
end
redis.call('PEXPIRE', queue, keysMs)
redis.call('PEXPIRE', deadlines, keysMs)
if ahead == 0 and KEYS[3] then
  local reply = false
  if ARGV[6] ~= '' then reply = redis.call('HGET', KEYS[4], ARGV[6]) end
  return {0, redis.call('GET', KEYS[3]), reply}
end
return ahead
