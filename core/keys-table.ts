/** `npm run keys`: the declared Redis keys, as a Markdown table (owner, key, type, lifetime, what it holds). */
import { allKeys } from './keys.js';

const rows = allKeys('gy').map((k) => {
  const d = k.decl;
  const name = `gy:{${d.owner}}:${[d.name, ...d.parts.map((p) => `<${p}>`)].join(':')}`;
  return `| ${d.owner} | \`${name}\` | ${d.type} | ${d.ttl ?? 'kept'} | ${d.doc} |`;
});
console.log(['| owner | key | type | lives | holds |', '|---|---|---|---|---|', ...rows].join('\n'));
