/** Each pattern's global copy, built once (see matchesOf). */
const GLOBAL = new WeakMap<RegExp, RegExp>();

/**
 * Every match of `re` in `s`, as `s.matchAll(new RegExp(re.source, 'g'))`
 * finds them (the source with the `g` flag only). The copy is built once per
 * pattern, and a message with no match (nearly every message, for most
 * patterns) ends at one test: building the copy afresh cost about a
 * microsecond each time, many times a turn.
 */
export function matchesOf(s: string, re: RegExp): ReturnType<string['matchAll']> | [] {
  let g = GLOBAL.get(re);
  if (!g) {
    g = new RegExp(re.source, 'g');
    GLOBAL.set(re, g);
  }
  g.lastIndex = 0;
  if (!g.test(s)) return [];
  // matchAll works on its own copy (from lastIndex 0), so the shared pattern keeps no state between callers.
  g.lastIndex = 0;
  return s.matchAll(g);
}
