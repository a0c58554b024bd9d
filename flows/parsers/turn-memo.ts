/**
 * Text readings kept for one stretch of a turn. A turn reads the same
 * message many times over (every field's parser, every "is this another
 * question's answer?" check normalises it again and maps it for amounts:
 * about 10 normalisations of the whole message and 20 mappings of it per
 * turn), and these readings depend on the text alone.
 *
 * The stretch is synchronous (`withinOneReading(() => engine.handle(…))`),
 * so nothing of another person's turn can run inside it: what is kept is
 * this turn's own work, reused, and is dropped when the stretch ends —
 * nothing is kept between turns or between people, and outside a stretch
 * the functions simply run.
 *
 * Only functions of the text alone that return a string or a value their
 * callers never change may be wrapped, and only costly ones: a lookup is
 * not free (normalising a single character is cheaper than finding it).
 */
let depth = 0;
/** How to empty the readings kept in the stretch under way. */
const toEmpty: Array<() => void> = [];

export function withinOneReading<T>(fn: () => T): T {
  depth++;
  try {
    return fn();
  } finally {
    if (--depth === 0) {
      for (const empty of toEmpty) empty();
      toEmpty.length = 0;
    }
  }
}

export function readOnce<R>(fn: (text: string) => R): (text: string) => R {
  let kept = new Map<string, R>();
  let inUse = false;
  const empty = () => {
    // A new map, not clear(): clearing a map is a call into the runtime, a new one is allocated inline.
    kept = new Map();
    inUse = false;
  };
  return (text: string): R => {
    if (depth === 0) return fn(text);
    if (!inUse) {
      inUse = true;
      toEmpty.push(empty);
    }
    let r = kept.get(text);
    if (r === undefined && !kept.has(text)) {
      r = fn(text);
      kept.set(text, r);
    }
    return r as R;
  };
}

/**
 * Values noted for the stretch under way, by text (what a message read as, and what was typed): emptied when the
 * stretch ends; outside a stretch nothing is noted.
 */
export function notedForTurn<V>(): { get(text: string): V | undefined; set(text: string, value: V): void; entries(): [string, V][] } {
  const kept = new Map<string, V>();
  let inUse = false;
  return {
    get: (text) => kept.get(text),
    entries: () => [...kept],
    set: (text, value) => {
      if (depth === 0) return;
      if (!inUse) {
        inUse = true;
        toEmpty.push(() => {
          kept.clear();
          inUse = false;
        });
      }
      kept.set(text, value);
    },
  };
}
