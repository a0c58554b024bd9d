-- Ends many claims that ran (core/infra/claim-loop.ts `endClaims`): the claim
-- loops' batches (notices sent, cases routed, timers fired), one call per batch.
-- KEYS[1]: the sorted set; KEYS[2]: its failure counts (hash)
-- ARGV[1]: the lease score the claim gave them; ARGV[2..]: the members
-- A member set again meanwhile (a score other than the lease) is kept as
-- it is. Returns how many went.
local lease = tonumber(ARGV[1])
local gone = 0
for i = 2, #ARGV do
  local score = redis.call('ZSCORE', KEYS[1], ARGV[i])
  if score and tonumber(score) == lease then
    redis.call('ZREM', KEYS[1], ARGV[i])
    gone = gone + 1
  end
end
redis.call('HDEL', KEYS[2], unpack(ARGV, 2))
return gone
