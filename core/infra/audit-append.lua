-- Appends one line to a record's audit (core/infra/records.ts `note`):
-- `at TAB actor TAB action TAB detail`. An audit kept as a stream before
-- becomes a list first (as record-write.lua does).
-- KEYS[1] the audit. ARGV[1] the line.
if redis.call('TYPE', KEYS[1])['ok'] == 'stream' then
  local old = redis.call('XRANGE', KEYS[1], '-', '+')
  redis.call('DEL', KEYS[1])
  for _, e in ipairs(old) do
    local f = {}
    for i = 1, #e[2], 2 do f[e[2][i]] = e[2][i + 1] end
    redis.call('RPUSH', KEYS[1], (f.at or '') .. '\t' .. (f.actor or '') .. '\t' .. (f.action or '') .. '\t' .. (f.detail or ''))
  end
end
return redis.call('RPUSH', KEYS[1], ARGV[1])
