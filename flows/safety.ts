/**
 * Safety first: every typed (or heard) message is looked at for words of
 * self-harm and of violence before anything else reads it, whatever the
 * chat is doing, and the person's place in a flow is never lost.
 *
 * - Self-harm or suicide (`不想活了`, `死了算了`, `这是要逼我去死吗`, `我已经站在楼顶了`,
 *   `不给钱我就爬塔吊`): a short, caring reply with 110 and the 24-hour
 *   psychological assistance line 12356, and that their case is being
 *   pushed; an open case gets an urgent note and its assignee an urgent
 *   notice at once, or with nobody assigned yet the township's supervisor
 *   on duty (core/cases/notes.ts `raiseSafetyAlert`); with no case, that
 *   `人工` reaches a person now. Nothing else is read from the message and
 *   nothing is asked after it: the flow waits where it was.
 * - The person threatening to hurt someone else (`我要杀了他`, `带着汽油去他公司`,
 *   `把我逼急了我什么都干得出来`, `同归于尽`, which is self-harm too): the same, with calm words first
 *   (hurting anyone makes the money harder to get and brings legal trouble);
 *   the note on the case is a `threat`, so staff see what it is.
 * - Violence (`老板打人`, `被打了`): 110 first and what evidence to keep
 *   (injury photos, hospital records), said before the message is handled
 *   as usual, so the conversation carries on where it was.
 *
 * Precision before recall, except that a missed self-harm message is worse
 * than a gentle false alarm: 打工, 打电话, 打卡, 打官司, 打了我三千, 打我老婆的
 * 138… are not violence; 在楼顶干活, 笑死我了, 打死也不签, 厂子撑不下去了,
 * 开塔吊 are not self-harm; words said with a no (`我不会跳楼的`,
 * `老板倒是没打人`) are not read as their opposite.
 */
import { casesForNotes, raiseSafetyAlert, type Case } from '../core/cases/index.js';
import type { Core } from '../core/context.js';
import type { Reply } from '../core/infra/replies.js';
import { normalizeMessage } from './nlu/normalize.js';
import type { Session } from './session.js';
import { matchesOf } from './parsers/matches.js';

/** Any character a trigger word needs (simplified or traditional): most messages skip the rest. */
const MAYBE = /[惹活楼樓跳死杀殺轻輕寻尋打揍殴毆踢刀药藥割吊卧臥砍扇伤傷台逼累撑撐桥橋炭焚塔开開炸汽砸烧燒咬狗堵围圍推捅拳脚腳耳尽盡拼百畏杆牌废廢埋拦攔吓嚇恐宰点點油雷斧酸火]/;

/** A number run (digits or Chinese numerals). */
const NUM = '[\\d一二三四五六七八九十两百千万几]';
/** Blows counted (`两拳`, `十几脚`), not money (`打了我三千`) or a call (`打了我一个电话`). */
const BLOWS = `个?(?:拳|巴掌|脚|耳光|下|顿|棍|棒|刀|次|回)`;
/** Whom the worker speaks of being hurt: themselves, their family, their workmates. */
const WHO = '(?:我|俺|工友)(?:们|老公|老婆|爸|妈|儿子|女儿|媳妇|爱人|家里人|家人|哥|弟|姐|妹)?';
/** After 打我…: a call or money (`打我电话`, `打我老婆的 138…`, `打我工友 139…`, `打我卡上`), not a blow. */
const CALL_OR_MONEY = `(?:们|老公|老婆|爸|妈|儿子|女儿|媳妇|爱人|家里人|家人|哥|弟|姐|妹|工友|老乡|同事|朋友|亲戚|邻居)?(?:的)?，?(?:电话|手机|微信|座机|号|卡|账|银行|支付宝|钱|工资|款|块|元|工钱|${NUM}+(?!${NUM}|${BLOWS}))`;

const SELF_HARM: RegExp[] = [
  /不想活|唔想活|活不下去|活不成了|不活了|没法活|没办法活|冇得活|没(?:有|得)?活路|活着(?:还)?(?:有)?什么意思|活着没(?:有)?(?:什么|啥)?意思|活着(?:太|好|真|真的|很|实在)?(?:累|苦|没劲)|轻生|自杀|寻死|寻短见|一死了之|一了百了|同归于尽|了结自己|结束(?:自己的?)?生命|死给(?:你们|你|他们|他|老板|大家)看|(?:我|真|好|都|只)想死|想死的心|死了算了|(?:还)?不如死了|不如去死|逼死|逼(?:我|俺)(?:去)?(?:死|跳楼)|想不开|喝(?:了)?(?:农药|敌敌畏|百草枯|老鼠药)|(?:买|准备|备)(?:了|好)?(?:[一两几]?瓶)?(?:农药|敌敌畏|百草枯|老鼠药|安眠药)(?![^，]{0,3}(?:打虫|治虫|杀虫|喷|打药|除草|打地))|吃(?:了)?安眠药|烧炭|自焚|割腕|上吊|跳河|跳江|跳海|卧轨/,
  // Said of oneself (`我撑不下去了`, `实在撑不住了`), not of a factory (`厂子撑不下去了`).
  /(?:^|，)(?:我|俺|自己)?(?:真的?|实在|快|已经|都|真是)?(?:要)?撑不(?:下去|住)/,
  // A bargain (跳楼价) is no threat, nor news of someone else (`上次有个工友为讨薪跳楼`).
  /(?<!(?:上次|以前|之前|去年|前年|听说|新闻|那年)[^，]{0,12})跳楼(?!价|甩卖|大甩卖|大减价)/,
  // Going up to the roof, unless to work there (去楼顶干活, 上天台晒衣服).
  /(?:去|上|到|爬|站|爬上|站到|爬到|走到|跑到)(?:了)?(?:楼顶|天台|顶楼)(?![^，]{0,3}(?:干活|施工|做事|干|工作|搬|装|修|刷|铺|拉|晒|收|打|焊|砌|扎|绑|抹|贴|安|看|拿|取|找|上班))/,
  // Being on the roof or a bridge now, said alone in its clause (`我现在就在天台`, `已经站在楼顶了`), not at work there (`在楼顶绑钢筋`).
  /(?:在|站在|坐在|站到|爬上|爬到)(?:了)?(?:楼顶|天台|顶楼|桥上|大桥上|桥边|桥栏杆|塔吊上|塔吊顶)(?:上|边)?(?:了|呢|啊|站着|待着|坐着)?(?=，|$)(?!，(?:正在|在)?(?:干活|施工|做事|干|工作|搬|装|修|刷|铺|拉|晒|收|焊|砌|扎|绑|抹|贴|安|上班|作业|浇|吊))/,
  // Climbing a crane or a pylon (a common, dangerous 讨薪 protest), not driving one (塔吊司机, 开塔吊) or going up for the day's work.
  /(?<!每天|天天|每次|上班)(?:爬|爬上|爬到|上)(?:了)?(?:塔吊|塔机|吊车|铁塔|高压线塔|电线杆|广告牌)(?![^，]{0,3}(?:干活|施工|上班|作业|干))/,
  // Jumping down, unless it is an injury told (从架子上跳下去崴了脚).
  /跳下去(?![^，]{0,4}，?[^，]{0,4}(?:摔|崴|扭|受伤|骨折|伤了|腿|脚))/,
  // `不给钱我就跳`, `我就跳了`: the jump said alone, ending its clause (not 跳槽).
  /就(?:去)?跳(?:了|下去)?(?=，|$)/,
];

/** Someone hitting, beating or threatening with a weapon: not 打工, 打电话, 打卡, 打官司, 打款, 打了我三千 (money sent), 打我老婆的 138… (a call). */
const VIOLENCE: RegExp[] = [
  /打(?:了)?人(?![工家民币才员])/,
  /(?:被|挨)(?:人|他|他们|她|老板|老板娘|包工头|工头|保安|对方|经理|主管|厂长|班长|领班|组长|队长|线长|拉长|车间主任|老总|站长|同事|工友)?(?:给)?(?:打|揍|殴打|暴打|踢)(?:了|伤|得|一顿|成|过)?(?![卡折工电官字算听扫款钱印包开车游球牌招针回击扰扮理架])/,
  // `电话打我的`, `电话就打我的`: whose number to call (the call said first), not a blow.
  new RegExp(`(?<!(?:电话|手机|号码|微信)(?:就|都|也|要|得|请|直接|你们)?)(?:打|揍|踢|殴打)(?:了)?${WHO}(?!${CALL_OR_MONEY})`),
  // `把我打了一顿`, `把我推倒了`, not 把我打发走.
  /把(?:我|俺|我们|工友|我老公|我老婆)(?:给)?(?:打|揍|踢|推|砸|撞)(?!发|算|电话|款)(?:了|伤|倒|成|下|出|一顿)?/,
  /推(?:了)?(?:我|俺)(?:一把|一下|倒)|推倒(?:了)?(?:我|俺)/,
  // `拿砖头砸我`, `用棍子打我`.
  /(?:拿|用|抄起)[^，]{1,6}?(?:砸|打|捅|砍|扎|戳|抽)(?:了)?(?:我|俺|人|工友)(?!的?(?:电话|手机|微信|卡|钱|工资))/,
  /放狗|狗咬(?:了)?(?:我|人)/,
  // Threats to kill or maim the worker (`威胁要杀我全家`, `就弄死我`), not 打死我也不签.
  /杀(?:了)?(?:我|俺)|(?:打死|砍死)(?:我|俺)(?!也)|(?:要|说|就|想|扬言|威胁)[^，]{0,4}(?:弄死|整死|搞死|废了|埋了)(?:我|俺)/,
  // Hired heavies (`找了几个社会上的人堵我`).
  /(?:社会上的人|混混|打手|流氓|黑社会|一帮人|一伙人|几个人|一群人|好几个人)[^，]{0,4}(?:堵|围|拦|打|揍|吓唬|恐吓|威胁)(?:住|了)?(?:我|俺|工友)|(?:老板|包工头|工头|他|他们)[^，]{0,6}(?:堵|围)(?:住|了)?(?:我|俺)(?!们?的?(?:电话|手机))/,
  /殴打|动手打|对我动手|动手了|拳打脚踢|(?:扇|打|抽)(?:了)?(?:我|他|俺)?(?:[\d一二三四五六七八九十两几]+个?)?(?:耳光|巴掌|嘴巴子|大嘴巴)|扇(?:了)?(?:我|俺)|拿(?:着)?刀(?:砍|捅|吓|威胁|指着|追)|砍(?:了)?(?:我|人|伤)|打伤|打断(?:了)?(?:我的?|他的?)?(?:腿|手|胳膊|肋骨|骨头|鼻梁|鼻子)|打得(?:我)?(?:住院|流血|头破血流|鼻青脸肿)|头破血流/,
];

/** Whom a worker might threaten: the boss and his, not themselves (`打死我也不签`). */
const THEM = '(?:他|她|他们|老板|老板娘|包工头|工头|老总|厂长|经理|那个|这个|狗日的|王八蛋)';
/** The worker threatening to hurt others or wreck their place (`我要杀了他`, `带着汽油去他公司`, `要带人去砸了他的店`). */
const HARM_OTHERS: RegExp[] = [
  /同归于尽/,
  new RegExp(`(?:我|俺|就|要|去|想|非|得)(?:要|想|就|去|非|得|一定|真|会|今天|明天|早晚)*(?:去)?(?:杀|弄死|打死|砍死|捅死|整死|宰|砍|捅|废)(?:了|掉)?${THEM}(?!的?(?:工资|钱|工钱|价|奖金|提成|预算|项目|活))`),
  new RegExp(`把${THEM}(?:给)?(?:杀|弄死|打死|砍死|捅死|宰|砍|废)(?:了|掉)`),
  /(?:要|去|就|想)(?:带人)?(?:去)?(?:炸|砸|烧)(?:了|掉|平|烂)?(?:他|她|他们|老板)?的?(?:厂|公司|工地|店|车|办公室|家|房子|楼)/,
  /(?:带|拿|提|买|揣)(?:着|了|上|好)?(?:一?桶|一?瓶|一把)?(?:汽油|煤油|炸药|雷管|菜刀|砍刀|刀|斧头|硫酸)[^，]{0,3}(?:去|到|找)(?:他|她|老板|包工头|工头|公司|厂|工地|店|办公室)/,
  /(?:要|去|就|想)(?:放火|纵火|一把火)|(?:放火|纵火|一把火)烧(?:了)?(?:他|她|老板|公司|厂|工地|店|房子|办公室)/,
  new RegExp(`(?:跟|和)${THEM}拼(?:了|命)`),
  // `把我逼急了我什么都干得出来`: a threat said of oneself once driven too far (not `老板什么都干得出来`, said of
  // him, nor `我怕他逼急了什么都干得出来`, feared of him).
  /(?<!怕[^，]{0,3})(?:逼急|惹急)(?:了)?，?(?:我|俺)(?:也|可|就|真的?)?什么(?:事)?都(?:干|做)得出来/,
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
    for (const m of matchesOf(s, re)) {
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

/** Someone else in danger now (`工地上有人跳楼了`, `有个工友爬上塔吊了`): a witness, not the person. */
const WITNESS =
  /(?:有人|有个人|有个工友|有个老乡|有工友|工友|老乡|同事|一个工人|一个人|别人|他|她|我老公|我老婆|我爸|我哥|我弟)(?:要|想|在|正在|已经|刚才|刚刚|站在|爬上了?|爬到)?[^，]{0,6}?(?:跳楼|跳下去|跳下来|爬塔吊|爬上塔吊|塔吊上|楼顶上|天台上|喝农药|喝了农药|喝药|割腕|上吊|寻死|轻生)/;
/** The person themselves doing it (`我和工友要一起跳楼`, `我也想跳`): never only a witness. */
const FIRST_PERSON_ACT = /(?:我|俺)(?:们|和[^，]{1,4}|跟[^，]{1,4})?(?:就|也|要|想|去|准备|一起|马上)*(?:跳|爬|喝|割|上吊|死)/;

export function someoneElseInDanger(text: string): boolean {
  if (!MAYBE.test(text)) return false;
  const r = readable(text);
  // Only what the self-harm words already flag (their work-on-a-roof exclusions hold here too).
  return WITNESS.test(r) && !FIRST_PERSON_ACT.test(r) && says(r, SELF_HARM);
}

/** Words of violence done or threatened to the person (or those with them). */
export function violence(text: string): boolean {
  if (!MAYBE.test(text)) return false;
  return says(readable(text), VIOLENCE);
}

/** Words of the person threatening to hurt someone else or wreck their place (`我要杀了他`, `同归于尽`). */
export function harmToOthers(text: string): boolean {
  if (!MAYBE.test(text)) return false;
  return says(readable(text), HARM_OTHERS);
}

export const SAFETY_TEXTS = {
  care: '听您这么说，我很担心您。钱的事再难，也一定有办法，您的安全最要紧。',
  calm: '先冷静一下，您的难处我们知道。动手伤人、砸东西，钱反而更难要回来，自己还要担法律责任，不值得。',
  lines: '如果现在有危险，请马上打110；心里难受、想找人说说话，可以打24小时心理援助热线12356。',
  told: (caseNo: string) => `您的案件 ${caseNo} 我们在抓紧办，已经请负责的工作人员尽快打电话给您。`,
  paged: (caseNo: string) => `您的案件 ${caseNo} 我们在抓紧办，已经请镇（街道）工会的负责人马上打电话给您。`,
  queued: (caseNo: string) => `您的案件 ${caseNo} 我们在抓紧办，已标为紧急，工作人员一接手就会先联系您。`,
  noCase: '想马上跟工作人员说话，现在就回复「人工」，我立刻帮您找人。',
  kept: '您刚才填的内容都还在，想接着办的时候回我一句就行。',
  witness: '有人有生命危险，请马上打110报警；有人受伤打120急救。您自己注意安全，别靠近危险的地方，等警察和救护人员来。',
  violence: '人身安全最要紧：有人打您或要动手，请马上打110报警。受了伤要去医院看，拍下伤处的照片，留好病历、诊断书和医药费票据，这些都是证据。',
};

export type SafetyCheck = { stop: true; replies: Reply[] } | { stop: false; replies: Reply[] };

export function createSafety(core: Core) {
  /**
   * The safety reply to a typed message, or null when it holds nothing
   * for safety. `stop`: answered here (self-harm, or harm to others), the
   * session unchanged; otherwise `replies` go before the usual handling of
   * the same message.
   */
  async function check(userKey: string, session: Session, text: string): Promise<SafetyCheck | null> {
    // A witness (`工地上有人跳楼了`): 110 and 120 for the one in danger; the person is not taken for them.
    if (someoneElseInDanger(text)) {
      core.log.info({ module: 'safety', kind: 'witness' }, 'safety reply');
      const lines = [SAFETY_TEXTS.witness, ...(session.flowId ? [SAFETY_TEXTS.kept] : [])];
      return { stop: true, replies: [{ type: 'text', text: lines.join('\n') }] };
    }
    const self = selfHarm(text);
    const others = harmToOthers(text);
    if (self || others) {
      const lines = [...(self ? [SAFETY_TEXTS.care] : []), ...(others ? [SAFETY_TEXTS.calm] : []), SAFETY_TEXTS.lines];
      const open = (await casesForNotes(core, userKey)).slice(0, 3);
      let first: { c: Case; told: boolean; paged: number } | null = null;
      for (const c of open) {
        // Threatening someone else (同归于尽 too) is its own kind: staff see what they are calling about.
        const alert = await raiseSafetyAlert(core, c, userKey, text, others ? 'threat' : 'safety');
        if (alert && !first) first = { c: alert.case, told: alert.told, paged: alert.paged };
      }
      lines.push(
        !first ? SAFETY_TEXTS.noCase
        : first.told ? SAFETY_TEXTS.told(first.c.caseNo)
        : first.paged > 0 ? SAFETY_TEXTS.paged(first.c.caseNo)
        : SAFETY_TEXTS.queued(first.c.caseNo),
      );
      if (session.flowId) lines.push(SAFETY_TEXTS.kept);
      // Counted without the words: how often the chat met them.
      core.log.info({ module: 'safety', kind: self ? 'self-harm' : 'harm-others', cases: open.length }, 'safety reply');
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
