-- Renews claims whose work is still running (core/infra/claim-loop.ts
-- `renewClaims`): a claim loop's batch still running after a third of the lease.
-- KEYS[1]: the sorted set
-- ARGV[1]: the lease score the claims have now; ARGV[2]: the new one;
-- ARGV[3..]: the members
-- A member whose score is no longer that lease (its claim ended, it is due
-- again after a failure, or the lease passed and another process claimed
-- it) is left as it is. Returns how many were renewed.
local lease = tonumber(ARGV[1])
local renewed = 0
for i = 3, #ARGV do
  local score = redis.call('ZSCORE', KEYS[1], ARGV[i])
  if score and tonumber(score) == lease then
    redis.call('ZADD', KEYS[1], 'XX', ARGV[2], ARGV[i])
    renewed = renewed + 1
  end
end
return renewed
