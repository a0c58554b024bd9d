/**
 * Text readings kept for one stretch of a turn. A turn reads the same
 * message many times over (every field's parser, every "is this another
 * question's answer?" check normalises it again and looks for amounts in
 * it: about 10 normalisations of the whole message and 20 mappings of it
 * per turn), and these readings depend on the text alone.
 *
 * The stretch is synchronous (`withinOneReading(() => engine.handle(…))`),
 * so nothing of another person's turn can run inside it: what is kept is
 * this turn's own work, reused, and is dropped when the stretch ends —
 * nothing is kept between turns or between people, and outside a stretch
 * the functions simply run.
 *
 * Only functions of the text alone that return a string or a value their
 * callers never change may be wrapped (see the uses).
 */
let depth = 0;
/** The readings kept in the stretch under way, emptied when it ends. */
const inUse = new Set<Map<string, unknown>>();

export function withinOneReading<T>(fn: () => T): T {
  depth++;
  try {
    return fn();
  } finally {
    if (--depth === 0) {
      for (const kept of inUse) kept.clear();
      inUse.clear();
    }
  }
}

export function readOnce<R>(fn: (text: string) => R): (text: string) => R {
  const kept = new Map<string, R>();
  return (text: string): R => {
    if (depth === 0) return fn(text);
    inUse.add(kept as Map<string, unknown>);
    let r = kept.get(text);
    if (r === undefined && !kept.has(text)) {
      r = fn(text);
      kept.set(text, r);
    }
    return r as R;
  };
}
