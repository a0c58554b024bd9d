/**
 * Self-repair inside one message: `八千 哦不对 九千`, `3月 不 4月开始`, `东龙镇…不是 是白沙镇`, `不同意 按错了 同意`,
 * `帮我爸反映下欠薪 哦不是我爸 是我叔`, `不清楚 哦等等 想起来了 沙湾村`. A marker standing as its own clause between two
 * values: what the person settles on is read, the earlier value dropped. Words that only look alike (`不对劲`,
 * `不是我的错`, `老板不是本地人`, `说错话被开除了`, a message opening with `不是`/`不对`) are no repair.
 */

const SEP = '[\\s，,。.…!！~～;；]';
/** The longest message read for a repair. */
const REPAIR_MAX = 120;
/** Cheap gate: nothing below runs without one of these. */
const GATE = /不对|不是|不|打错|按错|手滑|说错|写错|想起来|算了/u;

/** `不是 哦 其实是 是装修`: an opening no, an interjection, then 其实 (what it really is). */
const OPENING_NO_TAKEN_BACK = /^(?:不是|不对|没有)[\s，,。…]*(?:哦|噢|喔|呃|额)[\s，,。…]*(?:其实|实际上)(?:是|上是)?[\s，,]*(.*)$/u;

/** `…不是我爸 是我叔`: the wrong words named, then the right ones. */
const NOT_A_BUT_B = new RegExp(`^(.*?\\S)${SEP}*(?:哦|噢|喔|呃|额)?不是([\\p{Script=Han}]{1,6}?)${SEP}+(?:而是|其实是|应该是|是)(\\S.*)$`, 'u');

/** A marker standing as its own clause: a pause (or an interjection) before it, a pause (or 是) after it. */
const MARKER = new RegExp(
  `^(.*?\\S)(?:${SEP}+((?:哦|噢|喔|呃|额|啊|嗯)${SEP}*)?|(?<=[…\\s])|(哦|噢|喔))` +
    `(不对|不是|不|打错了|按错了|点错了|手滑了|说错了|写错了|(?:(?:等等|等一下)${SEP}*)?想起来了|算了)` +
    `(?:(?<=不)(?=${SEP}|$)|(?<!不)(?=${SEP}|$|是))${SEP}*(.*)$`,
  'u',
);

/** Words after the value owning up to the slip (`同意同意 手滑了`, `是我叔 刚才打错了`): no part of the value. */
const SLIP_TAIL = new RegExp(`${SEP}+(?:刚才|刚刚)?(?:打错了|按错了|点错了|手滑了|说错了|写错了)(?:了|啊|哈)*${SEP}*$`, 'u');
const RIGHT_LEAD = /^(?:(?:刚才|刚刚)?(?:打错了|按错了|写错了|说错了)[\s，,]*)?(?:重新输|重输|重新说|重说)?[\s，,:：]*(?:全称|全名|名字)?(?:而是|其实是|应该是|就是|是)?(?=\S)/u;
const NUMERAL = /[\d一二两三四五六七八九十百千万零〇]/u;
const DIGITS_END = /\d+$/u;
const LAST_DIGITS = /^(?:最后(?:几位|一位|两位|四位)?|尾号|尾数|后(?:几|两|四)位)?(?:是|应该是)?(\d{1,4})$/u;

export type Repair = {
  /** The message with the earlier value replaced by the later one (the clauses before it kept). */
  settled: string;
  /** What the marker takes back (the words before it). */
  before: string;
  /** Only what follows the marker. */
  after: string;
  /** `算了` (a change of mind, weaker than a repair): used only when what follows is an answer. */
  weak: boolean;
  /** The head's value replaced in place (`青溪花园二期`+`三期`): `settled` reads better than `after`. */
  spliced: boolean;
};

/** Where a bare 不 stands between two values: a figure or date before it, a figure after. */
function bareNotBetweenValues(head: string, tail: string): boolean {
  return /[\d一二两三四五六七八九十百千万月号日块元个]$/u.test(head) && NUMERAL.test(tail.charAt(0));
}

/** The head's last clause with its value replaced by the tail's first (`青溪花园二期`+`三期`, `从6月干到10月`+`到11月`). */
function splice(head: string, tail: string): string | null {
  const m = /^(.*?)(\S+)$/u.exec(head);
  if (!m) return null;
  const [before, last] = [m[1]!, m[2]!.replace(/[…]+$/u, '')];
  const first = /^\S+/u.exec(tail)?.[0] ?? '';
  const rest = tail.slice(first.length);
  // `13907711234 哦不对 最后是35`, `+86 158-0771-2233 不对 2234`: the last digits typed again.
  const digits = LAST_DIGITS.exec(first);
  const ending = DIGITS_END.exec(head)?.[0] ?? '';
  if (digits && ending.length >= 7 && digits[1]!.length < ending.length) return head.slice(0, head.length - digits[1]!.length) + digits[1]! + rest;
  // `欠我工资五千 不对 五千五`, `五六个 不对 七个人`: a figure replaced by a figure, the words before it kept.
  const figure = /^(.*?)[\d一二两三四五六七八九十百千万零〇]+[万千块元个人]?$/u.exec(last);
  if (figure && NUMERAL.test(first.charAt(0)) && !/\d/u.test(figure[1]!.slice(-1))) return `${before}${figure[1]!}${first}${rest}`;
  // The longest start of the tail's first words that ends as the head's last clause ends (the same unit: 期, 号, 镇, 月).
  const unit = last.slice(-1).replace('日', '号');
  if (!unit || NUMERAL.test(unit) || !/\p{Script=Han}/u.test(unit)) return null;
  for (let n = Math.min(first.length, last.length); n >= 2; n--) {
    const p = first.slice(0, n);
    if (p.slice(-1).replace('日', '号') !== unit || p === last.slice(-n)) continue;
    let cut = last.length - n;
    // `五六个` → `七个`: the whole figure replaced, never `五七个`.
    while (cut > 0 && NUMERAL.test(last.charAt(cut - 1))) cut--;
    return `${before}${last.slice(0, cut)}${first}${rest}`;
  }
  return null;
}

export function repairIn(text: string): Repair | null {
  const t = text.trim();
  // A repair is said in a short answer; a long story is not re-read at each 不 in it (each reading of what follows
  // reads the markers after it again: 2,000 characters of `哦不对 九千` cost 0.4 s of CPU).
  if (t.length > REPAIR_MAX || !GATE.test(t)) return null;
  // `不是 哦 其实是 是装修`: a no opening the message, taken back at once for what it really is.
  const opened = OPENING_NO_TAKEN_BACK.exec(t);
  if (opened && opened[1]!.trim() !== '') return { settled: opened[1]!.trim(), before: '不是', after: opened[1]!.trim(), weak: false, spliced: false };
  const ab = NOT_A_BUT_B.exec(t);
  if (ab) {
    const [head, wrong, right] = [ab[1]!, ab[2]!, ab[3]!.replace(SLIP_TAIL, '').trim()];
    const at = head.lastIndexOf(wrong);
    if (at >= 0 && right !== '') {
      const first = /^\S+/u.exec(right)![0];
      return { settled: `${head.slice(0, at)}${first}${head.slice(at + wrong.length)}${right.slice(first.length)}`.trim(), before: head, after: right, weak: false, spliced: true };
    }
  }
  const m = MARKER.exec(t);
  if (!m) return null;
  const head = m[1]!.replace(/[…]+$/u, '');
  const oh = (m[2] ?? m[3]) !== undefined;
  const marker = m[4]!;
  const tail = m[5]!.replace(SLIP_TAIL, '').replace(RIGHT_LEAD, '').trim();
  // `不对劲`, `不是我的错`: the marker must stand alone; a bare 不 only between two figures or dates.
  if (marker === '不' && !oh && !bareNotBetweenValues(head, tail)) return null;
  // `老板欠我八千 不是 九千`: a bare 不是 could deny either figure; only `不是 是九千` (or `哦不是`) settles one.
  if (marker === '不是' && !oh && !/^\S*?(?:是|而是)/u.test(m[5]!.trim())) return null;
  // `是两万二 不是两万四`: the right value said first, then the wrong one denied: no repair.
  if (marker === '不是' && /(?:^|\s)(?:应该|其实|就)?是\S+$/u.test(head)) return null;
  // `不清楚 哦等等 想起来了 沙湾村`: remembering repairs only not knowing.
  if (/想起来了$/u.test(marker) && !/不清楚|不记得|不知道|忘了|记不清|想不起/u.test(head)) return null;
  // `嗯 不对`, `就是，不对`: a plain no, no repair of a value.
  if (/^(?:嗯+|恩+|呃+|额+|啊+|哦+|噢+|对|是|就是|好|行)$/u.test(head)) return null;
  const weak = marker === '算了';
  if (tail === '') return { settled: '', before: head, after: '', weak, spliced: false };
  const spliced = splice(head, tail);
  // Otherwise the head's last clause is the one taken back; any clause before it stays.
  const kept = head.replace(/(?:^|\s+)\S+$/u, '').trim();
  const settled = spliced ?? (kept ? `${kept} ${tail}` : tail);
  // A later marker in what is kept (`白沙镇 不是 是柳溪镇的厂 欠我工资五千 不对 五千五`): read again.
  const again = settled !== t ? repairIn(settled) : null;
  if (again && again.settled !== '') return { ...again, before: head, weak: weak && again.weak };
  return { settled, before: head, after: tail, weak, spliced: spliced !== null };
}
