-- Releases a lock only if it is still held by the token that took it
-- (core/conversation/locks.ts): a lock that expired and was taken by
-- someone else is left alone.
-- KEYS[1] the lock, ARGV[1] the holder's token. Returns 1 released, 0 not.
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
