/**
 * Safety first: every typed (or heard) message is looked at for words of
 * self-harm and of violence before anything else reads it, whatever the
 * chat is doing, and the person's place in a flow is never lost.
 *
 * - Self-harm or suicide (`不想活了`, `不管我就去楼顶了`, `跳楼`): a short,
 *   caring reply with 110 and the 24-hour psychological assistance line
 *   12356, and that their case is being pushed; an open case gets an urgent
 *   note and its assignee an urgent notice at once (core/cases/notes.ts
 *   `raiseSafetyAlert`). Nothing else is read from the message and nothing
 *   is asked after it: the flow waits where it was.
 * - Violence (`老板打人`, `被打了`): 110 first and what evidence to keep
 *   (injury photos, hospital records), said before the message is handled
 *   as usual, so the conversation carries on where it was.
 *
 * Precision before recall: 打工, 打电话, 打卡, 打官司, 打了我三千 are not
 * violence; 在楼顶干活 is not self-harm; words said with a no (`我不会跳楼的`,
 * `老板倒是没打人`) are not read as their opposite.
 */
import { casesForNotes, raiseSafetyAlert, type Case } from '../core/cases/index.js';
import type { Core } from '../core/context.js';
import type { Reply } from '../core/infra/replies.js';
import { normalizeMessage } from './nlu/normalize.js';
import type { Session } from './session.js';

/** Any character a trigger word needs (simplified or traditional): most messages skip the rest. */
const MAYBE = /[活楼樓跳死杀殺轻輕寻尋打揍殴毆踢刀药藥割吊卧臥砍扇伤傷台]/;

const SELF_HARM: RegExp[] = [
  /不想活|活不下去|活不成了|不活了|活着(?:还)?(?:有)?什么意思|活着没(?:有)?(?:什么|啥)?意思|轻生|自杀|寻死|寻短见|一死了之|了结自己|结束(?:自己的?)?生命|死给(?:你们|你|他们|他|老板|大家)看|(?:我|真|好|都|只)想死|想死的心|喝农药|吃安眠药|割腕|上吊|跳河|跳江|跳海|卧轨/,
  // A bargain (跳楼价) is no threat.
  /跳楼(?!价|甩卖|大甩卖|大减价)/,
  // Going up to the roof, unless to work there (去楼顶干活, 上天台晒衣服).
  /(?:去|上|到|爬|站|爬上|站到|爬到|走到|跑到)(?:了)?(?:楼顶|天台|顶楼)(?![^，]{0,3}(?:干活|施工|做事|干|工作|搬|装|修|刷|铺|拉|晒|收|打|焊|砌|扎|抹|贴|安|看|拿|取|找))/,
  // Jumping down, unless it is an injury told (从架子上跳下去崴了脚).
  /跳下去(?![^，]{0,4}，?[^，]{0,4}(?:摔|崴|扭|受伤|骨折|伤了|腿|脚))/,
];

/** Someone hitting, beating or threatening with a weapon: not 打工, 打电话, 打卡, 打官司, 打款, 打了我三千 (money sent). */
const VIOLENCE: RegExp[] = [
  /打(?:了)?人(?![工家民币才员])/,
  /(?:被|挨)(?:人|他|他们|她|老板|老板娘|包工头|工头|保安|对方|经理|主管|厂长|班长|领班)?(?:给)?(?:打|揍|殴打|暴打|踢)(?:了|伤|得|一顿|成|过)?(?![卡折工电官字算听扫款钱印包开车游球牌招针回击扰扮理架])/,
  /(?:打|揍|踢|殴打)(?:了)?(?:我|我们|俺|俺们|我老公|我老婆|工友|我爸|我儿子|我媳妇)(?!们?(?:的)?(?:电话|手机|微信|卡|账|银行|支付宝|钱|工资|款|块|元|工钱)|们?(?![一几](?:顿|拳|巴掌|下|脚|耳光))[\d一二三四五六七八九十两百千万几])/,
  /殴打|动手打|对我动手|动手了|拳打脚踢|(?:扇|打)(?:了)?(?:我|他)?(?:几个|一个)?(?:耳光|巴掌|嘴巴子)|拿(?:着)?刀(?:砍|捅|吓|威胁|指着|追)|砍(?:了)?(?:我|人|伤)|打伤|打断(?:了)?(?:我的?|他的?)?(?:腿|手|胳膊|肋骨|骨头|鼻梁|鼻子)|打得(?:我)?(?:住院|流血|头破血流|鼻青脸肿)/,
];

/** A no said just before the words, in the same clause (`我不会跳楼的`, `没被打`). */
const NEGATED = /(?:不会|不要|别|没想|才不|不至于|不可能|没有|没|未|不)$/;

/** The message as read here: normalised, clauses split by one `，`, no spaces. */
function readable(text: string): string {
  return normalizeMessage(text)
    .replace(/[\s,.!?;:、，。！？；：…~～]+/g, '，')
    .replace(/^，|，$/g, '');
}

/** Whether one of `patterns` says it, not negated just before (within its clause). */
function says(s: string, patterns: RegExp[]): boolean {
  for (const re of patterns) {
    const g = new RegExp(re.source, 'g');
    for (const m of s.matchAll(g)) {
      const clause = s.slice(0, m.index).split('，').at(-1) ?? '';
      if (!NEGATED.test(clause.slice(-4))) return true;
    }
  }
  return false;
}

/** Words of self-harm or suicide in the message. */
export function selfHarm(text: string): boolean {
  if (!MAYBE.test(text)) return false;
  return says(readable(text), SELF_HARM);
}

/** Words of violence done or threatened to the person (or those with them). */
export function violence(text: string): boolean {
  if (!MAYBE.test(text)) return false;
  return says(readable(text), VIOLENCE);
}

export const SAFETY_TEXTS = {
  care: '听您这么说，我很担心您。钱的事再难，也一定有办法，您的安全最要紧。',
  lines: '如果现在有危险，请马上打110；心里难受、想找人说说话，可以打24小时心理援助热线12356。',
  told: (caseNo: string) => `您的案件 ${caseNo} 我们在抓紧办，已经请负责的工作人员尽快打电话给您。`,
  queued: (caseNo: string) => `您的案件 ${caseNo} 我们在抓紧办，已标为紧急，工作人员一接手就会先联系您。`,
  noCase: '想让工作人员联系您，回复「人工」就行。',
  kept: '您刚才填的内容都还在，想接着办的时候回我一句就行。',
  violence: '人身安全最要紧：有人打您或要动手，请马上打110报警。受了伤要去医院看，拍下伤处的照片，留好病历、诊断书和医药费票据，这些都是证据。',
};

export type SafetyCheck = { stop: true; replies: Reply[] } | { stop: false; replies: Reply[] };

export function createSafety(core: Core) {
  /**
   * The safety reply to a typed message, or null when it holds nothing
   * for safety. `stop`: answered here (self-harm), the session unchanged;
   * otherwise `replies` go before the usual handling of the same message.
   */
  async function check(userKey: string, session: Session, text: string): Promise<SafetyCheck | null> {
    if (selfHarm(text)) {
      const lines = [SAFETY_TEXTS.care, SAFETY_TEXTS.lines];
      const open = (await casesForNotes(core, userKey)).slice(0, 3);
      let first: { c: Case; told: boolean } | null = null;
      for (const c of open) {
        const alert = await raiseSafetyAlert(core, c, userKey, text);
        if (alert && !first) first = { c: alert.case, told: alert.told };
      }
      lines.push(first ? (first.told ? SAFETY_TEXTS.told(first.c.caseNo) : SAFETY_TEXTS.queued(first.c.caseNo)) : SAFETY_TEXTS.noCase);
      if (session.flowId) lines.push(SAFETY_TEXTS.kept);
      // Counted without the words: how often the chat met them.
      core.log.info({ module: 'safety', kind: 'self-harm', cases: open.length }, 'safety reply');
      return { stop: true, replies: [{ type: 'text', text: lines.join('\n') }] };
    }
    if (violence(text)) {
      core.log.info({ module: 'safety', kind: 'violence' }, 'safety reply');
      return { stop: false, replies: [{ type: 'text', text: SAFETY_TEXTS.violence }] };
    }
    return null;
  }

  return { check };
}
