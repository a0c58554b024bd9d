import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Text readings kept for one turn. A turn reads the same message many times
 * over (every field's parser, every "is this another question's answer?"
 * check, the case desk's and the safety check's readers normalise it again
 * and map it for amounts: about 20 normalisations of the whole message per
 * turn), and these readings depend on the text alone.
 *
 * A turn is `withinOneReading(fn)`: everything `fn` runs, across its awaits
 * (the chat service wraps a person's whole turn, the engine its own part),
 * shares one reading, kept in an AsyncLocalStorage store. Turns of different
 * people that interleave at their awaits each see their own store: nothing
 * is kept between turns or between people. When the outermost stretch ends
 * its readings are dropped at once (a timer or a promise the turn left
 * behind still points at the store, but finds it closed and empty), and
 * outside a stretch the functions simply run.
 *
 * Only functions of the text alone that return a string or a value their
 * callers never change may be wrapped, and only costly ones: a lookup is
 * not free (normalising a single character is cheaper than finding it).
 */
interface Reading {
  open: boolean;
  /** Per reader (its index in `readers`), its readings by text. */
  kept: (Map<string, unknown> | undefined)[];
}

const reading = new AsyncLocalStorage<Reading>();
let readers = 0;

function close(r: Reading): void {
  r.open = false;
  r.kept = [];
}

export function withinOneReading<T>(fn: () => T): T {
  if (reading.getStore()?.open) return fn();
  const r: Reading = { open: true, kept: [] };
  let result: T;
  try {
    result = reading.run(r, fn);
  } catch (err) {
    close(r);
    throw err;
  }
  if (result instanceof Promise) {
    // An async turn: its readings last until it has settled.
    return result.finally(() => close(r)) as T;
  }
  close(r);
  return result;
}

/** The map this reader keeps its readings in for the turn under way; undefined outside one. */
function keptFor<V>(id: number): Map<string, V> | undefined {
  const r = reading.getStore();
  if (r === undefined || !r.open) return undefined;
  let m = r.kept[id];
  if (m === undefined) r.kept[id] = m = new Map<string, V>();
  return m as Map<string, V>;
}

export function readOnce<R>(fn: (text: string) => R): (text: string) => R {
  const id = readers++;
  return (text: string): R => {
    const kept = keptFor<R>(id);
    if (kept === undefined) return fn(text);
    let r = kept.get(text);
    if (r === undefined && !kept.has(text)) {
      r = fn(text);
      kept.set(text, r);
    }
    return r as R;
  };
}

/**
 * Values noted for the turn under way, by text (what a message read as, and what was typed): dropped when the
 * turn ends; outside a turn nothing is noted.
 */
export function notedForTurn<V>(): { get(text: string): V | undefined; set(text: string, value: V): void; entries(): [string, V][] } {
  const id = readers++;
  return {
    get: (text) => keptFor<V>(id)?.get(text),
    entries: () => [...(keptFor<V>(id) ?? [])],
    set: (text, value) => keptFor<V>(id)?.set(text, value),
  };
}
