/**
 * The ordinary ways people talk, recognised by meaning: yes and no (with
 * negation), small talk, the global commands in other words, a request for
 * a service, a correction, a question. Each recogniser is precision-first:
 * it answers null unless the message clearly is that kind of talk, so the
 * engine asks again rather than guess. Input is a normalised message
 * (flows/nlu/normalize.ts); tables are tested in test/flows/nlu/.
 */
import { feelingOnly, withoutFeelingParts } from './feelings.js';
import { compact } from './normalize.js';
import { readOnce } from '../parsers/turn-memo.js';

/** Built once: a `\p{…}` pattern outside a character class inside a function is rebuilt on every call under tsx (see nlu/normalize.ts). */
const EMOJI_RUN = /(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|[\u200d\ufe0f])+/gu;
const EMOJI_ONLY = /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|[\u200d\ufe0f\u20e3])+$/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;

export type Command = 'menu' | 'cancel' | 'back' | 'help' | 'human' | 'progress' | 'forget' | 'card';
export type Service = 'wage' | 'membership' | 'legal';
export type SmallTalk = 'greeting' | 'thanks' | 'ack' | 'paid' | 'emoji' | 'laugh' | 'bye' | 'sorry' | 'vent' | 'upset' | 'chat' | 'asking' | 'complain' | 'impatient' | 'distrust' | 'doubt';

const strip = (t: string) => compact(t).toLowerCase();

// --- yes and no ------------------------------------------------------------------------------

/** Whole-message yes: 好嘞, 没问题, 要得, OK, `okk` (a doubled k, typed as often), 中, 行, 可以, 对对对, 嗯嗯, 👍. */
const YES =
  /^(?:我|俺|咱)?(?:(?:是|是的|是啊|是呀|是滴|对|对的|对啊|对呀|都对|没错|冇错|莫得错|没得错|没毛病|正确|对头|嗯|嗯嗯|恩|恩恩|好|好的|好嘞|好啊|好吧|好滴|行|行的|行啊|可以|可以的|可|中|成|妥|要得|要的|没问题|没有问题|没得问题|莫得问题|莫问题|么得问题|冇问题|木问题|木有问题|没啥问题|没有错|木有错|同意|同意的|愿意|当然|当然可以|必须的|那必须|肯定|确定|确认|确认无误|无误|ok+|okay|好哒|嗯呐|yes|yep|y|sure|就是|就是这个|就是的|是这样|是这样的|那是|要|有|需要|系|系嘅|系呀|系啊|啱|啱嘅)(?:提供|收集|给)?[啊呀吧呢哈嘛的了咯啦哦噢嘞哟呗撒噻咧哒滴嘀]*)+$/;

/** Whole-message no: 不是, 不对, 不行, 算了, 不用了, 没有, 别; `那不用了`, `那就算了`, `还是不要了` (that said, no). */
const NO =
  /^(?:那就|那还是|还是|那)?(?:我|俺|咱)?(?:(?:不是|不对|不对的|错了|不行|不可以|不成|不中|不要|不用|不用了|不需要|不同意|不愿意|不想|不给|不方便|拒绝|算了|算了吧|别|别了|不了|不必|没有|没|无|否|不|no|nope|n|不太对|不是这样|不是这个|不是那个意思|不是的|并不是|不咯|莫得|冇|没得|木有|不得行|要不得|唔系|唔是|唔啱|唔好)[啊呀吧呢哈嘛的了咯啦哦噢嘞哟呗撒噻咧哒]*)+$/;
/** Someone else said to be the one not giving (`老板照样不给`, `公司就是不给`): their refusal, not the person's. */
const OTHERS_REFUSE = /老板|老总|工头|包工头|公司|厂里|厂子|单位|他|她|照样|就是不/u;
/** A refusal with its object: 不要收集我的信息, 不想给身份证, 身份证号不方便给. */
const NO_WITH_OBJECT = /^(?:我|俺)?(?:(?:不太|不大)(?:想|愿意)|不要|不想|不愿意|不同意|不给|不提供|拒绝)(?:给|提供|收集|留)?|不方便(?:给|提供|说)?$|(?:不给|不提供|不想给)(?:了|吧|啦)*$|(?:就|还是)?算了吧?$|不放心$/;

/**
 * A message that says yes or no and nothing else (`是的`, `对对`, `嗯 是`,
 * `不是`): there is nothing in it to take but the yes or the no. Otherwise null.
 */
export function plainYesNo(text: string): boolean | null {
  const all = text.split(/[\s,，.。!！~～、]+/).filter((p) => p !== '');
  // `对 快点`: words of feeling beside it (flows/nlu/feelings.ts) say nothing more.
  const parts = all.length > 1 ? all.filter((p) => !feelingOnly(p)) : all;
  if (parts.length === 0) return null;
  const said = new Set(parts.map((p) => yesNo(p)));
  return said.size === 1 && !said.has(null) ? [...said][0]! : null;
}

/** What a case is called when someone asks to see one (`案子`, `进度`, `申请`). */
const CASE_NOUN = '(?:案子|案件|进度|进展|处理结果|办理进度|单子|申请|预约|欠薪的事)';
/**
 * Someone else's case asked for (`查一下张三的案子`, `帮我看看老乡的进度`, `我老婆的申请批了没`): group 1 is whom.
 * Only the person themself sees their case (from their own chat); never read as a name or a report's words.
 */
const OTHERS_CASE = new RegExp(
  [
    String.raw`^(?:帮我|帮忙|麻烦你?|请|你|给我|我想|我要|能不能|可以)*(?:帮我)?(?:查一下|查下|查查|查看|查询|看一下|看下|看看|问问|问一下|查|看|问)(?:一下)?([\p{Script=Han}]{1,6}?)的${CASE_NOUN}(?:吧|呢|啊|呀|吗|么)?$`,
    String.raw`^([\p{Script=Han}]{1,6}?)的${CASE_NOUN}(?:怎么样了?|咋样了?|到哪了|到哪一步了|有结果了吗|有进展吗|有消息吗|批了没有?|能查吗|能帮我查吗|帮我查一下|帮我看看|查一下)(?:吗|呢|啊)?$`,
  ].join('|'),
  'u',
);
/** Words for oneself, whose case it is then (`查一下我的案子`). */
const ONESELF = /^(?:我|俺|咱|自己|我自己|我们|俺们|咱们|本人|我这个|我那个|我上次|上次|我刚才|刚才|这个|那个)$/u;

/** What a case is about, said before 的 (`查一下工伤的申请`): one's own matter, not someone else. */
const CASE_TOPIC = /工伤|欠薪|工资|工钱|仲裁|入会|工会|法律援助|律师|检察|会员|社保|合同/u;

/** Whom a request to see someone else's case names (`查一下张三的案子`: 张三), or null. */
export function othersCase(text: string): string | null {
  const m = OTHERS_CASE.exec(text.replace(/[\s,，。.!！?？~～]+/gu, ''));
  const who = m?.[1] ?? m?.[2];
  return who && !ONESELF.test(who) && !CASE_TOPIC.test(who) ? who.replace(/^(?:我的)(?=\p{Script=Han})/u, '我') : null;
}

/**
 * A service offered, declined for now (`我再想想`, `以后再说吧`, `先不入了`, `那不办了`, `暂时不用`, `改天吧`):
 * not a no to a question of fact, only where a service is offered. Only the whole message.
 */
const NOT_NOW =
  /^(?:那|那就|那我|我|俺|还是|嗯|哦|噢|好吧|好)*(?:先|暂时|暂且|目前|现在|今天)?(?:再?(?:想想|想一下|考虑(?:考虑|一下|下)?)|以后再说|回头再说|过(?:几|两)天再说|等等再说|再说|改天|下次|不急|(?:先|暂时)(?:不用|不了|不要|算了)|不(?:入会|入|加入|加|办理|办|报名|报|预约|约|申请|弄|搞|登记|需要))(?:会|了|啦|吧|哈|呢|再说)*$/u;

/**
 * The service itself declined at its consent (`不加了 谢谢`, `先不办了`, `那不弄了`): a no, as 不同意 is. Only with 了
 * (done deciding) and nothing after but thanks.
 */
const SERVICE_DECLINED =
  /^(?:那|那就|那我|我|俺|还是|嗯|哦)*(?:先|暂时)?不(?:入会|入|加入|加|办理|办|报名|报|预约|约|申请|弄|搞|登记|反映|填)了(?:啦|吧|哈)*(?:谢谢(?:你们|你|您)?|谢了|多谢)?(?:啊|啦|了|哈)*$/u;

/**
 * Not now, said with nothing after (`先不`, `暂时先不`, `那先不吧`) at a consent question: a no for now. A consent no collects
 * and keeps nothing and says they may come back any time, which is what "not now" asks for.
 */
const NOT_NOW_BARE = /^(?:那|那就|那我|我|俺|还是|嗯|哦)*(?:先|暂时|暂且)+不(?:啦|吧|哈)*(?:谢谢(?:你们|你|您)?|谢了|多谢)?$/u;

export function declinesService(text: string): boolean {
  const t = text.replace(/[\s,，。.!！~～]+/gu, '');
  return SERVICE_DECLINED.test(t) || NOT_NOW_BARE.test(t);
}

export function notNow(text: string): boolean {
  return NOT_NOW.test(text.replace(/[\s,，。.!！~～]+/gu, ''));
}

/**
 * Taking up a service just offered after an answer (「要我帮您登记欠薪…吗？」) in the words people use instead of
 * 好的: asked to do it (`帮我登记一下`, `那就报吧`, `你帮我办一下`), or asked what to do now (`那我怎么办`, `那怎么登记`).
 * Only the whole message, never with a no in it.
 */
const OFFER_VERBS: Record<Service, string> = {
  wage: '登记|报|反映|办|办理|弄|搞|处理',
  membership: '入会|入|加入|申请|办|办理|登记|报名|弄',
  legal: '约|预约|申请|办|办理|登记|安排|弄',
};
/** What the offered service's verb may take (`约个律师`, `入个会`, `登记一下欠薪`). */
const OFFER_OBJECTS: Record<Service, string> = {
  wage: '欠薪|工资的事',
  membership: '会|工会',
  legal: '律师|时间|咨询',
};
const OFFER_HOW: Record<Service, string> = {
  wage: '登记|报|反映',
  membership: '入会|申请|加入|办理',
  legal: '预约|约|申请|办理',
};

/**
 * Whether the words take up `service`, just offered: asked to do it (`do`), or what to do now (`how`). The verbs
 * are the offered service's own (`帮我约一下` takes up a booking, never a wage report).
 */
export function takesOffer(text: string, service: Service): 'do' | 'how' | null {
  const t = text.replace(/[\s,，。.!！?？~～]+/gu, '');
  if (/不|别|没|算了/u.test(t)) return null;
  // `想`, `想的`, `嗯想啊` to 「要现在申请入会吗？」: wanting it, the plainest yes to a 要…吗 (it was 「没太明白」 and the menu).
  if (/^(?:嗯+|恩+)?想(?:的|啊|呀|哈|嘞|咧)?$/u.test(t)) return 'do';
  if (t.length < 2) return null;
  const doIt = new RegExp(
    `^(?:那|那么|好|好的|行|嗯|可以)*(?:我|俺)?(?:就|你)?(?:帮我|给我|替我|帮忙|我要|我想|想要|想|要)?(?:${OFFER_VERBS[service]})(?:一下|下|个)?(?:${OFFER_OBJECTS[service]})?(?:吧|啊|呀|了|哈)*$`,
    'u',
  );
  if (doIt.test(t)) return 'do';
  const how = new RegExp(
    `^(?:那|那么|好|嗯)*(?:我|俺)?(?:该|应该|要|得)?(?:怎么办|咋办|咋整|怎么弄|咋弄|怎么做|咋做|怎么搞|(?:怎么|咋|如何)(?:${OFFER_HOW[service]}))(?:呢|啊|呀|嘛)?$`,
    'u',
  );
  return how.test(t) ? 'how' : null;
}

/**
 * Yes or no from an ordinary answer: `true`, `false`, or null when the
 * message is neither (or both: `是不是`). Leading fillers (`嗯，`, `那个`)
 * and trailing particles are ignored; `1`/`2` are not read here (the caller
 * maps numbers to its own options).
 */
export const yesNo = readOnce(yesNoOf);

function yesNoOf(text: string): boolean | null {
  // `嗯…`, `嗯。。。`: a nod trailing off is thinking it over, no yes (it once submitted a report at the summary).
  if (NOD_TRAILING.test(text.replace(/\s+/gu, ''))) return null;
  const parts = text
    .toLowerCase()
    .replace(EMOJI_RUN, ' ')
    .split(/[\s,，.。!！?？~～、]+/)
    .map((p) => strip(p))
    .filter((p) => p !== '' && !/^(?:那个|这个|额|呃|哦|噢|喔|啊|诶|欸|哎|唉)$/.test(p))
    // `呵呵 对`, `嗯 没错 快点`: words of feeling beside the yes or no are no part of it (flows/nlu/feelings.ts).
    .filter((p, _, all) => all.length === 1 || !feelingOnly(p));
  // Emoji alone (`👍`, `👌`, WeChat's `[强]`, `[OK]`) are never a yes or a no: consent, a yes/no answer and a yes at
  // 「…对吗？」 must be said (`同意[强]`, `对的👌`, `1👍` count by their words or the option's number). A thumbs-up is as
  // often a "got it", or a reflex; the question is asked again (set Q). (The thumbs-down at a 「…对吗？」: thumbsDown.)
  if (parts.length === 0) return null;
  // The first part decides (`对，修路的`, `不是，开饭店的`); later parts may only agree or add details.
  // What it is about and how sure, said first, change nothing: `身份证号可以给`, `好像不太对`.
  const said = parts[0]!.replace(/^(?:身份证号?码?|身份证|手机号码?|电话号码?|个人信息|信息)(?:的话|嘛|呢)?(?:就|也|还是)?/u, '').replace(/^(?:好像|感觉|应该|可能|估计|我觉得|我看)/u, '') || parts[0]!;
  // Voice input writes the fillers before an answer with no comma (`嗯不是`, `呃不同意`, `那个对`): the answer after them.
  // `一万个不同意`, `坚决不同意`: a no said with all their might is the no.
  const bare = said.replace(SPOKEN_LEAD, '').replace(/^(?:一万个|一百个|一千个|十万个|一百万个|坚决|绝对|打死也|打死都|死也)(?=不)/u, '');
  const first = bare !== said && bare !== '' && yesNo(bare) !== null ? bare : said;
  // `不是不同意`, `也不是不想给`: a no of a no (not refusing, something else follows), neither a yes nor a no; never
  // the refusal its words hold (it ended the report). `不是不是` is a no said twice.
  if (/^(?:也|倒|并)?(?:不是|并不是)不(?!是|对)/u.test(first)) return null;
  // `不对不对`, `不是不是`: a no said twice (it holds 对不对 but is no question).
  if (NO.test(first)) return false;
  // `先不用了`, `不用了谢谢`, `暂时不要了谢谢你`: a no for now, or with thanks run on (no pause), is a no.
  if (NO.test(first.replace(/^(?:先|暂时|暂且)(?=不用|不要|不了|算了|不需要)/u, '').replace(/(?<=[了用要必])(?:谢谢(?:你们|你|您)?|谢了|多谢)(?:啊|啦|了|哈)*$/u, ''))) return false;
  // `嗯，不同意`, `嗯 不是`: a nod opening a no (voice input puts a comma after the filler) is the no, never a yes.
  if (SPOKEN_NOD.test(first) && parts.length > 1 && yesNo(parts.slice(1).join(' ')) === false) return false;
  // `嗯 不清楚`, `嗯，我再想想`, `嗯 等一下`: a nod while thinking it over, no yes; `嗯 不在了`, `嗯 没干了`: a nod
  // before words of not, no yes either (what they say is read by the question's own words).
  if (SPOKEN_NOD.test(first) && parts.length > 1 && (NOT_DECIDED.test(parts[1]!) || /^(?:我|俺)?(?:已经|早就?|都)?(?:不(?!错)|没(?!错|问题|毛病|啥问题)|别|未)/u.test(parts[1]!))) return null;
  // Spoken: `嗯 我叫张伟`, `嗯 我想问一下…`: the nod opens what is said next (a name, a number, a question), no answer.
  if (/^(?:嗯+|恩+)$/u.test(first) && parts.length > 1 && NOD_THEN_OTHER.test(parts.slice(1).join(''))) return null;
  if (/是不是|对不对|行不行|好不好|要不要|可不可以|有没有/.test(first)) return null;
  // `对 不对`, `是，不是`, `好 不行`: a yes taken back at once (spoken, or a slip of the thumb) is no answer either way,
  // and is asked again (the first part decided: the yes, so a reading the person had just refused was kept).
  if (yesTakenBack(parts)) return null;
  // `嗯？`, `对？`, `好的?`: a nod asked back is puzzlement, not a yes (it was once taken as one at 「…对吗？」).
  if (YES.test(first)) return NOD_ASKED.test(text.replace(/\s+/gu, '')) ? null : true;
  // `给就给吧`, `填就填呗`, `行就行吧`: a grudging yes (the verb said twice round 就), never a no nor a name.
  if (GRUDGING_YES.test(first) && parts.length === 1) return true;
  // `老板照样不给`, `他就是不给`: someone else not paying, never the person's own refusal.
  if (NO_WITH_OBJECT.test(first) && first.length <= 10 && !OTHERS_REFUSE.test(first)) return false;
  // `不是工程项目`, `不是工地上的`: no, with what it is not.
  if (/^不是.{1,7}$/u.test(first) && !/不是不/u.test(first)) return false;
  return null;
}

/**
 * `对 不对`, `是，不是`: a yes, then at once a no (`parts`: the message split at its pauses, fillers gone). A nod
 * before the no (`嗯 不是`) is the no (yesNo).
 */
function yesTakenBack(parts: readonly string[]): boolean {
  return parts.length > 1 && YES.test(parts[0]!) && !SPOKEN_NOD.test(parts[0]!) && NO.test(parts[1]!);
}

/** A yes taken back at once (`对 不对`, `是，不是`, `好 不行`): neither answer, said so where a yes or no is awaited. */
export function takesYesBack(text: string): boolean {
  const parts = text.toLowerCase().split(/[\s,，.。!！?？~～、]+/).map((p) => strip(p)).filter((p) => p !== '');
  return yesTakenBack(parts);
}

/** What voice input writes before an answer (`嗯`, `呃`, `那个`, `就是`), glued to it. */
const SPOKEN_LEAD = /^(?:嗯+|恩+|呃+|额+|啊+|哦+|噢+|诶|欸|哎|那个|这个|就是)+/u;
/** A nod or a filler said alone before the answer (`嗯，不是`, `就是，不对`). */
const SPOKEN_NOD = /^(?:嗯+|恩+|就是)$/u;

/** Not knowing or not decided yet (`不清楚`, `我再想想`, `等一下`, `我问问我老婆`): said after a nod, it takes the nod back. */
const NOT_DECIDED = /^(?:我|俺)?(?:也|还|真|都)?(?:不知道|不晓得|不清楚|不太清楚|不记得|记不清|记不得|忘了|说不清|说不好|不好说|不确定|不一定|没想好|还没想好|(?:再|先)?想想|(?:再|先)?想一下|(?:再|先)?考虑(?:考虑|一下|下)?|等(?:一下|下|等|会儿?|一会儿?)|稍等|问问|问一下|商量(?:一下|下)?)/u;

/** After a nod, what makes it a filler: the person introducing themselves, giving a number, or asking something. */
const NOD_THEN_OTHER = /^(?:我|俺)(?:叫|姓|的名字|名字)|^(?:我|俺)是[\p{Script=Han}]{2,3}$|名字(?:是|叫)|姓名|电话|手机|号码|\d{7,}|请问|(?:我|俺)?想(?:问|咨询|了解)|问一下|咨询一下/u;

/** A bare nod and an ellipsis (`嗯…`, `嗯...`, `恩。。。`, `呃……`): hesitation. */
const NOD_TRAILING = /^(?:嗯+|恩+|呃+|额+)(?:…+|\.{2,}|。{2,}|、{2,})$/u;

/** A grudging yes: a verb of giving or agreeing, 就, the same verb again (`给就给吧`, `那就签就签吧`, `同意就同意呗`). */
const GRUDGING_YES = /^(?:那|那就|那我)?(给|填|写|签|交|提供|同意|报|登记|办|弄|行|好|可以|收集|留|用|登)就\1(?:吧|呗|嘛|呀|啊|了)*$/u;

/** A yes word, or a nod, and nothing but question marks after it: asked back, not said. */
const NOD_ASKED = /^[^?？]{1,4}[?？]+$/u;

/**
 * Not following what was asked (`嗯？`, `？`, `啥意思`, `什么`, `你说啥`, `看不懂`, `咋回事`): no answer, and no
 * question the knowledge base could answer. The caller says plainly what it asked. (`不清楚` is not knowing.)
 */
const PUZZLED =
  /^(?:(?:嗯+|恩+|啊+|哈+|额+|呃+|哦+|噢+|蛤|啥|啥子|什么|神马|甚么|么|对|是|好|好的|行|咋|咋了|怎么了|你说)?[?？]+|(?:这|这个|这是|你这|你说的|上面|这句话?)?(?:是)?(?:啥|什么|甚么|啥子|神马)(?:意思)?|(?:你|您)?(?:说|讲|问)(?:的)?(?:是)?(?:啥|什么|甚么|啥子)(?:意思)?|(?:没|不|唔)(?:太|大)?(?:看|听)?(?:懂|明白)(?:了)?(?:你(?:说|的意思))?|(?:看|听)不(?:太|大)?(?:懂|明白)(?:了)?|(?:咋|怎么)(?:回事|说|讲)|(?:啥|什么)(?:情况|东西|玩意儿?)|问(?:啥|什么)|什么跟什么|一头雾水|懵了?)[啊呀呢哦哈嘛吗么了]*[?？!！。.…~～]*$/u;

/**
 * The question asked back, to make sure of it (`你是问我现在还在不在那上班吗`, `是问欠了多少吗`, `您是说工地的名字吗`):
 * no answer, whatever words of one it repeats (its `还在` is the question's, not a yes).
 */
const ASKED_BACK = /^(?:(?:你|您)(?:是|这是)?|是)(?:问|说)(?:的是)?(?:我|俺)?[^?？]{0,24}?(?<![干什])(?:吗|嘛|么|是吧|对吧)[啊呀呢哦哈]*[?？!！。.…~～]*$/u;

/** Whether the message only asks back what the question was (ASKED_BACK). */
export function askedBack(text: string): boolean {
  return ASKED_BACK.test(text.replace(/\s+/gu, ''));
}

/** Whether the message only says the person did not follow what was asked. */
export function puzzled(text: string): boolean {
  return PUZZLED.test(text.replace(/\s+/gu, '').toLowerCase()) || askedBack(text);
}

/** `对，不过我想改成视频`, `嗯 但是我要当面的`: a yes, then what is not so after all. */
const YES_BUT = /^([^，,。.!！~～\s]+)[，,。.!！~～\s]*(?:不过|但是|可是)[，,。:：\s]*(.+)$/u;
/** A yes, then more words (`都对 就是老板名字应该叫宏达建材公司`, `对 饭店叫好再来`): the yes and the words. */
const YES_AND = /^([^，,。.!！~～\s]+)[，,。.!！~～\s]+(.+)$/u;
/** What joins a yes to the words after it (`就是…`, `只是…`, `不过…`): not part of the words. */
const YES_AND_JOINER = /^(?:不过|但是|可是|但|就是|只是|只不过|另外|还有|然后)[，,。:：\s]*/u;

/**
 * A yes with more after it: a "but" (`对，不过我想改成视频`) or an addition
 * (`都对 就是老板名字应该叫宏达建材公司`, `对 饭店叫好再来`): the words after
 * the yes, which may change or add to what the yes was about. Null when the
 * message does not start with a yes, or what follows is only more yes or
 * small talk (`对的 谢谢`, `好的 没问题`).
 */
/**
 * The small talk said after a yes (`对 不过我还有个问题`: `asking`), when that is all that follows it; null otherwise
 * (`yesBut` reads such a yes as a plain yes).
 */
export function talkAfterYes(text: string): SmallTalk | null {
  const t = text.trim();
  const m = YES_BUT.exec(t) ?? YES_AND.exec(t);
  if (!m || yesNo(m[1]!) !== true) return null;
  const rest = m[2]!.trim().replace(YES_AND_JOINER, '').trim();
  return rest === '' ? null : smallTalkOf(rest);
}

export function yesBut(text: string): string | null {
  const t = text.trim();
  const m = YES_BUT.exec(t) ?? YES_AND.exec(t);
  if (!m || yesNo(m[1]!) !== true) return null;
  const rest = m[2]!.trim().replace(YES_AND_JOINER, '').trim();
  if (rest === '' || /^[\p{P}\s]*$/u.test(rest)) return null;
  // `对 不对劲的是他最近老躲着我`: the yes, then what feels wrong about the person (不对劲 is no 不对), no value.
  if (/^不对劲/u.test(rest)) return null;
  // `对 对`, `好的 没问题`, `是的 谢谢`: nothing but the yes.
  if (yesNo(rest) === true && plainYesNo(rest) === true) return null;
  if (smallTalkOf(rest) !== null) return null;
  // `对 快点帮我`, `对 就是这样`, `确认 麻烦了`: urging, politeness or feeling, nothing to take.
  if (isFiller(m[2]!) || isFiller(rest)) return null;
  return rest;
}

/**
 * Words said around a yes that carry no value: urging (`快点`, `麻烦你们尽快处理`, `发吧`),
 * politeness (`麻烦了`, `帮帮我`, `谢谢`), feeling (`我很着急`), or pointing back at what was
 * shown (`就这些`, `就是这样`, `还能有错`, `就是这个情况`, `就是这个号`). Never a value.
 */
const FILLER = new RegExp(
  '^(?:' +
    [
      // urging and asking for help
      '(?:请|麻烦|拜托|求求|求)?(?:你们|你|您)?(?:快点儿?|快一点|快些|赶紧|赶快|尽快|抓紧|早点|快)?(?:帮我|帮帮我|帮帮忙|帮忙|帮一下|帮下我|帮个忙|处理|办理?|弄|搞|提交|发|交|发出去|交上去|提交上去)?(?:一下|下)?(?:吧|啊|呀|了|哈|嘛|哦|啦)*',
      // politeness
      '(?:麻烦|辛苦|拜托|谢谢|感谢|多谢)(?:你们|你|您|大家)?(?:了|啦|啊|呀|哈)*',
      // feeling
      '(?:我|俺)?(?:真的|真|很|好|特别|非常|太|都)?(?:着急|急|急死了?|急得很|急用钱|等着用钱|等钱用|需要钱|没办法|难受|不容易)(?:了|啊|呀|呢|哈)*',
      // pointing back at what was shown
      '(?:就|都|全)?(?:是)?(?:这些|这样|这样子|这个样子|这么多|这么回事|这样的|这个|那个|这个情况|这种情况|这情况|这个事|这个事情|这个号|这个号码|这个电话|这个数|这个名字|这个意思|我说的|上面的|上面说的)(?:了|啊|呀|的|吧|哈)*',
      '(?:没|没有)(?:别的|其他的?|了)(?:了|啊)*',
      // sure of it
      '(?:还|那)?(?:能|会)有(?:什么|啥)?错(?:吗|嘛|呀|啊|的)*|(?:肯定|绝对)?(?:不会错|错不了|没错的?)(?:的|啊|呀)*',
    ].join('|') +
    ')$',
  'u',
);

/** Every part of the message is filler, small talk or a plain yes: nothing in it to take. */
export function isFiller(text: string): boolean {
  const parts = text
    .split(/[\s,，.。!！?？~～、]+/u)
    .map((p) => strip(p).replace(EMOJI_RUN, ''))
    .filter((p) => p !== '');
  if (parts.length === 0) return false;
  return parts.every((p) => FILLER.test(p) || smallTalkOf(p) !== null || plainYesNo(p) === true);
}

/**
 * A yes with filler after it (`确认提交 谢谢`, `提交 麻烦了`, `好了 就这样`): the message
 * without the filler at its end (`确认提交`). The message itself when nothing trails it.
 */
export function withoutTrailingFiller(text: string): string {
  // `嗯...`: the dots are the hesitation, not punctuation to drop (the nod alone would be a yes).
  if (NOD_TRAILING.test(text.replace(/\s+/gu, ''))) return text.trim();
  const parts = text.trim().split(/[\s,，.。!！~～、]+/u).filter((p) => p !== '');
  while (parts.length > 1 && isFiller(parts.at(-1)!)) parts.pop();
  return parts.join(' ');
}

/**
 * Not saying (`不想说`, `不方便说`, `这个不能告诉你`, `不想留名字`): a refusal to answer the
 * question asked, never one of its options (a 不 in it is not a 不是).
 */
const REFUSES =
  /^(?:我|俺)?(?:这个|这|那个)?(?:不想|不愿意?|不方便|不能|没法|不大想|不太想|不太方便)(?:跟你|告诉你|和你)?(?:说|讲|透露|告诉|回答|答|讲了|说了)(?:你)?(?:了|吧|啊|呀|哦|嘛|的)*$|^(?:这个|这)?(?:保密|不告诉你|不能说|不可以说|暂时保密|不便透露)(?:了|吧|啊|呀|哦|嘛)*$|^(?:我|俺)?(?:这个|这)?(?:先|暂时|现在)(?:不|不想|不方便)(?:说|讲|告诉你|透露)(?:了|吧|啊|呀|哦|嘛)*$|^(?:我|俺)?(?:这个|这项|这一项|这个问题)?(?:就|也)?(?:不想|不愿意?|不方便|不太想|不大想)(?:填|写|回答)(?:这个|这项|这一项|这个问题|这些|这栏|这一栏)(?:了|吧|啊|呀|哦|嘛)*$|^(?:我|俺)?(?:不想|不愿意?|不方便|不太想|不大想|不能)(?:留|说|写|填|给|透露|告诉你)(?:我的|真实的?|真的)?(?:名字|姓名|全名|真名|电话|手机号|号码|身份证号?)(?:了|吧|啊|呀|哦|嘛)*$/u;

/**
 * Holding the question for a moment (`稍等一下`, `等等`): `wait`; thinking it over or asking someone first (`我想想啊`,
 * `让我想一下`, `等下我问问工友`): `think`. Said as the whole message; null otherwise. Never an answer.
 */
const WAIT = /^(?:请|麻烦)?(?:稍等|等等|等一下|等下|等会儿?|等一会儿?)(?:一下|下|哈|啊|吧|呀|哦|嘛|噢)*$/u;
const THINK =
  /^(?:等等|等一下|等下|稍等|等会儿?)?(?:我|让我|俺|等我|容我)?(?:先|再)?(?:想想|想一想|想一下|考虑一下|考虑考虑|回忆一下|回想一下|找找|查查|翻翻|问问|问一下)(?:我的?|俺的?)?(?:老公|老婆|家里人?|家人|工友|老乡|同事|朋友|儿子|女儿|孩子|爱人|媳妇|班长)?(?:看|再说|再告诉你|再回你|再回复)?(?:吧|啊|哈|呀|哦|嘛|噢|先)*$/u;

/** Looking the answer up on a paper or the phone (`等下 我找找合同上怎么写的`, `我查一下工资条`): a moment asked for. */
const LOOK_UP =
  /^(?:等等|等一下|等下|稍等|等会儿?)?(?:我|让我|俺|等我)?(?:先|再)?(?:去)?(?:找找|找一下|查查|查一下|翻翻|翻一下|看看|看一下)(?:劳动)?(?:合同|工资条|单子|条子|欠条|记录|聊天记录|手机|微信|本子|工牌|名片|照片)(?:上|里)?(?:面)?(?:怎么写的|写的啥|写的什么|叫什么|叫啥|是什么)?(?:吧|啊|哈|呀|哦|嘛|噢|先)*$/u;

/**
 * A moment asked for to fetch or look at what the question needs (`稍等 我找下欠条`, `等一下 我去拿身份证`,
 * `等下 我看下我新号码`): a wait word first, then a thing named from a closed list of papers and numbers (never a
 * value: `等下 我看下 两万八` is not one).
 */
const FETCH = new RegExp(
  String.raw`^(?:请|麻烦)?(?:稍等|等等|等一下|等下|等会儿?|等一会儿?|等我)(?:一下|下)?(?:哈|啊|吧|哦)*[,，。.!！\s]*(?:我|俺|让我)?(?:先|得|要|再)?(?:去|回去)?` +
    String.raw`(?:拿|找|翻|看|查|对|核对)(?:一下|下|一找|找|看|查|翻|一翻|一看|一查)?(?:我的?|俺的?)?(?:新的?)?` +
    String.raw`(?:欠条|借条|条子|单子|工资条|工资单|工资表|考勤表?|考勤记录|记工本|记账本|本子|账本|账单?|合同|劳动合同|身份证|证件|手机号?码?|手机|号码|电话号码?|电话|号|银行卡|卡|银行流水|流水|记录|聊天记录|微信|短信|日历|照片|截图|资料|材料|结算单|欠款单|收据)` +
    String.raw`(?:再来|再说|再回你|再告诉你|再发|先)?(?:哈|啊|吧|呀|哦)*$`,
  'u',
);

/**
 * Something else calling the person away, with a wait asked (`等下 我老板打电话来了`, `我老婆叫我了 等会`,
 * `稍等 有人找我`): an aside, never an answer (打电话 was stored as the way to meet, 等下 proposed as the employer).
 * Both parts are needed: who calls or what comes up is said from a closed list, and nothing else.
 */
const WAIT_PART = '(?:请|麻烦)?(?:稍等|等等|等一下|等下|等会儿?|等一会儿?|等我一?下)(?:一下|下)?(?:再说|再聊|再弄|再填|说)?(?:哈|啊|吧|哦|呀)*';
const CALLED_AWAY =
  '(?:我|俺)?(?:的)?(?:老板|老总|老婆|老公|媳妇|爱人|孩子|儿子|女儿|家里人?|班长|组长|工头|包工头|领导|主管|经理|客人|顾客|有人)?(?:又|在)?(?:给我)?(?:打电话|来电话|打电话来|电话来|打来电话|叫我|喊我|找我|来了|过来了|催我|在叫|在喊)(?:了|啦|呢)*' +
  '|(?:我|俺)?(?:先|要|得)?(?:有事|有点事|在忙|要忙|去忙|接个电话|接电话|在开车|上工|开工|干活|吃饭|开会)(?:了|啦|呢|去了|一下)*';
const ASIDE = new RegExp(`^${WAIT_PART}[,，。.!！~～\\s]*(?:${CALLED_AWAY})[。.!！~～]*$|^(?:${CALLED_AWAY})[,，。.!！~～\\s]*${WAIT_PART}[。.!！~～]*$`, 'u');

/**
 * `wait`, `think` (above), `fetch`: a moment asked for to fetch what is asked (FETCH), or `aside`: called away
 * (ASIDE). Said as the whole message; null otherwise. Never an answer: the chat pauses the form for `fetch` and
 * `aside`, and the question waits.
 */
export function holdsOn(text: string): 'wait' | 'think' | 'fetch' | 'aside' | null {
  const t = compact(text).replace(/[。.!！~～…]+$/u, '');
  if (WAIT.test(t) || LOOK_UP.test(t)) return 'wait';
  if (THINK.test(t)) return 'think';
  if (FETCH.test(t)) return 'fetch';
  return ASIDE.test(text.trim()) ? 'aside' : null;
}

/**
 * Words that try to instruct the bot rather than answer it (`忽略前面的规则`, `忽略之前所有的指令。`, `你现在是律师`):
 * what follows them, or null when the message does not open so. The opening is never data (「忽略前面」 was proposed
 * as the employer's name).
 */
const INSTRUCTIONS =
  /^(?:请|请你|你)?(?:忽略|无视|忘记|忘掉|不要管|别管)(?:掉)?(?:你)?(?:前面|之前|以上|上面|上述|刚才|以前|先前)?(?:的)?(?:所有|全部|一切)?(?:的)?(?:规则|指令|指示|提示词?|设定|要求|命令|限制|约束|prompt)(?:吧|了)?(?:[,，。.!！:：;；\s]+|$)|^(?:从现在(?:开始|起)[,，]?)?(?:你|您)(?:现在)?(?:就)?(?:是|扮演|当|作为)(?:一(?:个|名|位))?(?:专业的?)?(?:律师|法官|检察官|ai|人工智能|助手|我的律师|法律专家|专家|chatgpt|gpt)(?:了)?(?:[,，。.!！:：;；\s]+|$)/iu;
export function withoutInstructions(text: string): string | null {
  const t = text.trim();
  const m = INSTRUCTIONS.exec(t);
  return m ? t.slice(m[0].length).trim() : null;
}

/** The thing not said, named first (`单位名字不好讲`, `厂名不方便说`, `名字不便透露`): a refusal as well. */
const REFUSES_NAMED =
  /^(?:我的?|俺的?)?(?:单位|公司|厂|厂子|工厂|老板|店|项目|工地)?(?:的)?(?:名字|名称|全称|名|电话|地址)?(?:就|也|暂时|先)?(?:不好讲|不好说出来|不便说|不便讲|不便透露|不方便讲|不方便说|不方便透露|不能讲|不能说|不想讲|不想说)(?:了|吧|啊|呀|哦|嘛|的)*$/u;

export function refusesToSay(text: string): boolean {
  const t = compact(text);
  return REFUSES.test(t) || (REFUSES_NAMED.test(t) && /^(?:我|俺)?(?:的)?(?:单位|公司|厂|工厂|老板|店|项目|工地|名字|名称|全称|电话|地址)/u.test(t));
}

/** Afraid of what reporting brings: losing the job, the boss finding out, being got back at. */
const FEAR = /怕(?:被)?(?:开除|辞退|炒|报复|穿小鞋|丢(?:了)?(?:工作|饭碗)|老板(?:知道|报复|找)|被(?:老板)?(?:知道|发现))|被开除|会被(?:报复|开除)|不敢(?:告|报|反映|举报|投诉)/u;
/** Not wanting to go on with the report: 不想告了, 我不告了, 算了 不要了, 不想反映了. */
const STOP =
  /^(?:我|俺)?(?:还是|就)?(?:算了|那算了)?(?:吧)?(?:我|俺)?(?:还是)?(?:不想|不敢|不|不要|不用)(?:再)?(?:告|报|反映|举报|投诉|追究|要|弄|搞|讨|追)(?!诉)(?:了|吧|啦|啊)+$|^(?:算了|那算了)(?:吧)?(?:不要了|不用了|不想要了|不弄了|不搞了)$|^(?:那)?(?:算了)?(?:不要了|不想要了)(?:吧|了)*$|^(?:我|俺)?(?:不想|不敢)(?:告|报|反映|举报|投诉)(?!诉)(?:了)?|^(?:我|俺)?(?:还是)?(?:先|暂时)(?:不|不想|不用)(?:约|预约)(?:了|吧|啦)+$/u;

/**
 * A wish to stop the report (`不想告了`, `算了 不要了`, `我不告了 怕被开除`):
 * `fear` when the worker says what they are afraid of. Null otherwise. Never
 * an answer to the question asked.
 */
export function wantsToStop(text: string): { fear: boolean } | null {
  const parts = text.split(/[，,。.!！~～\s]+/u).map((p) => compact(p)).filter((p) => p !== '');
  if (parts.length === 0) return null;
  const fear = FEAR.test(compact(text));
  const stops = parts.some((p) => STOP.test(p));
  // Every other part is the fear or more of the same (`我不告了 怕被开除`, `算了 不要了`).
  const rest = parts.filter((p) => !STOP.test(p) && !FEAR.test(p) && !/^(?:算了|唉+|哎+|那|我|还是)$/u.test(p));
  return stops && rest.length === 0 ? { fear } : null;
}

/**
 * WeChat's thumbs-down (`[弱]`, `[ThumbsDown]` in English) alone. Not a no at every yes/no question (it is
 * as often a sigh), but at a 「…对吗？」 it says the reading is wrong (the engine's confirmations read it so).
 */
export function thumbsDown(text: string): boolean {
  return /^(?:\[(?:弱|thumbsdown)\])+$/iu.test(text.replace(/\s+/g, ''));
}

// --- small talk -------------------------------------------------------------------------------

const SMALL_TALK: [SmallTalk, RegExp][] = [
  // `在不在呀 亲`, `你好老师`: the one greeted after the greeting (alone, a part of a greeting: `亲`) is no more than it.
  ['greeting', /^(?:(?:你好|您好|在吗|在不|在不在|在么|在嘛|人呢|有人吗|有人在吗|有没有人在?|有人在不|有人不|有人没|大家好|大伙好|各位好|哈喽|哈啰|嗨|hi|hello|hey|喂|早|早上好|上午好|中午好|下午好|晚上好|打扰了|打扰一下|请问|测试|测试一下|测一下|test|testing)[啊呀吗么嘛呢哈]*)+(?:亲+|亲爱的|老师|同志|美女|帅哥|小姐姐|小哥哥)?$|^(?:亲+|亲爱的)[啊呀]?$/],
  ['thanks', /^(?:好的|好|嗯|ok|行|收到了?)?(?:(?:谢谢|谢谢你|谢谢您|谢谢你们|谢了|多谢|感谢|感谢你|感谢您|感谢工会|感谢你们|辛苦了|辛苦你了|辛苦您了|辛苦你们了|麻烦你了|麻烦您了|麻烦你们了|麻烦了|太感谢了|非常感谢|谢谢啦|多谢晒|多谢哂|唔该晒|唔该|thanks|thankyou|thx|3q)[啊呀哈啦了]*)+$/],
  // Praise, said with thanks (`谢谢啊 你们真好`): thanks.
  ['thanks', /^(?:你们|你|工会|你们工会)(?:真|真是|太|人真|可真)?(?:好|好人|好了|负责|靠谱|给力|用心|有用)(?:啊|呀|哈|啦|了|呢)*$|^(?:好人|大好人)(?:啊|呀)?$|^(?:好人一生平安|给你们点赞|点赞)$/],
  ['bye', /^(?:再见|拜拜|拜|bye|先这样|就这样吧|没事了|没别的了|晚安|回头聊)[啊呀哈啦了]*$/],
  ['sorry', /^(?:不好意思|对不起|抱歉|sorry)[啊呀哈啦了]*$/],
  ['laugh', /^(?:哈+|呵+|嘿+|嘻+|h+a+|2333+|笑死)$/],
  ['ack', /^(?:(?:嗯|恩|哦|噢|喔|好的|好|好吧|好的呢|好滴|好哒|好嘞|好勒|好哩|知道了|晓得了|明白|明白了|了解|ok|okay|行|行吧|巴适|巴适得很|安逸|安逸得很|要得|要得嘛|妥了|得嘞|收到|收到了|好的收到|已收到)[啊呀哈啦了呢嗯]*)+$/],
  // Crying, or saying so (`😭😭`, `呜呜`, `我好难受`): comforted before the question.
  ['upset', /^(?:呜+|哭了|哭死|我(?:想|要)哭|好想哭|想哭|难受|好难受|我好难受|心里难受|伤心|好伤心|绝望|崩溃|崩溃了|太惨了)[啊呀哈啦了呢]*$/],
  ['vent', /^(?:唉+|哎+|太难了|难啊|好难|气死我了|气死了|心真黑|真黑|黑心|(?:这个?)?老板(?:心)?真(?:黑|坏|不是人|不是东西)|真不是人|不是人|没良心|欺负人|太欺负人了|烦死了|没办法了|怎么这样)[啊呀哈啦了呢]*$/],
  // `你们是真人吗`, `是机器人吗`, `你是不是机器人`, `你是真人还是机器人`: who answers.
  ['chat', /^(?:(?:你|你们|您)?(?:是|是不是)(?:机器人|人工智能|ai|真人|活人|自动回复)(?:吗|么|嘛)?(?:还是(?:机器人|人工智能|ai|真人|活人|人工))?|吃了(?:没|吗)|你叫什么|你几岁|你是谁)[啊呀吗呢]*$/],
  // About to ask, the question not said yet: invited to say it.
  // `想咨询一下法律问题`: the kind of question named, the question itself not.
  ['asking', /^(?:我|俺)?(?:还|另外|再)?(?:想|要|能|可以)?(?:问|咨询|请教)(?:一下|一个|个|下|点)?(?:(?:法律|劳动法?)(?:的|方面的?|上的)?)?(?:问题|事|事情|事儿)?[啊呀吗么嘛呢哈]*$|^(?:我|俺)?(?:还|另外|再)?有(?:个|一个|几个|点)(?:(?:法律|劳动法?)(?:的|方面的?|上的)?)?(?:问题|事|事情|事儿)(?:想|要)?(?:问|咨询)?(?:一下)?[啊呀吗么嘛呢哈]*$/],
  // A complaint with nothing of what it is about: asked what happened.
  ['complain', /^(?:我|俺)?(?:要|想|想要)?(?:投诉|举报)(?:一下)?(?:单位|老板|公司)?[啊呀吗么嘛呢哈]*$/],
  // Impatience (`怎么这么麻烦`, `能不能快点 我还要上班`, `还有几个问题`): sorry, how much is left, the question again.
  // A bare 快点 stays an urging (pleaOf); 烦死了 stays venting.
  ['impatient', /^(?:(?:怎么|咋|为什么|为啥|干嘛)(?:这么|那么|这样)?(?:麻烦|啰嗦|罗嗦|啰唆|复杂|繁琐|磨叽|慢)|(?:太|好|真|真是|也太)(?:麻烦|啰嗦|罗嗦|啰唆|复杂|繁琐|磨叽|慢)了?|麻烦死了?|(?:能不能|可不可以|能|可以|麻烦|你|你们)(?:快点儿?|快一点|快些)(?:行不行|好不好|可以吗|行吗)?|(?:快点儿?|快一点|快些)(?:行不行|好不好|可以吗|行吗)|(?:我|俺)?(?:还要|还得|要|得|赶着|急着)(?:去)?上班|(?:我|俺)?(?:没|没有)(?:时间|空|工夫)|(?:我|俺)?赶时间|(?:还有|还要|还剩)(?:几个|多少个?|几)(?:问题|步|项)?|(?:怎么)?(?:还没完|没完没了)|问(?:这么|那么)多(?:干嘛|干什么|做什么|干啥)?)[啊呀吧呢哈嘛了啦吗么]*$/],
  // Distrust (`你们是骗子吧`, `是不是骗人的`): who we are, then the question again.
  // Doubt that anyone will act (`你们到底管不管`, `没用`, `有啥用`, `你们这个没用`): that we will, then the question again.
  ['doubt', /^(?:你们|你|工会|找你们)?(?:的)?(?:这|这个|那个|这东西|这玩意儿?)?(?:到底|究竟|倒是|真的|还|根本|就|也)?(?:管不管(?:事)?|管不了|能不能管|能管吗|管吗|管么|有没有人管|没人管|有没有用|有用没|有用吗|有啥用|有什么用|没用|没有用|一点用(?:都|也)?没有|没啥用|能不能解决|能解决吗|能不能办|办不办)(?:啊|呀|吧|呢|哦|嘛|了|的|啦)*[?？!！]*$/],
  // `谢谢 虽然不知道有没有用`: doubt said beside thanks, nothing asked of us.
  ['doubt', /^(?:虽然|虽说|尽管|但是?|不过)?(?:我|俺)?(?:也)?(?:不知道|不晓得|不确定)(?:到底|这个|这)?(?:有没有用|有用没|管不管用|有没有效果|能不能成)(?:啊|呀|吧)*$/],
  ['distrust', /^(?:你们|你|这|这个|这里|这个号)?(?:是不是|是|不会是|该不会是|别是|怕是)?(?:骗子|骗人的?|诈骗的?|搞诈骗的?|骗钱的?|骗信息的?|套信息的?)(?:吧|吗|么|啊|呀|呢|哦|嘛)*$/],
  // `你们是真的吗`, `你们是不是真的工会`, `这是正规的吗`: whether we are who we say (it was 答不上来). A subject is needed:
  // `真的吗` alone answers something else.
  ['distrust', /^(?=.*(?:真|正规|官方))(?:你们|你|这|这个|这里|这个号)(?:真的是|是不是真的|是真的|是不是|是)(?:真的|正规|官方)?(?:的)?(?:工会|机构|单位)?(?:的)?(?:吗|么|吧|嘛|啊|呀)+$|^(?:你们|你|这|这个|这里)?(?:真的是|是不是真的|是真的|是不是正规的?|是正规的?)(?:工会|机构|单位)(?:吗|么|吧|嘛|啊|呀)*$/],
];

/**
 * Small talk: greetings, thanks, an acknowledgement, laughter, emoji or a
 * sticker. Never data. `ack` (`嗯`, `好的`) is small talk only where no
 * yes/no question is pending: the engine asks yesNo first there.
 */
export const smallTalkOf = readOnce(smallTalkOfText);

function smallTalkOfText(text: string): SmallTalk | null {
  const t = text.replace(/\s+/g, '');
  if (t === '' ) return null;
  if (EMOJI_ONLY.test(t)) return emojiTalk(t);
  // WeChat stickers and emoticons arrive as [捂脸], [表情], /:handclap.
  if (/^(?:\[[\p{Script=Han}A-Za-z]{1,6}\])+$/u.test(t) || /^\/:[a-z]+$/i.test(t)) return emojiTalk(t);
  const s = strip(t).replace(EMOJI_RUN, '');
  // Only punctuation (`？？？`, `…`) is not small talk: the person may be puzzled, so the question is asked again.
  if (s === '') return PICTOGRAPH.test(t) ? emojiTalk(t) : null;
  for (const [kind, re] of SMALL_TALK) if (re.test(s)) return kind;
  // 你好，在吗 / 谢谢，辛苦了: every part small talk of the same family.
  const parts = text.split(/[,，.。!！?？~～、\s]+/).map((p) => strip(p).replace(EMOJI_RUN, '')).filter(Boolean);
  if (parts.length > 1) {
    const kinds = parts.map((p) => SMALL_TALK.find(([, re]) => re.test(p))?.[0] ?? null);
    if (kinds.every((k) => k !== null)) return kinds.find((k) => k !== 'ack') ?? kinds[0]!;
  }
  return null;
}

/** Crying or despairing faces and stickers. */
const UPSET_EMOJI = /[😭😢😿🥺😞😔😣😖😫😩💔]|\[(?:流泪|大哭|快哭了|难过|委屈|哭)\]/u;
/** Thanks with the hands (`🙏`), an ok (`👍`, `👌`). */
const THANKS_EMOJI = /^(?:🙏|[\u{1F3FB}-\u{1F3FF}]|[\u200d\ufe0f])+$/u;

/**
 * A thumbs-up or an ok hand, Unicode or WeChat's own (`[强]`, `[OK]`, `[好的]`, `[ThumbsUp]`): an acknowledgement, never
 * a yes where one is asked (yesNo; the engine asks for words: okEmojiAlone).
 */
const OK_EMOJI = /^(?:👍|👌|🆗|\[(?:强|強|ok|thumbsup|好的)\]|[\u{1F3FB}-\u{1F3FF}]|[\u200d\ufe0f]|\s)+$/iu;
/** Nothing but a thumbs-up or an ok hand (`👍`, `[强][强]`, `[OK]`). */
export const okEmojiAlone = (text: string): boolean => OK_EMOJI.test(text.trim());

/** What emoji alone say: upset, thanks, or just an emoji. */
function emojiTalk(t: string): SmallTalk {
  if (UPSET_EMOJI.test(t)) return 'upset';
  if (THANKS_EMOJI.test(t)) return 'thanks';
  if (OK_EMOJI.test(t)) return 'ack';
  return 'emoji';
}

/** A short, friendly answer to small talk; the engine then asks its pending question again. */
export function smallTalkReply(kind: SmallTalk): string {
  switch (kind) {
    case 'greeting':
      return '您好，我在的。';
    case 'thanks':
      return '不客气，这是我们应该做的。';
    case 'bye':
      return '好的。需要时随时找我。';
    case 'sorry':
      return '没关系。';
    case 'laugh':
    case 'emoji':
      return '收到。';
    case 'ack':
      return '好的。';
    case 'paid':
      return '太好了，钱拿到手就好！以后遇到难处，随时找我。';
    case 'upset':
      return '别着急，我们一起把事情理清楚。';
    case 'vent':
      return '理解您的心情，遇到这种事谁都着急。我们一起想办法。';
    case 'chat':
      return '我是工会的工友助手，不是真人；需要真人帮忙时回复「人工」。';
    case 'asking':
      return '您请说，想问什么？欠薪、工伤、劳动合同、社保、入会的事都可以问。';
    case 'complain':
      return '您想反映什么事？工资被拖欠的，回复「反映欠薪」；别的事可以回复「人工」，或打职工服务热线12351。';
    case 'impatient':
      return '抱歉，耽误您时间了。您直接说要办什么事就行，比如「反映欠薪」。';
    case 'doubt':
      return '我们会管的。您登记的事会交给当地的工格员和工会，工作人员会联系您跟进；说得越清楚，办得越快。';
    case 'distrust':
      return '理解您的顾虑。我是工友助手，是工会开通的线上服务，办事不收任何费用，也不会让您转账；您的信息加密保存，只用来办您这件事。拿不准可以打职工服务热线12351核实。';
  }
}

// --- commands by meaning ----------------------------------------------------------------------

/** Exact command words (what the menu and the help text say), after normalising. */
const EXACT: Record<string, Command> = {
  菜单: 'menu', 主菜单: 'menu', '0': 'menu', menu: 'menu',
  取消: 'cancel', 退出: 'cancel', 不办了: 'cancel',
  返回: 'back', 上一步: 'back', 上一个: 'back',
  帮助: 'help', '?': 'help', help: 'help',
  人工: 'human', 转人工: 'human', 人工服务: 'human', 找人工: 'human',
  进度: 'progress', 查询进度: 'progress', 查进度: 'progress', 我的案件: 'progress',
  我的会员卡: 'card', 会员卡: 'card', 电子会员卡: 'card', 查看会员卡: 'card',
  删除我的信息: 'forget', 删除信息: 'forget', 删除个人信息: 'forget',
  注销: 'forget', 注销账号: 'forget', 注销账户: 'forget', 我要注销: 'forget',
};

const BY_MEANING: [Command, RegExp][] = [
  // A case number alone, or with the words around it (`QX20261201-0001`, `qx20261201 0001`, `查 QX…`, `QX…怎么样了`),
  // typed in the middle of a form (the case desk reads it between forms): its progress, the form kept.
  ['progress', /^(?:(?:查看?|查询|查一下|查下|看一?下|帮我查一?下)?(?:我的)?(?:进度|进展|案件|案子)?(?:编号|单号|案号)?(?:是)?[:：]?)?qx\d{8}-?\d{4,}(?:的?(?:进度|进展|情况)?(?:怎么样了?|咋样了?|到哪了|如何了?|呢)?)?[?？。.!！]*$/],
  // `我不想你们留我资料`, `不要保存我的信息`: the data not to be kept (a wish to be forgotten, never a no to the question).
  ['forget', /^(?:我|俺)?(?:不想|不要|不愿意?|别)(?:让)?(?:你们|你|工会)?(?:再)?(?:留|保存|保留|存|记)(?:着|下)?(?:我|我的|俺|俺的)(?:的)?(?:个人)?(?:资料|信息|数据|隐私)(?:了|吧|啊)*$|(?:删除|删掉|删了|全删|清除|清空|注销)(?:掉)?(?:我的)?(?:所有|全部)?(?:个人)?(?:信息|资料|数据|记录)|(?:撤回|撤销|收回)(?:我的?)(?:所有|全部)?(?:个人)?(?:信息|资料|隐私|数据)|把我(?:的|填的)?.{0,8}(?:信息|资料|记录|身份证|东西|数据).{0,4}(?:都|全)?(?:删|清)|(?:信息|资料|记录)(?:了|啊)?(?:都|全)?(?:给我)?(?:删了|删掉|删除|清除)/],
  ['human', /^(?:那|那就|那你)?(?:我要|我想|帮我|给我|请|麻烦|能不能|可不可以)?(?:给我)?(?:转|找|接|要|联系|叫)?(?:个)?(?:人工|人工客服|真人|客服|工作人员|真人客服|活人|工格员|网格员)(?:客服|服务|帮忙|来|说话|说|聊|谈|跟我说|打电话给我|联系我|打给我|给我打电话|给我打个电话|打个电话给我|核对|核实|看看|帮我看看?)?(?:一下)?(?:吧|呢|啊|吗|么)?$|(?:跟|和|让|叫)(?:真人|人工|工作人员|工格员|网格员|个人)(?:来|跟我)?(?:说|讲|聊|谈|联系|打电话)|有没有(?:活人|真人|人工|工作人员|客服)(?:在)?|^有(?:活人|真人|人工|工作人员|客服)(?:在)?(?:吗|么|没有?|不|嘛)?$|叫个人来|找个人工|^(?:我要|我想)(?:跟|和)(?:人|个人)(?:说话|聊聊|聊|说|讲)(?:吧|啊|呀)?$/],
  ['progress', /^(?:现在|目前|那|到底)?(?:怎么样了|咋样了|怎样了)(?:吗|呢|啊|呀)?[?？]*$|^(?:到底)?有(?:没有)?人管(?:吗|么|没有?|没)?[?？]*$|(?:案子|案件|事|事情|投诉|申请|登记|欠薪|单子|预约|报的|反映的|上次)[^，,。]{0,8}?(?:怎么样了|咋样了|怎样了|到哪了|到哪一步了|有结果了吗|有进展吗|有消息吗|有消息没|有回音吗|批了没有?|批下来没|定好时间没|定了没)|(?:案子|案件|投诉|申请|登记|单子|预约|报的|反映的|上次|我的)[^，,。]{0,8}?(?:有没有人(?:管|处理|理)(?:了)?(?:吗|么)?|有人(?:管|处理|理)(?:没有?|吗|么|了吗|了没)|(?:审核|审批|审|处理|受理|办|批)(?:了|好|完)(?:没有?|吗|么)|到哪一?步了?)|^(?:帮我|帮忙|麻烦你?|请|给我|我想|我要)?(?:帮我)?(?:查|看|查看|查询|查一下|查下|看一下|看下|看看|问问)(?:一下)?(?:我的)?(?:进度|进展|案件|案子|处理结果|单子|办理进度)|^(?:帮我|帮忙|麻烦你?|请|给我|我想|我要)?(?:帮我)?(?:查|看|查看|查询|查一下|查下|看一下|看下|看看|问问)(?:一下)?(?:我|俺|我们)?(?:上次|之前|前几天|前面|以前|那天|刚才)?(?:反映|报|登记|提交|申请|投诉|预约|报上去)(?:过)?的(?:那个|这个)?(?:事|事情|案子|案件|欠薪)?(?:的)?(?:进度|进展|处理结果|结果|情况)(?:怎么样了?|咋样了?|到哪了)?(?:吧|呢|啊|呀)?[?？]*$|(?:进度|进展)(?:怎么样|如何|咋样|怎样)|处理到哪|办到哪|^(?:现在|目前|那)?(?:办|处理|搞|弄)得?(?:怎么样|咋样|怎样)了(?:吗|呢|啊|呀)?$|(?:编号|单号|案号|案件号)(?:是)?(?:多少|是啥|是什么|几号)|(?:忘了|忘记|不记得|找不到)(?:了)?(?:我的?)?(?:案件|案子)?(?:的)?(?:编号|单号|案号|案件号)|(?:提交|登记)(?:上去)?成功(?:了)?(?:吗|么|没有?)|(?:入会|入工会|加入工会|入上会)(?:申请)?(?:是不是)?成功(?:了)?(?:吗|么|没有?)|^(?:那|我|俺)*(?:现在)?(?:已经)?(?:是|算是?|成了?)(?:工会)?会员了(?:吗|么|没有?|没)[?？]*$|(?:审核|审批|审)(?:到哪|到哪了|到哪一步|进度|怎么样了?|咋样了?|通过了?(?:没|吗|没有)|过了(?:没|吗)|好了(?:没|吗)|完了(?:没|吗))|^(?:那|我的?(?:申请|入会申请)?)?(?:什么时候|啥时候|多久|几时|多长时间|哪天)(?:才|能|可以|会)*(?:批下来|批准|批|审核完|审完|审核好|审好|审下来|审核通过|通过|办下来)(?:了)?(?:啊|呢|呀|吗)?[?？]*$/],
  // `我前天报的欠薪 今天能不能给个答复`, `报了一个礼拜了 到底有没有人管？？进度呢`, `我报了半个月了都没人理 现在到底啥进度`:
  // pressing for what they reported, said after it (the report named first: never a question about reporting).
  ['progress', /^(?:我|俺|我们|俺们)?(?:前天|昨天|上周|上个月|之前|早就|都|已经)?(?:报|反映|登记|提交|投诉)(?:了|的|过)[^?？]{0,14}?(?:(?:现在)?(?:到底)?(?:啥|什么)进度|进度呢|进展呢|(?:能不能|能否|可不可以|什么时候|啥时候)给(?:个|我)?(?:答复|回复|回音|说法|准信|结果)|(?:到底)?有没有人(?:管|理|处理))/],
  // `会员卡有什么用` asks what it is for (the knowledge base answers), not for the card.
  ['card', /^(?!.*(?:(?:有什么|有啥|什么|啥|干嘛|干啥|干什么|做什么)用|用处|作用|好处|是什么|是啥|怎么用|咋用|能干(?:嘛|啥|什么)|能做什么)).*(?:会员卡|会员证|工会卡)/],
  // `我不弄了`, `先不填了`: a wish to stop (asked before anything is thrown away; not `先不说名字`). `先别提交` alone is
  // not yet (the summary stays); with 算了 (`先不提交了 算了`, `先不提交 算了不弄了`) it is giving up.
  ['cancel', /^(?:我|俺|那我)?(?:先|暂时)(?:就)?(?:不|别)(?:填|弄|搞|办|报|登记|申请)(?:了|吧|啦)*$|^(?:我|俺|那我)?(?:先|暂时)?(?:不|别)提交(?:了|吧)*算了(?:吧|了)*(?:不弄了|不填了|不报了|不交了)?$/],
  ['cancel', /^(?:我|俺|那我)?(?:算了)*(?:不填了|不弄了|不搞了|别弄了|别搞了|别填了|不办了|不报了|不想填了|不想弄了|不想办了|取消吧|取消掉|取消这次|先不办了|不登记了|不申请了|不约了|(?:我|那我)?不想(?:再)?(?:预)?约了|(?:我|那我)不(?:预)?约了|不预约了|不入了|不入会了)(?:吧|了|不入了|撤销吧|取消掉|退出吧?|退出来)*$|^取消(?:这次|这个)?(?:登记|申请|预约|填写)$/],
  ['menu', /^(?:回|返回|回到|显示|打开|看)(?:最?开始的?)?(?:那个)?(?:主)?菜单$|^(?:回到?|返回|退回|退到|回去)?(?:主页|首页)(?:面)?$|^(?:回到?|返回|退回|退到)(?:主界面|首界面|开始界面)$|^重新开始吧$|^(?:那|那就|还是)?(?:从头来|从头开始|从头再来|重新来|重来)(?:吧|过|一遍)*$/],
  ['back', /^(?:返回|回到|回|退回|退回去|退回到|回去|退到|返回到)?(?:上一题|上一个问题|上一步|上一个|上一项)(?:吧)?$|^(?:后退|退回去)$|^上一(?:个问题|题|步)/],
  ['help', /^(?:我|这个|这|你这个?)?(?:怎么用|咋用|咋个用|不会用|不会弄|不会搞|怎么操作|咋操作|看不懂|有什么功能|你们?能做(?:些)?什么|你们?会什么|你们?能干(?:啥|嘛|什么)|(?:你们?)?(?:都)?能帮(?:我|我们|忙)?(?:做|干|办)?(?:些)?(?:什么|啥)|能帮我做什么|你都能帮我做些什么|有(?:什么|啥)(?:可以|能)帮(?:我|我们|忙)的?|(?:你们?|这里)(?:都)?(?:可以|能)办(?:些)?(?:什么|啥)(?:事)?|帮助一下|使用说明|说明书|教教我|教我(?:一?下)?|不会用教教我)(?:的)?[啊呀吗么嘛呢哦]*(?:你)?(?:教(?:教)?我(?:一?下)?)?(?:这个|这|这东西|这玩意儿?)?[啊呀嘛呢哦]*(?:(?:我|俺)(?:也|都|真)?(?:不会|不懂|看不懂|不会弄|不会用|搞不懂)(?:啊|呀|呢|哦)?)?$|^(?:这个)?(?:咋|怎么)(?:弄|操作|用)(?:啊|呀)?(?:(?:我|俺)(?:也|都|真)?(?:不会|不懂|看不懂|不会弄|不会用|搞不懂)(?:啊|呀|呢|哦)?)?$/],
  // `看不懂这个问题`, `这个干嘛用的`, `两个有啥区别`, `怎么加别人`: about the question asked, whose help says it.
  ['help', /^(?:我|俺)?(?:真)?(?:看不懂|没看懂|搞不懂|不懂|不明白)(?:这个|这|你的|你这个?|上面的?)(?:问题|题|选项|意思|说的|写的)?(?:啊|呀|呢|哦)*$|^(?:这个|这|这些|这一项|这一步)(?:是)?(?:干嘛|干啥|干什么|做什么|啥)用的(?:啊|呀|呢|哦)*$|^(?:这|那)?(?:两个|两项|两种|几个|几项|几种|这些|这几个)(?:选项)?(?:之间)?(?:有|有个)?(?:啥|什么)(?:区别|不同|不一样)(?:啊|呀|呢)*$|^(?:这里|这)?(?:咋|怎么|怎样|如何)(?:加|添加|加上)(?:别人|其他人|工友|人)(?:啊|呀|呢)*$/],
  // `为什么要同意`, `啥意思`: about the question asked, whose help says why and what it means.
  ['help', /^(?:请问)?(?:为什么|为啥|干嘛|干啥|凭什么)(?:一定)?(?:要|得|需要|必须)(?:我)?(?:先)?同意(?:这个|这些)?[啊呀吗么嘛呢哦]*$|^(?:这|这个|这是|你这|你说的|上面|这句话?)?(?:是)?(?:啥|什么|甚么|啥子)意思(?:啊|呀|呢|哦|哈|嘛)?$|^(?:没|不)(?:太)?(?:看|听)?(?:懂|明白)(?:啊|呀|呢|哦)?(?:什么意思|啥意思)?$/],
];

/**
 * Pressing for what was reported (`催一下`, `怎么还没人联系我`, `钱什么时候能拿到`):
 * the progress view, which says by when someone calls and what happens if
 * nobody does. Only as a short message of its own: inside an account of
 * what happened (`老板一直拖着，怎么还没人管`) it is part of the story.
 */
const URGE = /(?:怎么|咋|为什么|为啥)(?:还|都)?(?:没有?|不)(?:人)?(?:给(?:我|俺))?(?:联系|打电话|来电话|回电话|回复|回音|处理|管)|(?:怎么|咋|为什么|为啥)(?:还|都|一直)?(?:没有?)(?:什么|啥|一点|点)?(?:动静|消息|音信|进展)|还(?:没有?|不)(?:见)?(?:人|工作人员)(?:联系|打电话|来|管|理)|^(?:我|俺)?(?:想|要|想要|得)?(?:帮我|麻烦你?|再)?催(?:一下|一催|催|办|下)|帮我催|(?:能|可以|可不可以|能不能)(?:快点|快一点|尽快|快些)(?:处理|办)?(?:吗|吧|呀|啊)?$|(?:怎么|咋)(?:这么|那么)?慢|(?:钱|工资|工钱)(?:什么时候|啥时候|多久|几时)(?:能|可以|才能)(?:拿到|到手|到账|发|给|要回来|要到|追回来)|(?:什么时候|啥时候|多久)(?:能|可以|才能)(?:拿到|要到|要回|追回)(?:钱|工资|工钱)|(?:多久|多长时间|什么时候|啥时候)(?:能|可以|才能)(?:办好|办完|处理好|处理完|有结果|解决)/;
const URGE_MAX_CHARS = 16;
/** How long a court case or arbitration takes (`告老板要多久才能拿到钱`, `仲裁多久能有结果`): a question, not pressing us. */
const LEGAL_PROCESS = /仲裁|法院|起诉|上诉|官司|诉讼|告(?:老板|公司|单位|厂里|他)/;

/** A global command, by its word or by meaning (`转人工`, `查一下进度`, `不填了`). */
export const commandOf = readOnce(commandOfText);

function commandOfText(text: string): Command | null {
  const exact = EXACT[text.toLowerCase().replace(/[。.!！~～]+$/u, '').trim()];
  if (exact) return exact;
  // Said twice for emphasis (`取消取消`, `人工 人工`): the word once.
  const s = strip(text).replace(/^(.{2,5})\1+$/u, '$1');
  if (EXACT[s]) return EXACT[s]!;
  for (const [cmd, re] of BY_MEANING) if (re.test(s)) return cmd;
  if (s.length <= URGE_MAX_CHARS && URGE.test(s) && !LEGAL_PROCESS.test(s)) return 'progress';
  // `我不会弄 怎么用`, `不弄了 退出`: two or three parts, each the same command by itself. A WeChat sticker code
  // (`找真人 [发怒]机器人说半天`) parts them too, and is no part of either.
  const parts = text.replace(/\[[\p{Script=Han}A-Za-z]{1,6}\]/gu, ' ').split(/[\s,，。.!！~～]+/u).filter(Boolean);
  if (parts.length >= 2 && parts.length <= 3) {
    const each = parts.map((p) => commandOfText(p));
    if (each[0] && each.every((c) => c === each[0])) return each[0];
    // `找人工吧 说不清楚`, `太麻烦了 转人工`: a person asked for, with why (was 「这还不是单位或老板的名字」).
    if (each.includes('human') && parts.every((p, i) => each[i] === 'human' || HUMAN_WHY.test(strip(p)))) return 'human';
    // `返回上一步 选错了`, `不弄了 拜拜`, `先不填了 身份证没带`, `我不想你们留我资料 全部删掉`: one command, and
    // around it only why or a farewell (never a value: `返回老家 选错了` has no command in it).
    const cmd = each.find((c) => c !== null);
    if (cmd && cmd !== 'progress' && cmd !== 'card' && parts.every((p, i) => each[i] === cmd || (each[i] === null && saidWith(cmd, strip(p))))) return cmd;
  }
  // `不入了 退出 麻烦死了`, `艹 上一步填错了 退回去`, `14天？？我等不了 返回`: the command with words of feeling around it
  // (flows/nlu/feelings.ts), read without them.
  const calm = withoutFeelingParts(text);
  return calm !== text ? commandOfText(calm) : null;
}

/** Why a command is said, or a farewell with it (`选错了`, `我搞错了`, `下次再说`, `烦死`, `身份证没带`). */
const COMMAND_WHY =
  /^(?:我|俺)?(?:刚才|前面|上面)?(?:选|填|写|搞|弄|点|按|说|打)错了(?:啊|呀|吧)*$|^(?:全|都|搞|弄)?乱了(?:啊|呀)*$|^(?:拜拜|再见|先这样吧?|就这样吧?|下次再说|以后再说|改天再说|回头再说|有空再说|(?:我)?再想想|(?:算了)+吧?|烦死了?|好烦|太烦了|烦|累了|(?:弄了|填了|报了|说了)?(?:也)?(?:没用|没有用|没啥用|没什么用)|(?:我|俺)?(?:等不了|等不起|没空等|不想等))(?:啊|呀|吧|了)*$|^(?:我|俺)?(?:身份证|证件|资料|材料|手机)(?:没带|没在身上|不在身边|不在手上)(?:啊|呀|了)*$|^(?:这个|这|那个)?(?:选项|答案|问题|名字|地址|电话)?(?:不对|错了)+(?:啊|呀)*$|^[\p{Script=Han}]{1,6}(?:要改|要改一下|得改|改一下|填错了|写错了)(?:啊|呀|了)*$/u;
/** `全部删掉`, `都删了`: said after a wish to be forgotten, more of it (alone, it may be one answer: `电话不要了 删掉`). */
const FORGET_MORE = /^(?:全部|全|都|统统|全都)(?:给我)?(?:删掉|删了|删除|清掉|清除)(?:吧|了)*$/u;

function saidWith(cmd: Command, part: string): boolean {
  if (COMMAND_WHY.test(part)) return true;
  if (cmd === 'forget') return FORGET_MORE.test(part);
  if (cmd === 'human' || cmd === 'help') return HUMAN_WHY.test(part);
  return false;
}

/** Why a person is asked for: it cannot be said or done here (`说不清楚`, `不会弄`, `太麻烦了`, `我不会发照片`). */
const HUMAN_WHY =
  /^(?:怎么)?(?:又是|还是|原来是|就是个?)(?:个)?机器人(?:啊|呀|吧|哦|了)*$|^(?:都|又|全|怎么)?(?:约满了|满了|排满了|没号了|约不上|排不上)(?:啊|呀|吧)*$|^(?:帮我|给我)(?:排|安排|约|预约|排一个|约一个)(?:一下|下|个)?(?:吧|啊|呀)*$|^(?:跟|和)?(?:机器人|你|你们|这个)(?:都)?(?:说|讲|聊|问|扯|弄)了?(?:大|老)?半天(?:了)?(?:也|都|还是)?(?:没用|没有用|说不清|不懂|不明白|听不懂)?(?:了|啊|呀|吧|哦)*$|^(?:我|俺|机器人(?:说的|回的|问的)?|你(?:说的|问的)?|这个|这)?(?:实在|真的|真|也|都)?(?:说不清楚?|讲不清楚?|说不明白|讲不明白|打字说不清|搞不懂|弄不懂|看不懂|搞不明白|弄不明白|不会弄|不会填|不会用|不会打字|打字慢|弄不来|搞不来|填不来|太麻烦|好麻烦|麻烦死了|不识字|(?:不会|不懂|不知道)(?:怎么|咋)?(?:发|拍|传|上传)(?:照片|相片|图片|图|截图|视频))(?:了|啊|呀|吧|哦)*$/u;

// --- services ---------------------------------------------------------------------------------

/** Asking for a lawyer, a procurator or legal aid. */
const LEGAL_NOUN = /律师|法律援助|法律咨询|法援|检察官|检察院|检察机关|支持起诉/;
/** A request to act: find, book, want, need. */
const REQUEST = /找|约|预约|请|要|想|需要|联系|咨询|申请|帮我|给我|安排|问问/;
/** Joining the union: 入会, 入个工会, 加个工会, 进工会, `我要工会进去` (a learner's order), 工会怎么入…, `我想入` alone (`收入会少吗` is about income, `出入会场` is not joining). */
const MEMBERSHIP =
  /^(?:我|俺)?(?:想|要|想要)入(?:吧|啊|呀|哈)?$|(?<![收出投输录])入(?:个|了)?(?:工)?会(?!场|议|计)|加入(?:个|到)?工会|工会加入|(?:想|要|想要)(?:去|到)?工会(?:里)?(?:进去|加入|参加)(?![行展度步来出])|参加(?:个)?工会|加(?:个)?工会|进(?:个)?工会|成为(?:工会)?会员|办(?:个|张)?(?:工会)?会员|申请(?:工会)?会员|办理入会|(?:当|做)(?:个)?工会会员|入伙(?:个|了)?工会|工会(?:要|该|得)?(?:怎么|咋|如何|怎样)(?:才能|才可以|能|样)?(?:入|加入|参加|进)(?!行|展|度|步|来|去|出)/;
/** Not wanting to join, or taking an application back. */
const NOT_JOINING = /(?:不想|不要|不打算|不愿意?)(?:再)?(?:入会|入了|入工会|加入工会|参加工会|进工会)|(?:撤回|撤销)(?:我的)?入会申请|入会申请(?:怎么|能不能|可以|能)?(?:撤回|撤销)/;
const WAGE_WORDS =
  /(?:被|都|也)欠(?:了)?(?:[\d一二三四五六七八九两十几]+(?:多|来)?[千万百块元]|[\d]{3,})|^(?=.*(?:\d{3,}|[\d一二三四五六七八九两十几]+(?:多|来)?[千万]))(?=.*(?:俩|仨|两|半|[一二三四五六七八九十几]+|\d+)个(?:多)?月(?:了)?(?:都|也|一直|还)?(?:没有|没)(?:发|结|给)(?:过)?(?:了)?(?:$|[\s,，。！!]))|^(?:我|俺)?(?:还)?(?:想|要)?(?:再|另外)?(?:反映|登记|举报)(?:一个|一件|另一个|另外一个|别的)(?:老板|包工头|公司|单位|厂|工地)(?:的)?(?:欠薪)?$|欠薪|讨薪|要薪|工资|工钱|工前|公资|薪水|薪资|血汗钱|拖欠|欠(?:我|俺|咱|我们|俺们)|(?:欠|拖|扣|克扣|少给|不给|没给|没发|不发)(?:了|着|过)?(?:我|我们|俺)?(?:(?:俩|仨|两|半|[一二三四五六七八九十几]+|\d+)个(?:多)?月)?(?:的)?(?:钱|工钱|工资)|(?:没|不)(?:发|给|结)(?:钱|工钱|工资)|(?:我|俺)(?:的)?(?:钱|工钱|工资)(?:[,，\s])?(?:老板|老板娘|包工头|工头|老总|厂里|公司)(?:他|她)?(?:一直|就是|还|都)?(?:不给|没给|没有给|没发|不发|不结|没结)|(?:钱|工钱|工资)(?:都|也|一直|还)?(?:没|不)(?:给|发|结|拿到)|一分钱?(?:都|也)?(?:莫得|没有|没得|没拿到|没给|没发)|结不到钱|拿不到钱|要不到钱|讨不到钱|要账|讨钱|(?<!不)要钱(?![吗么嘛不])|(?:说|等|要等)[^，,。？?]{2,10}(?:再|才)(?:给|发|结)(?:钱|工钱|工资|我们|我|俺们|俺|大家|(?=$|[，,。！!\s]|已经|都|还|可|但|现在|到现在|一直))|(?:\d{3,}|\d+[千万]|[一二三四五六七八九两十]+[千万])(?:多|来)?(?:块钱?|元)?(?:还|都|一直)?(?:没|不)(?:结|给|发|付|拿到)|(?:老板|老板娘|包工头|工头|老总|厂里|厂长|公司|项目部)(?:一直|老是|总是|总|老|就|又)?(?:说|讲|推说|推脱说)(?:他|她|公司|厂里|现在|暂时|手上|手里|最近)*没(?:有)?钱|(?:老板|老板娘|包工头|工头|老总|厂里|厂长|公司|项目部)[^，,。！!？?]{0,6}?(?:拖着|一直|就是|老是|还是|到现在都|到现在还)(?:不|没)(?:给(?:我|我们|俺|俺们|大家)?(?:结|发)?|发|结)(?=$|[，,。！!\s]|说没(?:有)?钱)|(?:老板|老板娘|包工头|工头|老总|厂里|厂长|公司|项目部)[^，,。！!？?]{0,6}?(?:不给|不肯|不|没给|没)结账/;
/** Who may hold back pay, in any region's words (`老细`, `老世` are Cantonese for the boss). */
const PAYER = '(?:老板|老板娘|包工头|工头|老总|厂里|厂长|公司|项目部|东家|雇主|老细|老世)';
/** Not (yet) given, in dialect too: 木有, 米有, 么得, 莫得, Cantonese 冇, 唔. */
const NOT_GIVEN = '(?:没有|没得|木有|米有|么有|莫得|么得|冇|唔|没|不|木)';
/** Someone else whose pay is held back, told by a relative or a workmate. */
const OTHER_WORKER = '(?:他|她|他们|她们|我爸|我妈|我老公|我老婆|我爱人|我媳妇|我儿子|我女儿|我哥|我弟|我姐|我妹|我家里人|我家|老乡|工友)';
/** Who holds pay back, a station's or a shop's manager too (`站长`, `店长`). */
const HOLDER = `(?:${PAYER.slice(3, -1)}|站长|店长|经理|主管|领班|班长|队长|组长|班组长)`;
/** A time of months or years (`三个月`, `两个多月`, `半年`). */
const MONTHS = '(?:俩|仨|两|半|大半|[一二三四五六七八九十几]+|\\d+)(?:个)?(?:多)?(?:月|年)';
/** Not paid, and nothing after it but whom and the pay (`没给`, `没发了`, `不给我钱`; not `没给我交社保`). */
const HELD_AFTER = `${NOT_GIVEN}(?:有)?(?:给|发|结|付)(?:过)?(?:我|我们|俺|俺们|大家)?(?:的)?(?:钱|工钱|工资)?(?=$|了|啊|呀|哦|[\\d一二三四五六七八九十两半])`;
/**
 * Pay held back, told in the words of a story rather than the service's
 * (`干了三个月只拿了一个月的钱`, `欠了俩月`, `老板木有给钱`, `我哋老细冇俾人工`,
 * `老板欠他三万块钱`). Each needs the work or the one who pays in it.
 */
const WAGE_TOLD = new RegExp(
  [
    // Paid only a part after working a while: `干了半年老板就给了两千块生活费`.
    // A part is a figure or `点` (`就发了工资` says they were paid).
    '(?:干|做|上|打)(?:了|过)?(?:活|工|班)?[^，,。!！?？]{0,10}?(?:只|就|才)(?:拿|给|发|结|领|付)(?:了|到|过)?(?:我|我们|俺)?(?:[\\d一二三四五六七八九十两俩几半百千万]|点|一点|些|一些)[^，,。!！?？]{0,8}?(?:钱|工钱|工资|生活费)',
    `${PAYER}[^，,。!！?？]{0,4}?(?:只|就|才)(?:给|发)(?:了|过)?[^，,。!！?？]{0,8}?生活费`,
    // Paid a part after working, the rest still owed, no word for money (`干了两个月 只给了一千 还差七千`).
    '(?:干|做|上|打)(?:了|过)?(?:活|工|班)?[^，,。!！?？]{0,10}?(?:只|就|才)(?:拿|给|发|结|领|付)(?:了|到|过)?(?:我|我们|俺)?[\\d一二三四五六七八九十两俩几半百千万]+[^!！?？]{0,6}?(?:还差|还欠|还剩|差)(?:我|我们|俺)?[\\d一二三四五六七八九十两俩几半百千万]',
    // The rest put off by the one who pays (`老板说先给一半 剩下的年底给`).
    `${HOLDER}(?:又|还|就|只)?(?:说)?[^!！?？]{0,6}?(?:先|只)(?:给|发|结|付)(?:了)?(?:一半|一部分|一点|点|[\\d一二三四五六七八九十两几]+)[^!！?？]{0,10}?(?:剩下|剩余|其余|另一半|余下)(?:的)?[^!！?？]{0,8}?(?:再)?(?:给|发|结|付)`,
    // Owed for months: `一个月四千五欠了俩月`, `已经欠了三个月` (not rent or a loan the person owes).
    '(?<![我俺咱们])欠(?:了|着)?(?:我|我们|俺|俺们)?(?:俩|仨|两|半|大半|[一二三四五六七八九十几]+|\\d+)(?:个)?(?:月|年)(?!的?(?:房租|租金|水电|电费|水费|贷款|网贷|借款|信用卡|花呗|物业费|话费|车贷|房贷|货款))',
    // `欠了我三千`: the one owed named after 了.
    '(?<![我俺咱])欠(?:了|着)(?:我|我们|俺|俺们|咱们)(?:的)?(?:钱|工钱|工资|\\d|[一二三四五六七八九十两几]+[千万百块])',
    // Not given, in dialect: `老板木有给钱`, `冇俾人工`, `唔出粮`.
    `${NOT_GIVEN}(?:给|发|结|俾|畀)(?:过)?(?:钱|工钱|工资|人工|粮)|${NOT_GIVEN}出粮`,
    '(?:拖|欠|扣)(?:了)?(?:人工|粮)',
    // `老板么得钱给我们`: no money to pay them, the boss says.
    `${PAYER}(?:说)?(?:他|她)?(?:没有|没得|莫得|么得|木有|冇|没)钱(?:给|发|结|俾)(?:我|我们|俺|俺们|大家|工人)`,
    // Someone else's pay: `老板欠他三万块钱`.
    `${PAYER}[^，,。!！?？]{0,8}?(?:欠|拖欠)(?:了|着)?${OTHER_WORKER}(?:的)?(?:钱|工钱|工资|\\d|[一二三四五六七八九十两几]+[千万百块])`,
    // Held back for months by the one who pays, the pay not named (`站长拖了三个月`, `老板三个月没发了`,
    // `老板娘拖着不给 都半年了`): what follows the time says it is the pay (`拖了三个月才签合同`,
    // `三个月没给我交社保` are not).
    `${HOLDER}[^，,。!！?？]{0,4}?拖(?:了|着)?(?:我|我们|俺|俺们|大家)?(?:的)?${MONTHS}(?=$|了|的?(?:工资|工钱|钱)|${HELD_AFTER})`,
    `${HOLDER}[^，,。!！?？]{0,4}?(?:都|已经|快)?${MONTHS}(?:了)?(?:都|也|一直|还)?${HELD_AFTER}`,
    // Worked and not paid (`我在工地干活没拿到钱`, `干了两个月一分钱没拿到` is above).
    '(?:干|做|上|打)(?:了|过)?(?:活|工|班)[^，,。!！?？]{0,6}?(?:一直|都|还|也)?(?:没|没有)(?:拿到|领到|收到)(?:过)?(?:钱|工钱|工资)',
    // Not settled up when the work ended (`走的时候老板没结`; `没结婚` is not).
    `${HOLDER}(?:一直|还|都|也)?(?:没有|没|不肯|不给|不)(?:给(?:我|我们|俺)?)?结(?:账|帐|钱|工资|工钱)?(?=$|了|啊|呀)`,
    // Pay put off to be paid all at once (`老板说下个月一起发`).
    `${HOLDER}(?:又|还|就|一直|老是)?(?:说|讲)[^，,。!！?？]{2,10}?(?:一起|一块|统一)(?:给|发|结)(?=$|钱|工资|工钱|了|已经|都|还|可|但)`,
    `${HOLDER}[^，,。!！?？]{0,4}?(?:拖着|一直)(?:不|没)(?:给|发|结)(?:我|我们|俺|俺们|大家)?(?:都|已经|快)?${MONTHS}(?:了)?$`,
  ].join('|'),
  'u',
);
/** Reporting for someone (`我替老乡反映`, `帮我爸登记`) with what is owed to them (`欠他八千`). */
const FOR_OTHER = new RegExp(`(?:替|帮|代)(?:我)?(?:老乡|工友|我爸|我妈|我老公|我老婆|我爱人|我媳妇|家里人|亲戚|他|她)(?:反映|登记|报|讨|要|问|弄)`, 'u');
const OWED_TO_OTHER = new RegExp(`(?<![我俺咱])(?:欠|拖欠)(?:了|着)?${OTHER_WORKER}(?:的)?(?:钱|工钱|工资|\\d|[一二三四五六七八九十两几]+[千万百块])`, 'u');
/** A debt between private people (a friend, a loan, rent): not wages, unless work or pay is named too. */
const PRIVATE_DEBT = /朋友|亲戚|邻居|同学|熟人|哥们|发小|男朋友|女朋友|前男友|前女友|对象|借(?:了|给|我|他|她|的|钱|款|条)|网贷|贷款|信用卡|花呗|借呗|房租|房东|租客|租金|(?:我|俺)?买的(?:房子?|车|东西)|买房|购房|房款|首付|交房|房产证|网购/u;
const WORK_OR_PAY = /工资|工钱|薪|血汗钱|人工费|劳务费|老板|包工头|工头|厂|公司|工地|干活|打工|上班|单位|项目/u;

/** A debt between private people (`朋友欠我三千块钱不还`, `借给亲戚的钱要不回来`) with nothing of work or pay in it. */
export function privateDebt(text: string): boolean {
  const s = strip(text);
  return PRIVATE_DEBT.test(s) && !WORK_OR_PAY.test(s);
}

/** Wage words at the menu: the service's words, or pay held back told as a story; never a private debt. */
function mentionsWages(s: string): boolean {
  if (privateDebt(s)) return false;
  return WAGE_WORDS.test(s) || WAGE_TOLD.test(s) || (FOR_OTHER.test(s) && OWED_TO_OTHER.test(s));
}

/** Money, as pay is talked of (`工程款下来再结`: the money the boss waits for, and settling up). */
const LOOSE_MONEY = /钱|工资|工钱|薪|人工|粮|生活费|血汗|工程款|劳务费|人工费|工费|结账|结帐|结算/u;
/** Work, or the one who pays for it. */
const LOOSE_WORK = /老板|老细|老世|包工头|工头|老总|厂|公司|工地|干活|打工|上班|单位|干了|做了|项目/u;
/** Not given, in any way (a short message says little else). */
const LOOSE_NOT = /欠|拖|没|不|冇|唔|木有|莫得|么得|只|才|就给|要不到|拿不到|再(?:结|给|发|付)/u;
/**
 * Pay not given, said of the pay itself (`一直没结`, `等工程款下来再结`, `只发了点生活费`):
 * in a long story a 不 or a 没 anywhere near money says nothing (`工资不高`, `花了不少钱`).
 */
const PAY_HELD =
  /(?:没|不|未|还没|一直没|迟迟不|迟迟没|拖着不|不肯|不愿)(?:有)?(?:给|发|结|付|拿到|到手|到账|兑现)|(?:再|才)(?:给|发|结|付)|拖欠|欠|拖着|一拖再拖|要不到|拿不到|讨不到|要不回|(?:只|就|才)(?:发|给|结|付)(?:了|过)?(?:一点|点|一些|些|一半|[一二三四五六七八九十两几\d])/u;
/** Settling up not done, or put off (`一直没结`, `等年底一起结`): pay, even with no word for money. */
const SETTLE_HELD = /(?:(?:没|不|未|还没|一直没|迟迟不|迟迟没|拖着不|不肯)(?:有)?|(?:再|才|一起|一块|一次性))结(?!婚|果|束|论|构|实|合|冰|伴|巴|局|尾|业|交|石|晶|核|识|拜|盟|党|社|清了)/u;
/** Only months not paid (`一个月没发了`, `都三个月没结了`). */
const MONTHS_UNPAID = new RegExp(`^(?:已经|都)?${MONTHS}(?:了)?(?:都|也|一直|还)?(?:没有|没)(?:发|结|给)(?:过)?(?:了|啊|呀)?$`, 'u');
/** Longer than this (characters, punctuation and spaces left out), a message is a story: read clause by clause. */
const LOOSE_WHOLE_MAX = 30;

/**
 * Money and work said together, too loosely to act on
 * (`老板那边钱的事一直不清不楚`, `公司不出钱`): worth asking whether the
 * person wants to report unpaid wages, never a reason to start the report.
 * A private debt is not. A long story (pasted, dictated) counts only where
 * two clauses side by side say it, of the pay itself (`老板说等工程款下来再结`):
 * money, work and a 不 scattered over a long text say nothing of wages.
 */
export function mightBeWages(text: string): boolean {
  const s = strip(text);
  if (privateDebt(s)) return false;
  // `一个月没发了`, `三个月没结`: months not paid, nothing else said.
  if (MONTHS_UNPAID.test(s)) return true;
  if (s.length <= LOOSE_WHOLE_MAX) return LOOSE_MONEY.test(s) && LOOSE_WORK.test(s) && LOOSE_NOT.test(s);
  const clauses = text.split(/[\s,，.。!！?？;；:：、…~～]+/u).map(strip).filter((c) => c !== '');
  return clauses.some((c, i) => {
    const two = c + (clauses[i + 1] ?? '');
    return LOOSE_WORK.test(two) && ((LOOSE_MONEY.test(two) && PAY_HELD.test(two)) || SETTLE_HELD.test(two));
  });
}

/** Inside another flow only an explicit request to report wages switches to it. */
const WAGE_REQUEST = /(?:反映|登记|举报|投诉|报|帮我要|我要要回|要回)(?:个|下|一下)?(?:欠薪|工资|工钱|欠钱)|(?:先|还是)把(?:欠薪|欠工资|工资|工钱)(?:的事|那个|这个)?(?:报|填|登记|反映|办|弄)(?:完|好|了)|(?:先|还是)(?:弄|办|处理|搞)(?:欠薪|欠工资|工资|工钱)的事|^(?:我要|我想|先)?(?:反映欠薪|讨薪)|(?:先|帮我)(?:帮我)?反映(?:这个|一下)|欠我钱.{0,4}(?:帮我)?反映/;
/**
 * A wish to get one's pay back (`我其实是想讨工资`, `我要讨薪`, never `不想讨`): a switch to the report inside another
 * flow; while booking legal aid it is the matter of the booking (`我想讨工资` at 您想咨询什么事) unless said as a change
 * of mind (`其实`, `还是`, `先`).
 */
const WAGE_WISH = /(?:(?:我|俺)?(?:其实|还是)?(?:是)?(?<![不没别])(?:要|想)(?:讨|讨回)|(?:我|俺)(?:其实|还是)(?:是)?(?:要|想)要)(?:个|下|一下)?(?:欠薪|工资|工钱|欠钱)|(?<![不没别])(?:要|想)讨薪/;
const MIND_CHANGED = /其实|还是|先/;
/** `我其实是来讨薪的`, `我是来要工资的`: come about one's pay (a switch inside another flow, as WAGE_WISH). */
const WAGE_COME = /(?:我|俺)(?:其实|本来)?(?:是|就是)?来(?:讨|要|讨回|要回|反映|登记|报)(?:个|下|一下)?(?:薪|欠薪|工资|工钱|欠钱)/;
/**
 * `我不约律师了`, `律师就不找了`: legal aid named only to be turned down (never a request for it); not `找律师 不要视频`
 * (what follows 不要 is another thing).
 */
const LEGAL_DECLINED = /(?:不|别|不用|不要|不想|不再)(?:约|找|要|请|预约)(?:了)?(?:律师|检察官|法律援助)|(?:律师|检察官|法律援助)(?:就|也)?(?:不用|不要|不约|不找|算了)(?:了|吧|啊|呀|哦)*(?:$|[，,。.!！])/;
/** `律师就算了`, `我还是不找律师算了`: a lawyer (legal aid) turned down, whatever else the words say. */
export const declinesLegal = (text: string): boolean => LEGAL_DECLINED.test(strip(text));
/** `预约`, `我要预约一下`: a booking asked for with nothing else said; the only booking is legal aid. */
const BOOK_ALONE = /^(?:我|俺)?(?:还)?(?:要|想|想要|需要)?(?:预约|约个时间|预个约|再(?:预约|约)(?:一个|一次|个)?(?:新的)?)(?:一下|个|下)?(?:吧|啊|呀|哈)?$/;
/** Asking how something already asked for is going: progress, not a new request. */
const PROGRESS_WORDS = /有消息[没吗]|批了没|批下来没|定好时间没|定了没|怎么样了|咋样了|到哪了|有进展|有结果/;

/**
 * The service a message asks for. At the main menu (`inFlow` null) a
 * mention is enough, and a lawyer or procurator wins over wage words
 * (`帮我约个律师要工资` is a booking). Inside a flow only a clear request for
 * another service counts (`我还是先找个律师吧`), never the flow's own words.
 */
/** A complaint about a lawyer (`我要投诉这个律师`, `律师态度不好`): no wish for a booking (the knowledge base says where it goes). */
const LAWYER_COMPLAINT = /(?:投诉|举报)(?:一下)?(?:这个|那个|这位|那位|给我的|我的|工会的|你们的|你们那个|上次的|上次那个)?律师|律师.{0,8}(?:态度不好|态度差|态度很差|不负责|不专业|太差|很差|不理人|不理我|骗人|骗钱|乱收费|(?<!靠)不靠谱)/u;

/**
 * A lawyer's help told as done (`我老公说律师帮我打赢了`, `律师已经帮我要回来了`): a report of what happened, no wish for a
 * booking (legal aid was opened). A wish said besides (`律师帮我打赢了 我还想再约一个`) still is one.
 */
const LAWYER_DONE = /律师(?:已经|都|早就|上次|之前|以前)?(?:帮|给|替)(?:我|俺|我们|俺们|咱们|他|她|他们)?(?:把(?:钱|工资|工钱|官司|案子))?(?:打赢|赢|要回来|要回|要到|讨回来|讨回|讨到|拿回来|拿回|办好|办完|搞定|解决)(?:官司|案子|钱|工资|工钱)?了/u;
const LAWYER_WISH_BESIDES = /(?:我|俺)(?:还|再)?(?:想|要|需要)(?:再)?(?:找|约|预约|请|咨询)|(?:帮我|给我)(?:再)?(?:约|预约|找|安排)/u;

export function serviceOf(text: string, inFlow: Service | null): Service | null {
  const once = SERVICE_READS.get(inFlow);
  return once ? once(text) : serviceOfText(text, inFlow);
}

/** serviceOf's readings kept for the turn (flows/parsers/turn-memo.ts), one reader for each flow it may be asked in. */
const SERVICE_READS = new Map<Service | null, (text: string) => Service | null>(
  ([null, 'wage', 'membership', 'legal'] as const).map((inFlow) => [inFlow, readOnce((text: string) => serviceOfText(text, inFlow))]),
);

function serviceOfText(text: string, inFlow: Service | null): Service | null {
  const s = strip(text);
  if (PROGRESS_WORDS.test(s)) return null;
  const legal = LEGAL_NOUN.test(s) && !LEGAL_DECLINED.test(s) && (inFlow === null || REQUEST.test(s)) && !/律师事务所|律所/.test(s) && !/(?:以后|回头)再说/.test(s.slice(s.search(LEGAL_NOUN))) && !LAWYER_COMPLAINT.test(s) && !(LAWYER_DONE.test(s) && !LAWYER_WISH_BESIDES.test(s));
  // `我不想入会了`, `撤回入会申请`: no wish to join (the knowledge base says how to withdraw).
  const member = MEMBERSHIP.test(s) && !NOT_JOINING.test(s);
  // Inside a flow a bare word (`讨薪` as the matter of a booking) answers the question; a switch says so.
  const wage = inFlow === null ? mentionsWages(s) : s.length > 3 && (WAGE_REQUEST.test(s) || ((WAGE_WISH.test(s) || WAGE_COME.test(s)) && (inFlow !== 'legal' || MIND_CHANGED.test(s))) || (WAGE_WORDS.test(s) && /(?:先)?帮我(?:登记|反映|报)|先(?:登记|反映)|还是(?:先)?(?:登记|反映)/.test(s)));
  const wanted: Service[] = [];
  // `预约`, `我要预约`: the menu's one booking, legal aid.
  if (legal || (inFlow === null && BOOK_ALONE.test(s))) wanted.push('legal');
  if (member) wanted.push('membership');
  if (wage && !legal) wanted.push('wage');
  const other = wanted.filter((x) => x !== inFlow);
  if (inFlow !== null) return other.length === 1 ? other[0]! : null;
  return wanted[0] ?? null;
}

// --- corrections and questions ----------------------------------------------------------------

// `电话少打了一位`, `号码多输了一位`, `漏了一个数字`: a digit left out or typed twice, said as the mistake.
const MARKER = '(?:不对不对|不对|(?:少|多|漏)(?:打|写|填|输|按|了)+(?:一位|两位|一个数字?|一个字|个数字?|个字)(?:了)?|(?:说|打|写|填|输|选|搞|弄|记)错(?:了)?(?:一位|一个字|一个数字?|一个|个字)?(?:了)?|错了|更正一下|更正|改一下|改下|修改一下|(?<=[\\p{Script=Han}])(?:要)?(?:改成|改为|换成))';
/** `不是美团 是饿了么`, `不是合同的事 是社保`: what it is not, then what it is. */
const NOT_BUT = /^不是([^，,。\s]{1,12}?)(?:的事)?[,，\s]+(?:是|而是|应该是)([^，,。]+)$/u;
/** `等一下 我刚才说的是8000吗 应该是6000`: an earlier answer asked about, then corrected (group 1: the new value). */
const ASKED_THEN_FIXED =
  /^(?:等等|等一下|等下|稍等|哎呀?|唉)?[,，\s]*(?:我|俺)?(?:刚才|刚刚|前面|之前)(?:说|写|填)的(?:是)?[^，,。\s?？]{1,12}?(?:吗|么|吧)?[?？]*[,，\s]+(?:不对[,，\s]*)?(?:应该是|其实是)[,，\s]*(.+)$/u;
/** `不止 是十个人`, `还不止这些 有十二个`: more than said, then the figure (1). */
const MORE_THAN = /^(?:那)?(?:还)?不(?:止|只)(?:这些|这么多|这个数|这点|[这那]么点)?(?:呢|吧|哦|啊|呀)?[,，。\s]+(?:是|有|应该是|一共)?[,，\s]*(\S.*)$/u;
/** `是8000不是6000`: what it is, then what it is not (group 1: what it is). */
const BUT_NOT = /^(?:应该是|其实是|是)([^，,。\s]{1,12}?)[,，\s]*(?:而)?不是[^，,。\s]{1,12}$/u;
/** `我算了一下`, `我又想了想`, `我查了下`: a reckoning said before a correction (`… 不是两万多 是两万三`). */
const RECKONED = /^(?:我|俺)?(?:又|再|仔细)?(?:算|想|查|核对|对|看)了?(?:一下|下|想|算|看)[,，。\s]+(?=不是|不对|说错|记错|搞错|应该是|其实是)/u;
/**
 * `不是8月开始的 是6月`: what it is, said in the frame of what it is not (`6月开始的`, never the one month 6月).
 * Only the start of a time said so; anything else as said.
 */
export function inFrameOf(not: string, is: string): string {
  return /(?:开始|起)的?$/u.test(not) && !/开始|起/u.test(is) ? `${is}开始的` : is;
}

/** `说错了，…`, `不对，…`, `应该是…`, and `名字写错了，…` / `刚才的公司名打错了 …` (a field named before the marker). */
const CORRECTION = new RegExp(
  `^(?:等等|等一下|等下|等会儿?|稍等|不好意思|对不起|哎呀?|哎|唉)?[,，\\s]*(?:(?:我|我们|俺)?(?:刚才|刚刚|前面|上面|上一个|之前)?(?:说|写|填|选|的)?(?:的)?(?:第[\\d一二三四五六七八九十]{1,2}(?:条|项|个))?([\\p{Script=Han}A-Za-z]{0,8}?)(?:那个)?${MARKER}|应该是|其实是|改成|改为)[了啊呀,，。.!！\\s]*`,
  'u',
);

/**
 * A correction of an earlier answer (`说错了，应该是两万`, `不对，人数是12个`,
 * `名字写错了 是王秀英`). `rest` is what it should be (possibly empty), with
 * the field named before the marker put back in front (`名字 是王秀英`).
 */
export function correctionOf(text: string): { rest: string; notBut?: boolean } | null {
  // `我算了一下 不是两万多 是两万三`: a reckoning said first, then the correction.
  const t = text.trim().replace(RECKONED, '');
  const nb = NOT_BUT.exec(t);
  // `不是8月开始的 是6月`: the month it started, said again (read as `6月开始的`, never as the one month 6月).
  if (nb) return { rest: inFrameOf(nb[1]!, nb[2]!.trim()), notBut: true };
  // `不止 是十个人`: more than that, then how many it is.
  const more = MORE_THAN.exec(t);
  if (more) return { rest: more[1]!.trim() };
  // `等一下 我刚才说的是8000吗 应该是6000`: the earlier answer asked about, then what it should be.
  const asked = ASKED_THEN_FIXED.exec(t);
  if (asked) return { rest: asked[1]!.trim() };
  // `是8000不是6000`: what it is, then what it is not.
  const but = BUT_NOT.exec(t);
  if (but) return { rest: but[1]!.trim(), notBut: true };
  const m = CORRECTION.exec(t);
  if (!m) return null;
  // Voice input's fillers before the marker (`呃不对`, `嗯嗯不对的`, `就是不对`) name nothing either.
  const named = (m[1] ?? '').replace(/^(?:嗯+|恩+|呃+|啊+|哦+|噢+|就是)+|^额+$/u, '').replace(/我|刚才|刚刚|刚|前面|上面|之前|说|写|填|选|的|那个|好像|感觉|可能|似乎|有点|有些|应该|是不是|全|都|这里|这个/gu, '');
  // A plain `不对` with nothing named and nothing after is a no, not a correction.
  let rest = t.slice(m[0].length);
  // 说错了，应该是两万 / 不是8个人是6个人: the value is what follows the last 是.
  rest = rest.replace(/^(?:应该是|应该|是|改成|改为|换成|叫)[,，\s]*/u, '').trim();
  const notThis = /^不是.{1,12}?(?:是|，|,)(.+)$/u.exec(rest);
  if (notThis) rest = notThis[1]!.replace(/^(?:是|应该是)/u, '').trim();
  rest = rest.replace(/不是[^，,。]{1,12}$/u, '').trim();
  // `改成当面吧 不打电话了`: the old choice said dropped after the new one is no part of it (the two ways made it unread).
  rest = rest.replace(/(?<=\S)[,，。\s]+不(?:再|用|要)?(?:打|去|走|选|用|弄|搞)?[\p{Script=Han}]{1,4}了[吧啊呀哦]*$/u, '').trim();
  // `不对吧`, `不对的`: a particle after the marker is no value.
  if (/^[吧啊呀呢哈嘛的了咯啦哦噢嘞哟呗哇\s]+$/u.test(rest)) rest = '';
  return { rest: named ? `${named} ${rest}`.trim() : rest };
}

const QUESTION_WORDS = /什么|啥|怎么|咋|怎样|如何|多少|(?<![十百千万\d一二三四五六七八九两好前这])几(?:个|天|年)(?!前|以前|之前|(?:月|星期|礼拜)?了(?!吗|呢|么|没))|几倍|几折|第几|几点|几时|多久|多长|哪里|哪儿|哪个|哪些|谁|能不能|可不可以|会不会|要不要|是不是|有没有|能否|可否|行不行|算不算|该不该|用不用|需不需要|还能|能要|能拿|找谁|咋办|怎么办|为啥|为什么|干嘛|干啥|好多钱|有戏|管用|真的假的|是真是假|还是.{1,8}还是|从哪(?:儿|里)?(?:扣|交|出|付|领|拿)(?!都行|都可以|都一样)/;
/** A no said over at the start (`不是不是`, `嗯不对不对`, `不用 不用了`): group 1 is the no. */
const NO_SAID_OVER = /^(?:(?:嗯+|恩+|呃+|额+|啊+|哦+|噢+|那个)[\s,，、]*)*(不是|不对|不行|不用|不要|没有|不会|不能)(?:[\s,，、]*\1)+(?:了|啊|呀|的|哦|啦)*[\s,，。.!！、]*(?![吗么呢?？])/u;
/** A-not-A questions: 认不认, 合不合法, 晚不晚, 收不收, and a word said whole twice (合法不合法, 正常不正常). */
const A_NOT_A = /([\p{Script=Han}]{1,2})不\1/u;

/** Whether the message asks something (a question mark, 吗/呢 at the end, or a question word). */
export const isQuestion = readOnce(isQuestionOf);

function isQuestionOf(text: string): boolean {
  // `叫王什么来着`: trying to remember, not asking.
  // `好像叫什么鑫源`: a name half remembered (a hedge, then 什么 and the name), not asking.
  // `饿了么` is an app's name (a platform), not 么 asking.
  // `叫啥不知道`, `不知道他家叫啥`, `蜂鸟还是啥 记不清`: a name not known (or half known), said; not asking what it is.
  // `老乡叫啥不方便说`: a name not to be said, likewise.
  const t = text.trim().replace(/饿了么/gu, 'ele').replace(/(?:什么|啥|哪个)来着/gu, '来着')
    .replace(/叫(?:啥|什么)(?:名字?)?(?:我|俺)?(?:也|都)?(?:不知道|不晓得|不清楚|不记得|记不得|记不清|忘了|不方便说|不想说|不能说|不便说)|(?:不知道|不晓得|不清楚|不记得|记不得|记不清|忘了)(?:[他她它]家?|[他她]们|那家人?|这家人?|老板|厂子?|公司|店)?(?:的)?(?:名字)?叫(?:啥|什么)(?:名字?)?(?![\p{Script=Han}]*[吗么呢?？])/gu, '不知道')
    // `还有几个老乡不清楚`: a few (not a count asked), then not knowing.
    .replace(/(?:有|还有)几个[\p{Script=Han}]{0,4}?(?:不清楚|不知道|不确定|说不准)(?![\p{Script=Han}]*[吗么呢?？])/gu, '有些不清楚')
    // `还有几个人没拿到`, `站点好几个兄弟都没拿到`: some others owed too, said (not how many asked).
    .replace(/(还有|有|好)几个(?=[\p{Script=Han}]{0,5}?(?:也|都)?(?:没(?:拿|发|给|结|领)|被(?:欠|拖)|欠着))(?![\p{Script=Han}]*[吗么呢?？])/gu, '$1些')
    .replace(/(?:还是|或者)(?:啥|什么)(?:的)?[,，\s]*(?:我|俺)?(?:也)?(?:记不清|不记得|记不得|不知道|不清楚|忘了)/gu, ' 记不清').replace(/^(好像|大概|应该|可能|似乎)(是|叫)?(?:个)?(?:什么|啥)(?=[\p{Script=Han}A-Za-z]{2})/u, '$1$2')
    // `叫什么锦城花园二期`, `叫啥锦绣家园`: 什么 said while recalling the name that follows, not asking (not 叫什么名字).
    .replace(/^(?:那个|就是|是)?叫(?:什么|啥)(?!名字|名|意思|来着|东西|玩意)(?=[\p{Script=Han}A-Za-z]{2})/u, '叫');
  if (/[?？]/.test(t)) return true;
  // `是 不是`, `对 不对` at a yes-or-no question: a yes taken back (yesNo), not the tag question 是不是 asks.
  if (takesYesBack(t)) return false;
  // `不是不是`, `不对不对`, `不用不用`: a no said over (voice input runs it together), not the 是不是 or 对不对 that asks;
  // what follows it may still ask (`不是不是 你们收费吗`).
  const noTwice = NO_SAID_OVER.exec(t);
  if (noTwice) return isQuestion(t.slice(noTwice[0].length));
  const s = strip(t);
  // Any clause asking counts: `仲裁要花钱吗 我手头紧`.
  const clauses = t.split(/[,，。;；!！\s]+/u).map(strip).filter(Boolean);
  // `还在干呢`, `干着呢`, `在好再来饭店上班呢`: 呢 after something going on is a statement, unless a question word asks.
  const goingOn = (c: string) => /(?:在[\p{Script=Han}]{1,3}|着|在[\p{Script=Han}]{2,12}(?:上班|干活|打工|做事|工作|做工))呢$/u.test(c) && !/谁|什么|啥|哪|怎|为何|为啥|多少|几/u.test(c);
  // `就是王芳嘛`, `就是那个好再来饭店嘛`: 就是 … 嘛 says what it is (voice input), unless a question word asks.
  const justIs = (c: string) => /^(?:嗯|呃|额|啊|那个)*就是.+嘛$/u.test(c) && !/谁|什么|啥|哪|怎|为何|为啥|多少|几|是不是|对不对/u.test(c.slice(2));
  if (clauses.some((c) => (/(?:吗|么|嘛|呢|不|没)$/.test(c) && c.length >= 4 && !goingOn(c) && !justIs(c)) || (/(?:吗|么)$/.test(c) && c.length >= 2))) return true;
  // `合法不`, `能信不`, `管用没`: a judgement asked with 不/没. So is the price (`要钱不`, `收费不`).
  if (clauses.some((c) => /(?:合法|违法|正常|合理|能信|信得过|可以|行|对|算数|管用|有用|靠谱|划算|要钱|收钱|收费|花钱|免费)(?:不|没|没有)$/.test(c))) return true;
  // `工会驿站在哪`: where a place is, asked bare at the end (never `不知道在哪`, a place not known, said). `能入不`,
  // `可以报不`: may it be done, asked with 不 in three characters.
  if (clauses.some((c) => /在哪(?:呢|啊|呀|哈)?$/u.test(c) && !/不知道|不晓得|不清楚|不记得|忘了|记不得|找不到/u.test(c)) || clauses.some((c) => /^(?:能|可以|可)[\p{Script=Han}]不$/u.test(c))) return true;
  // `你们的律师是哪来的`: where someone comes from, asked at the end.
  if (/不会.{1,10}吧$|好多[哦啊呀呢]?$|(?:找|告|去|问).{1,10}还是|(?:从)?哪(?:里|儿)?来的?[啊呀呢]?$/.test(s)) return true;
  return QUESTION_WORDS.test(s) || A_NOT_A.test(s);
}

/**
 * What a service costs, asked (`要钱吗`, `收费吗`, `是免费的吗`, `律师费贵不贵`, `要花多少钱`): never money to
 * get back (`能帮我要钱吗`) or an amount owed.
 */
const COST_ASKED =
  /(?:(?<!帮我|帮忙|帮|去|讨|能|回)要钱|收费|收钱|免费|花钱|付费|掏钱|交钱|要给钱|收不收费|收不收钱|要不要钱|要不要给钱|律师费)(?:的)?(?:吗|么|嘛|不|没|呢|啊)?$|(?:要|花|收|交|付)多少钱|贵不贵|贵(?:吗|么|嘛|不)$/u;

/** Whether the message asks what something costs (a clause of it: `我想找律师 要钱吗`). */
export const asksCost = readOnce(asksCostOf);

function asksCostOf(text: string): boolean {
  if (!isQuestion(text)) return false;
  return text.split(/[,，。;；!！?？\s]+/u).map(strip).some((c) => c !== '' && COST_ASKED.test(c));
}

/**
 * Whether the message asks what joining costs (`我想入会 要交钱吗`, `会费多少`, `要交会费吗`, `会费怎么交`): a price
 * asked (asksCost) or dues named in a question.
 */
export function asksDues(text: string): boolean {
  return asksCost(text) || (/会费/u.test(text) && isQuestion(text)) || /会费(?:是)?(?:多少|几多|怎么(?:算|交|收)|咋(?:算|交))/u.test(text);
}

/** "I only want to ask, don't register anything." */
export function justAsking(text: string): boolean {
  return /(?:就|只是|只|先|单纯)(?:想)?(?:问问|问一下|问点事|问个事|咨询一下|咨询下|了解一下|打听)|不(?:想)?(?:登记|填|报|申请|留信息)|先不(?:登记|填|报)|(?:不要|别)帮我(?:登记|填|报)/.test(strip(text));
}

/** A question with a "just asking" clause in front: the question alone (`我就问问 没签合同能不能要到钱`). */
export function withoutJustAsking(text: string): string {
  const parts = text.split(/[,，。.!！\s]+/).filter(Boolean);
  const kept = parts.filter((p) => !justAsking(p));
  return kept.length > 0 && kept.length < parts.length ? kept.join(' ') : text;
}
