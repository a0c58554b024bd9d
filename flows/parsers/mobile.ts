import { prepareInput } from './normalize.js';
import { fail, ok, type Parsed } from './result.js';
import { saidLast, type SaidSpan } from './said-last.js';

const EXAMPLE = '“13800138000”';

export const MOBILE_MESSAGES = {
  empty: `您还没有输入手机号，请输入11位手机号码，例如${EXAMPLE}。`,
  letters: `手机号里不能有字母，请只输入数字，例如${EXAMPLE}。`,
  symbols: `手机号只能包含数字，请重新输入11位手机号码，例如${EXAMPLE}。`,
  foreign: `目前只支持中国大陆的手机号，请输入11位大陆手机号码，例如${EXAMPLE}。`,
  landline: `这看起来是座机号码，我们需要能接收短信的手机号，请输入11位手机号码，例如${EXAMPLE}。`,
  wrongLength: (digits: number) => `您输入了${digits}位数字，手机号应该是11位，请核对后重新输入，例如${EXAMPLE}。`,
  notMobile: `这不是有效的手机号码（大陆手机号以13到19开头），请核对后重新输入，例如${EXAMPLE}。`,
  several: (numbers: readonly string[]) =>
    `您发了${numbers.length === 2 ? '两' : numbers.length === 3 ? '三' : numbers.length}个号码（${numbers.join('、')}），请只回复您自己的那一个手机号。`,
  denied: `好的，那请输入正确的11位手机号码，例如${EXAMPLE}。`,
  thisOne: `我这边看不到您的手机号码，请直接输入11位手机号，例如${EXAMPLE}。`,
  wechatBound: `我这边看不到您微信绑定的手机号，请直接输入这个11位手机号，例如${EXAMPLE}。`,
} as const;

/** Labels people type before the number: 手机号是13800138000, 电话：138… */
const LABEL = /^(?:我的)?(?:手机号码|手机号|手机|电话号码|电话|联系电话|联系方式|号码)(?:是|为|:)?/;
/**
 * A mobile number inside other words: spaces and dashes inside (commas too: a voice keyboard writes `138，3711，2345`),
 * +86 before, not part of a longer number.
 */
const MOBILE_SPAN = /(?<![\dXx])(?:\+?86[\s-]?)?(1[3-9]\d(?:[\s,，-]?\d){8})(?![\dXx])/g;
/**
 * The number they write from, pointed at (`手机就是这个号`, `就用这个号码`, `微信绑定的那个`, `本机号码`): the bot
 * sees no number, so it is asked for in digits (it got 「手机号只能包含数字」).
 */
const THIS_NUMBER =
  /^(?:我的)?(?:手机号码|手机号|手机|电话号码|电话|号码)?(?:就|也)?(?:是|用|填)?(?:这个|这|现在这个|我这个|本机|微信(?:上|绑定|绑)?的?(?:那个|这个)?|跟微信一样的?|和微信一样的?|微信号)(?:号码?|手机号?|电话)?(?:啊|呀|吧|哦|嘛|了)*$/u;
/** The number pointed at is WeChat's own (`微信绑定的那个`, `就是微信绑的手机`, `跟微信一样`), not WeChat itself (`用微信`). */
const WECHAT_BOUND = /微信(?:上|绑定|绑)|(?:跟|和)微信一样|微信的?(?:那个|这个)?(?:号码|手机|电话)/u;
/** Separators inside a phone number: spaces, dashes, brackets, dots, and the commas of a voice keyboard (`138，3711，2345`). */
const SEPARATORS = /[\s\-().,，]/g;

/**
 * Parses a mainland-China mobile number and returns its 11 digits.
 *
 * Strips separators and the +86 / 0086 / 86 country code. Anything starting
 * with 0 is an area code, i.e. a landline, which is refused specifically
 * because we need to reach the user by SMS.
 */
export function parseMobile(text: string): Parsed<string> {
  const prepared = prepareInput(text, MOBILE_MESSAGES.empty, EXAMPLE);
  if (!prepared.ok) return prepared;
  const s = prepared.value.replace(LABEL, '');
  // Two numbers in one answer (`138… 139…`, `138… 不对 139…`): the one corrected to, or which one is asked.
  const spans = mobileSpans(s);
  if (spans.length >= 2 && digitCount(s) === spans.reduce((n, sp) => n + digitCount(s.slice(sp.index, sp.index + sp.length)), 0)) {
    const pick = saidLast(s, spans);
    if (pick.kind === 'one') return ok(pick.value);
    return fail(pick.kind === 'several' ? MOBILE_MESSAGES.several(pick.values) : MOBILE_MESSAGES.denied);
  }
  const pointed = prepared.value.replace(/[\s，,。.!！~～]+/gu, '');
  if (THIS_NUMBER.test(pointed)) return fail(WECHAT_BOUND.test(pointed) ? MOBILE_MESSAGES.wechatBound : MOBILE_MESSAGES.thisOne);
  if (/[A-Za-z]/.test(s)) return fail(MOBILE_MESSAGES.letters);

  const compact = s.replace(SEPARATORS, '');
  if (compact === '') return fail(MOBILE_MESSAGES.empty);
  if (!/^\+?\d+$/.test(compact)) return fail(MOBILE_MESSAGES.symbols);

  let digits = compact.replace('+', '');
  if (compact.startsWith('+')) {
    if (!digits.startsWith('86')) return fail(MOBILE_MESSAGES.foreign);
    digits = digits.slice(2);
  } else if (digits.startsWith('0086')) {
    digits = digits.slice(4);
  } else if (digits.length === 13 && digits.startsWith('86')) {
    digits = digits.slice(2);
  }

  if (digits.startsWith('0')) return fail(MOBILE_MESSAGES.landline);
  if (digits.length !== 11) {
    // 7–8 digits not starting with 1 is a local landline number without area code.
    if ((digits.length === 7 || digits.length === 8) && !digits.startsWith('1')) return fail(MOBILE_MESSAGES.landline);
    return fail(MOBILE_MESSAGES.wrongLength(digits.length));
  }
  if (!/^1[3-9]\d{9}$/.test(digits)) return fail(MOBILE_MESSAGES.notMobile);
  return ok(digits);
}

const digitCount = (text: string): number => text.replace(/\D/g, '').length;

/** The valid mobile numbers in `text`, in order, as 11 digits with where each was typed. */
export function mobileSpans(text: string): SaidSpan<string>[] {
  return [...text.matchAll(MOBILE_SPAN)].map((m) => ({ index: m.index, length: m[0].length, value: m[1]!.replace(/[\s,，-]/g, '') }));
}
