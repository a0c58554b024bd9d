-- Replaces a value only if it is still the one read (compare-and-set):
-- two admins editing at once cannot undo each other's change.
-- KEYS[1] the key, ARGV[1] the value read, ARGV[2] the new value.
-- Returns 1 replaced, 0 changed meanwhile.
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2])
  return 1
end
return 0
