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
