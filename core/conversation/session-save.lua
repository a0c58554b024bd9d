-- Saves a person's conversation only if the stored version is still the one
-- read (core/conversation/sessions.ts), and renews its lifetime.
-- KEYS[1] the session. ARGV[1] the version read (0: none stored),
-- ARGV[2] the record to store, ARGV[3] its lifetime in seconds.
-- Returns 1 saved, 0 someone else saved in between.
local cur = redis.call('GET', KEYS[1])
local v = 0
if cur then v = cjson.decode(cur).version end
if v ~= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
return 1
