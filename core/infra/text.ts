/**
 * Folding text for comparison: names typed by people (places, employers)
 * compared with names in the directory or with each other. What a message
 * says is read by the conversation's own normaliser (flows/nlu/normalize.ts),
 * which keeps punctuation and digits as they matter there.
 */

/**
 * Unicode NFKC (full-width letters, digits and spaces become half-width),
 * lowercase, and every space, punctuation mark, symbol (emoji included) and
 * control or format character removed: `' 东龙镇。'` → `东龙镇`.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}\p{C}\p{M}]+/gu, '');
}

/** Legal-form words dropped when comparing employer names (青溪纺织 = 青溪纺织有限公司 = 青溪纺织厂). */
const LEGAL_FORMS = /(股份有限公司|有限责任公司|有限公司|集团公司|集团|公司|厂|店)$/u;

/** One employer however it is typed: folded, with and without its legal form. */
export function employerKey(name: string): { full: string; core: string } {
  const full = foldText(name);
  return { full, core: full.replace(LEGAL_FORMS, '') || full };
}

/**
 * A WeChat reply that quotes (引用) an earlier message, as Wechaty's puppets
 * deliver it: `「sender：the quoted text」`, a line of `- - - …`, then what
 * was typed. `said` is what was typed; `quoted` the quoted text (null for a
 * message that quotes nothing, which comes back whole as `said`).
 * Wechaty gives no structured quote for text messages (wechaty/wechaty#2387),
 * so the format is read here, strictly: anything else is taken as typed.
 * The one reader of quotes: the bot's staff desk (which record a reply means)
 * and every chat message (flows/nlu/normalize.ts quotedReply: the quote is
 * never read as an answer).
 */
export function splitQuote(text: string): { said: string; quoted: string | null } {
  if (!text.includes('「')) return { said: text, quoted: null };
  const m = /^「([\s\S]*)」\r?\n(?:- ?){10,}\r?\n([\s\S]+)$/u.exec(text);
  if (!m || m[2]!.trim() === '') return { said: text, quoted: null };
  // The sender's name and a colon come first (`工友助手：…`); a name never holds a line break.
  const q = /^[^\n：:]{1,40}[：:]([\s\S]*)$/u.exec(m[1]!);
  return { said: m[2]!.trim(), quoted: (q ? q[1]! : m[1]!).trim() };
}
