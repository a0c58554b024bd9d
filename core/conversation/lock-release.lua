-- Gives up a ticket of a person's fair lock (core/conversation/locks.ts):
-- the holder's when done, or a waiter's that stops waiting. The next one
-- takes the lock at its next poll. An empty queue leaves no keys.
-- KEYS[1] the queue, KEYS[2] the deadlines; ARGV[1] the token.
-- Returns 1 when the ticket was there, 0 when it was gone already.
local removed = redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
if redis.call('ZCARD', KEYS[1]) == 0 then redis.call('DEL', KEYS[1], KEYS[2]) end
return removed
