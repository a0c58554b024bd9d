/**
 * Result of parsing one piece of user input.
 *
 * On failure, `error` is a short, polite Simplified-Chinese re-prompt that is
 * shown to the user verbatim: it says what was wrong and gives an example of
 * a correct answer. It never echoes the user's input back.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });

export const fail = <T = never>(error: string): Parsed<T> => ({ ok: false, error });
