-- Lets go of the evidence files of a case just removed (core/cases/retention.ts).
-- KEYS[1]: the evidence-held hash (file id -> how many cases hold it)
-- ARGV: the ids of the files the removed case held
-- Each count goes down by one, and its field at zero: the evidence sweep then
-- deletes a file no case holds any more.
for i = 1, #ARGV do
  if redis.call('HINCRBY', KEYS[1], ARGV[i], -1) <= 0 then redis.call('HDEL', KEYS[1], ARGV[i]) end
end
return #ARGV
