/**
 * The one normaliser every message goes through before it is understood:
 * traditional characters read as simplified (opencc-js, Taiwan and Hong
 * Kong variants), full-width forms and look-alike dashes and spaces folded
 * (flows/parsers/normalize.ts), runs of whitespace collapsed, trimmed.
 * Parsers still normalise their own input, so calling them directly stays safe.
 */
import * as OpenCC from 'opencc-js';
import { normalizeText } from '../parsers/normalize.js';

/**
 * Taiwan's standard to mainland simplified. (The Hong Kong converter is not
 * used: it reads simplified 么 as 幺 and breaks 饿了么 and 在么.)
 */
const fromTaiwan = OpenCC.Converter({ from: 'tw', to: 'cn' });

/** Characters that only traditional writing uses often enough to be worth converting. */
const MAYBE_TRADITIONAL = /[\u4e00-\u9fff]/;

export function normalizeMessage(text: string): string {
  let s = normalizeText(text);
  // Simplified text passes unchanged; 么 is kept (the converter reads it as 幺).
  if (MAYBE_TRADITIONAL.test(s)) s = fromTaiwan(s.replace(/么/g, '\uE000')).replace(/\uE000/g, '么');
  return s.replace(/\s+/g, ' ').trim();
}

/** The message without spaces and sentence punctuation, for matching words. */
export function compact(text: string): string {
  return text.replace(/[\s,.!?;:、，。！？；：…~～"'“”‘’「」『』【】()（）\-—]+/g, '');
}
