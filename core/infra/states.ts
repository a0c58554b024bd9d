import { z } from 'zod';
import { ConflictError } from './errors.js';

/** One status of a record kind: what people call it, and where it may go next. */
export interface StateOf<S extends string> {
  name: string;
  next: readonly S[];
}

interface Stateful<S extends string> {
  status: S;
  history: { at: string; status: S; note: string }[];
}

/**
 * A record kind's state machine from its one table: every change of status
 * goes through `moved` (checked against the table, with the history line
 * people read); `noted` adds a line without a change. `refusal` says, in
 * Chinese, why a move is not allowed (409).
 */
export function stateMachine<S extends string, R extends Stateful<S>>(table: Record<S, StateOf<S>>, refusal: (r: R, to: S, what: string) => string) {
  return {
    name: (s: S): string => table[s].name,
    canMove: (from: S, to: S): boolean => table[from].next.includes(to),
    assertMove(r: R, to: S, what: string): void {
      if (!table[r.status].next.includes(to)) throw new ConflictError('invalid_transition', refusal(r, to, what));
    },
    moved<T extends R>(r: T, to: S, note: string, at: Date, what = '这样操作'): T {
      this.assertMove(r, to, what);
      return { ...r, status: to, history: [...r.history, { at: at.toISOString(), status: to, note }] };
    },
    noted<T extends R>(r: T, note: string, at: Date): T {
      return { ...r, history: [...r.history, { at: at.toISOString(), status: r.status, note }] };
    },
  };
}

/** A record's history as stored: each line the person reads (Chinese, no personal numbers) with the status it left. */
export function historySchema<const S extends readonly [string, ...string[]]>(statuses: S) {
  return z.array(z.object({ at: z.string(), status: z.enum(statuses), note: z.string() }));
}
