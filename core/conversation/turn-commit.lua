-- A turn's writes to a person's conversation, all or nothing, in one step
-- (core/conversation/sessions.ts `commit`): the session saved only if the
-- stored version is still the one the turn read (and its lifetime renewed),
-- the replies kept for a resend of the message, and the person's lock given
-- up (core/conversation/locks.ts, as lock-release.lua does). A turn whose
-- session someone else saved in between writes nothing and keeps the lock:
-- it is taken again on the newer session.
-- KEYS[1] the session, KEYS[2] the replies kept for resends, KEYS[3] the
-- lock's queue, KEYS[4] its deadlines.
-- ARGV[1] the version read ('' : the session is not saved), ARGV[2] the
-- record to store, ARGV[3] its lifetime in seconds; ARGV[4] the message's
-- clientMsgId ('' : no replies kept), ARGV[5] the replies (sealed), ARGV[6]
-- their lifetime in seconds; ARGV[7] the lock's token ('' : kept).
-- Returns 1 written, 0 someone else saved in between (nothing written).
if ARGV[1] ~= '' then
  local cur = redis.call('GET', KEYS[1])
  local v = 0
  if cur then v = cjson.decode(cur).version end
  if v ~= tonumber(ARGV[1]) then return 0 end
  redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
end
if ARGV[4] ~= '' then
  redis.call('HSET', KEYS[2], ARGV[4], ARGV[5])
  redis.call('EXPIRE', KEYS[2], ARGV[6])
end
if ARGV[7] ~= '' then
  redis.call('ZREM', KEYS[3], ARGV[7])
  redis.call('HDEL', KEYS[4], ARGV[7])
  if redis.call('ZCARD', KEYS[3]) == 0 then redis.call('DEL', KEYS[3], KEYS[4]) end
end
return 1
