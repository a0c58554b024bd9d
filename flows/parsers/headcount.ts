import { NUMERAL_CHARS, parseChineseNumber } from './chinese-number.js';
import { prepareInput, removeSpaces, stripAffixes } from './normalize.js';
import { fail, ok, type Parsed } from './result.js';

/** Number of workers affected; `approximate` is true when the user hedged (`二十多`, `大概50`). */
export interface Headcount {
  count: number;
  approximate: boolean;
}

/** Upper bound: larger numbers are typos (or the whole company, which is not a headcount answer). */
export const MAX_HEADCOUNT = 100_000;

const EXAMPLE = '“就我一个”、“30人”或“二十多个人”';

export const HEADCOUNT_MESSAGES = {
  empty: `您还没有输入人数，请告诉我一共有多少人被拖欠工资，例如${EXAMPLE}。`,
  unparseable: `没看明白有多少人，请直接说人数，例如${EXAMPLE}。`,
  vague: '请说一个大概的数字，例如“大概30人”或“二十多个人”。',
  negative: `人数不能是负数，请重新输入，例如${EXAMPLE}。`,
  zero: `人数不能是0，如果只有您自己，请回答“就我一个”。`,
  fraction: `人数应该是整数，请重新输入，例如${EXAMPLE}。`,
  tooLarge: `人数超过了10万，请核对后重新输入，例如${EXAMPLE}。`,
} as const;

/** "Just me": 就我一个, 只有我, 我自己, 我一个人, 就我. */
const ONLY_ME = /^(?:就|只有?|仅|就只有|仅有)?(?:我|俺|本人)(?:自己)?(?:一个人?|1个人?|一人|1人)?(?:而已|罢了)?$|^(?:我)?(?:自己|一个人|1个人)$/;

const PREFIXES = /^(?:我们|咱们|大家|这边|一共|总共|共计|共|合计|有|是)/;
const APPROX_PREFIXES = /^(?:大概|大约|约|差不多|估计|将近|接近|近|大致|可能|应该)/;
const UNIT_SUFFIXES = /(?:个人|个工人|个工友|名工人|名|位|人|个|号人|口)$/;
const APPROX_SUFFIXES = /(?:左右|上下|多|余|来|几)$/;

/**
 * Parses how many workers are owed wages.
 *
 * Hedged answers keep their lower bound and are marked approximate:
 * `二十多个人` → 20, `十几个` → 10, `大概50人` → 50. A number made only of
 * 几 (`几十个`) has no usable lower bound, so the user is asked for a rough
 * figure instead of us guessing.
 */
export function parseHeadcount(text: string): Parsed<Headcount> {
  const prepared = prepareInput(text, HEADCOUNT_MESSAGES.empty, '“30人”');
  if (!prepared.ok) return prepared;
  let s = removeSpaces(prepared.value);

  if (ONLY_ME.test(s)) return ok({ count: 1, approximate: false });

  let approximate = false;
  for (;;) {
    const before = s;
    s = stripAffixes(s, PREFIXES, UNIT_SUFFIXES);
    const withoutApprox = stripAffixes(s, APPROX_PREFIXES, APPROX_SUFFIXES);
    if (withoutApprox !== s) approximate = true;
    s = withoutApprox;
    if (s === before) break;
  }
  if (s === '') return fail(HEADCOUNT_MESSAGES.unparseable);
  if (s.includes('几')) return fail(HEADCOUNT_MESSAGES.vague);

  const value = parseChineseNumber(s);
  if (value === null) return fail(NUMERAL_CHARS.test(s) ? HEADCOUNT_MESSAGES.vague : HEADCOUNT_MESSAGES.unparseable);
  if (value < 0) return fail(HEADCOUNT_MESSAGES.negative);
  if (value === 0) return fail(HEADCOUNT_MESSAGES.zero);
  if (!Number.isInteger(value)) return fail(HEADCOUNT_MESSAGES.fraction);
  if (value > MAX_HEADCOUNT) return fail(HEADCOUNT_MESSAGES.tooLarge);
  return ok({ count: value, approximate });
}
