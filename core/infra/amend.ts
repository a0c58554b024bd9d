import { ValidationError } from './errors.js';
import { leadingAmount, yuan } from './money.js';
import { maskPhone } from './privacy.js';

/**
 * What staff may correct of a submitted case (更正 QX… 金额 28500; the
 * staff API's `amend`), and how each new value is checked: the same limits
 * the wage chat accepts (flows/parsers/amount.ts MAX_AMOUNT_YUAN,
 * flows/parsers/name.ts parseOrgName, flows/parsers/mobile.ts parseMobile).
 * Core never imports the chat, so the limits are stated again here; a test
 * (test/cases/h85-amend.test.ts) holds the two to the same answers.
 * Here in infra, not in cases: the staff desk (core/staff/commands.ts) checks a value said in words before it shows a
 * 更正, and reaching cases' face from there would close an import cycle (cases → staff → cases).
 */

export const AMEND_FIELDS = ['amount', 'employer', 'phone'] as const;
export type AmendField = (typeof AMEND_FIELDS)[number];

/** What staff call each field (in answers and the reporter's 进度). */
export const AMEND_FIELD_NAMES: Record<AmendField, string> = { amount: '欠薪金额', employer: '用人单位', phone: '联系电话' };

/** The largest amount the wage chat takes (flows/parsers/amount.ts MAX_AMOUNT_YUAN). */
export const MAX_CLAIM_YUAN = 10_000_000;
/** The longest employer name the wage chat takes (flows/parsers/name.ts ORG_NAME_MAX). */
export const MAX_EMPLOYER_CHARS = 60;

const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;
const ORG_SYMBOLS = new Set(['（', '）', '·', '-', '&', ' ', '.']);
const DOT_VARIANTS = /[\u0387\u2022\u2027\u2219\u22C5\u30FB\uFF65\u16EB\u00B7]/g;
const DASHES = /[\u2010-\u2015\u2212\u2E3A\u2E3B\uFE58\uFE63]/g;

const QUOTE_PAIRS: Readonly<Record<string, string>> = { '"': '"', "'": "'", '`': '`', '“': '”', '‘': '’', '「': '」', '『': '』', '【': '】' };

/** Surrounding spaces, sentence punctuation and a matching pair of quotes off (as the chat's parsers take them off). */
function stripSurrounding(text: string): string {
  let s = text;
  for (;;) {
    const before = s;
    s = s.replace(/^[\s,.!?;:、。…~]+/u, '').replace(/[\s,.!?;:、。…~]+$/u, '');
    const close = QUOTE_PAIRS[s.charAt(0)];
    if (s.length >= 2 && close !== undefined && s.endsWith(close)) s = s.slice(1, -1);
    if (s === before) return s;
  }
}

/** Full-width ASCII and the ideographic space as typed on a Chinese keyboard, to half-width. */
function halfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/[\u3000\u00A0\u2000-\u200A\u202F\u205F]/g, ' ');
}

/**
 * An amount owed: a positive figure up to 1000万元, at most two decimals
 * (`28500`, `28,500`, `2.85万`, `两万八千五`, `28500元`). Anything else is
 * refused with what to write.
 */
export function amendAmount(typed: unknown, example = '28500'): number {
  const how = `请写欠薪总数，例如「${example}」`;
  if (typeof typed === 'number') {
    if (!Number.isFinite(typed) || typed <= 0) throw new ValidationError('value', `金额要大于0，${how}`);
    if (typed > MAX_CLAIM_YUAN) throw new ValidationError('value', `金额超过了1000万元，请核对后重写，${how}`);
    if (Math.abs(Math.round(typed * 100) - typed * 100) > 1e-6) throw new ValidationError('value', `金额最多写到分（两位小数），${how}`);
    return Math.round(typed * 100) / 100;
  }
  if (typeof typed !== 'string') throw new ValidationError('value', `金额要是数字，${how}`);
  const t = halfWidth(typed).replace(INVISIBLE, '').replace(/\s+/g, '').replace(/^(?:¥|￥|人民币)/u, '');
  if (!t) throw new ValidationError('value', `还没写金额，${how}`);
  if (/^-/.test(t)) throw new ValidationError('value', `金额不能是负数，${how}`);
  if (/多|来|左右|(?:一二|两三|二三|三四|四五|五六|六七|七八|八九)[十百千万]|上下|大概|约|几|余|出头|到|至|~|-/u.test(t)) throw new ValidationError('value', `更正要写一个确定的数，不能是大概或范围，${how}`);
  if (/\.\d{3,}/.test(t.replace(/,/g, '')) && !/万|千|[kKwW]/.test(t)) throw new ValidationError('value', `金额最多写到分（两位小数），${how}`);
  const a = leadingAmount(t);
  if (!a || !/^(?:元|块钱?|圆)?$/u.test(a.rest)) throw new ValidationError('value', `「${[...typed.trim()].slice(0, 20).join('')}」没看懂是多少钱，${how}`);
  return amendAmount(a.n, example);
}

/**
 * An employer's name as the wage chat takes it (flows/parsers/name.ts
 * parseOrgName): 2–60 characters of Chinese, Latin letters, digits, spaces
 * and （）·-&., with at least one letter; brackets made full-width.
 */
export function amendEmployer(typed: unknown): string {
  const ex = '请写单位或老板的名字，例如「宏达电子厂」「青溪宏达建筑工程有限公司」';
  if (typeof typed !== 'string') throw new ValidationError('value', `单位名称要是文字，${ex}`);
  const s = stripSurrounding(halfWidth(typed).replace(INVISIBLE, '').replace(DASHES, '-'))
    .replace(/\s+/g, ' ')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(DOT_VARIANTS, '·');
  if (!s) throw new ValidationError('value', `还没写单位名称，${ex}`);
  if (PICTOGRAPH.test(s)) throw new ValidationError('value', `单位名称里不能有表情符号，${ex}`);
  for (const ch of s) {
    if (!(HAN.test(ch) || LATIN.test(ch) || /\d/.test(ch) || ORG_SYMBOLS.has(ch))) throw new ValidationError('value', `单位名称只能有汉字、字母、数字和（）·-&这些符号，${ex}`);
  }
  if (!HAN.test(s) && !LATIN.test(s)) throw new ValidationError('value', `单位名称不能只有数字，${ex}`);
  const n = [...s].length;
  if (n < 2) throw new ValidationError('value', `单位名称太短了，${ex}`);
  if (n > MAX_EMPLOYER_CHARS) throw new ValidationError('value', `单位名称最多${MAX_EMPLOYER_CHARS}个字，请写营业执照上的名称`);
  return s;
}

/** A mainland mobile number (`13912345678`, `139 1234 5678`, `+86 139-1234-5678`): its 11 digits. */
export function amendPhone(typed: unknown): string {
  const ex = '请写11位手机号，例如「13912345678」';
  if (typeof typed !== 'string') throw new ValidationError('value', `电话要写成文字，${ex}`);
  const s = halfWidth(typed).replace(INVISIBLE, '').trim();
  if (!s) throw new ValidationError('value', `还没写电话，${ex}`);
  if (!/^[+\d\s\-()]+$/.test(s)) throw new ValidationError('value', `电话只能有数字，${ex}`);
  let d = s.replace(/[\s\-()]/g, '');
  if (d.startsWith('+86')) d = d.slice(3);
  else if (d.startsWith('0086')) d = d.slice(4);
  else if (d.length === 13 && d.startsWith('86')) d = d.slice(2);
  if (!/^\d+$/.test(d)) throw new ValidationError('value', `只能更正为大陆手机号，${ex}`);
  if (d.startsWith('0')) throw new ValidationError('value', `这像是座机号，只能更正为手机号，${ex}`);
  if (!/^1[3-9]\d{9}$/.test(d)) throw new ValidationError('value', `「${[...s].slice(0, 20).join('')}」不是有效的手机号（${d.length}位），${ex}`);
  return d;
}

/** A value as the reporter's 进度 and the answers show it: money as 28,500元, a phone masked. */
export function amendShown(field: AmendField, v: string | number): string {
  if (field === 'amount') return yuan(v as number);
  if (field === 'phone') return maskPhone(String(v));
  return String(v);
}
