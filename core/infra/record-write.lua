-- One atomic write of a record (core/infra/records.ts): a create (ARGV[1]
-- is '') or a compare-and-set (ARGV[1] is the JSON last read), with its
-- audit entry, its guards, its index changes and a new number, all or
-- nothing. Every key it touches is in KEYS.
--
-- KEYS[1] the record, KEYS[2] its audit (a list), KEYS[3..] the keys that
--         guards, index changes and the number name by position.
-- ARGV[1] the JSON expected now ('' = the record must not exist yet)
-- ARGV[2] the JSON to write
-- ARGV[3..6] audit: at, actor, action, detail
-- ARGV[7] guards, JSON: [[kind, key, ...]]
--         'below', key, field, max: HGET key field must be below max
--         'absent', key: key must not exist
-- ARGV[8] index changes, JSON: [[op, key, ...]]
--         'zadd' score member | 'zrem' member | 'sadd' member | 'srem' member
--         'set' value | 'del' | 'delifeq' value | 'hset' field value
--         'hincrby' field by | 'hdecr' field (and HDEL at 0) | 'expire' seconds
-- ARGV[9] a number to give out, JSON or '': {seq = key, prefix, width, token,
--         ttl = seconds or 0, index = key or 0}: INCR seq, the number is
--         prefix .. zero-padded count, every `token` in the JSON and the
--         detail becomes it, and index (a hash) maps number -> record id.
-- ARGV[10] the record id (for the number index)
-- ARGV[11] a channel to PUBLISH the change on ('' = none), ARGV[12] the
--         message (its `token` becomes the number too)
--
-- Returns {1, json} written; {0, json} not written: the record exists (a
-- create) or changed since it was read (an update), with what is there;
-- {2, n, value} refused by guard n (1-based), with what it found.

local current = redis.call('GET', KEYS[1])
if ARGV[1] == '' then
  if current then return {0, current} end
elseif current ~= ARGV[1] then
  return {0, current or ''}
end

local guards = cjson.decode(ARGV[7])
for n, g in ipairs(guards) do
  local key = KEYS[g[2]]
  if not key then return redis.error_reply('bad guard key') end
  if g[1] == 'below' then
    local have = tonumber(redis.call('HGET', key, g[3]) or '0')
    if have >= tonumber(g[4]) then return {2, n, tostring(have)} end
  elseif g[1] == 'absent' then
    local there = redis.call('GET', key)
    if there then return {2, n, there} end
  else
    return redis.error_reply('unknown guard ' .. tostring(g[1]))
  end
end

-- Checked before anything is written: a script that stops half-way is not undone.
local ops = cjson.decode(ARGV[8])
local known = {zadd = 1, zrem = 1, sadd = 1, srem = 1, set = 1, del = 1, delifeq = 1, hset = 1, hincrby = 1, hdecr = 1, expire = 1}
for _, o in ipairs(ops) do
  if not known[o[1]] or not KEYS[o[2]] then return redis.error_reply('bad index change ' .. tostring(o[1])) end
end

local json = ARGV[2]
local detail = ARGV[6]
local message = ARGV[12]
if ARGV[9] ~= '' then
  local spec = cjson.decode(ARGV[9])
  local count = redis.call('INCR', KEYS[spec.seq])
  if spec.ttl > 0 then redis.call('EXPIRE', KEYS[spec.seq], spec.ttl) end
  local number = spec.prefix .. string.format('%0' .. spec.width .. 'd', count)
  json = string.gsub(json, spec.token, number)
  detail = string.gsub(detail, spec.token, number)
  message = string.gsub(message, spec.token, number)
  if spec.index > 0 then redis.call('HSET', KEYS[spec.index], number, ARGV[10]) end
end

redis.call('SET', KEYS[1], json)
-- The audit: one compact line per change, `at TAB actor TAB action TAB detail`.
-- An audit kept as a stream before (4.6 KB for two entries) becomes a list first.
if redis.call('TYPE', KEYS[2])['ok'] == 'stream' then
  local old = redis.call('XRANGE', KEYS[2], '-', '+')
  redis.call('DEL', KEYS[2])
  for _, e in ipairs(old) do
    local f = {}
    for i = 1, #e[2], 2 do f[e[2][i]] = e[2][i + 1] end
    redis.call('RPUSH', KEYS[2], (f.at or '') .. '\t' .. (f.actor or '') .. '\t' .. (f.action or '') .. '\t' .. (f.detail or ''))
  end
end
redis.call('RPUSH', KEYS[2], ARGV[3] .. '\t' .. ARGV[4] .. '\t' .. ARGV[5] .. '\t' .. detail)

for _, o in ipairs(ops) do
  local op, key = o[1], KEYS[o[2]]
  if op == 'zadd' then redis.call('ZADD', key, o[3], o[4])
  elseif op == 'zrem' then redis.call('ZREM', key, o[3])
  elseif op == 'sadd' then redis.call('SADD', key, o[3])
  elseif op == 'srem' then redis.call('SREM', key, o[3])
  elseif op == 'set' then redis.call('SET', key, o[3])
  elseif op == 'del' then redis.call('DEL', key)
  elseif op == 'delifeq' then
    if redis.call('GET', key) == o[3] then redis.call('DEL', key) end
  elseif op == 'hset' then redis.call('HSET', key, o[3], o[4])
  elseif op == 'hincrby' then redis.call('HINCRBY', key, o[3], o[4])
  elseif op == 'hdecr' then
    if redis.call('HINCRBY', key, o[3], -1) <= 0 then redis.call('HDEL', key, o[3]) end
  elseif op == 'expire' then redis.call('EXPIRE', key, o[3])
  end
end

-- Live views hear of the change once it is written (a channel is not a key: nothing is stored).
local channel = ARGV[11]
if channel ~= '' then redis.call('PUBLISH', channel, message) end

return {1, json}
