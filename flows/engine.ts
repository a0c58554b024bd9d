/**
 * The conversation engine: (session, message) → (new session, replies,
 * effects). Pure apart from `newRunId`; knows nothing of WeChat or HTTP.
 *
 * Flows are typed fields (flows/define.ts). The engine asks the next
 * missing field, but any message may fill every field it mentions, at any
 * point: the answer to the question asked counts at once; facts said on the
 * side, and new values for fields already answered, count after one "对吗？".
 * Around that: corrections (`说错了，应该是两万`), a change of mind to another
 * service, questions answered from the knowledge base, small talk, the
 * global commands in any words, and 人工 with the problem in the person's
 * words. What a message means is decided in flows/nlu/understand.ts.
 */
import { pointsSaid } from './points-said.js';
import { withinOneReading } from './parsers/turn-memo.js';
import { MENU, T } from './texts.js';
import { NO_FLOW, newSession, type Session } from './session.js';
import { numberPicked, outOfRange, pickExact, severalPicked } from './nlu/choose.js';
import { compact, normalizeMessage } from './nlu/normalize.js';
import { asksCost, asksDues, commandOf, correctionOf, declinesLegal, inFrameOf, isQuestion, notNow, othersCase, plainYesNo, takesOffer, type Service, puzzled, refusesToSay, holdsOn, serviceOf, takesYesBack, smallTalkOf, smallTalkReply, thumbsDown, okEmojiAlone, wantsToStop, withoutTrailingFiller, talkAfterYes, yesBut, yesNo, type Command } from './nlu/talk.js';
import { nearTownshipSaid, townshipsIn } from './places.js';
import { COMPOUND_SURNAMES, commonSurname } from './nlu/surnames.js';
import { STOP_AFRAID, STOP_ASKED, aboutTheQuestion, askedAfterSubmit, changeOfValue, fieldNamedAlone, offeredOrPlain, plainlyAnswers, answerAhead, dayReadingAhead, dontKnow, mayDefer, mayWait, typedAnswer, factsAfterNo as newFactsAfterNo, openingFacts, unitSlipOf, pendingCorrection, valueInstead, choiceInstead, figureInstead, slipIn, understandAtMenu, understandConfirm, understandInFlow, visibleFields, namedForChange, type Understood } from './nlu/understand.js';
import { findPhone } from './nlu/facts.js';
import { parseChineseNumber } from './parsers/chinese-number.js';
import { yearAskedOf } from './parsers/period.js';
import { bookingCostEntry, knowledgeBase, withBasis, nextFlowOf, type KnowledgeEntry } from './knowledge/kb.js';
import type { Answers, Choice, Effect, Field, FieldResult, Flow, FlowContext, Incoming, Offered, Option, Reply, ReportedWage } from './types.js';
import type { Pending } from './session.js';

/** The knowledge base's entry on union dues (said before the application when it is asked with it). */
const UNION_DUES = 'union-dues';
/** A wage report's facts that say where the work is: one of them said when it begins, no place said before is added. */
const PLACE_FACTS = ['location', 'community', 'employerAddress', 'projectAddress'] as const;

/**
 * A question asked beside the wish for a service (`我要反映欠薪 多久能处理`): the knowledge base's entry for a
 * clause after the first that is a question and leads to that same service, answered before its consent. Null
 * when no clause asks one (the wish alone, or a question about something else, which the service's own
 * questions will not answer either and is left as before). Not for joining: its consent already says what
 * joining gives and needs (only the dues and its wait are answered there: asksDues, joinWaitAskedWith).
 */
function askedWith(text: string, service: string): KnowledgeEntry | null {
  const clauses = text.split(/[,，。;；!！\s]+/u).filter((c) => c !== '');
  if (clauses.length < 2) return null;
  for (const c of clauses.slice(1)) {
    if (!isQuestion(c)) continue;
    const m = knowledgeBase().match(c);
    if (m && nextFlowOf(m.entry) === service) return m.entry;
  }
  return null;
}

/** Joining's wait (入会要多久): how long the review takes and how the result comes. */
const UNION_JOIN_WAIT = 'union-join-wait';

/**
 * How long joining takes, asked beside the wish to join (`我想入会，什么时候有人联系我`, `我想入会 要等几天`): the
 * knowledge base's answer about joining's wait, read with joining named (bare, `什么时候有人联系我` is a wage report's
 * wait). Only that entry: the rest of what joining gives and needs its consent says.
 */
function joinWaitAskedWith(text: string): KnowledgeEntry | null {
  const clauses = text.split(/[,，。;；!！\s]+/u).filter((c) => c !== '');
  for (const c of clauses.slice(1)) {
    if (!isQuestion(c)) continue;
    const m = knowledgeBase().match(`入会${c}`);
    if (m && m.entry.id === UNION_JOIN_WAIT) return m.entry;
  }
  return null;
}

/** Built once: a `\p{…}` pattern outside a character class inside a function is rebuilt on every call under tsx (see nlu/normalize.ts). */
const NOT_WORDS = /[\p{P}\p{S}\s\u200d\ufe0f]|\p{Extended_Pictographic}|\p{Emoji_Modifier}/gu;

/**
 * The longest message read (characters). A dictated voice message runs to several hundred characters
 * (`那个我跟你说啊就是…`): read whole, never refused for its length; beyond this, its beginning is read and
 * the person told so. The chat history keeps as much (flows/service.ts).
 */
export const MAX_TEXT_READ = 2000;

/** How fields show a value left out (`show`); on the summary these go on one line. */
const EMPTY_SHOWN: ReadonlySet<string> = new Set(['未填写', '暂无']);
/** A yes or 确认 with something else after it (`确认 另外我想找律师`): the rest (group 1). */
const YES_THEN = /^(?:确认提交|确认|提交|确定|没问题|对的?|都对)(?:了|吧)?[,，。.!！\s]+(?:另外|还有|然后|顺便|再)?[,，\s]*(.{2,})$/u;
/** Submitting at the summary: 确认, 提交, and said as people say it (`好了提交吧`, `没问题，提交`, `帮我提交`, `可以提交了`). */
/** `改`, `我要改一下`: something to change, not which. */
const CHANGE_ONLY = /^(?:我|俺)?(?:要|想|还要|得)?(?:改|修改|更改|改改)(?:一下|下)?(?:吧|啊|呀|哈)?$/u;
/** `完成`, `发完了`, `填完了` at the summary: done, as the evidence question asks to be told; no submit. */
const DONE_AT_REVIEW = /^(?:完成|完成了|完事|完事了|发完了?|传完了?|填完了?|写完了?|弄完了?|都发完了?|已经发完了?)(?:吧|了|啊|呀|哈|啦)*[。.!！~～]*$/u;
/** `把那个项目名删了`, `项目名称去掉`, `地址不要了`: an answer named (group 1) to be taken off. */
const REMOVE_ITEM = /^(?:请|麻烦)?(?:帮我)?(?:把|将)?(?:那个|这个|那一?项|这一?项)?([\p{Script=Han}]{1,8}?)(?:那一?项|这一?项)?(?:给|也)?(?:删了|删掉|删除|删去|去掉|去了|清空|清掉|不要了)(?:吧|啊|呀|哈|了)*[。.!！~～]*$/u;
/** Answers that may take a person's name typed alone at the summary (the person's own, a boss, a foreman). */
const PERSON_NAMED: ReadonlySet<string> = new Set(['contactName', 'name', 'employer', 'labourContractor']);
/**
 * `就是他`, `对 就是这家`, `没错就是她` at 「用人单位「老王」…对吗？」: pointing at what was shown, a yes to it. Only at a
 * 「…对吗？」 (never at the summary, where it submits nothing, nor at 「哪一项不对？」).
 */
/** A yes granted before a but (`对是对 就是…`, `没错是没错 可是…`, `对倒是对`): the yes is meant. */
const GRANTED_YES = /^(?:对是对|是是是|没错是没错|对倒是对|是倒是)/u;
const POINTS_AT_SHOWN = /^(?:(?:对|对的|是|是的|嗯|没错|对对)[,，。\s]*)?就?是(?:他|她|它|他们|她们|这家|那家|这个人|这人|这位|那个人|这个老板|这个包工头|这家公司|这个公司|这个单位|这个厂|这家厂)(?:了|啊|呀|的|吧|哈|嘛|哦)*[。.!！~～]*$/u;
const SUBMIT_WORDS = /^(?:(?:好了|好的|好|行|可以了?|没问题|没错|都对|对的?|就这样)[,，]?)?(?:就|帮我|那就)?(?:确认|确定)?(?:提交|确认|确定)(?:吧|了|啊|呀|哈)*$/u;

export interface Outcome {
  session: Session;
  /** Said first. */
  replies: Reply[];
  /** The caller runs these and says what they return, then `followUp`. */
  effects: Effect[];
  followUp: Reply[];
}

export interface EngineOptions {
  flows: Flow[];
  /** Idle minutes after which a half-filled flow is paused and offered for resumption. */
  idleMinutes: number;
  newRunId: () => string;
  /**
   * Longest message the engine reads (default MAX_TEXT_READ: a long voice message is read whole, its
   * facts count, and a question answered in the person's own words keeps what its field keeps); of a
   * longer one the beginning is read, and the person told so.
   */
  maxTextLength?: number;
  /**
   * What moves from one flow to another on a change of mind (`我还是先找个律师吧`
   * while reporting wages): the new flow's answers from the old one's.
   */
  carry?: (from: string, to: string, answers: Answers) => Answers;
}

/** A flow id that is one of the services (`takesOffer` reads words for those). */
const isService = (id: string): id is Service => id === 'wage' || id === 'membership' || id === 'legal';

const FLOW_MENU: Record<string, string> = { 'menu:membership': 'membership', 'menu:wage': 'wage', 'menu:legal': 'legal' };

/**
 * What a message picks from the menu when the menu is what is shown (at the menu, and in a brand-new chat, where its
 * numbers always work): `2`, or a label typed whole; the option's value and the flow it starts (null for 进度, 人工).
 */
export function menuPicked(text: string): { value: string; flow: string | null } | null {
  const pick = pickExact(text, MENU);
  return pick ? { value: pick.value, flow: FLOW_MENU[pick.value] ?? null } : null;
}

type Say = (text: string, options?: Option[]) => void;

/** The value of a "哪一项不对？" option: this prefix and the field's id (`*`: 都不对). */
const WRONG = 'wrong:';
/** The list of answers to pick one to change from, before every question is answered: this option goes on. */
const GO_ON = '继续';
/** What the supplementary questions take for "leave these empty" (flows/wage.ts). */
const SKIP_ALL = '都跳过';
/** The answer shown again is right: `不用改`, `不改`, `没错`, `就这样`, `还是那个`. */
const KEEP_AS_IS = /^(?:不用改|不改了?|没错|没问题|就这样|就是这个|还是那个|还是这个|跟之前一样|和之前一样|一样)(?:的|了|吧|啊|呀)*$/u;
/**
 * `继续`, `接着填吧`: go on with the form — at a question or the 人工 prompt
 * (never an answer, nor a problem to pass to staff), after a long time away
 * (never the offer to go on), or to take up a kept draft.
 */
/**
 * Whether the question must be answered (`这个必须填吗`, `能不能不填`, `不填行不行`, `名字一定要写吗`): asked about the
 * question itself, never an answer to it (it was 「这个问题我还答不上来」).
 */
const MUST_ASKED =
  /^(?:那|请问)?(?:这个|这|这一?项|这些|它|名字|姓名|电话|手机号?|号码|单位|地址)?(?:是|也|都)?(?:必须|一定|非得|非要|必需|必要)(?:要)?(?:填|写|给|说|留|提供|回答|告诉你们?)(?:的)?(?:吗|么|嘛|吧|不|啊|呀|呢)*$|^(?:那|请问)?(?:这个|这|这一?项|这些|名字|姓名|电话|手机号?|号码|单位|地址)?(?:能不能|可不可以|可以|能|我能)(?:不填|不写|不说|不给|不留|不回答|跳过|先跳过|空着)(?:吗|么|嘛|不|呢|啊|呀)*$|^(?:这个|这|这一?项)?(?:不填|不写|不说|不给|不留|跳过|空着)(?:行不行|可以吗|可不可以|行吗|也行吗|能行吗|可以不|行不)(?:啊|呀|呢)*$/u;
/** What `这个必须填吗` is told at a question: an optional one may be skipped; a required one why, and a person offered. */
function mustAnswer(field: Field): string | null {
  if (field.gate || field.acceptsFiles) return null;
  if (field.optional) return '这一项不是必须的。不知道或者不想填，回复「跳过」就行。';
  return `这一项要填，没有它没法往下办。${field.help}\n实在不方便的话，可以回复「人工」请工作人员帮您。`;
}

/** Questions whose answer is exact (a name, a phone number, an ID number): never 「说个大概就行」. */
const EXACT_FIELDS = new Set(['name', 'contactName', 'phone', 'idNumber']);

const GOING_ON = /^(?:继续|接着|继续填写?|接着填写?|往下填?|接着来)(?:吧|了|啊|呀|哈)*$/u;
/** Going on from that list without changing anything (`继续`, `不用改了`, `没有要改的`). */
const GO_ON_WORDS = /^(?:继续|接着填?|往下填?|不用改了?|不改了?|没有要改的?|没有)(?:吧|了|啊|呀)*$/u;
/**
 * `改 2`, `改六`, `第6项不对`, and the new value with it (`改6 12000`, `改 13 王大君`, `改6为一万二`): the item's
 * number (digits, or Chinese numerals alone), and the words for it.
 */
const EDIT_ITEM =
  /^(?:改|修改|更改|改一下)\s*第?\s*(\d{1,3}|[一二三四五六七八九十两]{1,3})\s*(?:项|个|条)?(?:(?:[\s:：,，]+|\s*(?:改成|改为|换成|为|成)\s*)(\S.*))?$|^第?\s*(\d{1,3}|[一二三四五六七八九十两]{1,3})\s*(?:项|个|条)\s*(?:不对|错了|要改|有问题|改一下)$/u;
/** `第6项改成8000`, `6改成8000`, `第13条应该是王芬`: an item's number at the summary, then its new value. */
const ITEM_TO = /^第?\s*(\d{1,2}|[一二三四五六七八九十两]{1,3})\s*(?:项|个|条)?\s*(?:要改成|改成|改为|换成|应该是|应为)\s*(\S.*)$/u;
/** `改 金额 8000`, `修改电话 13900002222`: an answer named by its words, then its new value. */
const NAMED_TO = /^(?:改|修改|更改)\s*(\S{1,8}?)(?:[\s:：,，]+|\s*(?:改成|改为|换成|为)\s*)(\S.*)$/u;
/** After a new value that could not be taken, at the summary: the answers follow as options. */
const PICK_ONE = '要改哪一项，回复序号即可：';
/** Said the second time words at the summary or at that list were not understood. */
const HELP_AT_REVIEW = '需要帮忙的话，可以回复「人工」请工作人员帮您。';
/** Said at that list for anything else. */
const PICK_OR_GO_ON = '请回复序号选要改的一项；不用改的话，回复「继续」接着填。';
/**
 * Facts typed before the consent was given (`13812345678` where 同意 was asked): not kept, said so plainly, and
 * the consent asked once more; a yes confirms them once (never typed again), a no drops them.
 */
const HELD_BEFORE_CONSENT = (what: string) => `要先征得您同意，才能记下您的信息。您刚才发来的${what}还没有保存，等您同意后再跟您核对，不用再发一遍。`;
/** A value said where another question is asked, the same as the answer already given (`两个月` when the period is 2 months). */
const ALREADY_NOTED = (label: string, shown: string) => `好的，${label}已经记下了：${shown}。`;
/** Facts said at a 「…对吗？」 the person went on from: they wait for their own questions, said so. */
// In brackets: a label such as 是否还在职 read straight after 您说的 was hard to follow (「您说的是否还在职「还在干」」).
/** `提交吧` at a 「…对吗？」: the confirmation comes first. */
const NOT_SUBMITTED_YET = '现在还没到提交的时候，先请您核对这一项。';
const WAIT_FOR_QUESTION = (facts: string) => `好的，您刚才说的（${facts}）等问到时再跟您核对。`;
/** Values waiting at a 「…对吗？」 when the person went to another service: kept with the draft, unconfirmed. */
const PARKED_WITH_DRAFT = (labels: string) => `刚才的${labels}还没确认，接着填时再跟您核对。`;
/**
 * A bare number that reads as money where money was not asked: a round figure of hundreds (`8000`, `28500`),
 * as amounts are said; never `12345` (typed for a name), a year (`2026`) or an option's number.
 */
const ROUND_FIGURE = /^[1-9]\d*00$/u;
/** A bare number that may be a year (`2000`, `2025`): never read as money at a question about time. */
const YEAR_LIKE = /^(?:19|20)\d\d$/u;

/** A form kept as a draft while something else was done (`进度` a day later, `删除我的信息` then 不删除): said, and how to go on. */
const DRAFT_KEPT_NOTE = (title: string) => `您没填完的「${title}」先帮您保存着，想接着填的时候回复「继续」就行。`;
/** Back after a long time with the answer to the question left open: said, and the answer taken. */
const WELCOME_BACK = (title: string) => `欢迎回来！您上次的「${title}」还没填完，我们接着填。`;
/** Back after a short break with a number from the list still on screen (`3` for 3. 石岭镇): what it picked, said. */
const WELCOME_BACK_PICKED = (label: string) => `欢迎回来！您选的是「${label}」，我们接着填。`;
/**
 * How long after the last message a bare number still picks from the list of the question left open (the list is
 * still on the screen; they may be sending it again because it seemed not to take). After longer, the offer to go on.
 */
const LIST_STILL_SHOWN_MINUTES = 4 * 60;
/**
 * The offer to go on opened by a bare number (`3` meant for 3. 石岭镇): its 重新开始 and 放弃 carry these values, so
 * the same number sent again is asked about first (「确定放弃吗？」, `atResume`); their words still do at once.
 */
const RESTART_OFFERED = '重新开始?';
const DROP_OFFERED = '放弃?';
/** The answers of 「确定放弃吗？」. */
const SURE_RESTART = '确定重新开始';
/** `重新开始`, `重来`, `我要重新填` inside a form: a wish to start it again (asked first: what was filled in would go). */
const RESTART_WISH =
  /^(?:我|俺)?(?:要|想|还是|那就|那)?(?:重新(?:开始|来|填写?|登记|弄|报)|重来|从头(?:开始|来|填写?|再来)?)(?:一遍|一次|一下|过)?(?:吧|了|啊|呀|好了)*$/u;
const SURE_DROP = '确定放弃';
/**
 * What dropping a form says: the move of a booking (改约, its `rescheduleNo`) dropped leaves the booking as it
 * was, said so (「已取消」 alone reads as the booking cancelled); anything else is cancelled.
 */
const droppedText = (answers: Answers | undefined): string =>
  typeof answers?.rescheduleNo === 'string' ? T.rescheduleDropped(answers.rescheduleNo) : T.cancelled;
/**
 * Agreeing after all, right after a consent was refused (`算了还是同意吧`, `好吧同意`, `我反悔了 我同意`, `同意`):
 * never a refusal (`不同意`), a question, or a plain 好的.
 */
const CONSENT_AFTER_ALL =
  /^(?!.*(?:不同意|不愿意|不想|[吗么?？]))(?:算了|好吧|好|行|那|那就|那我|我|嗯|哦|其实|想了想|我想了想|我反悔了?|反悔了?|改主意了?|我改主意了?)*(?:还是|又|也)?(?:同意|愿意)(?:吧|了|的|啊|呀)*$|^(?:我)?反悔了?(?:我)?(?:还是)?(?:同意|愿意)/u;
const CONSENTED_AFTER_ALL = (title: string) => `好的，您同意了，我们接着办理「${title}」。`;
/**
 * Going on after all (`还是接着填吧`, `我还是办吧`, `算了还是继续吧`), where going on or stopping is asked or a form
 * is kept: the form again. Never `还是算了`.
 */
const GO_ON_AFTER_ALL =
  /^(?:算了|那|那我|那就|我|嗯)*(?:还是|再|又)?(?:接着|继续)(?:填写?|办|弄|报)?(?:吧|啊|呀|了)*$|^(?:算了|那|那我|那就|我|嗯)*还是(?:要|想)?(?:接着|继续)?(?:填写?|办理?|弄)(?:吧|啊|呀|了)*$/u;
/**
 * Back and here (`还在`, `在呢`, `我回来了`), said at 「欢迎回来！…还没填完」 (often after 在吗): going on with the form,
 * which is only asked again (it read as at the menu: 「抱歉，我没太明白」 and the menu, the form out of sight).
 */
const STILL_HERE = /^(?:嗯|我|俺)*(?:还在|在的|在呢|在在|在|回来了|又来了|来了)(?:呢|的|啊|呀|了|哈|嘛)*[!！。.]*$/u;
/** `怎么算的`, `这个数怎么来的`: how a figure said back was worked out. */
const HOW_WORKED_OUT = /^(?:这个?(?:数|钱|金额)?)?(?:是)?(?:怎么|咋|如何)(?:算|算出来|得出来|来)的?(?:啊|呀|呢|吗)?[?？]*$/u;
/** Said before the confirmation again, to someone who did not follow it (`嗯？`). */
/** `不是工资是合同` (spaces taken out): group 1 what it is not, group 2 what it is. */
const NOT_WAITING_BUT = /^(?:不对|错了)?[,，]?(?:不是|并不是)([^，,。是]{1,12}?)(?:的事|的)?[,，]?(?:而是|应该是|其实是|是)[,，]?([^，,。]{1,16}?)(?:的事|吧|啊|呀)?[。.!！]*$/u;
/** A no, then a value (`不是，刘大壮`, `不是 是刘大壮`, `不对的 叫刘大壮`): group 1 is the value. */
const NO_THEN_VALUE = /^(?:不是|不对|错了)(?:的|滴|啦|啊|呀|哦)?[,，。.\s]+(?:应该是|其实是|是|叫)?[,，\s]*(.+)$/u;
const CONFIRM_WHAT = '我是在跟您核对刚才记下的内容，看有没有记错。';
/** An option to ask for a person, where the person is stuck. */
const TO_HUMAN: Option = { label: '找工作人员', value: '人工' };
/**
 * A short follow-up on the answer that made an offer (`要交多少`, `一个月多少`, `怎么交` after the dues): no entry is
 * clearly its own (kb.match finds none), the answer's entry ranks first, and it is a short question.
 */
function isFollowUp(topic: KnowledgeEntry, text: string): boolean {
  const c = compact(text);
  if (c.length < 2 || c.length > 10) return false;
  if (!isQuestion(text) && !/多少|几|怎么|咋|啥时候|什么时候|哪/u.test(c)) return false;
  const kb = knowledgeBase();
  if (kb.match(text)) return false;
  const [top, next] = kb.rank(text);
  return top?.id === topic.id && top.score >= FOLLOW_UP_SCORE && top.score - (next?.score ?? 0) >= 0.15;
}
/** How near a follow-up must come to the answer's entry (its words alone are below kb's MIN_SCORE). */
const FOLLOW_UP_SCORE = 0.45;

/** A plain no with nothing asked (`算了`, `不用了`, `那不要了`): only these whole words (never `老板又不给了`). */
const MENU_NO = /^(?:哦|噢|嗯|那|那就|好吧|还是)*(?:算了|不用|不用了|不要了|不需要了?|不必了?|不了)(?:吧|啦|哈|哈哈)*[。.!！~～]*$/u;

/** An offer's own yes and no (a service offered, asked again after 谢谢, or offered in another's place). */
const OFFER_CHOICES: Option[] = [
  { label: '好的', value: 'offer:yes' },
  { label: '不用了', value: 'offer:no' },
];
/** The value of 「我要选「…」」, offered after a second bare number at a confirmation (`atConfirmDigit`). */
const CHOSEN_INSTEAD = 'digit-chosen:';

/** A nod or an acknowledgement: yes to a yes-or-no question, but no answer to "哪一项不对？". */
const NOD = /^(?:嗯+|恩+|好+的?|好吧|哦+|噢+|喔+|行|可以|ok|OK|收到|知道了)[啊呀吧哈。！!~～]*$/u;

/** A lookup the person goes to make before answering: `问问老乡`, `查一下`, `想想`. */
const LOOK_UP = '(?:问问|问一下|问下|打听一下|打听打听|查查|查一下|查下|找找|找一下|翻翻|翻一下|看看|看一下|看下|想想|想一下)';
/**
 * Going away to find the answer, to come back later: `等一下我问问老乡`, `我先去问问再来`, `回头再填`,
 * `我晚点再来`. Never an answer (such words were kept as an employer's name); the draft is kept.
 */
const PAUSE = new RegExp(
  [
    // …then back: `我先去问问再来`, `我问问老乡再说`, `我去看看工资条再来`.
    String.raw`^(?:等一?下|等会儿?|稍等|等等|等我)?(?:我|俺)?(?:先|得|要)?去?${LOOK_UP}[\p{Script=Han}]{0,6}?(?:再来|再说|再填|再弄|再回来|回来再填|再找你|再告诉你|再跟你说|再回复|再发)(?:吧|啊|哈)?$`,
    // Asked to wait: `等一下我问问老乡`, `等我问问`.
    String.raw`^(?:等一?下|等会儿?|稍等|等等|等我)(?:我|俺)?(?:先|得)?去?${LOOK_UP}[\p{Script=Han}]{0,4}(?:吧|啊|哈)?$`,
    // Going to ask first: `我先问问老乡`, `我去问一下`.
    String.raw`^(?:我|俺)?先去?${LOOK_UP}[\p{Script=Han}]{0,4}(?:吧|啊)?$`,
    String.raw`^(?:我|俺)(?:去|得去|要去)(?:问问|问一下|问下|打听一下|查查|查一下)[\p{Script=Han}]{0,4}(?:吧|啊)?$`,
    // Someone to ask first: `我得问问`, `我回去问问我老婆`, `我得跟家里商量一下` (never a question of theirs: `我得问一下多少钱`).
    String.raw`^(?:我|俺)(?:还)?(?:得|回去|得回去|回家|先回去)(?:问问|问一下|问下|打听一下)(?!.*(?:吗|呢|么|多少|怎|什么|啥|几|能不能|可不可以|是不是))[\p{Script=Han}]{0,5}?(?:再说)?(?:吧|啊)?$`,
    String.raw`^(?:我|俺)(?:还)?(?:得|先|要|回去|得回去|回家)?(?:跟|和)(?:我|俺)?(?:老婆|老公|爱人|媳妇|家里人?|家人|爸妈|父母|爸|妈|孩子|儿子|女儿|老乡|工友)(?:商量|说|讲)(?:一下|下|商量)(?:再说)?(?:吧|啊)?$`,
    // A wait asked alone: `等会儿`, `等一下`, `稍等`, `等我一下` (they will come back; never a village named 等会儿).
    String.raw`^(?:你|您)?(?:等一?下|等会儿?|等一会儿?|稍等(?:一下)?|等等|等我一?下|等下)(?:哈|啊|吧|哦|嘛)*$`,
    // Later: `回头再填`, `我晚点再来`, `明天再说`, `过几天再说`.
    String.raw`^(?:我|俺)?(?:先)?(?:回头|晚点|晚些|等会儿?|明天|后天|过两天|过几天|过些天|过一阵|过段时间|改天|下次|有空)(?:再)(?:来|说|填|弄|回来|联系)(?:吧|啊)?$`,
  ].join('|'),
  'u',
);
/**
 * Going away to find the answer (PAUSE), or a moment asked for to fetch it (`稍等 我找下欠条`: holdsOn's `fetch`, the
 * reading understanding scores too), not asking us about another of our services: `等等 我先问一下入会的事` is the
 * switch `我想问一下入会的事` is (it was 「不着急，弄清楚了再来」, joining never taken up).
 */
function pauses(text: string, flow: Flow): boolean {
  return (PAUSE.test(compact(text)) || holdsOn(text) === 'fetch') && serviceOf(text, flow.id as Service) === null && !FIGURE_SAID.test(compact(text));
}
/** A figure in the words (`稍等 我看下 两万八`): what was looked up, said; no pause (the form was paused and 两万八 lost). */
const FIGURE_SAID = /\d|[一二两三四五六七八九十][百千万]/u;
/**
 * Cannot say (`说不好`, `说不准`, `不好说`, `拿不准`): not knowing, at a question with its own help for it
 * (`Field.unsure`); elsewhere these words are read as they are today.
 */
const CANNOT_SAY = /^(?:我|俺)?(?:也|真|实在)?(?:说不好|说不准|不好说|说不上来?|讲不清|拿不准|不太确定|不确定)(?:了|啊|呀|哦|呢|吧|诶)*$/u;
/** `算了` alone, where it answers nothing: a wish to stop, asked about before anything is thrown away. */
const NEVER_MIND = /^(?:那|唉|哎|哎呀)?(?:就|还是)?算了(?:吧|啦|了)*$/u;
/**
 * Stopping for now (`先不报了`, `先不弄了`, `暂时不填了`): never an answer (it was read as a number, a village,
 * a period), but a wish to stop, asked about as `不报了` is; the draft is kept.
 */
const STOP_FOR_NOW = /^(?:那|那我|我|俺|还是|要不|要不然)*(?:先|暂时|今天|现在)(?:就)?(?:不|别)(?:报|弄|搞|填|办|告|反映|登记|申请|约|入|要|写)(?:了|吧|啦|啊)*$/u;
/**
 * Thinking it over (`我再想想`, `让我考虑一下`): a pause, as `我先想想` is (PAUSE): the draft is kept and 继续
 * goes on. Right after a yes/no question it may be about that one fact; the pause fits both readings
 * (「不着急，弄清楚了再来」), and nothing is taken as an answer.
 */
const THINK = /^(?:那|那我|我|俺|让我|容我)*(?:再|先|还得|得|要|还要)?(?:想想|想一想|想一下|考虑考虑|考虑一下|琢磨琢磨|琢磨一下)(?:吧|啊|哈|看)?(?:再说)?$/u;

/**
 * A wish to stop said in words the commands do not know: `先不报了` (stop, asked about), `我再想想` or
 * `先不弄了 我问问老乡再说` (a pause: the person says they will come back), `先不报了 怕被开除` (stop, with
 * the fear answered). Null when the message says anything else too.
 */
function stopWish(text: string): 'stop' | 'afraid' | 'pause' | null {
  const parts = text.split(/[，,。.!！~～\s]+/u).map((p) => compact(p)).filter((p) => p !== '');
  const isStop = (p: string) => STOP_FOR_NOW.test(p);
  const isPause = (p: string) => THINK.test(p) || ((PAUSE.test(p) || holdsOn(p) === 'fetch') && serviceOf(p, null) === null);
  if (!parts.some((p) => isStop(p) || isPause(p))) return null;
  const rest = parts.filter((p) => !isStop(p) && !isPause(p) && !/^(?:算了|唉+|哎+|那|我|还是|好吧)$/u.test(p));
  // What else is said must be more of the same (`不报了`) or the fear (`怕被开除`).
  const other = rest.length > 0 ? wantsToStop(['不报了', ...rest].join(' ')) : null;
  if (rest.length > 0 && !other) return null;
  if (parts.some(isPause)) return 'pause';
  return other?.fear ? 'afraid' : 'stop';
}

/** Words worth a ticket: two characters or more that are not punctuation, symbols, emoji or fillers (`。。`, `嗯嗯`, `啊`). */
function saysSomething(text: string): boolean {
  const t = text.replace(NOT_WORDS, '');
  return [...t].length >= 2 && !/^(?:嗯|恩|啊|哦|噢|喔|额|呃|唉|哎|诶|欸|嘿|哈|呵|啦|吧|呀)+$/u.test(t);
}

/**
 * A field whose label depends on the answers (`雇主` for a family, `用人单位` for a unit): `labelFor` is what
 * the summary and the confirmations show; `label` stays its name (and lists it on the summary).
 */
type LabelledField = Field & { labelFor?: (answers: Answers) => string };

/** `field`, labelled by `labelFor` wherever its label is shown with answers. */
export function withLabel(field: Field, labelFor: (answers: Answers) => string): Field {
  return Object.assign(field, { labelFor });
}

/** How a field is named to the person, given the answers it is shown with. */
function labelOf(field: Field, answers: Answers): string {
  return (field as LabelledField).labelFor?.(answers) ?? field.label ?? field.id;
}

/** Personal numbers in free text handed to staff: masked (the assignee sees the phone on the case anyway). */
export function maskNumbers(text: string): string {
  return text
    .replace(/\d{17}[\dXx]/g, (m) => `${m.slice(0, 4)}**********${m.slice(-4)}`)
    .replace(/1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}/g, (m) => {
      const d = m.replace(/\D/g, '');
      return `${d.slice(0, 3)}****${d.slice(-4)}`;
    });
}

/**
 * A deep copy of a session, as `structuredClone` makes it, for the plain
 * data a session is (objects, arrays, strings, numbers, booleans, null,
 * undefined): several times faster on every turn. Anything else inside
 * (none is expected) goes through `structuredClone`.
 */
/** What is said of the wage report sent from this chat, as it stands (today's 「已经在办理了」 while it is worked, or not known). */
function reportedLine(r: ReportedWage | undefined): string {
  if (!r || r.status === 'open') return T.wageUnderWay;
  if (r.status === 'resolved') return T.wageResolved(r.caseNo, r.receipt, r.rating, r.ratingLater);
  return r.status === 'closing' ? T.wageReviewed(r.caseNo) : T.wageClosed(r.caseNo);
}

function copyOf<T>(v: T): T {
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) return v.map(copyOf) as T;
  if (Object.getPrototypeOf(v) !== Object.prototype) return structuredClone(v);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) out[k] = copyOf((v as Record<string, unknown>)[k]);
  return out as T;
}


/** Said when a file question is answered with 不知道: nothing more now, and how to add files later. */
const FILES_LATER = '没关系，没有也可以先提交。以后找到了，拍照或文件直接发给我就行，会补充到案件里。';
export function createEngine(opts: EngineOptions) {
  const flows = new Map(opts.flows.map((f) => [f.id, f]));
  const maxLen = opts.maxTextLength ?? MAX_TEXT_READ;

  function outcome(prev: Session): { s: Session; out: Outcome; say: Say } {
    const s: Session = copyOf(prev);
    const out: Outcome = { session: s, replies: [], effects: [], followUp: [] };
    const say: Say = (said, options) => {
      // A note said, then a question that opens with the same note (「好的，按替别人反映来记…」 after the yes to 替父亲反映,
      // then 「…\n被欠工资的人叫什么名字？」): said once, the question after it.
      const before = out.replies.find((r) => r.type === 'text' && said.startsWith(`${r.text}\n`));
      const text = before && before.type === 'text' ? said.slice(before.text.length + 1) : said;
      out.replies.push(options && options.length > 0 ? { type: 'text', text, options: plain(options) } : { type: 'text', text });
      if (options) s.options = kept(options);
    };
    return { s, out, say };
  }

  /** One reading of the message for the whole turn (parsers/turn-memo.ts): the turn is synchronous. */
  function handle(prev: Session, input: Incoming, ctx: FlowContext): Outcome {
    return withinOneReading(() => handleNow(prev, input, ctx));
  }

  function handleNow(prev: Session, input: Incoming, ctx: FlowContext): Outcome {
    const { s, out, say } = outcome(prev);
    const flow = s.flowId ? flows.get(s.flowId) : undefined;

    // A session saved under another version of its flow is restarted politely.
    if (s.flowId && (!flow || flow.version !== s.flowVersion || !flow.check(s.answers))) {
      clearFlow(s);
      say(T.restarted);
      showMenu(s, say);
      return finish(out, ctx);
    }
    if (s.draft) {
      const df = flows.get(s.draft.flowId);
      if (!df || df.version !== s.draft.flowVersion || !df.check(s.draft.answers)) s.draft = null;
    }

    let text = input.kind === 'text' ? normalizeMessage(input.text) : null;
    // `？？`, `???`: puzzled, like `？`, which shows the help (they are no question the knowledge base could answer).
    if (text !== null && /^[?？]{2,}$/u.test(text.trim())) text = '?';
    // Longer than is read (pasted or dictated at length): its beginning is read, and that is said; never refused whole.
    if (text !== null && [...text].length > maxLen) {
      say(T.tooLong([...text].length, maxLen));
      text = [...text].slice(0, maxLen).join('');
    }

    // A bare number right after a submission, with no list shown since (the receipt has none): no pick of the menu's
    // (`1` never starts joining, `5` never calls staff); which is meant is asked, with the menu, whose numbers work
    // from there. The flow just sent (its 「已经反映过」 question) and 进度 are about what was sent: taken as ever.
    const bare = text !== null ? text.trim() : '';
    const menuPick = /^\d{1,2}$/u.test(bare) ? menuPicked(bare) : null;
    const elsewhere = !!menuPick && menuPick.value !== '进度' && FLOW_MENU[menuPick.value] !== s.submitted?.flowId;
    if (!flow && s.mode === 'idle' && s.options.length === 0 && s.submitted && elsewhere && ctx.now.getTime() - Date.parse(s.submitted.at) <= opts.idleMinutes * 60_000) {
      showMenu(s, say, T.numberAfterSubmit(bare));
      return finish(out, ctx);
    }
    // At the menu the menu numbers always work, even in a brand-new chat.
    if (!flow && s.mode === 'idle' && s.options.length === 0) s.options = MENU;
    // 同意 right after a consent was refused (`不同意`, then `算了还是同意吧`, `好吧同意`): the flow again, that consent
    // given (and those given before it). Only the next message, and only these words (a plain 好的 is no consent).
    const refused = s.refused;
    s.refused = null;
    const again = refused && !flow && s.mode === 'idle' && text !== null && CONSENT_AFTER_ALL.test(compact(text)) ? flows.get(refused.flowId) : undefined;
    if (refused && again && ctx.now.getTime() - Date.parse(refused.at) <= opts.idleMinutes * 60_000) {
      reopenRefused(s, again, refused, ctx, say);
      return finish(out, ctx);
    }
    // `1` at "您是要改成…对吗？" raised at a question with numbered options of its own: which one is meant is asked.
    if (text !== null && flow && s.mode === 'confirm' && s.pending && numberPicked(text) !== null && atConfirmDigit(s, flow, text, ctx, say, out)) return finish(out, ctx);
    // What was typed, before a pick from the options last shown replaces it with the option's value.
    const typed = text;
    // A number or an exact label picks from the options last shown.
    if (text !== null && text !== '0') {
      const picked = pickExact(text, s.options);
      const nearMiss = s.options.filter((o) => o.yes);
      const yes = flow && (s.mode === 'ask' || s.mode === 'edit') && nearMiss.length === 1 ? plainYesNo(text) : null;
      // `一共的`, `每个月的` to an either-or an answer brought up (「…是3个月一共欠的，还是每个月的工资？」, no choices of
      // the question's own): the one choice whose words they are, or none (never guessed between two).
      // Only at a question that wants a figure (the amount, the headcount), where such an either-or is about whose or
      // which sum; elsewhere a choice's words may be words of an answer (`不知道名字` is no pick of 「实在不知道名字…」).
      const asked = flow && s.fieldId && (s.mode === 'ask' || s.mode === 'edit') ? flow.fields.find((f) => f.id === s.fieldId) : undefined;
      const worded = !picked && asked?.numeric && (asked.options?.(s.answers, ctx) ?? []).length === 0 ? pickByLabelWords(text, s.options) : null;
      if (picked) text = picked.value;
      else if (worded) text = worded.value;
      // "您是说「东龙镇」吗？" "是的": the one near miss offered. "不是": the question again, with every choice.
      else if (yes === true) text = nearMiss[0]!.value;
      else if (yes === false) {
        // A value offered again at a question without options of its own (offeredOption): nothing to pick from.
        // (Options that are none here, `[]`, are none of its own.)
        const ownOptions = s.fieldId ? flow!.fields.find((f) => f.id === s.fieldId)?.options : undefined;
        const own = (ownOptions?.(s.answers, ctx) ?? []).length > 0;
        // Refused: never offered again.
        if (s.fieldId && s.fieldId in s.offered) s.offered = Object.fromEntries(Object.entries(s.offered).filter(([k]) => k !== s.fieldId));
        // A "did you mean" refused: the same near miss typed again is not offered again (atField).
        if (s.fieldId) s.nearRefused = `${s.fieldId}:${nearMiss[0]!.value}`;
        say(own ? T.okAskAgain : T.okSayAgain);
        reask(s, flow, ctx, say);
        return finish(out, ctx);
      }
      else if (/^\d{1,3}$/.test(text) && s.options.length > 0 && s.mode !== 'ask' && s.mode !== 'edit') {
        // `25` at 「离开时间「2026年11月」。对吗？」 raised by `前几天` at a question without options of its own: the
        // number read by that question (the 25th), in place of what waited, and confirmed in turn.
        const p = s.mode === 'confirm' ? s.pending : null;
        const f = flow && p && !p.which && s.fieldId && s.fieldId in p.values ? fieldOf(flow, s.fieldId) : null;
        const r = f && !hasChoices(f, s.answers, ctx) && !f.yesNo ? f.parse({ kind: 'text', text }, s.answers, ctx) : null;
        if (f && p && r?.ok && !r.stay && !r.exit) {
          s.pending = { ...p, values: { ...p.values, ...(r.set ?? {}), [f.id]: r.value } };
          s.misses = 0;
          if (r.ack) say(r.ack);
          askConfirm(s, flow!, ctx, say);
          return finish(out, ctx);
        }
        // `666` at the summary or a 「…对吗？」 (no number its question reads, above): a cheer, the yes (understandConfirm).
        if (understandConfirm(text) !== 'yes') {
          s.misses += 1;
          say(T.notAnOption(s.options.length), s.options);
          return finish(out, ctx);
        }
      }
    }

    // Idle too long inside a flow: pause it and offer to continue. Unless what they typed answers the question
    // left open (`河西街道` a day later, at the township question): welcomed back and taken, never swallowed by
    // the offer (they had to say 继续 and type it again).
    if (flow && s.mode !== 'resume' && ctx.now.getTime() - Date.parse(s.updatedAt) > opts.idleMinutes * 60_000) {
      if (typed !== null && GOING_ON.test(compact(typed))) {
        // `继续` a day later: what the offer would ask them to say; going on, where they stopped (a 「…对吗？」 again).
        s.misses = 0;
        say(WELCOME_BACK(flow.title));
        reask(s, flow, ctx, say);
        return finish(out, ctx);
      }
      const listPick = text !== null && typed !== null ? pickAfterShortBreak(s, flow, typed, ctx) : null;
      if (listPick) {
        // `3` sent again 90 minutes on, for 3. 石岭镇: the pick, said, never the offer (whose 3 is 放弃).
        s.misses = 0;
        say(WELCOME_BACK_PICKED(listPick.label));
      } else if (text !== null && typed !== null && answersOpenQuestion(s, flow, typed, text, ctx)) {
        s.misses = 0;
        say(WELCOME_BACK(flow.title));
      } else if (text !== null && typed === text && commandAfterBreak(s, flow, text, ctx, say, out)) {
        // `人工`, `进度`, `菜单`, `取消`…: done as asked (never held up by the offer), the form kept.
        return finish(out, ctx);
      } else {
        // A 「…对吗？」 left unanswered waits with the draft, confirmed when they go on (never dropped unsaid).
        const parked = parkPending(s, flow);
        const labels = flow.fields.filter((f) => f.id in parked && f.label).map((f) => labelOf(f, { ...s.answers, ...parked }));
        stashDraft(s);
        offerResume(s, flow, say, labels.length > 0 ? PARKED_WITH_DRAFT(labels.join('、')) : undefined, typed !== null && numberPicked(typed) !== null);
        return finish(out, ctx);
      }
    }

    // `查一下张三的案子`: someone else's case is theirs to see, from their own chat; said, and where they were asked again
    // (never a name or an employer taken from the words).
    if (typed !== null && typed === text && (s.mode === 'idle' || s.mode === 'offer' || (flow && (s.mode === 'ask' || s.mode === 'edit' || s.mode === 'review' || s.mode === 'confirm'))) && othersCase(typed)) {
      s.misses = 0;
      s.offer = null;
      s.offerFacts = null;
      if (!flow) {
        s.mode = 'idle';
        say(T.othersCase, MENU);
        return finish(out, ctx);
      }
      say(`${T.othersCase}\n${T.backTo(flow.title)}`);
      reask(s, flow, ctx, say);
      return finish(out, ctx);
    }
    // `律师就算了` while joining, legal aid kept for after it (`我要入会 还想约个律师`): the lawyer turned down, so the
    // booking is no longer offered when joining is done (it was, after 「好的，不约律师」).
    if (flow && flow.id !== 'legal' && s.also === 'legal' && text !== null && declinesLegal(text)) {
      s.also = null;
      s.alsoFacts = null;
    }
    switch (s.mode) {
      case 'forget':
        atForget(s, text, ctx, say, out);
        break;
      case 'resume':
        atResume(s, text, ctx, say, out, typed);
        break;
      case 'confirm':
        // Another photo while the one sent at the summary is offered for the report's files: offered with it.
        if (text === null && input.kind === 'file' && filesOffered(s, flow!) && fileAtReview(s, flow!, input, ctx, say)) break;
        // `加上`, `放进去吧`, `不用加`, `发错了` to 「要把它加到证据材料里吗？」: the yes or the no it is.
        if (text !== null && filesOffered(s, flow!)) text = FILES_YES.test(compact(text)) ? 'yes' : FILES_NO.test(compact(text)) ? 'no' : text;
        // A link, a location or a photo at 「…对吗？」: why it cannot be read here, and the confirmation again.
        // No miss: what waits is never dropped, unsaid, for a message that was no answer.
        if (text === null && s.pending && (input.kind === 'file-rejected' || input.kind === 'file')) {
          say(input.kind === 'file-rejected' ? input.reason : T.textNeeded);
          askConfirm(s, flow!, ctx, say);
          break;
        }
        atConfirm(s, flow!, text, ctx, say, out);
        break;
      case 'human':
        atHuman(s, text, ctx, say, out);
        break;
      case 'offer':
        atOffer(s, input, text, ctx, say, out);
        break;
      case 'review':
        // A photo or a file at the summary (`请核对…`): offered for the report's files, never lost unsaid.
        if (text === null && (input.kind === 'file' || input.kind === 'file-rejected') && fileAtReview(s, flow!, input, ctx, say)) break;
        // A form that takes no files (the legal-aid booking): said so, never the photo passed over without a word.
        if (text === null && input.kind === 'file') say(T.textNeeded);
        atReview(s, flow!, text, ctx, say, out);
        break;
      case 'ask':
      case 'edit':
        if (flow) atField(s, flow, input, text, ctx, say, out);
        else atMenu(s, input, text, ctx, say, out);
        break;
      case 'idle':
        atMenu(s, input, text, ctx, say, out);
        break;
    }
    return finish(out, ctx);
  }

  function finish(out: Outcome, ctx: FlowContext): Outcome {
    out.session.updatedAt = ctx.now.toISOString();
    return out;
  }

  // --- session housekeeping ---------------------------------------------------------------

  function clearFlow(s: Session): void {
    Object.assign(s, NO_FLOW, { answers: {}, trail: [], options: [], later: {}, offered: {} });
  }

  function stashDraft(s: Session): void {
    if (!s.flowId) return;
    s.draft = { flowId: s.flowId, flowVersion: s.flowVersion, runId: s.runId, fieldId: s.fieldId, answers: s.answers, trail: s.trail, later: s.later, offered: s.offered };
    clearFlow(s);
  }

  /**
   * The request kept for after this one (`我想入会 还想找律师`: 找律师 kept), this one declined or cancelled: offered
   * now as it is after a submission (with what was told for it), never dropped for the menu. False when none is kept.
   */
  function offerKept(s: Session, from: Flow, ctx: FlowContext, say: Say): boolean {
    const kept = s.also && s.also !== from.id ? flows.get(s.also) : undefined;
    const keptFacts = kept ? s.alsoFacts : null;
    s.also = null;
    s.alsoFacts = null;
    if (!kept) return false;
    s.mode = 'offer';
    s.offer = kept.id;
    s.offerCase = null;
    s.offerTopic = null;
    s.offerFacts = keptFacts ? { facts: keptFacts, given: {} } : null;
    say(keptFacts ? T.alsoTold(show(kept, 'matter', keptFacts.matter, keptFacts, ctx), kept.title) : T.alsoAsked(kept.title), OFFER_CHOICES);
    return true;
  }

  function showMenu(s: Session, say: Say, intro: string = T.greeting): void {
    s.mode = 'idle';
    say(intro, MENU);
    s.options = MENU;
  }

  /** `byNumber`: opened by a bare number, whose repeat must not throw the form away (RESTART_OFFERED). */
  function offerResume(s: Session, flow: Flow, say: Say, note?: string, byNumber = false): void {
    s.mode = 'resume';
    say(note ? `${T.resume(flow.title)}\n${note}` : T.resume(flow.title), [
      { label: '继续填写', value: '继续' },
      { label: '重新开始', value: byNumber ? RESTART_OFFERED : '重新开始' },
      { label: '放弃', value: byNumber ? DROP_OFFERED : '放弃' },
    ]);
  }

  /** The saved draft back as the flow under way (its mode is the caller's). */
  function restoreDraft(s: Session, draft: NonNullable<Session['draft']>): void {
    s.flowId = draft.flowId;
    s.flowVersion = draft.flowVersion;
    s.runId = draft.runId;
    s.answers = draft.answers;
    s.trail = draft.trail;
    s.later = draft.later ?? {};
    // A value set aside unconfirmed is still offered at its question (`8,000元` after 返回, then 菜单 and 继续).
    s.offered = draft.offered ?? {};
    s.fieldId = draft.fieldId;
    s.lastSet = null;
    s.draft = null;
  }

  /** Answers that would be lost by cancelling: any but the consents. */
  function hasWork(flow: Flow, answers: Answers): boolean {
    return flow.fields.some((f) => !f.gate && f.id in answers);
  }

  /** Whether the person has agreed to the flow's collecting their information (a flow without a consent needs none). */
  function consented(flow: Flow, answers: Answers): boolean {
    const consents = flow.fields.filter((f) => f.consent);
    return consents.length === 0 || consents.some((f) => answers[f.id] === true);
  }

  /**
   * Facts the person typed before consenting: never among the answers, never confirmed yet. They wait in the
   * session's pending facts (a no to the consent drops them with the flow), the person is told they were not
   * kept, and after the yes they are confirmed once, like an opening message's (advance). The caller asks next.
   */
  function holdTillConsent(s: Session, flow: Flow, facts: Answers, say: Say): void {
    const fresh = Object.fromEntries(Object.entries(facts).filter(([k, v]) => JSON.stringify(s.answers[k]) !== JSON.stringify(v)));
    const values = { ...(s.pending?.values ?? {}), ...fresh };
    s.pending = Object.keys(values).length > 0 ? { values, previous: {} } : null;
    const named = flow.fields.filter((f) => f.id in fresh && f.label).map((f) => labelOf(f, { ...s.answers, ...values }));
    say(HELD_BEFORE_CONSENT(named.length > 0 ? named.join('、') : '内容'));
  }

  /** Going away to find the answer (`等一下我问问老乡`): what was filled in is kept as a draft, and how to come back said. */
  function pauseFlow(s: Session, flow: Flow, say: Say, words: string = T.paused(flow.title)): void {
    stashDraft(s);
    s.flowId = flow.id;
    s.flowVersion = flow.version;
    s.mode = 'resume';
    say(words, [T.stopOptions[0]!]);
  }

  /**
   * `重新开始` at a question or the summary: asked whether to throw away what was filled in (the draft kept till the
   * answer, atResume: its yes starts again, its no goes on where they were). Never read as an answer (a contact
   * called 「重新开始」, a village not found).
   */
  function askRestart(s: Session, flow: Flow, say: Say): void {
    parkPending(s, flow);
    stashDraft(s);
    s.flowId = flow.id;
    s.flowVersion = flow.version;
    s.mode = 'resume';
    say('确定要重新开始吗？已填的内容会清除。', [
      { label: SURE_RESTART, value: SURE_RESTART },
      { label: '不了，继续填写', value: '继续' },
    ]);
  }

  /** A wish to stop said in words: what was filled in is kept as a draft, and the person asked whether to go on. */
  function offerStop(s: Session, flow: Flow, say: Say, afraid: boolean): void {
    stashDraft(s);
    if (s.draft) s.draft.stop = true;
    s.flowId = flow.id;
    s.flowVersion = flow.version;
    s.mode = 'resume';
    say(afraid ? `${T.stopAfraid}\n${T.stopAsk(flow.title)}` : T.stopAsk(flow.title), T.stopAskOptions);
  }

  /**
   * A wish to stop or pause said at a question, a confirmation or the summary (`stopWish`): asked about as
   * `不报了` is, or paused as `等一下我问问老乡` is. Values waiting at a confirmation wait for their
   * questions (confirmed then, never kept without a yes).
   */
  function stopOrPause(wish: 'stop' | 'afraid' | 'pause', s: Session, flow: Flow, ctx: FlowContext, say: Say, out: Outcome): void {
    parkPending(s, flow);
    if (wish === 'pause') return pauseFlow(s, flow, say);
    runCommand('cancel', s, flow, ctx, say, out, wish === 'afraid' ? STOP_AFRAID : STOP_ASKED);
  }

  /**
   * Leaving a confirmation for elsewhere (a pause, another service): what waited waits for its question,
   * unconfirmed (confirmed when the person comes back to it, `resumeAsking`). Returns what waits.
   */
  function parkPending(s: Session, flow: Flow): Answers {
    if (s.mode !== 'confirm' || !s.pending) return {};
    const parked: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(s.pending.values)) if (!(k in s.answers) && mayDefer(flow, k)) parked[k] = v;
    s.later = { ...s.later, ...parked };
    s.pending = null;
    s.mode = s.back === 'review' ? 'review' : s.back === 'edit' ? 'edit' : 'ask';
    return parked;
  }

  /**
   * Where a flow picked up again goes on: a value said for the question it stopped at that waits unconfirmed
   * (parked when the person left a 「…对吗？」 for another service or a pause) is confirmed instead of the
   * question asked plainly; else the question (or the summary) as it was.
   */
  function resumeAsking(s: Session, flow: Flow, ctx: FlowContext, say: Say): void {
    // The question it stopped at answered already (`同意`, then a 「…对吗？」 of what was said before, left for a pause):
    // going on from there, what waits confirmed in its turn; never that question (the consent) asked again.
    if (s.mode === 'ask' && s.fieldId && s.fieldId in s.answers) return advance(s, flow, ctx, say);
    if (s.mode === 'ask' && s.fieldId && s.fieldId in s.later && !(s.fieldId in s.answers) && dueFromLater(s, flow).includes(s.fieldId)) return advance(s, flow, ctx, say);
    reask(s, flow, ctx, say);
  }

  /**
   * The service saved as a draft, named while another one is under way (`反映欠薪` after
   * `我还是想先问问律师`): that draft is picked up where it stopped, and the one under way is saved in its
   * place. Only when the words name the service and say nothing more for it. True when done.
   */
  function backToDraft(s: Session, flow: Flow, text: string, ctx: FlowContext, say: Say): boolean {
    const draft = s.draft;
    const to = draft ? flows.get(draft.flowId) : undefined;
    if (!draft || !to || draft.flowId === flow.id) return false;
    const u = understandInFlow(flow, null, text, s.answers, ctx, null, opts.flows);
    if (u.kind !== 'switch' || u.service !== to.id || Object.keys(u.facts).length > 0 || !givenAsDrafted(draft, u.given)) return false;
    switchToDraft(s, flow, to, ctx, say);
    return true;
  }

  /**
   * Whether what the words themselves chose (`预约律师`: the lawyer) is what the saved draft already has: then
   * they name that draft (nothing new said for it). Nothing chosen counts as agreeing.
   */
  function givenAsDrafted(draft: NonNullable<Session['draft']>, given: Answers | undefined): boolean {
    return Object.entries(given ?? {}).every(([k, v]) => k in draft.answers && JSON.stringify(draft.answers[k]) === JSON.stringify(v));
  }

  /** `flow` saved as the draft, and the draft of `to` under way again, its question asked. */
  function switchToDraft(s: Session, flow: Flow, to: Flow, ctx: FlowContext, say: Say): void {
    const draft = s.draft!;
    // A 「…对吗？」 left unanswered waits with the saved form, said so (as when switching to a new one).
    const parked = parkPending(s, flow);
    const labels = flow.fields.filter((f) => f.id in parked && f.label).map((f) => labelOf(f, { ...s.answers, ...parked }));
    stashDraft(s);
    const left = s.draft;
    restoreDraft(s, draft);
    s.draft = left;
    s.misses = 0;
    s.mode = draft.fieldId && !(draft.fieldId in draft.answers) ? 'ask' : 'review';
    say(labels.length > 0 ? `${T.switchedBack(flow.title, to.title)}\n${PARKED_WITH_DRAFT(labels.join('、'))}` : T.switchedBack(flow.title, to.title));
    if (s.mode === 'review') return showReview(s, to, ctx, say);
    resumeAsking(s, to, ctx, say);
  }

  function fieldOf(flow: Flow, id: string): Field {
    const f = flow.fields.find((x) => x.id === id);
    if (!f) throw new Error(`flow ${flow.id} has no field ${id}`);
    return f;
  }

  function show(flow: Flow, id: string, value: unknown, answers: Answers, ctx: FlowContext): string {
    const f = flow.fields.find((x) => x.id === id);
    if (value === null || value === undefined) return T.skipped;
    return f?.show ? f.show(value, answers, ctx) : String(value);
  }

  /**
   * An earlier answer as it reads when its question is asked again: the
   * field's own display, else the option it picked (同意 for a consent),
   * else nothing (a stored value such as a timestamp is never shown raw).
   */
  function previousShown(flow: Flow, field: Field, answers: Answers, ctx: FlowContext): string | null {
    const value = answers[field.id];
    if (value === undefined) return null;
    if (value === null) return T.skipped;
    if (field.show) return field.show(value, answers, ctx) || null;
    const key = value === true ? 'yes' : value === false ? 'no' : typeof value === 'string' ? value : null;
    const picked = key === null ? undefined : (field.options?.(answers, ctx) ?? []).find((o) => o.value === key);
    return picked?.label ?? null;
  }

  /** How many questions are still to ask, the one asked now included (about: later answers may add or drop some). */
  function questionsLeft(flow: Flow, answers: Answers): number {
    return visibleFields(flow, answers).filter((f) => !(f.id in answers) && !f.extractOnly).length;
  }

  /** The first question still to ask (in the flow's order), or null once every one is answered. */
  function firstMissing(flow: Flow, answers: Answers): Field | null {
    return visibleFields(flow, answers).find((f) => !(f.id in answers) && !f.extractOnly) ?? null;
  }

  /** Sets answers, forgetting those that depended on a changed one. */
  function setAnswers(s: Session, flow: Flow, values: Answers) {
    const next: Record<string, unknown> = { ...s.answers };
    for (const [id, v] of Object.entries(values)) {
      const f = flow.fields.find((x) => x.id === id);
      // A first answer clears the questions depending on it, not a wish said with it (`明天下午` with 电话咨询);
      // nor does a changed one (`还是电话吧` after `明天`: the day they can come stays what they said).
      const first = !(id in next);
      // Nor, for a first answer, a question depending on it answered while it waited to be confirmed, that still
      // applies with it (`美团` typed at 「职业「外卖配送员」。对吗？」, said 记下了: the platform is kept by the yes).
      const stillApplies = (c: string) => {
        const dep = flow.fields.find((x) => x.id === c);
        return c in next && !!dep?.when && dep.when({ ...next, [id]: v });
      };
      // Only old values are cleared: one set in the same batch stays, whatever its order in it (`项目叫幸福小区二期`
      // after 不是, confirmed: 工程建设项目「是」 clears the project, never the name confirmed with it).
      if (f?.clears && JSON.stringify(next[id]) !== JSON.stringify(v)) for (const c of f.clears) if (!(c in values) && !flow.wishes?.includes(c) && (!first || !stillApplies(c))) delete next[c];
      if (v === undefined) delete next[id];
      else next[id] = v;
      // Answered now: whatever waited for this question (`later`, `offered`) waits no more.
      if (id in s.later) s.later = Object.fromEntries(Object.entries(s.later).filter(([k]) => k !== id));
      if (id in s.offered) s.offered = Object.fromEntries(Object.entries(s.offered).filter(([k]) => k !== id));
      if (f && !s.trail.includes(id)) {
        s.trail.push(id);
        s.lastSet = id;
      }
    }
    s.answers = next;
  }

  // --- commands -----------------------------------------------------------------------------

  function runCommand(cmd: Command, s: Session, flow: Flow | undefined, ctx: FlowContext, say: Say, out: Outcome, rest?: string): void {
    s.misses = 0;
    switch (cmd) {
      case 'menu': {
        if (flow && s.mode !== 'resume') {
          // At a 「…对吗？」: what waited waits for its question in the draft, like any value held (confirmed when
          // the form is picked up again); what cannot wait (a change of an answer given) is said not to be kept.
          const waiting = s.mode === 'confirm' && s.pending ? s.pending.values : {};
          const parked = parkPending(s, flow);
          const lost = Object.fromEntries(Object.entries(waiting).filter(([k, v]) => !(k in parked) && JSON.stringify(s.answers[k]) !== JSON.stringify(v)));
          const note = Object.keys(lost).length > 0 ? `刚才还没确认的${labelsOf(flow, lost, s.answers)}没有记下。` : '';
          stashDraft(s);
          say(`${T.menuBack}${T.draftKept(flow.title)}${note}`);
        } else if (s.mode === 'resume') {
          clearFlow(s);
        }
        showMenu(s, say);
        return;
      }
      case 'cancel': {
        if (s.mode === 'human' || s.mode === 'offer') {
          s.mode = s.mode === 'human' && flow && confirmWaits(s, flow) ? 'confirm' : s.back;
          say('好的。');
          reask(s, flow, ctx, say);
          return;
        }
        // `不想填了`, `我不告了 怕被开除` (not the word 取消): kept, and asked whether to go on.
        const asked = rest === STOP_ASKED || rest === STOP_AFRAID;
        if (flow && s.mode !== 'resume' && asked && (rest === STOP_AFRAID || hasWork(flow, s.answers))) return offerStop(s, flow, say, rest === STOP_AFRAID);
        // At the summary everything is filled in, and its items are numbered too (`2` may mean 改 2): asked, never wiped at once.
        if (flow && (s.mode === 'review' || s.mode === 'edit') && hasWork(flow, s.answers)) return offerStop(s, flow, say, false);
        if (flow || s.mode === 'resume') {
          // 取消 while moving a booking (改约): the booking stays as it was, said so (「已取消」 alone reads as the booking cancelled).
          const said = droppedText(s.mode === 'resume' ? s.draft?.answers : flow ? s.answers : undefined);
          if (s.mode === 'resume') s.draft = null;
          clearFlow(s);
          say(said);
          // `算了 不入了` with another request kept for after this one: that one offered (its own consent first).
          if (flow && offerKept(s, flow, ctx, say)) return;
        } else {
          say(T.nothingToCancel);
        }
        showMenu(s, say);
        return;
      }
      case 'back': {
        if (!flow || s.mode === 'idle' || s.mode === 'resume') {
          showMenu(s, say);
          return;
        }
        // At a 「…对吗？」 raised while answering: back to that question; what waited is not kept but never dropped
        // in silence: named, and offered at its question (setPendingAside, as when the person went on twice).
        if (s.mode === 'confirm' && s.back === 'ask' && s.pending && !s.pending.which) {
          // The question asked was answered by the same message (`东龙 欠了8000` at the township question): 返回 goes
          // back to it, its answer shown, never on to the next one.
          const asked = s.fieldId && s.fieldId in s.answers && !(s.fieldId in s.pending.values) ? s.fieldId : null;
          setPendingAside(s, flow, { ...s.pending, deferred: true }, say, ctx);
          s.mode = 'ask';
          if (asked) {
            if (s.trail[s.trail.length - 1] === asked) s.trail.pop();
            askField(s, fieldOf(flow, asked), ctx, say, true);
            s.backAt = asked;
            return;
          }
          advance(s, flow, ctx, say);
          return;
        }
        if (s.mode === 'edit' || s.mode === 'confirm') {
          s.pending = null;
          showReview(s, flow, ctx, say);
          return;
        }
        let prev = s.trail.pop();
        // An answer being asked again (a correction mid-flow): 返回 goes to the one before it.
        if (prev !== undefined && prev === s.fieldId) prev = s.trail.pop();
        if (!prev) {
          say(T.firstQuestion);
          reask(s, flow, ctx, say);
          return;
        }
        s.mode = 'ask';
        askField(s, fieldOf(flow, prev), ctx, say, true);
        s.backAt = prev;
        return;
      }
      case 'help': {
        const field = flow && s.fieldId ? flow.fields.find((f) => f.id === s.fieldId) : undefined;
        if (field && (s.mode === 'ask' || s.mode === 'edit')) {
          say(helpSaid(s, field, `${field.help}\n\n${T.commands}`, ctx));
          askField(s, field, ctx, say);
        } else if (flow && s.mode === 'review' && !firstMissing(flow, s.answers)) {
          say(`${T.reviewHint}\n\n${T.commands}`);
        } else {
          say(T.commands);
          if (flow) reask(s, flow, ctx, say);
          else showMenu(s, say);
        }
        return;
      }
      case 'human': {
        if (rest && saysSomething(rest)) return handOver(s, flow, rest, ctx, out);
        if (s.mode !== 'human') s.back = s.mode === 'offer' ? 'idle' : s.mode === 'confirm' ? s.back : flow ? (s.mode === 'review' ? 'review' : s.mode === 'edit' ? 'edit' : 'ask') : 'idle';
        s.mode = 'human';
        say(T.humanAsk);
        s.options = [];
        return;
      }
      case 'card': {
        out.effects.push({ kind: 'show-card' });
        if (flow) reaskLater(s, flow, ctx, out);
        return;
      }
      case 'progress': {
        out.effects.push({ kind: 'show-cases' });
        if (flow) reaskLater(s, flow, ctx, out);
        return;
      }
      case 'forget': {
        // Whatever was being filled in is kept as a draft until the answer is known.
        if (flow && s.mode !== 'resume') stashDraft(s);
        s.mode = 'forget';
        say(T.forgetAsk, [
          { label: '确认删除', value: '确认删除' },
          { label: '不删除', value: '不删除' },
        ]);
        return;
      }
    }
  }

  function handOver(s: Session, flow: Flow | undefined, question: string, ctx: FlowContext, out: Outcome): void {
    const returnTo = s.mode === 'human' ? s.back : s.mode;
    // `你们打电话给我吧 13700005555`: the number goes with the request (sealed on the case), never in its words.
    const phone = findPhone(question) ?? (typeof s.answers.phone === 'string' ? s.answers.phone : null);
    out.effects.push({ kind: 'handover', flowId: s.flowId, runId: s.runId, fieldId: s.fieldId, answers: s.answers, question: maskNumbers(question).slice(0, 300), phone });
    if (flow && confirmWaits(s, flow)) s.mode = 'confirm';
    else {
      s.mode = flow ? (returnTo === 'review' || returnTo === 'edit' ? returnTo : 'ask') : 'idle';
      s.back = 'idle';
    }
    if (flow) reaskLater(s, flow, ctx, out);
  }

  /**
   * 人工 asked at a 「…对吗？」 (offered there to someone who did not follow it): what waited is still waiting when
   * the person comes back (the confirmation again, where it returns to kept in `back`), never dropped unsaid.
   * Values held for a consent (at a gate) are not a confirmation.
   */
  function confirmWaits(s: Session, flow: Flow): boolean {
    if (!s.pending || Object.keys(s.pending.values).length === 0) return false;
    const at = s.fieldId ? flow.fields.find((f) => f.id === s.fieldId) : undefined;
    return !at?.gate && consented(flow, s.answers);
  }

  function atHuman(s: Session, text: string | null, ctx: FlowContext, say: Say, out: Outcome): void {
    const flow = s.flowId ? flows.get(s.flowId) : undefined;
    /** Back where 人工 was asked from: the question, or nothing more at the menu. */
    const leave = () => {
      s.misses = 0;
      if (flow && confirmWaits(s, flow)) {
        s.mode = 'confirm';
        return;
      }
      s.mode = flow ? (s.back === 'review' || s.back === 'edit' ? s.back : 'ask') : 'idle';
      s.back = 'idle';
    };
    if (text !== null) {
      const u = understandInFlowOrMenu(s, flow, text, ctx);
      if (u.kind === 'command' && u.command !== 'human') {
        // `我的案子咋还没人管` (progress), 菜单…: answered, and 人工 is over (取消 says so itself).
        if (u.command !== 'cancel') leave();
        return runCommand(u.command, s, flow, ctx, say, out, u.rest);
      }
      // `算了`, `不用了`, `没事了` at 「请说说您遇到的问题」: 人工 called off (as 取消 does), never a ticket saying 算了.
      if (NEVER_MIND.test(compact(text)) || /^(?:那|哦)?(?:就)?(?:不用了?|不要了|不转了?|不找了|没事了?|没什么事了?|不麻烦了)(?:吧|啦|了|谢谢)*$/u.test(compact(text))) {
        return runCommand('cancel', s, flow, ctx, say, out);
      }
      // `继续` with a form open: no problem to pass on, but going on with the form.
      if (flow && GOING_ON.test(compact(text))) {
        leave();
        say(`${T.humanLeft}${T.backTo(flow.title)}`);
        return reask(s, flow, ctx, say);
      }
      // `谢谢`, `再见`: nothing to pass on; the person is done.
      if (u.kind === 'smalltalk' && (u.talk === 'thanks' || u.talk === 'bye')) {
        leave();
        say(flow ? `${smallTalkReply(u.talk)}${T.backTo(flow.title)}` : smallTalkReply(u.talk));
        if (flow) reask(s, flow, ctx, say);
        return;
      }
      if (u.kind !== 'smalltalk' && saysSomething(text) && !/^(人工|转人工|找人工)$/.test(text)) {
        return handOver(s, flow, text, ctx, out);
      }
    }
    // `。。`, `嗯`: no ticket with nothing in it. Asked once more; a second time, 人工 is left.
    s.misses += 1;
    if (s.misses >= 2) {
      leave();
      say(T.humanLeft);
      if (flow) reask(s, flow, ctx, say);
      return;
    }
    say(T.humanRetry);
  }

  function understandInFlowOrMenu(s: Session, flow: Flow | undefined, text: string, ctx: FlowContext): Understood {
    return flow ? understandInFlow(flow, null, text, s.answers, ctx, null, opts.flows) : understandAtMenu(opts.flows, text, ctx);
  }

  function atForget(s: Session, text: string | null, ctx: FlowContext, say: Say, out: Outcome): void {
    const t = text === null ? '' : compact(text);
    // Not deleting first: `算了不删了`, `别删`, `先不删` (a 删 in them is no yes).
    const keep = text === '不删除' || /^(?:算了|那|还是)?(?:先|就)?(?:不删|不要删|别删|不用删)|^(?:不|不了|算了|取消|不用了?)$/.test(t) || (!/删/.test(t) && plainYesNo(text ?? '') === false);
    // Yes to "确定要删除吗？": 确认, 删吧, and the ordinary yes (`好的`, `嗯嗯`, `可以`).
    const yes = !keep && (text === '确认删除' || /^(?:确认|确定|删除|删吧|删|删掉吧?|全删了?吧?|是的?|对)$/.test(t) || plainYesNo(text ?? '') === true);
    if (yes) {
      clearFlow(s);
      s.draft = null;
      out.effects.push({ kind: 'forget-me' });
      return;
    }
    if (keep) {
      clearFlow(s);
      // A form kept while this was asked (`删除我的信息` in the middle of it) is still there: said, with how to go on.
      const draftFlow = s.draft ? flows.get(s.draft.flowId) : undefined;
      say(draftFlow ? `${T.forgetKept}${DRAFT_KEPT_NOTE(draftFlow.title)}` : T.forgetKept);
      showMenu(s, say);
      return;
    }
    s.misses += 1;
    // `删了还能恢复吗`: it cannot be undone; `删了以后还能再报吗`: yes, filled in again. Answered even when nothing is
    // deleted after it (they were the generic explanation, or only 「先不删除」).
    const answer = text === null ? null : /恢复|找回|还原|撤回删除|撤销删除|后悔/.test(t) ? T.forgetNoUndo : /(?:再|重新)(?:报|反映|登记|举报|投诉|预约|约|入会|申请|来|用)/.test(t) ? T.forgetComeBack : null;
    // Never the same long question a third time: after two replies that are neither, nothing is deleted.
    if (s.misses >= 2) {
      clearFlow(s);
      if (answer) say(answer);
      say(T.forgetNotDone);
      showMenu(s, say);
      return;
    }
    // `你删了案子还办吗`: what deleting does, then the question.
    if (answer) say(answer);
    else if (text !== null && /[?？吗么]|还办|还管|还能|会不会|案子|案件/.test(text)) say(T.forgetExplain);
    say('确定要删除吗？请回复「确认删除」或「不删除」。', s.options);
  }

  /** After an effect's replies, remind the person where they were. */
  function reaskLater(s: Session, flow: Flow, ctx: FlowContext, out: Outcome, sayBack = true): void {
    const later: Say = (text, options) => {
      out.followUp.push(options && options.length > 0 ? { type: 'text', text, options: plain(options) } : { type: 'text', text });
      if (options) s.options = kept(options);
    };
    if (sayBack) out.followUp.push({ type: 'text', text: T.backTo(flow.title) });
    reask(s, flow, ctx, later);
  }

  function reask(s: Session, flow: Flow | undefined, ctx: FlowContext, say: Say): void {
    const draftFlow = s.draft ? flows.get(s.draft.flowId) : undefined;
    if (s.mode === 'resume' && draftFlow) return offerResume(s, draftFlow, say);
    if (!flow || s.mode === 'idle') return showMenu(s, say);
    if (s.mode === 'confirm' && s.pending) return askConfirm(s, flow, ctx, say);
    if (s.mode === 'review' || !s.fieldId) return showReview(s, flow, ctx, say);
    askField(s, fieldOf(flow, s.fieldId), ctx, say);
  }

  // --- the menu -------------------------------------------------------------------------------

  function atMenu(s: Session, input: Incoming, text: string | null, ctx: FlowContext, say: Say, out: Outcome): void {
    if (text === null) {
      say(input.kind === 'file-rejected' ? input.reason : T.unknown);
      showMenu(s, say);
      return;
    }
    // `继续` with a draft kept (「先停在这里…想接着填的时候回复「继续」」): that draft goes on where it stopped.
    const draft = s.draft;
    const draftFlow = draft ? flows.get(draft.flowId) : undefined;
    if (draft && draftFlow && (GOING_ON.test(compact(text)) || GO_ON_AFTER_ALL.test(compact(text)))) {
      restoreDraft(s, draft);
      s.mode = draft.fieldId && !(draft.fieldId in draft.answers) ? 'ask' : 'review';
      say('好的，我们接着填。');
      return resumeAsking(s, draftFlow, ctx, say);
    }
    // `确认` again right after a submission: it was submitted (the case and its number follow), never 没太明白.
    const done = s.submitted ? flows.get(s.submitted.flowId) : undefined;
    if (s.submitted && done && SUBMIT_WORDS.test(compact(text)) && ctx.now.getTime() - Date.parse(s.submitted.at) <= opts.idleMinutes * 60_000) {
      if (done.id === 'wage') {
        say(T.alreadySubmitted(done.title));
        out.effects.push({ kind: 'show-cases' });
      } else {
        say(`${T.alreadySubmitted(done.title)}${T.alreadySubmittedProgress}`);
      }
      s.options = MENU;
      return;
    }
    const byMenu = FLOW_MENU[text];
    if (byMenu) {
      const flow = flows.get(byMenu)!;
      if (s.draft && s.draft.flowId === flow.id) {
        s.flowId = flow.id;
        s.flowVersion = flow.version;
        return offerResume(s, flow, say);
      }
      return begin(s, flow, {}, ctx, say);
    }
    if (text === '进度' || text === '人工') {
      runCommand(text === '进度' ? 'progress' : 'human', s, undefined, ctx, say, out);
      return;
    }
    // `不用了`, `算了`, `我再想想` with nothing asked: nothing to do, said kindly (it was 「没太明白」 and the menu).
    if (MENU_NO.test(compact(text)) || (!s.submitted && notNow(text))) {
      say(T.offerDeclined);
      s.options = MENU;
      return;
    }
    const u = understandAtMenu(opts.flows, text, ctx);
    switch (u.kind) {
      case 'command':
        runCommand(u.command, s, undefined, ctx, say, out, u.rest);
        // `我想查一下进度 顺便问下入会的事`: the cases shown, then the other thing asked for offered (kept for its consent).
        if (u.then && flows.has(u.then.service) && s.mode === 'idle' && !s.flowId) {
          s.mode = 'offer';
          s.offer = u.then.service;
          s.offerFacts = Object.keys(u.then.facts).length + Object.keys(u.then.given ?? {}).length > 0 ? { facts: u.then.facts, given: u.then.given ?? {} } : null;
          out.followUp.push({
            type: 'text',
            text: T.alsoAsked(flows.get(u.then.service)!.title),
            options: OFFER_CHOICES,
          });
        }
        return;
      case 'smalltalk':
        if (u.talk === 'greeting' || u.talk === 'emoji') return showMenu(s, say);
        say(smallTalkReply(u.talk));
        // Upset: what we can help with follows.
        if (u.talk === 'upset') showMenu(s, say);
        return;
      case 'question':
        // `入会要钱吗 老板欠我工资怎么办`: the first answered on its own, then the second with the step offered (the
        // first one's when it leads somewhere: the one named first).
        if (u.more && u.entry) {
          const leads = (e: KnowledgeEntry): boolean => !!e.nextPrompt && flows.has(nextFlowOf(e) ?? '');
          say(pointsSaid(u.entry, text, ctx) ?? withBasis(u.entry));
          const lead = leads(u.entry) ? u.entry : u.more;
          // The other one's step, when it leads elsewhere: offered after (once the first is done, or declined).
          const other = lead === u.entry && leads(u.more) && nextFlowOf(u.more) !== nextFlowOf(lead) ? nextFlowOf(u.more) : null;
          s.also = other && !u.justAsking ? other : null;
          s.alsoFacts = null;
          return answerQuestion(s, undefined, { ...u.more, next: lead.next, nextPrompt: lead.nextPrompt }, ctx, say, u.justAsking, text);
        }
        {
          // `要多久`, `能退吗` right after an application to join went in: about joining, answered as such (it was
          // 「答不上来」). Only joining: a wage report's questions after it are its case desk's (flows/case-desk.ts).
          const joined = u.entry === null && !u.then && !u.more && recentlySubmitted(s, ctx)?.id === 'membership' ? askedAfterSubmit(flows.get('membership')!, text) : null;
          return answerQuestion(s, undefined, joined ?? u.entry, ctx, say, u.justAsking, text, u.then);
        }
      case 'switch': {
        const flow = flows.get(u.service)!;
        // `老板欠我工资 另外我还想入工会`: this one first, the other kept and offered once it is submitted.
        const also = u.also && u.also !== flow.id && flows.has(u.also) ? flows.get(u.also)! : undefined;
        s.also = also ? also.id : null;
        s.alsoFacts = also && u.alsoFacts && Object.keys(u.alsoFacts).length > 0 ? u.alsoFacts : null;
        const opening = also && s.alsoFacts ? T.alsoLaterTold(flow.title, show(also, 'matter', s.alsoFacts.matter, s.alsoFacts, ctx), also.title) : also ? T.alsoLater(flow.title, also.title) : '';
        if (also) return begin(s, flow, u.facts, ctx, say, opening, u.given);
        // `我想找律师 要钱吗`: the price is answered first (the knowledge base's entry), then the booking goes on.
        // `我想入会 要交钱吗`, `我想加入工会，会费多少`: the dues are answered first, then the application goes on;
        // `我要反映欠薪 多久能处理`: any question leading to the service asked for (askedWith), likewise;
        // `我想入会，什么时候有人联系我`: joining's wait (joinWaitAskedWith; the question was dropped).
        const asked =
          u.service === 'legal' && asksCost(text)
            ? bookingCostEntry(knowledgeBase(), text, u.given?.help)
            : u.service === 'membership' && asksDues(text)
              ? knowledgeBase().byId(UNION_DUES)
              : u.service === 'membership'
                ? joinWaitAskedWith(text)
                : !('amountAsked' in u.facts)
                  ? askedWith(text, flow.id)
                  : null;
        if (asked) say(pointsSaid(asked, text, ctx) ?? withBasis(asked));
        if (s.draft && s.draft.flowId === flow.id && Object.keys(u.facts).length === 0) {
          s.flowId = flow.id;
          s.flowVersion = flow.version;
          offerResume(s, flow, say);
          return;
        }
        // Typed in pinyin: what was read is said back before the flow's consent (which the person may decline).
        // `我在合西街道干活 老板欠我工资`: the one township near the mistyped name proposed with the other facts.
        return begin(s, flow, u.heard ? u.facts : withNearPlace(flow, u.facts, u.given ?? {}, text, ctx), ctx, say, u.heard ? T.heardPinyin(u.heard) : undefined, u.given);
      }
      default:
        // Money and work said too loosely to act on: asked whether that is the report wanted, so the
        // menu's 1 (入会) never answers it. The message's facts wait for the flow's consent, as an offer's do.
        if (u.kind === 'unclear' && u.maybe && flows.has(u.maybe)) {
          const offered = flows.get(u.maybe)!;
          s.mode = 'offer';
          s.offer = offered.id;
          const carried = openingFacts(offered, text, ctx);
          s.offerFacts = carried && Object.keys(carried.facts).length + Object.keys(carried.given).length > 0 ? carried : null;
          say(T.maybeMeant(offered.title), [
            { label: '是的', value: 'offer:yes' },
            { label: '不是', value: 'offer:no' },
          ]);
          return;
        }
        // `我是做保姆的`: no problem told yet; what we can help with, never 「没明白」 nor advice nobody asked for.
        // `送外卖的`, `美团`: what riders get said with it. `我在河西街道干活`: the township kept for a report begun next.
        // Said again right after (`送外卖的`, then `美团`): the short way, never the same greeting twice; a place said
        // before is kept unless this one names another.
        if (u.kind === 'unclear' && u.job) {
          const before = s.toldAtMenu && ctx.now.getTime() - Date.parse(s.toldAtMenu.at) <= opts.idleMinutes * 60_000 ? s.toldAtMenu : null;
          const place = placeSaidAtMenu(text, ctx);
          s.toldAtMenu = { facts: place ? { location: place } : (before?.facts ?? {}), at: ctx.now.toISOString() };
          return showMenu(s, say, before ? (u.rider ? T.riderAgain : T.jobAgain) : u.rider ? T.riderOnly : T.jobOnly);
        }
        // `刚才名字填错了`, `我要改一下` after an application or a booking went in: not changed here; how it can be
        // (the flow says), never 「没太明白」. (A wage report's corrections go to its case worker: flows/case-desk.ts.)
        if (u.kind === 'unclear' && done?.fixAfterSubmit && asksToFix(done, text)) {
          say(done.fixAfterSubmit);
          s.options = [];
          return;
        }
        if (text.length > 0) say(T.unknown);
        showMenu(s, say);
    }
  }

  /** The flow submitted within the idle minutes (as `确认` said again right after is told it was), else undefined. */
  function recentlySubmitted(s: Session, ctx: FlowContext): Flow | undefined {
    if (!s.submitted || ctx.now.getTime() - Date.parse(s.submitted.at) > opts.idleMinutes * 60_000) return undefined;
    return flows.get(s.submitted.flowId);
  }

  /** Words asking to change what was said (`刚才名字填错了`, `电话写错了 是139…`, `我要改一下`, `上一个填错了`). */
  function asksToFix(flow: Flow, text: string): boolean {
    const t = compact(text);
    if (CHANGE_ONLY.test(t) || namedForChange(flow.fields.filter((f) => f.label), text) !== null) return true;
    const c = correctionOf(text);
    // A plain `不对` is a no, not a change.
    return c !== null && plainYesNo(text) !== false && (c.rest !== '' || /错|改|更正/u.test(t));
  }

  /** A fresh run of `flow` at its first question: its own saved draft and the last run's answers dropped. */
  function newRun(s: Session, flow: Flow): void {
    if (s.draft && s.draft.flowId === flow.id) s.draft = null;
    clearFlow(s);
    s.submitted = null;
    s.flowId = flow.id;
    s.flowVersion = flow.version;
    s.runId = opts.newRunId();
    s.mode = 'ask';
  }

  /** The flow whose consent was just refused, opened again with it given (a new run: nothing else was kept). */
  function reopenRefused(s: Session, flow: Flow, refused: NonNullable<Session['refused']>, ctx: FlowContext, say: Say): void {
    newRun(s, flow);
    setAnswers(s, flow, { ...refused.answers, [refused.fieldId]: true });
    say(CONSENTED_AFTER_ALL(flow.title));
    advance(s, flow, ctx, say);
  }

  /**
   * Where the person works, in a message at the menu that told nothing else: the township as a wage report's first
   * message would be read for it, or the one township near a mistyped name said with its suffix (`在合西街道干活`).
   */
  function placeSaidAtMenu(text: string, ctx: FlowContext): unknown {
    const wage = flows.get('wage');
    if (!wage) return null;
    return openingFacts(wage, text, ctx).facts.location ?? nearTownshipSaid(ctx, text);
  }

  /**
   * The facts said at the menu before (`toldAtMenu`), for a wage report begun now within the idle time: only where
   * the message that begins it names no place and is not for someone else (whose work may be elsewhere).
   */
  function toldBefore(s: Session, flow: Flow, facts: Answers, given: Answers, ctx: FlowContext): Answers {
    const told = s.toldAtMenu;
    s.toldAtMenu = null;
    if (!told || Object.keys(told.facts).length === 0 || flow.id !== 'wage' || ctx.now.getTime() - Date.parse(told.at) > opts.idleMinutes * 60_000) return {};
    if ('behalfSaid' in given || PLACE_FACTS.some((k) => k in facts || k in given)) return {};
    return told.facts;
  }

  /**
   * A wage report's opening facts with the township near a mistyped name said for the work (`在合西街道干活`: 河西街道),
   * when the message names no place the report read and is not for someone else: proposed after the consent like the
   * others (never kept without a yes).
   */
  function withNearPlace(flow: Flow, facts: Answers, given: Answers, text: string, ctx: FlowContext): Answers {
    if (flow.id !== 'wage' || 'behalfSaid' in given || PLACE_FACTS.some((k) => k in facts || k in given) || townshipsIn(ctx, text).length > 0) return facts;
    const near = nearTownshipSaid(ctx, text);
    return near ? { ...facts, location: near } : facts;
  }

  /**
   * Starts `flow`; facts from the opening message are held until its consent, then confirmed (with a place said at
   * the menu before: toldBefore).
   */
  function begin(s: Session, flow: Flow, facts: Answers, ctx: FlowContext, say: Say, intro?: string, given: Answers = {}): void {
    facts = { ...toldBefore(s, flow, facts, given, ctx), ...facts };
    newRun(s, flow);
    if (Object.keys(given).length > 0) setAnswers(s, flow, given);
    if (Object.keys(facts).length > 0) s.pending = { values: { ...facts }, previous: {} };
    // What the request chose is said back at once, so the worker sees they were understood.
    // (A hint that is no question's answer, e.g. whose wages a report may be for, is not said back.)
    // One message: a note after the intro loses its own 「好的，」 (never 「好的，先帮您办…」 then 「好的，您想…」).
    const opening = oneMessage([intro, notedLine(flow, given, s.answers, ctx)].filter((x): x is string => !!x));
    if (opening) say(opening);
    advance(s, flow, ctx, say);
  }

  /**
   * An answer from the knowledge base; at the menu, the next step it leads to
   * is offered, and `asked` (the question's words) holds the facts the
   * offered flow opens with.
   */
  function answerQuestion(
    s: Session,
    flow: Flow | undefined,
    entry: KnowledgeEntry | null,
    ctx: FlowContext,
    say: Say,
    justAsking = false,
    asked = '',
    then?: { service: string; facts: Answers; given?: Answers; offer?: true; wished?: true; also?: string; alsoFacts?: Answers },
  ): void {
    if (!entry) {
      say(T.questionUnknown);
      if (flow) reask(s, flow, ctx, say);
      return;
    }
    // `律师要钱吗` inside the booking its answer leads to: the price of what is being booked, as when the booking is
    // asked for with its price (`我想找律师 要钱吗`, bookingCostEntry: free), never formal legal aid's conditions.
    const booked = flow && asked !== '' && nextFlowOf(entry) === flow.id && asksCost(asked) ? bookingCostEntry(knowledgeBase(), asked, s.answers.help, true) : null;
    if (booked) entry = booked;
    // `东龙镇的工会驿站在哪`: the points of the place named, from the directory (flows/points-said.ts).
    const said = pointsSaid(entry, asked, ctx) ?? withBasis(entry);
    if (flow) {
      // An answer that leads to another service (工伤怎么算 while reporting wages): how to get there when wanted.
      const next = nextFlowOf(entry);
      const elsewhere = next && next !== flow.id && flows.has(next) ? `\n\n${T.whenNeeded(flows.get(next)!.title)}` : '';
      say(`${said}${elsewhere}`);
      say(T.backTo(flow.title));
      reask(s, flow, ctx, say);
      return;
    }
    // `工伤怎么赔 另外老板还欠我工资两千`: the answer, then the other thing asked for offered with what was said for it.
    if (then && flows.has(then.service)) {
      s.mode = 'offer';
      s.offer = then.service;
      s.offerFacts = { facts: then.facts, given: then.given ?? {} };
      s.offerTopic = entry.id;
      // `想找个律师问问 老板不给工资怎么办`: the booking wished for offered; the report the answer leads to kept for a no
      // (offered in its place, with the months and the sum said for it: atOffer).
      const also = then.also && then.also !== then.service && flows.has(then.also) ? then.also : null;
      s.also = also;
      s.alsoFacts = also && then.alsoFacts && Object.keys(then.alsoFacts).length > 0 ? then.alsoFacts : null;
      const title = flows.get(then.service)!.title;
      // `offer`: the service was not asked for, only told of (`站长拖了三个月了怎么办`): offered, never said to be asked.
      say(`${said}\n\n${then.wished ? T.lawyerWished(title) : then.offer ? T.offerService(title) : T.alsoAsked(title)}`, OFFER_CHOICES);
      return;
    }
    const next = nextFlowOf(entry);
    // Someone who said they only want to know is told where the next step is, not asked to take it.
    if (next && justAsking && flows.has(next)) {
      say(`${said}\n\n${T.whenNeeded(flows.get(next)!.title)}`);
      s.options = MENU;
      return;
    }
    // An application to join just sent (`入会要多久` after 提交成功): the answer, and where its status is; never offered
    // to apply again (a second application is refused as a duplicate).
    if (next && next === 'membership' && recentlySubmitted(s, ctx)?.id === next) {
      say(`${said}\n\n${T.alreadySubmittedProgress}`);
      s.options = MENU;
      return;
    }
    // A report just sent (`跟老板的聊天截图要不要发过去` after 提交成功): never offered a new one for the same thing.
    if (next && s.submitted?.flowId === next && next === 'wage') {
      say(`${said}\n\n${reportedLine(ctx.reported)}`);
      s.options = MENU;
      return;
    }
    if (next && entry.nextPrompt && flows.has(next)) {
      s.mode = 'offer';
      s.offer = next;
      const carried = asked ? openingFacts(flows.get(next), asked, ctx) : null;
      s.offerFacts = carried && Object.keys(carried.facts).length + Object.keys(carried.given).length > 0 ? carried : null;
      s.offerTopic = entry.id;
      say(`${said}\n\n${entry.nextPrompt}`, [
        { label: '好的', value: 'offer:yes' },
        { label: '不用了，只是问问', value: 'offer:no' },
      ]);
      return;
    }
    say(said);
    s.options = MENU;
  }

  function atOffer(s: Session, input: Incoming, text: string | null, ctx: FlowContext, say: Say, out: Outcome): void {
    const offered = s.offer ? flows.get(s.offer) : undefined;
    const carried = s.offerFacts;
    const topic = s.offerTopic ? knowledgeBase().byId(s.offerTopic) : undefined;
    s.offer = null;
    s.offerFacts = null;
    s.offerTopic = null;
    s.mode = 'idle';
    // `帮我登记一下`, `那我怎么办` after the answer that offered it: taken up as a yes (the flow's consent comes first).
    // Not where the offer is about a case (another report, a booking for it, a workmate's): those ask their own yes.
    const taken = offered && !s.offerCase && text !== null && isService(offered.id) ? takesOffer(text, offered.id) : null;
    if (text === 'offer:yes' || (text !== null && understandConfirm(text) === 'yes') || taken) {
      // What the question said opens the flow: facts confirmed after its consent, a choice it made noted.
      if (offered) return begin(s, offered, carried?.facts ?? {}, ctx, say, taken === 'how' ? T.offerHow(offered.title) : undefined, carried?.given ?? {});
    }
    // `明天下午可以不` at a booking offered: taken up, with the day wished for (kept for the slot list).
    const wished = offered && !s.offerCase && text !== null && offered.takesOfferWith ? offered.takesOfferWith(text, ctx) : null;
    if (offered && wished) return begin(s, offered, { ...(carried?.facts ?? {}), ...wished }, ctx, say, undefined, carried?.given ?? {});
    if (text === 'offer:no' || (text !== null && understandConfirm(text) === 'no')) {
      // `入会要钱吗 老板欠我工资怎么办`, joining declined: the report the other question leads to offered in its place.
      const kept = s.also && s.also !== offered?.id && !s.offerCase ? flows.get(s.also) : undefined;
      const keptFacts = s.alsoFacts;
      s.also = null;
      s.alsoFacts = null;
      if (kept) {
        s.mode = 'offer';
        s.offer = kept.id;
        s.offerFacts = keptFacts ? { facts: keptFacts, given: {} } : null;
        say(T.offerInstead(kept.title), OFFER_CHOICES);
        return;
      }
      say(T.offerDeclined);
      s.options = MENU;
      return;
    }
    // A bare number once 谢谢 / 再见 closed the offer (its list no longer the question on screen): never acted on
    // as the offer's 好的; the offer asked again, its own 好的 / 不用了 shown.
    if (offered && text !== null && s.options.length === 0 && /^\d{1,2}$/u.test(text.trim())) {
      // Not one of the offer's numbers: which service is meant, with the menu (never a pick of it unseen).
      if (!/^[12]$/u.test(text.trim())) return showMenu(s, say, T.numberAfterSubmit(text.trim()));
      s.mode = 'offer';
      s.offer = offered.id;
      s.offerFacts = carried;
      say(T.offerAgain(text.trim(), offered.title), OFFER_CHOICES);
      s.options = kept(OFFER_CHOICES);
      return;
    }
    // `谢谢`, `嗯`: small talk, and the offer still stands (its 好的 / 不用了 are the numbers last shown).
    // 谢谢 and 再见 close the talk: the offer still stands in words (好的), but a bare number no longer picks from it.
    const talk = text !== null ? smallTalkOf(text) : null;
    if (talk && talk !== 'asking' && talk !== 'complain' && offered) {
      s.mode = 'offer';
      s.offer = offered.id;
      s.offerFacts = carried;
      say(smallTalkReply(talk));
      if (talk === 'thanks' || talk === 'bye') s.options = [];
      return;
    }
    // `我要登记欠薪` at the booking offered for `想咨询律师 老板欠我三个月工资…`: the report kept as the alternative is
    // taken, with what the first message said for it (the months, the sum: confirmed after its consent).
    const keptFlow = s.also && s.alsoFacts && !s.offerCase && text !== null ? flows.get(s.also) : undefined;
    if (keptFlow && text !== null) {
      const u = FLOW_MENU[text] === keptFlow.id ? null : understandAtMenu(opts.flows, text, ctx);
      const plainSwitch = u === null || (u.kind === 'switch' && u.service === keptFlow.id && !u.heard && !u.also && Object.keys(u.facts).length === 0);
      if (plainSwitch) {
        const facts = s.alsoFacts ?? {};
        s.also = null;
        s.alsoFacts = null;
        return begin(s, keptFlow, facts, ctx, say, undefined, u?.kind === 'switch' ? (u.given ?? {}) : {});
      }
    }
    // `我再想想`, `以后再说吧`, `先不入了`: declined for now (it was 「没太明白」 and the menu).
    if (offered && text !== null && notNow(text)) {
      s.also = null;
      s.alsoFacts = null;
      say(T.offerLater);
      s.options = MENU;
      return;
    }
    // `要交多少` right after the dues answer that offered joining: a follow-up on that answer, too short to be matched
    // alone (it was 「答不上来」, and the offer gone): the answer again, the offer still standing. Only when the answer
    // it made is the best the words match and no other entry is clearly theirs (precision first).
    if (offered && topic && text !== null && nextFlowOf(topic) === offered.id && isFollowUp(topic, text)) {
      s.mode = 'offer';
      s.offer = offered.id;
      s.offerFacts = carried;
      s.offerTopic = topic.id;
      say(`${T.asSaid}${withBasis(topic)}\n\n${topic.nextPrompt ?? T.offerService(offered.title)}`, OFFER_CHOICES);
      return;
    }
    // Anything else leaves the offer: the menu's numbers apply from here, never the offer's (nor one kept for after it).
    s.options = MENU;
    s.also = null;
    s.alsoFacts = null;
    atMenu(s, input, text, ctx, say, out);
  }

  function atResume(s: Session, text: string | null, ctx: FlowContext, say: Say, out: Outcome, typed: string | null = text): void {
    const draft = s.draft;
    const flow = draft ? flows.get(draft.flowId) : undefined;
    if (!draft || !flow) {
      clearFlow(s);
      showMenu(s, say);
      return;
    }
    // 「要先停在这里吗？」 (offerStop): its own yes and no.
    if (draft.stop) return atStopAsked(s, draft, flow, text, ctx, say, out);
    const yn = text !== null ? understandConfirm(text) : null;
    // 「确定放弃吗？」 asked (below): its yes throws the form away (or starts it again); its no goes on.
    const sure = s.options.find((o) => o.value === SURE_RESTART || o.value === SURE_DROP)?.value ?? null;
    const discard = text === SURE_RESTART || text === SURE_DROP ? text : sure && yn === 'yes' ? sure : null;
    if (discard === SURE_RESTART) {
      s.draft = null;
      return begin(s, flow, {}, ctx, say);
    }
    if (discard === SURE_DROP) {
      s.draft = null;
      clearFlow(s);
      say(droppedText(draft.answers));
      return showMenu(s, say);
    }
    if (sure && yn === 'no') text = '继续';
    if (text === RESTART_OFFERED || text === DROP_OFFERED) {
      const restart = text === RESTART_OFFERED;
      // The number that opened the offer sent again (`3|3`: it seemed not to take): asked first, the form kept; the
      // yes is never that number. Said in words, done at once.
      if (typed !== null && numberPicked(typed) !== null && hasWork(flow, draft.answers)) {
        say(restart ? '确定要重新开始吗？已填的内容会清除。' : '确定放弃吗？已填的内容会清除。', [
          { label: restart ? SURE_RESTART : SURE_DROP, value: restart ? SURE_RESTART : SURE_DROP },
          { label: '不了，继续填写', value: '继续' },
        ]);
        return;
      }
      text = restart ? '重新开始' : '放弃';
    }
    if (text === '继续' || text === '继续填写' || yn === 'yes' || (text !== null && (/^(?:接着|继续)/.test(text) || GO_ON_AFTER_ALL.test(compact(text)) || STILL_HERE.test(compact(text))))) {
      restoreDraft(s, draft);
      s.mode = draft.fieldId ? 'ask' : 'review';
      say('好的，我们接着填。');
      resumeAsking(s, flow, ctx, say);
    } else if (text === '重新开始' || (text !== null && /^(?:重新|重来|从头)/.test(text))) {
      s.draft = null;
      begin(s, flow, {}, ctx, say);
    } else if (text === '放弃' || yn === 'no' || (text !== null && /^(?:放弃|不要了|不填了|算了)/.test(text))) {
      s.draft = null;
      clearFlow(s);
      say(droppedText(draft.answers));
      showMenu(s, say);
    } else if (text !== null && answersDraft(flow, draft, text, ctx)) {
      // The answer to the question the draft stopped at (`450102…` when the ID was asked): going on, with it.
      restoreDraft(s, draft);
      s.mode = 'ask';
      s.options = kept(fieldOf(flow, draft.fieldId!).options?.(s.answers, ctx) ?? []);
      say('好的，我们接着填。');
      atField(s, flow, { kind: 'text', text }, text, ctx, say, out);
    } else {
      // Something else entirely: the draft stays, and the message is read as if at the menu.
      clearFlow(s);
      s.draft = draft;
      atMenu(s, { kind: 'text', text: text ?? '' }, text, ctx, say, out);
    }
  }

  /** A wish to skip the question asked (`跳过`, `这个先跳过吧`, `跳过这一题`), said after the stop question. */
  const SKIP_WISH = /^(?:这个|这项|这一项|这题|这道题|这个问题)?(?:先|就|那就)?(?:跳过|略过)(?:去|这个|这项|这一项|这题|这一题|这道题|这个问题)?(?:吧|了|啊|哈)*$/u;

  /**
   * The answer to 「要先停在这里吗？」 after a wish to stop (`不弄了`, `先不报了`, `算了`): one question, so
   * its yes (`嗯`, `好`, `对`, 先停下) stops, the draft kept; 接着填 (or no, don't stop) goes on; only
   * 放弃 (or 不要了…) throws the draft away. Anything else: stopped all the same (nothing lost, never asked
   * twice), and the message read as at the menu.
   */
  function atStopAsked(s: Session, draft: NonNullable<Session['draft']>, flow: Flow, text: string | null, ctx: FlowContext, say: Say, out: Outcome): void {
    const { stop: _stop, ...saved } = draft;
    const t = text === null ? '' : compact(text);
    const yn = text !== null ? understandConfirm(text) : null;
    if (text === '放弃' || /^(?:算了)?(?:放弃|不要了|不填了|不报了|不弄了|不办了|不想填了|删了吧|全删了)/u.test(t)) {
      s.draft = null;
      clearFlow(s);
      say(droppedText(saved.answers));
      return showMenu(s, say);
    }
    if (text === '继续' || /^(?:接着|继续|不停|别停)/u.test(t) || GO_ON_AFTER_ALL.test(t) || (yn === 'no' && !/停|算了/u.test(t))) {
      restoreDraft(s, saved);
      s.mode = saved.fieldId ? 'ask' : 'review';
      say('好的，我们接着填。');
      return resumeAsking(s, flow, ctx, say);
    }
    if (text === '先停下' || yn === 'yes' || /^(?:先|就|还是)?(?:停下|停吧|停在这|保存|先这样|算了)/u.test(t)) {
      clearFlow(s);
      s.draft = saved;
      s.misses = 0;
      say(T.stopped(flow.title));
      return;
    }
    // `跳过`, `这个先跳过吧`: the question they stopped at, not the form. An optional one is left empty and the next
    // asked; a required one cannot be: said, and asked again. Never the menu with the draft left unsaid.
    if (SKIP_WISH.test(t)) {
      restoreDraft(s, saved);
      s.mode = saved.fieldId ? 'ask' : 'review';
      const field = saved.fieldId ? fieldOf(flow, saved.fieldId) : null;
      if (!field) {
        say('好的，我们接着填。');
        return resumeAsking(s, flow, ctx, say);
      }
      s.options = kept(field.options?.(s.answers, ctx) ?? []);
      if (field.optional) return atField(s, flow, { kind: 'text', text: '跳过' }, '跳过', ctx, say, out);
      s.misses = 0;
      say(T.cannotSkip);
      return askField(s, field, ctx, say);
    }
    if (text !== null && answersDraft(flow, saved, text, ctx)) {
      restoreDraft(s, saved);
      s.mode = 'ask';
      s.options = saved.fieldId ? kept(fieldOf(flow, saved.fieldId).options?.(s.answers, ctx) ?? []) : [];
      say('好的，我们接着填。');
      return atField(s, flow, { kind: 'text', text }, text, ctx, say, out);
    }
    clearFlow(s);
    s.draft = saved;
    atMenu(s, { kind: 'text', text: text ?? '' }, text, ctx, say, out);
  }

  /**
   * Whether what someone back after a long time typed (`typed`; `text` once an option picked is read) answers the
   * question left open (`河西街道` at the township list, `6000` at the amount): a value its field takes, as at a
   * draft's question. A bare number at a list is not (after a day it is no pick from a list they may not see), nor a
   * bare yes or no; nor anything at a confirmation, the summary or a consent, where the welcome back is asked first.
   */
  function answersOpenQuestion(s: Session, flow: Flow, typed: string, text: string, ctx: FlowContext): boolean {
    // Nor a bare yes or no (`是`): after a break it may answer something else they had in mind.
    if (s.mode !== 'ask' || !s.fieldId || s.pending || numberPicked(typed) !== null || yesNo(typed) !== null) return false;
    const field = flow.fields.find((f) => f.id === s.fieldId);
    if (/^\d+$/u.test(compact(typed)) && (field?.options?.(s.answers, ctx).length ?? 0) > 0) return false;
    // `老板让我回家等通知` at 「还在这家单位干吗？」: no value yet, but about the question; asked about there.
    if (field?.neither?.test(typed)) return true;
    const draft = { flowId: flow.id, flowVersion: flow.version, runId: s.runId, fieldId: s.fieldId, answers: s.answers, trail: s.trail, later: s.later, offered: s.offered };
    return answersDraft(flow, draft, text, ctx);
  }

  /**
   * A bare number (`3`) a short while after the last message (`LIST_STILL_SHOWN_MINUTES`), at a question whose list
   * it picks from: the option picked, as before the break. Not at a consent, a confirmation or the summary.
   */
  function pickAfterShortBreak(s: Session, flow: Flow, typed: string, ctx: FlowContext): Option | null {
    if (s.mode !== 'ask' || !s.fieldId || s.pending || !/^\d{1,2}$/u.test(compact(typed))) return null;
    if (ctx.now.getTime() - Date.parse(s.updatedAt) > LIST_STILL_SHOWN_MINUTES * 60_000) return null;
    const field = flow.fields.find((f) => f.id === s.fieldId);
    if (!field || field.gate) return null;
    const listed = field.options?.(s.answers, ctx) ?? [];
    const picked = pickExact(typed, s.options);
    return picked && listed.some((o) => o.value === picked.value) ? picked : null;
  }

  /**
   * A command typed after a long time away, where a question of a form was left open (`人工`, `进度`, `菜单`,
   * `删除我的信息`, `取消`, `不填了`, `我再想想`): done as asked, never first the offer to go on (they had to get past
   * it and say it again). 人工, 帮助 and 返回 work as in the middle of the form (a request for a person goes with
   * what the form knows, the place, and the question follows). The others leave the form for now: it is kept as a
   * draft (a 「…对吗？」 left open waits with it, unconfirmed), said so with how to go on (`继续`); a wish to stop
   * stops there, nothing thrown away. False when the message is no command (the offer to go on follows).
   */
  function commandAfterBreak(s: Session, flow: Flow, text: string, ctx: FlowContext, say: Say, out: Outcome): boolean {
    if (s.mode !== 'ask' && s.mode !== 'edit' && s.mode !== 'review' && s.mode !== 'confirm') return false;
    const field = (s.mode === 'ask' || s.mode === 'edit') && s.fieldId ? flow.fields.find((f) => f.id === s.fieldId) : undefined;
    // Where the whole message is the answer (an account, a roster), only the commands themselves, as there.
    const words = !field?.verbatim && !field?.acceptsFiles;
    const wish = words ? (pauses(text, flow) ? 'pause' : stopWish(text)) : null;
    const u = wish ? null : understandInFlow(flow, field ?? null, text, s.answers, ctx, null, opts.flows);
    if (!wish && u?.kind !== 'command') return false;
    const command = u?.kind === 'command' ? u.command : 'cancel';
    s.misses = 0;
    if (command === 'human' || command === 'help' || command === 'back') {
      runCommand(command, s, flow, ctx, say, out, u?.kind === 'command' ? u.rest : undefined);
      return true;
    }
    const parked = parkPending(s, flow);
    const labels = flow.fields.filter((f) => f.id in parked && f.label).map((f) => labelOf(f, { ...s.answers, ...parked }));
    const waiting = labels.length > 0 ? `\n${PARKED_WITH_DRAFT(labels.join('、'))}` : '';
    if (wish === 'pause') {
      pauseFlow(s, flow, say);
      if (waiting) say(waiting.slice(1));
      return true;
    }
    switch (command) {
      case 'menu':
        stashDraft(s);
        say(`${T.menuBack}${T.draftKept(flow.title)}${waiting}`);
        showMenu(s, say);
        return true;
      case 'progress':
      case 'card':
        stashDraft(s);
        s.mode = 'idle';
        out.effects.push(command === 'progress' ? { kind: 'show-cases' } : { kind: 'show-card' });
        out.followUp.push({ type: 'text', text: `${DRAFT_KEPT_NOTE(flow.title)}${waiting}` });
        return true;
      case 'forget':
        // Kept until the answer is known (as in the middle of the form); a no says it is still there.
        runCommand('forget', s, flow, ctx, say, out);
        return true;
      default: {
        // 取消, `不填了`, `先不报了`: stopped here, and nothing filled in thrown away (after a day, 取消 may not
        // mean the form); 放弃 at the offer to go on throws it away. With nothing filled in yet, cancelled.
        if (!hasWork(flow, s.answers)) {
          const said = droppedText(s.answers);
          clearFlow(s);
          say(said);
          showMenu(s, say);
          return true;
        }
        const afraid = wish === 'afraid' || (u?.kind === 'command' && u.rest === STOP_AFRAID);
        stashDraft(s);
        s.mode = 'idle';
        say(`${afraid ? `${T.stopAfraid}\n` : ''}${T.stopped(flow.title)}${waiting}`);
        return true;
      }
    }
  }

  /** Whether `text` answers the question a draft stopped at (a value its field takes, not a command or a question). */
  function answersDraft(flow: Flow, draft: NonNullable<Session['draft']>, text: string, ctx: FlowContext): boolean {
    const field = draft.fieldId ? flow.fields.find((f) => f.id === draft.fieldId) : undefined;
    if (!field || field.gate || field.acceptsFiles || field.id in draft.answers) return false;
    // A bare number belongs to the resume prompt's own options.
    if (numberPicked(text) !== null) return false;
    const u = understandInFlow(flow, field, text, draft.answers, ctx, null, []);
    // `宏达建筑公司 欠我8000` at the unit's question: its answer said with other facts (all confirmed there).
    return u.kind === 'answer' && ((u.result !== null && u.result.ok && !u.result.exit) || (u.result === null && field.id in u.facts));
  }

  // --- asking fields -------------------------------------------------------------------------

  /** The next thing to do: confirm facts held back by a consent, ask the first missing field, or show the summary. */
  function advance(s: Session, flow: Flow, ctx: FlowContext, say: Say): void {
    const visible = visibleFields(flow, s.answers);
    const next = visible.find((f) => !(f.id in s.answers) && !f.extractOnly);
    if (s.pending && (!next || !next.gate)) {
      // Facts no field can take any more (e.g. a consent was refused) are dropped by the confirmation itself.
      s.back = s.mode === 'edit' ? 'edit' : next ? 'ask' : 'review';
      return askConfirm(s, flow, ctx, say);
    }
    const due = dueFromLater(s, flow);
    if (due.length > 0) {
      const held = Object.fromEntries(due.map((k) => [k, s.later[k]]));
      s.later = Object.fromEntries(Object.entries(s.later).filter(([k]) => !due.includes(k)));
      return holdFacts(s, flow, held, ctx, say, true);
    }
    if (next) {
      s.mode = s.mode === 'edit' ? 'edit' : 'ask';
      askField(s, next, ctx, say);
    } else {
      showReview(s, flow, ctx, say);
    }
  }

  /**
   * A value for a question asked only before the consent (代为反映 heard after it: `我是帮我爸问的` at the unit
   * question), whose question never comes again: like a question already passed, confirmed once more at once
   * when the person went on, never offered at a question that is not asked.
   */
  function passedGate(flow: Flow, id: string, value: unknown, answers: Answers): boolean {
    const f = flow.fields.find((x) => x.id === id);
    if (!f || !f.gate || f.acceptsFiles || f.verbatim || id in answers || !consented(flow, answers)) return false;
    // Refused once already (`不对` to it before, `Field.denied`): said again, it is asked once, never again after that.
    const refused = f.denied?.(value, answers) ?? {};
    if (Object.keys(refused).length > 0 && Object.entries(refused).every(([k, v]) => JSON.stringify(answers[k]) === JSON.stringify(v))) return false;
    return !visibleFields(flow, answers).includes(f) && visibleFields(flow, { ...answers, [id]: value }).includes(f);
  }

  /**
   * After a yes kept `values` (already among the answers): whether the question asked right before that
   * confirmation is the one `advance` asks next (the values answered some other question, said out of turn).
   */
  function asksAgainAfterYes(s: Session, flow: Flow, values: Answers): boolean {
    if (s.back !== 'ask' || !s.fieldId || s.fieldId in values || s.fieldId in s.answers) return false;
    if (dueFromLater(s, flow).length > 0) return false;
    const next = visibleFields(flow, s.answers).find((f) => !(f.id in s.answers) && !f.extractOnly);
    return next?.id === s.fieldId;
  }

  /** The values waiting in `later` that `advance` confirms now, before asking anything (none: the next question is asked). */
  function dueFromLater(s: Session, flow: Flow): string[] {
    const visible = visibleFields(flow, s.answers);
    const next = visible.find((f) => !(f.id in s.answers) && !f.extractOnly);
    // A change of an answer (or a value for a question already passed) that was not confirmed because the
    // person went on (setPendingAside): confirmed once more now, before the next question; never kept unasked.
    const again = Object.keys(s.later).filter((k) => passedGate(flow, k, s.later[k], s.answers) || (visible.some((f) => f.id === k) && (k in s.answers || !next || visible.indexOf(fieldOf(flow, k)) < visible.indexOf(next))));
    if (again.length > 0) return again;
    if (!next || !(next.id in s.later)) return [];
    // Said before this question could come: confirmed now instead of asked (once: a no asks it), with
    // those said for the questions right after it (`新就业形态` and `外卖配送员`).
    const held: string[] = [];
    const ahead = visibleFields(flow, { ...s.answers, ...s.later });
    for (const f of ahead.slice(Math.max(0, ahead.indexOf(next)))) {
      if (f.id in s.answers || f.extractOnly) continue;
      if (!(f.id in s.later)) break;
      held.push(f.id);
    }
    return held;
  }

  function askField(s: Session, field: Field, ctx: FlowContext, say: Say, showPrevious = false): void {
    // Misses count per question: a new question starts afresh.
    if (s.fieldId !== field.id) {
      s.misses = 0;
      // What was said aside at the question before (`啥意思`, `哈哈`) counts there only.
      delete s.aside;
    }
    s.fieldId = field.id;
    // Set again by 返回 right after, when that is what asks it.
    s.backAt = null;
    if (s.mode !== 'edit') s.mode = 'ask';
    // A consent's whole text shown at this question twice already (then a fact said there was confirmed, or held, or a
    // question answered): its short form, with its choices (it was the long text again and again, three times in a row).
    // (So with a gate asked as a yes or no, the declaration to join: `张伟`, the ID number, the phone typed there in turn
    // showed its whole text each time, the same long question three times.)
    const long = field.consent === true || (field.gate === true && field.yesNo === true);
    if (long && s.consentShown === `${field.id}:2` && !showPrevious) {
      const how = field.parse({ kind: 'text', text: '' }, s.answers, ctx);
      if (!how.ok && how.error) {
        const options = field.options?.(s.answers, ctx) ?? [];
        say(how.error, options);
        s.options = kept(options);
        return;
      }
    }
    if (long) s.consentShown = s.consentShown === `${field.id}:1` ? `${field.id}:2` : `${field.id}:1`;
    else delete s.consentShown;
    let text = field.ask(s.answers, ctx);
    const before = showPrevious ? previousShown(flows.get(s.flowId!)!, field, s.answers, ctx) : null;
    if (before) text += `\n（之前填的是：${before}）`;
    // A value set aside unconfirmed (setPendingAside): offered here until the question is answered or the offer refused;
    // a plain 对 picks it.
    const offer = field.id in s.offered ? offeredOption(flows.get(s.flowId!)!, field, s.offered[field.id], s.answers, ctx) : null;
    if (offer) text += `\n${T.offeredAgain(offer.label)}`;
    if (field.optional) text += '\n（可回复「跳过」）';
    const options = [...(field.options?.(s.answers, ctx) ?? []), ...(offer ? [offer] : [])];
    say(text, options);
    s.options = kept(options);
  }

  /** A question with choices listed now (a question whose choices come only at times, as the period's, has none otherwise). */
  function hasChoices(field: Field, answers: Answers, ctx: FlowContext): boolean {
    return (field.options?.(answers, ctx) ?? []).length > 0;
  }

  /** A value without the note of how it was worked out (`worked`: 每月4,000元、3个月), which no typed answer carries. */
  function withoutWorkings(value: unknown): unknown {
    if (typeof value !== 'object' || value === null || !('worked' in value)) return value;
    const { worked: _worked, ...rest } = value as Record<string, unknown>;
    return rest;
  }

  /**
   * A value read earlier and set aside unconfirmed, as an option of its question: only for a question
   * without options of its own, and only when the option's words read back as that very value (never a
   * value the person did not say).
   */
  function offeredOption(flow: Flow, field: Field, value: unknown, answers: Answers, ctx: FlowContext): Offered | null {
    if (hasChoices(field, answers, ctx) || field.gate || field.acceptsFiles || field.yesNo || value === null || value === undefined) return null;
    const label = show(flow, field.id, value, answers, ctx);
    // As shown; without what the display adds in brackets (`（3个月）`); a plain value as it is.
    for (const words of [label, label.replace(/（[^）]*）/gu, '').trim(), typeof value === 'number' || typeof value === 'string' ? String(value) : null]) {
      if (!words) continue;
      const r = field.parse({ kind: 'text', text: words }, answers, ctx);
      if (r.ok && !r.stay && !r.exit && !r.confirm && !r.set && JSON.stringify(r.value) === JSON.stringify(withoutWorkings(value))) return { label, value: words, yes: true };
    }
    return null;
  }

  function summaryFields(flow: Flow, answers: Answers): Field[] {
    return visibleFields(flow, answers).filter((f) => f.label && f.id in answers);
  }

  function showReview(s: Session, flow: Flow, ctx: FlowContext, say: Say): void {
    s.pending = null;
    // The summary is for answers that are complete: with a question still open, that question instead.
    const missing = firstMissing(flow, s.answers);
    if (missing) {
      s.mode = 'ask';
      return advance(s, flow, ctx, say);
    }
    s.mode = 'review';
    s.fieldId = null;
    // What was left empty goes on one line, with the numbers to fill it in: a phone screen shows the rest.
    // When those are next to each other (9 to 12), the line stands where they would, so the numbers read
    // in order (8, 未填写：9…12, 13); else it comes last. The numbers are the same either way (改 13).
    const lines: string[] = [];
    const empty: string[] = [];
    const emptyAt: number[] = [];
    summaryFields(flow, s.answers).forEach((f, i) => {
      const shown = show(flow, f.id, s.answers[f.id], s.answers, ctx);
      if (EMPTY_SHOWN.has(shown)) {
        empty.push(`${i + 1} ${labelOf(f, s.answers)}`);
        emptyAt.push(i);
      } else lines.push(`${i + 1}. ${labelOf(f, s.answers)}：${shown}`);
    });
    const together = emptyAt.length > 0 && emptyAt.at(-1)! - emptyAt[0]! === emptyAt.length - 1;
    if (empty.length > 0) lines.splice(together ? emptyAt[0]! : lines.length, 0, `未填写：${empty.join('、')}`);
    say(`${flow.reviewIntro(s.answers, ctx)}\n${lines.join('\n')}\n\n${T.reviewHint}`, [
      { label: '确认提交', value: '确认' },
      { label: '取消', value: '取消' },
    ]);
  }

  /**
   * The question a file sent at the summary would answer: the report's own files (证据材料), asked when it is
   * on the form; never a list kept as typed (a roster: 工友名单 is changed by its number). Null: none.
   */
  function filesField(s: Session, flow: Flow): Field | null {
    return visibleFields(flow, s.answers).find((f) => f.acceptsFiles && !f.verbatim) ?? null;
  }

  /** Files sent at the summary wait at 「…要加到…吗？」 (its only value): another one sent then joins them. */
  function filesOffered(s: Session, flow: Flow): boolean {
    const f = filesField(s, flow);
    return !!f && s.mode === 'confirm' && s.back === 'review' && !!s.pending && Object.keys(s.pending.values).length === 1 && f.id in s.pending.values;
  }

  /**
   * A photo or a file sent at the summary (the wage report's 「请核对…」): asked whether it goes to the report's
   * files (证据材料), the way it would have been taken at that question, and kept only on a yes. A file the
   * channel refused, or one over the cap: why, and the summary's question again. False when the form takes no
   * files (the caller answers as before).
   */
  function fileAtReview(s: Session, flow: Flow, input: Incoming, ctx: FlowContext, say: Say): boolean {
    const field = filesField(s, flow);
    if (!field) return false;
    if (input.kind === 'file-rejected') {
      say(`${input.reason}\n${T.reviewRetry}`, s.options);
      return true;
    }
    if (input.kind !== 'file' || !input.file.id) return false;
    const offered = filesOffered(s, flow);
    // Offered already (a second photo): what waits is what the field holds now.
    const base = offered ? { ...s.answers, [field.id]: s.pending!.values[field.id] } : s.answers;
    const r = field.parse(input, base, ctx);
    if (!r.ok) {
      say(offered ? r.error : `${r.error.replace(/请回复「完成」继续。?$/u, '')}\n${T.reviewRetry}`, offered ? T.confirmOptions : s.options);
      return true;
    }
    const files = Array.isArray(r.value) ? r.value : [];
    const names = files.slice(Array.isArray(s.answers[field.id]) ? (s.answers[field.id] as unknown[]).length : 0).map((x) => `「${(x as { name: string }).name}」`);
    s.pending = { values: { [field.id]: r.value }, previous: field.id in s.answers ? { [field.id]: s.answers[field.id] } : {} };
    s.back = 'review';
    s.mode = 'confirm';
    s.misses = 0;
    const label = labelOf(field, s.answers);
    say(`收到${names.join('、')}。要把${names.length > 1 ? '这些' : '它'}加到${label}里吗？加上以后${label}一共${files.length}份。`, FILE_CHOICES);
    return true;
  }

  /** Whether a file sent now is offered for the form's files though no question asks for them (the summary): the service stores it then. */
  function filesWelcome(session: Session): boolean {
    const flow = session.flowId ? flows.get(session.flowId) : undefined;
    if (!flow || flow.version !== session.flowVersion) return false;
    return (session.mode === 'review' && filesField(session, flow) !== null) || filesOffered(session, flow);
  }

  function atReview(s: Session, flow: Flow, text: string | null, ctx: FlowContext, say: Say, out: Outcome): void {
    // Shown the answers to pick one to change before the last question (a correction mid-flow): nothing
    // is submitted from here; going on, or a yes, asks the next question still open.
    const missing = firstMissing(flow, s.answers);
    const wish = text !== null ? stopWish(text) : null;
    if (wish) return stopOrPause(wish, s, flow, ctx, say, out);
    if (text !== null && RESTART_WISH.test(compact(text)) && hasWork(flow, s.answers)) return askRestart(s, flow, say);
    // `我还没走 不对 我已经走了 上个月走的`: corrected while typing; what follows the 不对 is what is meant.
    const selfFixed = text !== null ? /^[^，,。\s]{2,}[，,。\s]+(?:不对不对|不对|说错了|打错了|错了)[，,。\s]+(.{2,})$/u.exec(text.trim()) : null;
    if (selfFixed) text = selfFixed[1]!.trim();
    // `嗯...` at the summary: still reading it over (no yes); given the time, never 「我们接着填」 over the summary again.
    // `等一下 我再看看`, `稍等`, `我核对一下`: still reading it over too; said so, never the bare 「请回复确认」.
    if (text !== null && !missing && (holdsOn(text) !== null || STILL_READING.test(compact(text).replace(/[。.!！~～…]+$/u, '')))) {
      say(`不着急，您慢慢核对。${T.reviewRetry}`, s.options);
      return;
    }
    if (text !== null && !missing && /^(?:嗯+|恩+|呃+|额+)(?:…+|\.{2,}|。{2,})$/u.test(text.replace(/\s+/gu, ''))) {
      say(`不着急，您慢慢核对。${T.reviewRetry}`, s.options);
      return;
    }
    // `改`, `我要改一下`: something to change, not which: asked as after 不对 (the answers as options), never 「请回复确认」.
    if (text !== null && CHANGE_ONLY.test(compact(text))) text = '不对';
    // `对，不过地址写错了…`: not a yes; what follows the 不过 is read instead.
    const but = text !== null ? yesBut(text) : null;
    // `确认提交 谢谢`, `提交 麻烦了`: the yes, the filler after it left out.
    const core = text !== null ? withoutTrailingFiller(text) : null;
    const yes = core !== null && but === null && understandConfirm(core) === 'yes';
    const submits = core !== null && SUBMIT_WORDS.test(compact(core));
    if (missing && text !== null && (text === GO_ON || GO_ON_WORDS.test(compact(text)) || submits || yes)) {
      s.misses = 0;
      say(`好的，${T.backTo(flow.title)}`);
      s.mode = 'ask';
      return advance(s, flow, ctx, say);
    }
    // `对`, `好的` at 「哪一项要改？」 (the answers listed to pick one): no pick and no word of submitting after asking to
    // change something: which is asked, never the report submitted on it (确认, 提交 still submit).
    if (!missing && yes && !submits && pickingToChange(s)) {
      s.misses = 0;
      say(T.pickOrSubmit, s.options);
      return;
    }
    // `确认 另外我想找律师`: submitted first (never left a draft the person believes was sent), then the other
    // service offered by name, to begin when they say so (its own consent first, as ever).
    const yesThen = !missing && text !== null && !submits && !yes ? YES_THEN.exec(text.trim()) : null;
    const then = yesThen ? understandInFlow(flow, null, yesThen[1]!, s.answers, ctx, null, opts.flows) : null;
    const next = then?.kind === 'switch' && then.service !== flow.id ? flows.get(then.service) : undefined;
    if (!missing && text !== null && (submits || yes || next)) {
      out.effects.push({ kind: 'submit', flowId: flow.id, runId: s.runId, answers: s.answers });
      const after = flow.afterSubmit?.(s.answers, ctx) ?? null;
      clearFlow(s);
      s.submitted = { flowId: flow.id, at: ctx.now.toISOString() };
      // `…另外我还想入工会` said when this flow began: offered now, as a 「确认 另外…」 would be.
      const kept = !next && s.also && s.also !== flow.id ? flows.get(s.also) : undefined;
      // `11月20号摔伤了 老板也欠我工资`: what was told for the one kept (the injury and its day) opens it when taken.
      const keptFacts = kept ? s.alsoFacts : null;
      s.also = null;
      s.alsoFacts = null;
      const other = next ?? kept;
      if (other) {
        if (after) out.followUp.push({ type: 'text', text: after.text });
        sayAfterSubmit(s, { text: keptFacts ? T.alsoTold(show(other, 'matter', keptFacts.matter, keptFacts, ctx), other.title) : T.alsoAsked(other.title), offer: other.id }, out);
        if (keptFacts) s.offerFacts = { facts: keptFacts, given: {} };
      } else if (after) sayAfterSubmit(s, after, out);
      return;
    }
    // `把那个项目名删了`: an answer named to be taken off (never read as its new value, 项目名称「把那个删了」).
    if (text !== null && !missing && removeAtReview(s, flow, text, ctx, say)) return;
    // `完成`, `发完了` (as the evidence question asks to end with): nothing to submit yet, said kindly, no miss counted.
    if (text !== null && !missing && DONE_AT_REVIEW.test(compact(text))) {
      s.misses = 0;
      say(`好的。${T.reviewHint}`, s.options);
      return;
    }
    // `不是8000是8500`: that answer, changed.
    const notThat = text !== null ? notThisButThat(s, flow, text, ctx) : null;
    if (notThat) return applyNotThisButThat(s, flow, notThat, ctx, say);
    const edit = text?.match(EDIT_ITEM);
    if (edit) {
      const n = /^\d+$/.test(edit[1] ?? edit[3]!) ? Number(edit[1] ?? edit[3]) : parseChineseNumber(edit[1] ?? edit[3]!);
      // `改6 12000`, `改 13 王大君`: the item and its new value at once.
      const words = edit[2]?.trim();
      if (n !== null && words) {
        const field = summaryFields(flow, s.answers)[n - 1];
        if (field && !field.acceptsFiles) return applyNotThisButThat(s, flow, { field, words }, ctx, say);
      }
      if (n !== null) return editField(s, flow, n, ctx, say);
    }
    // `第6项改成8000`, `6改成8000`: the item (when there is one by that number) and its new value.
    const itemTo = text !== null ? ITEM_TO.exec(text.trim()) : null;
    const itemN = itemTo ? (/^\d+$/.test(itemTo[1]!) ? Number(itemTo[1]) : parseChineseNumber(itemTo[1]!)) : null;
    const itemField = itemN !== null ? summaryFields(flow, s.answers)[itemN - 1] : undefined;
    if (itemTo && itemField && !itemField.acceptsFiles) return applyNotThisButThat(s, flow, { field: itemField, words: itemTo[2]!.trim() }, ctx, say);
    // `改 金额 8000`: the answer its words name, and its new value.
    const namedTo = text !== null ? NAMED_TO.exec(text.trim()) : null;
    const namedField = namedTo ? fieldNamedAlone(summaryFields(flow, s.answers), `改${namedTo[1]}`) : null;
    if (namedTo && namedField && !namedField.acceptsFiles) return applyNotThisButThat(s, flow, { field: namedField, words: namedTo[2]!.trim() }, ctx, say);
    // `改金额`, `改钱数`, `电话要改`: the answer named, by its label or the words people use for it.
    const byName = text !== null && /改|不对|错/.test(text) ? fieldNamedAlone(summaryFields(flow, s.answers), text) : null;
    if (byName) return editField(s, flow, summaryFields(flow, s.answers).indexOf(byName) + 1, ctx, say);
    // `不对 是8000` with no answer named: a value more than one answer takes (the amount, the headcount) is asked about,
    // never read against the last answer (「手机号应该是11位」) and then lost.
    const bareFix = text !== null && but === null ? /^(?:不对|错了|说错了|写错了|填错了|打错了|不是)[，,。\s]*(?:应该是|其实是|是|改成|改为)?[，,\s]*(\S.*)$/u.exec(text.trim()) : null;
    if (bareFix && valueFitsSeveral(s, flow, summaryFields(flow, s.answers), bareFix[1]!.trim(), ctx, say)) return;
    // `地址不对 是工业园3号` where two answers have the word in their label (单位地址, 项目地址): which one is asked, the
    // words kept with each choice (never the question asked bare and the new address lost).
    const partOf = text !== null && but === null ? /^([\p{Script=Han}]{2,4}?)(?:不对|错了|写错了|填错了|打错了|有误)[，,。\s]*(?:应该是|是|改成|改为)?[，,\s]*(\S.*)$/u.exec(text.trim()) : null;
    // Not when an answer is called by the word itself (`雇主不对 是王秀英`: the employer, though 雇主家地址 has it too).
    const listed = summaryFields(flow, s.answers);
    if (partOf && !listed.some((f) => f.label && (labelOf(f, s.answers) === partOf[1] || f.names?.exec(partOf[1]!)?.[0] === partOf[1]))) {
      const hits = listed.filter((f) => f.label && !f.gate && !f.acceptsFiles && labelOf(f, s.answers).includes(partOf[1]!) && !f.names?.test(partOf[1]!));
      if (hits.length > 1) {
        s.misses = 0;
        const words = partOf[2]!.trim();
        const options: Option[] = hits.map((f) => ({ label: labelOf(f, s.answers), value: `改 ${listed.indexOf(f) + 1} ${words}` }));
        say(`「${words}」是要改哪一项？回复序号即可：`, options);
        return;
      }
    }
    if (text !== null) {
      let u = understandInFlow(flow, null, but ?? text, s.answers, ctx, lastAnswered(s, flow), opts.flows);
      // `都对 就是老板名字应该叫宏达建材公司`: what follows the yes is a change of the answer it names.
      if (but !== null && u.kind !== 'correction' && !(u.kind === 'answer' && Object.keys(u.facts).length > 0) && u.kind !== 'question' && u.kind !== 'command') {
        const c = understandInFlow(flow, null, `不对 ${but}`, s.answers, ctx, null, opts.flows);
        if (c.kind === 'correction' && c.field && c.named && c.result?.ok) u = { ...c, result: { ...c.result, confirm: true } };
      }
      if (handleAside(u, s, flow, ctx, say, out, but ?? text)) return;
      if (u.kind === 'answer' && Object.keys(u.facts).length > 0) return holdFacts(s, flow, u.facts, ctx, say);
    }
    s.misses += 1;
    // `对 老板电话是…` with nothing to take: never submitted past the words; said what was not understood.
    if (but !== null && !missing) return say(T.yesButUnclear(but), s.options);
    // `800改成900` where no answer is 800: said so, with how to pick the one to change (never the generic retry).
    const change = text !== null && !missing ? changeOfValue(text) : null;
    if (change) return say(`上面没有找到是「${change.from}」的那一项。要改哪一项，请回复「改」加序号，例如「改 6」，再说改成什么。`, s.options);
    // `金额是8000`, `人数5个`, `凤栖街道` at 「哪一项要改？」 or the summary: the item the words name (or the one
    // typed item the value alone fits), its new value confirmed before it counts; never the words dropped unsaid.
    if (text !== null && but === null && changeInWords(s, flow, text, ctx, say)) return;
    // `有欠条` alone: what the report's files question takes as evidence held (not sent), proposed for a yes.
    if (text !== null && but === null && !pickingToChange(s) && heldAtReview(s, flow, text, ctx, say)) return;
    // `王小芳` alone: a person's name, for the answers that take one; which is asked, never one replaced unasked.
    if (text !== null && but === null && nameAtReview(s, flow, text, ctx, say)) return;
    // At 「哪一项要改？」 (or the few items a value fits): the whole list again, so its numbers are the summary's.
    if (pickingToChange(s)) s.options = changeOptions(s, flow, ctx);
    say(unclearAtReview(s, flow, missing !== null, ctx), s.options);
  }

  /**
   * `把那个项目名删了`, `项目名称去掉`, `地址不要了` at the summary: the answer named taken off when it may be left empty
   * (said so, the summary again); one that may not, or one not on the summary (no project: 不是工程建设项目), said so
   * plainly. False when the words name no one answer.
   */
  function removeAtReview(s: Session, flow: Flow, text: string, ctx: FlowContext, say: Say): boolean {
    const m = REMOVE_ITEM.exec(compact(text));
    if (!m) return false;
    const words = m[1]!.replace(/的$/u, '');
    const listed = summaryFields(flow, s.answers);
    const field = fieldNamedAlone(listed, words) ?? fieldNamedAlone(flow.fields.filter((f) => f.label && !f.gate), words);
    if (!field || !field.label) return false;
    s.misses = 0;
    const n = listed.indexOf(field) + 1;
    const label = labelOf(field, s.answers);
    if (n === 0) {
      say(`上面没有${label}这一项，不用删。${T.reviewRetry}`, s.options);
      return true;
    }
    if (EMPTY_SHOWN.has(show(flow, field.id, s.answers[field.id], s.answers, ctx))) {
      say(`${label}本来就没有填，不用删。${T.reviewRetry}`, s.options);
      return true;
    }
    if (!field.optional || field.acceptsFiles || field.yesNo) {
      say(`${label}这一项不能空着。要改的话，回复「改 ${n}」。`, s.options);
      return true;
    }
    setAnswers(s, flow, { [field.id]: null });
    say(`好的，${label}删掉了，先空着。`);
    showReview(s, flow, ctx, say);
    return true;
  }

  /**
   * Words the form's files question takes as evidence held but not sent (`有欠条`, `欠条在老板那`), typed at the summary:
   * proposed as that answer (「证据材料「未发送（您说：有欠条）」。对吗？」), kept only on a yes. False for anything else,
   * or words that add nothing to what it holds.
   */
  function heldAtReview(s: Session, flow: Flow, text: string, ctx: FlowContext, say: Say): boolean {
    const field = filesField(s, flow);
    if (!field || [...compact(text)].length > 40) return false;
    const r = field.parse({ kind: 'text', text }, s.answers, ctx);
    if (!r.ok || r.stay || r.exit || r.value === undefined || !r.set) return false;
    const adds = Object.entries(r.set).some(([k, v]) => {
      const old = s.answers[k];
      if (v === undefined || v === null || JSON.stringify(v) === JSON.stringify(old)) return false;
      // Said again (`有欠条` twice): what it would add is there already.
      return !(typeof old === 'string' && typeof v === 'string' && v.startsWith(old) && old.split(/[；;]/u).includes(v.slice(old.length).replace(/^[；;]/u, '')));
    });
    if (!adds) {
      if (Object.keys(r.set).length === 0) return false;
      s.misses = 0;
      say(`好的，${labelOf(field, s.answers)}里已经记下了。${T.reviewRetry}`, s.options);
      return true;
    }
    s.misses = 0;
    // What the files question sets beside its files (what was said of them) is no question of its own: it waits with them.
    const before = show(flow, field.id, s.answers[field.id], s.answers, ctx);
    s.pending = { values: { ...r.set, [field.id]: r.value }, previous: field.id in s.answers && !EMPTY_SHOWN.has(before) ? { [field.id]: s.answers[field.id] } : {} };
    s.back = 'review';
    s.mode = 'confirm';
    say(confirmLine(s, flow, s.pending, ctx), T.confirmOptions);
    return true;
  }

  /**
   * A person's name typed alone at the summary (`王小芳`): which answer that takes one it is for is asked, each offered
   * with the name (a pick changes it as `改 13 王小芳` would); never one of them replaced unasked. False unless the words
   * plainly are a name and some answer on the summary takes it.
   */
  function nameAtReview(s: Session, flow: Flow, text: string, ctx: FlowContext, say: Say): boolean {
    const t = compact(text);
    if (!/^\p{Script=Han}{2,4}$/u.test(t) || !(commonSurname(t) || COMPOUND_SURNAMES.includes(t.slice(0, 2)))) return false;
    const listed = summaryFields(flow, s.answers);
    // The name of an answer given, typed again: nothing new to ask about.
    if (listed.some((f) => s.answers[f.id] === t)) return false;
    const fits = listed.filter((f) => {
      if (!PERSON_NAMED.has(f.id) || !f.freeText || f.verbatim || f.gate) return false;
      if (s.answers[f.id] === t) return false;
      const r = f.parse({ kind: 'text', text: t }, s.answers, ctx);
      return r.ok && r.value !== undefined && r.value !== null && !r.exit && !r.stay;
    });
    if (fits.length === 0) return false;
    s.misses = 0;
    const options: Option[] = fits.map((f) => ({ label: `${labelOf(f, s.answers)}改成${t}`, value: `改 ${listed.indexOf(f) + 1} ${t}` }));
    say(`「${t}」是要改哪一项？回复序号即可；不用改的话，回复「确认」提交。`, options);
    s.options = options;
    return true;
  }

  /** Each answer as an option: a bare number picks the one to change (never the summary's 确认提交); before the last question, going on too. */
  function changeOptions(s: Session, flow: Flow, ctx: FlowContext): Option[] {
    const options: Option[] = summaryFields(flow, s.answers).map((f, i) => ({ label: `${labelOf(f, s.answers)}：${show(flow, f.id, s.answers[f.id], s.answers, ctx)}`, value: `改 ${i + 1}` }));
    if (firstMissing(flow, s.answers)) options.push({ label: '不用改，接着填', value: GO_ON });
    return options;
  }

  /** Whether the answers are offered to pick the one to change (「哪一项要改？」), not the summary's 确认 / 取消. */
  function pickingToChange(s: Session): boolean {
    return s.options.length > 0 && s.options.every((o) => o.value.startsWith('改 ') || o.value === GO_ON);
  }

  /**
   * Words at the summary or at 「哪一项要改？」 that say what to change though no number (`金额是8000`, `拖欠金额8000`,
   * `人数5个`, `凤栖街道`, `金额`), read as the same words after 不对 would be: an item named with a value its own
   * question takes, or a value only one typed item takes, is proposed (「您是要改成…对吗？」), never stored without a
   * yes; an item named alone (or with words its question cannot take) is asked. False when the words say neither.
   */
  function changeInWords(s: Session, flow: Flow, text: string, ctx: FlowContext, say: Say): boolean {
    const t = text.trim();
    // A question (`金额是8000吗`) or nothing but marks: no change to read.
    if (t === '' || /[?？吗呢]$/u.test(t)) return false;
    // A long message with no word of a change (`老板说下个月给但是一直拖着…`): telling, not changing; an answer it
    // mentions in passing (老板) is never opened for a change.
    if ([...compact(t)].length > 20 && !/改|不对|错|应该是|其实是/u.test(t)) return false;
    const listed = summaryFields(flow, s.answers);
    const c = understandInFlow(flow, null, `不对 ${t}`, s.answers, ctx, null, opts.flows);
    if (c.kind !== 'correction' || !c.field) return valueFitsSeveral(s, flow, listed, t, ctx, say);
    if (!c.field.label || c.field.gate || c.field.acceptsFiles) return false;
    const field = c.field;
    if (!listed.includes(field)) return false;
    const midFlow = firstMissing(flow, s.answers) !== null;
    const r = c.result;
    if (r?.ok && r.value !== undefined && !r.stay && !r.exit) {
      if (sameAsGiven(s, field, r.value, r.set)) {
        askWhatIsWrong(s, flow, field, ctx, say);
        return true;
      }
      s.misses = 0;
      if (r.ack && r.confirm) say(r.ack);
      holdFacts(s, flow, { ...(r.set ?? {}), [field.id]: r.value }, ctx, say);
      return true;
    }
    // Only the item named (`金额`; `改金额` is read before this): that question, as its number would ask it. At the summary
    // itself a bare name may be a question about it: only where an item is being picked.
    if (c.named && !r && !c.ask) {
      if (!pickingToChange(s)) return false;
      editField(s, flow, listed.indexOf(field) + 1, ctx, say);
      return true;
    }
    // The item named, and words its question cannot take (`地方是河东街道`): that question, saying why.
    if (c.named && r && !r.ok) {
      s.misses = 0;
      s.pending = null;
      s.mode = midFlow ? 'ask' : 'edit';
      s.fieldId = field.id;
      const options = r.options ?? field.options?.(s.answers, ctx) ?? [];
      say(`好的，改${labelOf(field, s.answers)}。${r.error}`, options);
      s.options = kept(options);
      return true;
    }
    return false;
  }

  /**
   * A bare value more than one typed item takes (`8000`: an amount, or a number of people): which one is asked,
   * those items offered with the value (a pick changes it as `改 6 8000` would). False unless two or more take it.
   */
  function valueFitsSeveral(s: Session, flow: Flow, listed: readonly Field[], text: string, ctx: FlowContext, say: Say): boolean {
    if ([...compact(text)].length > 16) return false;
    const fits = listed.filter((f) => {
      if (!typedAnswer(f.id) || f.gate || f.acceptsFiles) return false;
      const r = f.parse({ kind: 'text', text }, s.answers, ctx);
      return r.ok && r.value !== undefined && !r.exit && !r.stay;
    });
    if (fits.length < 2) return false;
    s.misses = 0;
    const options: Option[] = fits.map((f) => ({ label: labelOf(f, s.answers), value: `改 ${listed.indexOf(f) + 1} ${text}` }));
    say(`「${text}」是要改哪一项？回复序号即可：`, options);
    return true;
  }

  /**
   * Words at the summary or at 「哪一项要改？」 that say nothing it could take: how to answer, said plainly (the
   * number, or the item and its new value); the second time, in other words and with 人工 (never the same forever).
   */
  function unclearAtReview(s: Session, flow: Flow, missing: boolean, ctx: FlowContext): string {
    const listed = summaryFields(flow, s.answers);
    const example = listed.find((f) => f.id === 'amount') ?? listed.find((f) => f.id === 'phone') ?? listed.find((f) => !f.gate && !f.acceptsFiles && typedAnswer(f.id)) ?? listed[0];
    const n = example ? listed.indexOf(example) + 1 : 1;
    const byWords = example ? `；也可以直接说“${labelOf(example, s.answers)}改成……”` : '';
    const again = s.misses >= 2;
    if (pickingToChange(s)) {
      const how = `请回复要改的那一项的序号，例如「${n}」${byWords}。${missing ? '不用改的话，回复「继续」接着填。' : ''}`;
      return again ? `还是没看明白要改哪一项。${how}\n${HELP_AT_REVIEW}` : `没看明白要改哪一项。${how}`;
    }
    if (missing) return again ? `${PICK_OR_GO_ON}\n${HELP_AT_REVIEW}` : PICK_OR_GO_ON;
    return again ? `还是没看明白。回复「确认」提交；要改的话，回复「改」加序号，例如「改 ${n}」${byWords}。\n${HELP_AT_REVIEW}` : T.reviewRetry;
  }

  /** What a flow says once submitted, after the submission's replies; a flow it offers is asked 好的 / 不用了 (atOffer). */
  function sayAfterSubmit(s: Session, after: { text: string; offer?: string }, out: Outcome): void {
    const offered = after.offer && flows.has(after.offer) ? after.offer : null;
    const options = offered ? OFFER_CHOICES : [];
    out.followUp.push(options.length > 0 ? { type: 'text', text: after.text, options } : { type: 'text', text: after.text });
    if (offered) {
      s.mode = 'offer';
      s.offer = offered;
      s.options = options;
    }
  }

  function editField(s: Session, flow: Flow, n: number, ctx: FlowContext, say: Say): void {
    const fields = summaryFields(flow, s.answers);
    const field = fields[n - 1];
    if (!field) {
      s.misses += 1;
      say(T.noSuchField(n, fields.length));
      return;
    }
    s.misses = 0;
    // Before every question is answered, the change is asked like any question, and the next open one follows.
    s.mode = firstMissing(flow, s.answers) ? 'ask' : 'edit';
    askField(s, field, ctx, say, true);
  }

  function lastAnswered(s: Session, flow: Flow): Field | null {
    // The answer given or changed last (`改 2` then 河西街道, at the community question that followed): what 不对 means.
    const set = s.lastSet ? flow.fields.find((x) => x.id === s.lastSet) : undefined;
    if (set?.label && set.id in s.answers) return set;
    for (let i = s.trail.length - 1; i >= 0; i--) {
      const f = flow.fields.find((x) => x.id === s.trail[i]);
      if (f?.label && f.id in s.answers) return f;
    }
    return null;
  }

  /**
   * What 不对 at a question is about: the answer given last. A bare 不对 at a change opened from the summary (`改 1`)
   * is about the answer being changed, shown below its question (the phone, confirmed last, had its change opened);
   * with words after it (`不对 是8000`) it stays the answer given last, so the words are read as at the summary.
   */
  function editedLast(s: Session, flow: Flow, field: Field, text: string): Field | null {
    const bareNo = correctionOf(text)?.rest === '';
    return bareNo && s.mode === 'edit' && field.label && field.id in s.answers ? field : lastAnswered(s, flow);
  }

  /** A plain 嗯 at a question with choices of its own (not a yes-or-no one): it picks none of them. */
  /** The question asked is a yes or a no, or a consent. */
  function yesNoAt(s: Session, flow: Flow): boolean {
    const field = s.mode === 'ask' && s.fieldId ? flow.fields.find((f) => f.id === s.fieldId) : undefined;
    return !!field && (!!field.yesNo || !!field.gate);
  }

  function ackAtChoice(s: Session, flow: Flow, ctx: FlowContext): boolean {
    const field = s.mode === 'ask' && s.fieldId ? flow.fields.find((f) => f.id === s.fieldId) : undefined;
    return !!field && !field.yesNo && !field.gate && (field.options?.(s.answers, ctx) ?? []).length > 1;
  }

  /**
   * What every question handles the same way: commands, small talk,
   * questions, a change of mind, corrections. True when it was one of those.
   */
  function handleAside(u: Understood, s: Session, flow: Flow, ctx: FlowContext, say: Say, out: Outcome, text?: string): boolean {
    switch (u.kind) {
      case 'command':
        runCommand(u.command, s, flow, ctx, say, out, u.rest);
        return true;
      case 'smalltalk':
        // Someone upset is comforted, and the question follows without a form's words in between. Impatience
        // gets a sorry and how many questions are left (none of them at the summary); distrust, who we are.
        if (u.talk === 'impatient') say(`${T.impatient(s.mode === 'review' || !s.fieldId ? 0 : questionsLeft(flow, s.answers))}${T.backTo(flow.title)}`);
        // `嗯`, `好的` at a question of choices (专送 or 众包): no pick, no break to come back from; asked again politely.
        // Again and again: a person offered, never the same words forever.
        else if (u.talk === 'ack' && ackAtChoice(s, flow, ctx)) say((s.misses += 1) >= 2 ? T.ackAtChoiceAgain : T.ackAtChoice);
        // `👍`, `[OK]` alone at a consent or a yes-or-no question: never the yes (consent is said, set Q), and never
        // 「好的。」 over it as if it had been taken; words or the number asked for. Again: the person offered.
        else if (u.talk === 'ack' && text !== undefined && okEmojiAlone(text) && yesNoAt(s, flow)) say((s.misses += 1) >= 2 ? T.ackAtChoiceAgain : T.okEmojiAtYesNo);
        else {
          // `哈哈` again at the same question: never the same 「收到。我们接着填…」 twice, but how to go on from here.
          const key = `talk:${s.fieldId ?? ''}:${u.talk}`;
          const again = u.talk !== 'upset' && s.mode === 'ask' && !!s.fieldId && s.aside === key;
          s.aside = key;
          say(again ? T.talkAgain(flow.title) : u.talk === 'upset' ? smallTalkReply(u.talk) : `${smallTalkReply(u.talk)}${T.backTo(flow.title)}`);
        }
        reask(s, flow, ctx, say);
        return true;
      case 'question':
        answerQuestion(s, flow, u.entry, ctx, say, false, text ?? '');
        return true;
      case 'switch': {
        const to = flows.get(u.service);
        if (!to) return false;
        // The service saved before (`反映欠薪` after switching to legal aid from the report): that report again.
        // `还是预约律师吧` (找律师 choosing the lawyer the draft already has) is that draft too, never a fresh booking
        // over it (its time and contact were lost, though 「可以接着填」 had been said).
        if (s.draft && s.draft.flowId === to.id && to.id !== flow.id && Object.keys(u.facts).length === 0 && givenAsDrafted(s.draft, u.given)) {
          switchToDraft(s, flow, to, ctx, say);
          return true;
        }
        const carried = opts.carry?.(flow.id, to.id, s.answers) ?? {};
        // A 「…对吗？」 left unanswered: what waited stays with the saved report, unconfirmed, and is confirmed when
        // the person comes back to it; said so (never dropped without a word).
        const parked = parkPending(s, flow);
        const labels = flow.fields.filter((f) => f.id in parked && f.label).map((f) => labelOf(f, { ...s.answers, ...parked }));
        stashDraft(s);
        const draft = s.draft;
        const intro = labels.length > 0 ? `${T.switched(flow.title)}\n${PARKED_WITH_DRAFT(labels.join('、'))}` : T.switched(flow.title);
        // What they say now is held like an opening message's facts: confirmed after the new consent. What they gave
        // before (their name and phone, the place, the matter) waits for its own question there and is confirmed then,
        // in the new flow's order (never right after the consent, before the first question).
        begin(s, to, u.facts, ctx, say, intro, u.given);
        const waiting = Object.fromEntries(Object.entries(carried).filter(([k]) => !(k in u.facts) && !(k in (u.given ?? {})) && mayDefer(to, k)));
        if (Object.keys(waiting).length > 0) s.later = { ...waiting, ...s.later };
        s.draft = draft;
        return true;
      }
      case 'correction':
        applyCorrection(u, s, flow, ctx, say, text);
        return true;
      default:
        return false;
    }
  }

  function applyCorrection(u: Extract<Understood, { kind: 'correction' }>, s: Session, flow: Flow, ctx: FlowContext, say: Say, text?: string): void {
    const here = s.mode === 'review' ? 'review' : s.mode;
    // The new words fit more than one reading (`是6月` for 5月到8月): said, and that answer asked again.
    if (u.field && u.ask) {
      s.misses = 0;
      s.pending = null;
      s.mode = firstMissing(flow, s.answers) ? 'ask' : 'edit';
      say(u.ask);
      askField(s, u.field, ctx, say, true);
      return;
    }
    // A value that names its field but needs a pick (`单位名字写错了 是宏发电子`, near several units): that question, with its choices.
    if (u.field && u.named && u.result && !u.result.ok && u.result.options && u.result.options.length > 0) {
      s.misses = 0;
      s.pending = null;
      s.mode = firstMissing(flow, s.answers) ? 'ask' : 'edit';
      s.fieldId = u.field.id;
      say(u.result.error, u.result.options);
      return;
    }
    if (!u.field || !u.result || !u.result.ok) {
      // Which one, then: the summary's numbers pick it.
      const fields = summaryFields(flow, s.answers);
      if (fields.length === 0) {
        say(T.firstQuestion);
        reask(s, flow, ctx, say);
        return;
      }
      // Before every question is answered there is no summary to go back to.
      const midFlow = firstMissing(flow, s.answers) !== null;
      // `不对 是8000` at a question asked again from the summary (`改 1`, the employer): no answer named, and a value the
      // last answer given (the phone) cannot take. Read as at the summary (which item, when several take it; the one
      // that does, proposed for a yes); never that last answer's question instead, nor the value lost.
      const rest = text !== undefined ? correctionOf(text)?.rest ?? '' : '';
      if (u.field && !u.named && here === 'edit' && !midFlow && u.field.id !== s.fieldId && u.result && !u.result.ok && rest !== '') {
        s.misses = 0;
        s.mode = 'review';
        s.fieldId = null;
        s.pending = null;
        if (changeInWords(s, flow, rest, ctx, say)) return;
        say(T.whichToChange, changeOptions(s, flow, ctx));
        return;
      }
      // `说错了` mid-flow (`不对，刚才电话写错了`: no new value that could be taken): that answer is asked
      // again, then on to the question still open; at the summary, which one is asked, unless the words
      // named it (`地方错了`).
      if (u.field && (here !== 'review' || midFlow || (!u.result && u.named))) {
        s.misses = 0;
        s.pending = null;
        s.mode = midFlow ? 'ask' : 'edit';
        askField(s, u.field, ctx, say, true);
        return;
      }
      // The answer named, and new words after it that are not enough (`时间不对是去年的`: 「是2025年的哪几个月？」):
      // that question is what is asked, never with the list of answers to pick from as well. (`有个地方填错了`
      // says no new words: which one, from the list.)
      const saidAfter = text !== undefined && /\s\S/u.test(correctionOf(text)?.rest ?? '');
      if (u.field && u.named && u.result && !u.result.ok && saidAfter) {
        s.misses = 0;
        s.pending = null;
        s.mode = midFlow ? 'ask' : 'edit';
        s.fieldId = u.field.id;
        const options = u.result.options ?? u.field.options?.(s.answers, ctx) ?? [];
        say(u.result.error, options);
        s.options = kept(options);
        return;
      }
      const header = u.field && u.result && !u.result.ok ? `${u.result.error}\n${PICK_ONE}` : T.whichToChange;
      const options = changeOptions(s, flow, ctx);
      // A new question: what was not understood before it (at the summary) is not counted against it.
      s.misses = 0;
      say(header, options);
      s.mode = 'review';
      s.fieldId = null;
      s.pending = null;
      return;
    }
    const value = u.result.value;
    if (u.result.confirm) {
      // A reading of the words (`4月` for a period that runs to now: 2026年4月至今): confirmed before it counts.
      s.misses = 0;
      if (u.result.ack) say(u.result.ack);
      return holdFacts(s, flow, { ...(u.result.set ?? {}), [u.field.id]: value }, ctx, say);
    }
    if (sameAsGiven(s, u.field, value, u.result.set)) return askWhatIsWrong(s, flow, u.field, ctx, say);
    setAnswers(s, flow, { [u.field.id]: value, ...(u.result.set ?? {}) });
    s.lastSet = u.field.id;
    say(T.changed(labelOf(u.field, s.answers), show(flow, u.field.id, value, s.answers, ctx)));
    if (here === 'review' || here === 'edit') return advanceFromEdit(s, flow, ctx, say);
    // On to the first question still open, in the flow's order: the open one, or one the change cleared.
    advance(s, flow, ctx, say);
  }

  /**
   * `不是宏达建筑是河西物业`, `不是8000是8500`: what an earlier answer is not (the words say that answer as
   * given) and what it is instead. The field whose answer the not-part says (one only) and the words
   * for it; null for anything else (`不是工地，是工厂` at a yes/no question is that question's answer).
   */
  function notThisButThat(s: Session, flow: Flow, text: string, ctx: FlowContext): { field: Field; words: string } | null {
    const t = compact(text).replace(/^(?:不对|错了|说错了)/u, '');
    if (!/^(?:不是|并不是)/u.test(t)) return null;
    const from = t.indexOf('是') + 1;
    const answered = summaryFields(flow, s.answers).filter((f) => !f.gate && !f.acceptsFiles && !f.verbatim);
    for (let at = t.indexOf('是', from + 1); at > from; at = t.indexOf('是', at + 1)) {
      const not = t.slice(from, at).replace(/(?:而|应该|其实|的)$/u, '');
      // `不是5月开始的 是6月`: the new start of the time, as `6月开始的` (taken as the one month 6月, unasked).
      const words = inFrameOf(not, t.slice(at + 1).replace(/^(?:叫|叫做)/u, ''));
      if (not === '' || words === '') continue;
      const said = answered.filter((f) => {
        const v = s.answers[f.id];
        if (v === null || v === undefined) return false;
        if (typeof v === 'string' && compact(v) === not) return true;
        if (compact(show(flow, f.id, v, s.answers, ctx)) === not) return true;
        // A typed answer said in other words (`8000` for 8,000元).
        if (typeof v !== 'object' && typeof v !== 'number') return false;
        const r = f.parse({ kind: 'text', text: not }, s.answers, ctx);
        return r.ok && JSON.stringify(r.value) === JSON.stringify(v);
      });
      if (said.length === 1) return { field: said[0]!, words };
      if (said.length > 1) return null;
    }
    return null;
  }

  /**
   * The change `notThisButThat` found: taken and said (`好的，用人单位已改为「河西物业」`), or confirmed
   * when the new value is a reading of the words; then the question open (asked again), or the summary.
   * New words its question cannot take: that question, with what was wrong.
   */
  function applyNotThisButThat(s: Session, flow: Flow, change: { field: Field; words: string }, ctx: FlowContext, say: Say): void {
    const { field, words } = change;
    const r = field.parse({ kind: 'text', text: words }, s.answers, ctx);
    const fromSummary = s.mode === 'review' || s.mode === 'edit';
    s.misses = 0;
    if (!r.ok || r.stay || r.exit || r.value === undefined) {
      s.mode = firstMissing(flow, s.answers) ? 'ask' : 'edit';
      s.fieldId = field.id;
      const options = (!r.ok && r.options) || field.options?.(s.answers, ctx) || [];
      say(!r.ok ? r.error : field.ask(s.answers, ctx), options);
      s.options = kept(options);
      return;
    }
    if (r.confirm) {
      if (r.ack) say(r.ack);
      return holdFacts(s, flow, { ...(r.set ?? {}), [field.id]: r.value }, ctx, say);
    }
    if (sameAsGiven(s, field, r.value, r.set)) return askWhatIsWrong(s, flow, field, ctx, say);
    setAnswers(s, flow, { ...(r.set ?? {}), [field.id]: r.value });
    s.lastSet = field.id;
    say(T.changed(labelOf(field, s.answers), show(flow, field.id, r.value, s.answers, ctx)));
    if (fromSummary) return advanceFromEdit(s, flow, ctx, say);
    advance(s, flow, ctx, say);
  }

  /** A "change" to the answer already given (and to nothing else): no change at all. */
  function sameAsGiven(s: Session, field: Field, value: unknown, set?: Answers): boolean {
    if (!(field.id in s.answers)) return false;
    const same = (id: string, v: unknown) => id in s.answers && JSON.stringify(s.answers[id]) === JSON.stringify(v);
    return same(field.id, value) && Object.entries(set ?? {}).every(([id, v]) => same(id, v));
  }

  /**
   * `名字错了 叫张伟` when the name is 张伟 already: never 「已改为」 (nothing changed). Said so, and
   * asked what is wrong with it: that question again, its new answer taken like any change.
   */
  function askWhatIsWrong(s: Session, flow: Flow, field: Field, ctx: FlowContext, say: Say): void {
    s.misses = 0;
    s.pending = null;
    s.mode = firstMissing(flow, s.answers) ? 'ask' : 'edit';
    say(`${labelOf(field, s.answers)}现在填的就是「${show(flow, field.id, s.answers[field.id], s.answers, ctx)}」。是哪里不对？请把正确的写法告诉我。`);
    askField(s, field, ctx, say);
  }

  /** After a change from the summary: back to it, unless the change made another question necessary. */
  function advanceFromEdit(s: Session, flow: Flow, ctx: FlowContext, say: Say): void {
    const missing = visibleFields(flow, s.answers).find((f) => !(f.id in s.answers) && !f.extractOnly);
    if (missing) {
      s.mode = 'edit';
      return askField(s, missing, ctx, say);
    }
    showReview(s, flow, ctx, say);
  }

  function atField(s: Session, flow: Flow, input: Incoming, text: string | null, ctx: FlowContext, say: Say, out: Outcome): void {
    if (lateYes(s, flow, text, ctx, say)) return;
    const field = fieldOf(flow, s.fieldId!);
    const retry = (error: string, options?: Offered[]) => {
      // One "did you mean" (「您是说「白沙镇」吗？」) again: refused before (`石林`, `不是`, `石林`), every choice and a
      // way out; offered just now (`白纱`, `白纱`), said another way with every choice beside it. Never the same again.
      const near = options?.length === 1 && options[0]!.yes ? options[0]! : null;
      if (near) {
        const all = (field.options?.(s.answers, ctx) ?? []).filter((o) => o.value !== near.value);
        if (s.nearRefused === `${field.id}:${near.value}`) {
          error = T.nearRefused(near.label);
          options = field.options?.(s.answers, ctx) ?? [];
        } else if (s.misses > 0 && s.options.length === 1 && s.options[0]!.yes && s.options[0]!.value === near.value) {
          error = T.nearAgain(near.label);
          options = [near, ...all];
        }
      }
      s.misses += 1;
      const opts = options ?? field.options?.(s.answers, ctx) ?? [];
      let msg = error;
      // A question answered in words with one shortcut (还在干 at the day they left) is not a pick from numbers.
      if (s.misses >= 2 && opts.length >= 2 && !msg.includes('数字')) msg += `\n${T.numbersOnly}`;
      // A consent's first line introduces the points below it (「…收集一些信息：」): what it asks, in one line.
      // When the error just said the question again (a photo at a question that wants words), it is not said a second time.
      if (s.misses >= 3) {
        const asked = field.ask(s.answers, ctx);
        const question = asked.split('\n')[0]!;
        const saidAgain = question !== '' && msg.includes(field.consent ? asked : question);
        msg += `\n${saidAgain ? T.stuckHelp : T.stuckAsking(field.consent ? T.consentAsked : question)}`;
      }
      say(msg, opts);
      s.options = kept(opts);
    };

    // A file refused at the evidence question: why, with its options. Anything else unreadable at a question that
    // wants words (a chat record, a link: flows/service.ts): why, and the question again.
    if (input.kind === 'file-rejected') return retry(field.acceptsFiles ? input.reason : `${input.reason}\n${field.ask(s.answers, ctx)}`);
    if (input.kind === 'file') {
      if (!field.acceptsFiles) return retry(`${T.textNeeded}${field.ask(s.answers, ctx)}`);
      return take(s, flow, field, field.parse(input, s.answers, ctx), {}, ctx, say, retry);
    }
    if (text === null || text.length === 0) return retry(`${T.empty}${field.ask(s.answers, ctx)}`);
    if (RESTART_WISH.test(compact(text)) && !field.gate && hasWork(flow, s.answers)) return askRestart(s, flow, say);
    if (field.optional && /^(跳过|略过|不填|不填了这项|先跳过|跳过吧)$/.test(text) && !field.acceptsFiles) {
      return take(s, flow, field, { ok: true, value: null }, {}, ctx, say, retry);
    }
    // A question that cannot be skipped: the word is a wish to skip, never the answer
    // (`跳过` was once kept as an employer's name).
    // `不填了` (`不填了吧`) is no skip but a wish to stop filling in: the stop question follows (stopWish).
    if (!field.optional && !field.acceptsFiles && !/^(?:都|全部|全都)?不填了吧?$/u.test(text) && /^(?:都|全部|全都)?(?:跳过|略过|不填|先跳过)(?:吧|了|这项|这个)?$/.test(text)) {
      return retry(field.consent ? T.consentCannotSkip : T.cannotSkip);
    }

    // `继续` at a question (back after a break, after an aside): going on, never the answer (「没找到「继续」」);
    // unless one of the question's own choices says it.
    if (GOING_ON.test(compact(text)) && !(field.options?.(s.answers, ctx) ?? []).some((o) => compact(o.label) === compact(text))) {
      s.misses = 0;
      say(`好的，${T.backTo(flow.title)}`);
      return askField(s, field, ctx, say);
    }
    // `！` or `l` alone at a list of choices: the key beside 1 or the letter like it, hit in a hurry (it got
    // 没找到「!」). Asked about (nothing is picked from a slip), once; after that the question's own error. Never at a
    // consent, which is given in its own words, not pointed to.
    const listed = field.options?.(s.answers, ctx) ?? [];
    if (s.misses === 0 && !field.gate && listed.length >= 2 && /^[!！lI|]$/u.test(text.trim()) && !listed.some((o) => compact(o.label) === compact(text))) {
      return retry(`您是想选「1. ${listed[0]!.label}」吗？是的话请回复数字1，不是请回复其他序号。`, listed);
    }
    // `对`, `是的`, `不是` to an either-or the answer brought up at a question wanting a figure (「120,000元是您自己一个人
    // 的，还是你们一共的？」, its choices shown, none of them a yes or a no): no pick, and never read as the question's answer (「您输入的不是数字」); which one
    // is asked, plainly, with the same choices.
    const lastShown = s.options;
    // Said again: a person offered too (never the same words a third time); the question's own words are not said
    // (they ask something else).
    if (field.numeric && lastShown.length >= 2 && !lastShown.some((o) => o.yes || yesNo(o.label) !== null) && listed.length === 0 && plainYesNo(text) !== null) {
      const times = s.aside?.startsWith(`${field.id}:pick:`) ? Number(s.aside.slice(`${field.id}:pick:`.length)) : 0;
      if (times < 3) {
        s.aside = `${field.id}:pick:${times + 1}`;
        const opts = lastShown.map((o) => ({ label: o.label, value: o.value }));
        say(times === 0 ? T.pickOne(opts.map((o) => o.label)) : times === 1 ? `${T.pickOne(opts.map((o) => o.label))}\n${T.stuckHelp}` : T.pickOneStuck, opts);
        s.options = kept(opts);
        return;
      }
    }
    // `对`, `没错`, `好的` at a question asked again with its answer shown (返回, 「之前填的是：新塘社区」): that answer
    // stays, said so, and on to where they were; never 「请从下面选」 for a yes. Not where a yes is itself an answer.
    if (s.mode === 'ask' && s.backAt === field.id && field.id in s.answers && !field.yesNo && !field.gate && (plainYesNo(text) === true || KEEP_AS_IS.test(compact(text)))) {
      const choices = field.options?.(s.answers, ctx) ?? [];
      if (!choices.some((o) => yesNo(o.label) !== null)) {
        s.misses = 0;
        say(T.keptAsIs(labelOf(field, s.answers), show(flow, field.id, s.answers[field.id], s.answers, ctx)));
        return advance(s, flow, ctx, say);
      }
    }
    // `我没有手机 用我老婆的行吗` at the phone question, `我在东莞上班` at the work question: what the question itself
    // answers (Field.asked), then the question again; never 「答不上来」, never 单位职工 taken from 上班.
    const howTo = field.asked?.(text, s.answers, ctx) ?? (MUST_ASKED.test(compact(text)) ? mustAnswer(field) : null);
    if (howTo) {
      // The same thing asked again at the same question: never the same words again (a loop), but what else there is.
      const again = s.aside === `${field.id}:${howTo}`;
      s.misses = 0;
      s.aside = `${field.id}:${howTo}`;
      say(again ? T.askedAgain : howTo);
      return askField(s, field, ctx, say);
    }
    // `不是宏达建筑是河西物业` at the township question: the unit corrected, then this question again (河西 in the
    // unit's name is no answer to it).
    const notThat = notThisButThat(s, flow, text, ctx);
    if (notThat) return applyNotThisButThat(s, flow, notThat, ctx, say);

    // What follows an answer taken back as it was typed (`好再来饭店 不对 我再想想`) is what is meant.
    const slipped = !field.verbatim && !field.acceptsFiles ? (slipIn(text)?.meant ?? null) : null;
    // `等一下我问问老乡`, `我先去问问再来`: no answer (never a name), but a pause; the draft is kept. Also where words
    // are kept as typed (an address, the roster): never the address left empty as if not known.
    if (!field.acceptsFiles && (pauses(text, flow) || (slipped !== null && pauses(slipped, flow)))) return pauseFlow(s, flow, say);
    // `等下 我老板打电话来了`: called away (never 「等下」 as an answer, nor 打电话 as the way to meet); the draft is kept.
    if (!field.acceptsFiles && holdsOn(text) === 'aside') return pauseFlow(s, flow, say, T.calledAway(flow.title));
    // `先不报了`, `我再想想`, `先不弄了 我问问老乡再说`: never a number, a village or a period; asked, or paused.
    const wish = !field.verbatim && !field.acceptsFiles ? (stopWish(text) ?? (slipped !== null ? stopWish(slipped) : null)) : null;
    if (wish) return stopOrPause(wish, s, flow, ctx, say, out);

    const shown = field.options?.(s.answers, ctx) ?? [];
    // `1 3`: two picks typed at once (read as 13, it was 「没有这个选项」): one is asked for.
    if (shown.length > 1 && severalPicked(text)) return retry(T.onlyOneOption(shown.length));
    if (outOfRange(text, shown)) return retry(T.notAnOption(shown.length));
    // Words that are neither answer of a yes/no question (`老板让我回家等通知` at 「还在这家单位干吗？」: `回家` is no
    // leaving here; `Field.neither`): which one is asked, with what each means, once (said again, what decides it
    // and 人工 are offered).
    const neither = field.yesNo ? field.neither : undefined;
    if (neither) {
      const options: Option[] = neither.options.map((o) => ({ ...o }));
      const askedBefore = options.every((o, i) => s.options[i]?.label === o.label);
      // Answered in the terms it was asked in (`等着回去`, `说不要我了`): that reading, confirmed.
      const said = askedBefore && numberPicked(text) === null && !/^(?:yes|no)$/u.test(text) ? neither.answer(text) : null;
      if (said !== null) return holdFacts(s, flow, { [field.id]: said }, ctx, say);
      // `不知道` then: not a rough pick (选个大概) here, but what decides it, and a person to help.
      const unsure = askedBefore && (dontKnow(text) || CANNOT_SAY.test(compact(text)));
      if (neither.test(text) || unsure) return askedBefore ? retry(neither.again(s.answers), [...options, TO_HUMAN]) : retry(neither.ask(s.answers), options);
    }
    // `0` at a question answered with a number (how much is owed): its answer, never the menu's 0.
    const read: Understood =
      text === '0' && field.numeric ? { kind: 'answer', result: field.parse({ kind: 'text', text }, s.answers, ctx), facts: {} } : understandInFlow(flow, field, text, s.answers, ctx, editedLast(s, flow, field, text), opts.flows);
    // A correction naming no one answer (`地址填错了`: several, or none by that word) asks which one; its words are
    // never this question's answer (never a contact called 「地址」).
    const which = read.kind === 'correction' && read.field === null && read.result === null;
    const u = read.kind === 'correction' && !read.result?.ok && !which ? (answerAfterCorrection(s, flow, field, text, ctx) ?? read) : read;
    // `好再来饭店|好再来饭店`, `王芳|王芳`: the answer just given sent again (a double tap, a message that seemed not to
    // go), which this question does not take as its answer: said to be noted, and this question asked again (it got
    // 没找到「好再来饭店」, and an address sent twice 「您是要改成：干活的地方「东龙镇」」). Once: sent again after
    // that, the words are read as usual.
    // (Never where the words answer this question too: `不是` at two yes/no questions in a row.)
    const doubled = s.misses === 0 && !(u.kind === 'answer' && u.result?.ok) && !ownAnswer(field, text, s.answers, ctx) ? sentAgain(s, flow, field, text, ctx) : null;
    if (doubled !== null) return retry(`${doubled}\n${field.ask(s.answers, ctx)}`);
    // A question asked with the report's facts (`…欠我钱 两万三 过年前要回来行不行`): answered first, then the facts
    // are confirmed (understand.ts factsBeside), never one of the two dropped.
    if (u.kind === 'answer' && u.asked) say(pointsSaid(u.asked, text, ctx) ?? withBasis(u.asked));
    // `啥子是工程项目哦`: what the question asked means, which the knowledge base has no entry for, is the field's help.
    if (u.kind === 'question' && !u.entry && field.help && aboutTheQuestion(field, text, s.answers, ctx)) {
      say(helpSaid(s, field, field.help, ctx));
      return askField(s, field, ctx, say);
    }
    // `不想填了` at a supplementary question, after 「都不想填就回复都跳过」: these questions skipped, nothing thrown away.
    if (u.kind === 'command' && u.command === 'cancel' && u.rest === STOP_ASKED && field.optional) {
      // Only where the question itself takes 都跳过 as leaving things empty (never as a value).
      const all = field.acceptsFiles ? null : field.parse({ kind: 'text', text: SKIP_ALL }, s.answers, ctx);
      if (all?.ok && all.value === null && !all.stay) return take(s, flow, field, all, {}, ctx, say, retry);
    }
    // Facts said at a consent (the first message pasted again while consent is asked, a phone typed for 同意):
    // held with those waiting for the consent, never confirmed before it; the consent is asked again.
    // Before any consent was given, said plainly that nothing was kept.
    const early = !consented(flow, s.answers);
    if (field.gate && (s.pending || early) && u.kind === 'answer' && !u.result?.ok && Object.keys(u.facts).length > 0) {
      if (early) holdTillConsent(s, flow, u.facts, say);
      else {
        s.pending = { values: { ...(s.pending?.values ?? {}), ...u.facts }, previous: {} };
        say(T.heldTillConsent);
      }
      // The consent's whole text once more; after that its short retry (with a way to a person after a third
      // miss), never the same long text again and again while the person goes on telling their story.
      if (field.consent && s.misses > 0) {
        const how = field.parse({ kind: 'text', text: '' }, s.answers, ctx);
        if (!how.ok && how.error) return retry(how.error);
      }
      if (field.consent) s.misses += 1;
      return askField(s, field, ctx, say);
    }
    // `不对 我电话是138…` before the consent: no answer to change, and nothing kept yet; held like any fact said there.
    if (field.gate && early && u.kind === 'correction' && u.field && !u.field.gate && u.result?.ok && u.result.value !== undefined && !u.result.stay && !u.result.exit) {
      holdTillConsent(s, flow, { ...(u.result.set ?? {}), [u.field.id]: u.result.value }, say);
      return askField(s, field, ctx, say);
    }
    if (handleAside(u, s, flow, ctx, say, out, text)) return;
    // `算了` where it answers nothing (`没找到「算了」` was said): asked whether to stop, the draft kept.
    if (NEVER_MIND.test(compact(text)) && !(u.kind === 'answer' && u.result?.ok)) return offerStop(s, flow, say, false);
    // `不知道`, `说不好` where the question has its own help for not knowing (rough figures to choose from):
    // that help, once; said again at it (or after two misses), the usual answer to not knowing. Never a loop.
    const unsure = field.unsure && !refusesToSay(text) && (u.kind === 'dont-know' || ((u.kind !== 'answer' || !u.result?.ok) && CANNOT_SAY.test(compact(text))));
    if (unsure) {
      const help = field.unsure!(s.answers, ctx);
      // (Shown too when the choices on screen are some of its own: `反正很多人` got the larger rough figures only.)
      const shownNow = help.options.length > 0 && s.options.length > 0 && s.options.every((o) => help.options.some((h) => h.value === o.value));
      // Help with the question's own choices (what tells them apart: `不知道选哪个` at 工作方式) cannot be told from
      // the question on screen: it is given at the first miss only.
      const own = field.options?.(s.answers, ctx) ?? [];
      const sameChoices = own.length === help.options.length && own.every((o, i) => o.value === help.options[i]!.value);
      if (sameChoices ? s.misses === 0 : !shownNow && s.misses < 2) return retry(help.ask, help.options);
    }
    if (unsure || u.kind === 'dont-know') {
      // A question files answer (the evidence): never null over the files sent (its value is their list). What the
      // question reads in the words first (`不知道算不算证据 我有个工作群` is noted for staff); else nothing more
      // to send now: what was sent kept, and said how to add more later.
      if (field.optional && field.acceptsFiles) {
        const own = field.parse({ kind: 'text', text }, s.answers, ctx);
        if (own.ok && !own.stay && !own.exit) return take(s, flow, field, own, {}, ctx, say, retry);
        const done = field.parse({ kind: 'text', text: '完成' }, s.answers, ctx);
        if (done.ok && !done.stay && !done.exit) return take(s, flow, field, { ...done, ack: FILES_LATER }, {}, ctx, say, retry);
      }
      if (field.optional) return take(s, flow, field, { ok: true, value: null }, {}, ctx, say, retry);
      if (!refusesToSay(text) && field.yesNo) {
        // A yes/no question (`是工程建设项目吗？`): its own retry says how to tell which, better than 「想想看」.
        const how = field.parse({ kind: 'text', text: '' }, s.answers, ctx);
        // Unsure whether to agree: what agreeing means (nothing to pick roughly here), then how to answer.
        if (!how.ok && how.error) return retry(field.consent ? `${field.help ?? T.consentUnsure}\n${how.error}` : `没关系，拿不准也可以先选个大概。${how.error}`);
      }
      // Not knowing said again (`不知道` twice at the amount): another way on, never 「想想看」 twice.
      // (The township's way on is said the first time already: `stuckFirst`.)
      if (!refusesToSay(text) && field.stuck && (field.stuckFirst ? s.misses === 0 || s.fieldId !== field.id : s.misses === 1 && s.fieldId === field.id)) return retry(field.stuck(s.answers, ctx));
      // `不想说` again at the name: a surname will do, or a person (never the same words twice).
      if (refusesToSay(text) && field.id === 'contactName' && s.misses === 1 && s.fieldId === field.id) return retry(T.refusedNameAgain);
      // A name, a phone number or an ID number has no 「大概」: why it is needed instead.
      return retry(refusesToSay(text) ? (field.id === 'contactName' ? T.refusedName : EXACT_FIELDS.has(field.id) ? T.refusedExact : T.refusedRequired) : T.dontKnowRequired);
    }
    switch (u.kind) {
      case 'answer':
        // `还在干` at the employer question (是否还在职, and 「还在」 as a name): words that say another answer are
        // that answer, confirmed; never also this one's value, which no one was shown. This question follows again.
        if (u.result && u.result.ok && readFromOtherAnswer(s, flow, field, text, u.result.value, u.facts, ctx)) return holdFacts(s, flow, u.facts, ctx, say);
        // `冇辞职` (Cantonese: did not quit) at 「还在这家单位干吗？」: a choice's words (辞职) say one answer, the flow's
        // reading of the whole message, which heeds the negation, the other: that reading is confirmed, never the pick taken.
        if (u.result && u.result.ok && readsOtherwise(s, flow, field, text, u.result.value, ctx)) return holdFacts(s, flow, { ...u.facts, [field.id]: !u.result.value }, ctx, say);
        if (u.result && u.result.ok) return take(s, flow, field, u.result, u.facts, ctx, say, retry);
        if (Object.keys(u.facts).length > 0) return holdFacts(s, flow, u.facts, ctx, say);
        // `8000` at the township list, `两个月` when the period is known: the one other question the words answer.
        if (!u.result?.conflict && saidForElsewhere(s, flow, field, text, ctx, say)) return;
        // The first message pasted again (`老板欠我工资三个月了…我在东龙镇` at the village question): what it says is
        // known already; said so, and the question asked again (never its words quoted back as a village).
        if (!u.result?.conflict && repeatsKnown(s, flow, text, ctx)) return retry(knownAgain(s, flow, field, text, ctx));
        if (u.result && !u.result.ok && field.errorAgain) {
          // The same error twice in a row (`没有手机` twice): the question's other way on, never the same words again.
          const key = `error:${field.id}:${u.result.error}`;
          const other = s.aside === key ? field.errorAgain(u.result.error) : null;
          s.aside = key;
          if (other) return retry(other, u.result.options);
        }
        return retry(u.result && !u.result.ok ? u.result.error : T.unknown, u.result && !u.result.ok ? u.result.options : undefined);
      default:
        if (repeatsKnown(s, flow, text, ctx)) return retry(knownAgain(s, flow, field, text, ctx));
        return retry(field.yesNo || (field.options?.(s.answers, ctx).length ?? 0) > 0 ? `${T.unknown}${field.ask(s.answers, ctx).split('\n').at(-1)}` : `${T.unknown}${field.ask(s.answers, ctx)}`);
    }
  }

  /**
   * Words the question asked cannot take that plainly answer one other typed question of the flow (`8000` at the
   * township list or the project's name, `两个月` where the township is asked): a new value is confirmed in one
   * line (the question asked comes again after it), one equal to the answer given is said to be noted already,
   * and the question asked again. True when handled here.
   *
   * Precision first: only typed questions read the words (an amount, a period, a place…); a bare number only
   * where no number answers the question (a list of choices, a name), it is no option's number and a round figure
   * (ROUND_FIGURE), and only as the one number question that takes it plainly (`8000` is money; `300` could be
   * people too).
   */
  function saidForElsewhere(s: Session, flow: Flow, field: Field, text: string, ctx: FlowContext, say: Say): boolean {
    if (field.gate || field.verbatim || field.acceptsFiles || !consented(flow, s.answers)) return false;
    const said = compact(text);
    const bare = /^\d+$/u.test(said);
    // A typed question that takes no number itself (the period's): a bare round figure is read only for a question
    // still to come (`8000` at 「拖欠的是哪段时间的工资？」), never a year (`2025`), never as a change of an answer given.
    const typed = !(field.freeText || (field.options?.(s.answers, ctx).length ?? 0) > 0);
    if (bare && ((typed && (field.numeric || YEAR_LIKE.test(said))) || numberPicked(text) !== null || !ROUND_FIGURE.test(said))) return false;
    const plain: { field: Field; result: Extract<FieldResult, { ok: true }> }[] = [];
    const read: typeof plain = [];
    for (const f of visibleFields(flow, s.answers)) {
      if (f.id === field.id || f.gate || !mayWait(f.id) || (bare && !f.numeric) || (bare && typed && f.id in s.answers && s.mode !== 'edit')) continue;
      const r = f.parse({ kind: 'text', text }, s.answers, ctx);
      if (!r.ok || r.stay || r.exit || r.value === undefined || r.value === null) continue;
      (r.confirm ? read : plain).push({ field: f, result: r });
    }
    const hits = plain.length > 0 ? plain : read;
    if (hits.length !== 1) return false;
    const { field: other, result } = hits[0]!;
    const known = s.answers[other.id];
    const same = known !== undefined && known !== null && (JSON.stringify(known) === JSON.stringify(result.value) || show(flow, other.id, known, s.answers, ctx) === show(flow, other.id, result.value, s.answers, ctx));
    if (same) {
      say(ALREADY_NOTED(labelOf(other, s.answers), show(flow, other.id, known, s.answers, ctx)));
      askField(s, field, ctx, say);
      return true;
    }
    s.misses = 0;
    // A bare number at a yes/no question or a typed one (`6000` at 「是工程建设项目吗？」, `8000` at the period's): it
    // waits for its own question, said so, and this one is asked again. Never a 「…对吗？」 here: the 不是 that answers
    // the yes/no question would read as refusing the reading.
    const facts = { ...(result.set ?? {}), [other.id]: result.value };
    if (bare && (field.yesNo || typed) && s.mode === 'ask' && Object.keys(facts).every((k) => !(k in s.answers) && mayDefer(flow, k))) {
      s.later = { ...s.later, ...facts };
      say(WAIT_FOR_QUESTION(factLine(flow, facts, s.answers, ctx)));
      askField(s, field, ctx, say);
      return true;
    }
    if (result.ack) say(result.ack);
    holdFacts(s, flow, facts, ctx, say);
    return true;
  }

  /**
   * Said to a message that says again only what is known (`外卖` when the work is noted): what is noted, by name
   * when it is a few answers, and what is asked now, so the person moves on; said again, how to skip an optional
   * question (the third time, the usual way to a person: `retry`).
   */
  function knownAgain(s: Session, flow: Flow, field: Field, text: string, ctx: FlowContext): string {
    const facts = flow.extract(text, s.answers, ctx);
    const named = Object.fromEntries(Object.keys(facts).filter((k) => flow.fields.some((f) => f.id === k && f.label)).map((k) => [k, s.answers[k]]));
    const count = Object.keys(named).length;
    const lead = count > 0 && count <= 3 ? `好的，${factLine(flow, named, s.answers, ctx)}已经记下了。` : T.knownAlready;
    const skip = field.optional && s.misses >= 1 ? '\n不清楚或不想填这一项，可以回复「跳过」。' : '';
    // The third time `retry` says the question itself, with the way to a person.
    return s.misses >= 2 ? `${lead}${skip}` : `${lead}接下来想问您：${field.ask(s.answers, ctx)}${skip}`;
  }

  /**
   * The answer to the question answered just before, word for word (a name, a unit, the choice picked), sent again at
   * this one: what to say (「好的，用人单位已经记下了：好再来饭店。」), or null. Only the answer just given, and only its
   * whole text, so an answer of this question that happens to look alike is never turned away here (the caller asks
   * only when this question could not take the words).
   */
  function sentAgain(s: Session, flow: Flow, field: Field, text: string, ctx: FlowContext): string | null {
    const prevId = s.lastSet ?? s.trail.at(-1);
    if (!prevId || prevId === field.id) return null;
    const prev = flow.fields.find((f) => f.id === prevId);
    const value = s.answers[prevId];
    if (!prev || prev.gate || value === null || value === undefined || value === '') return null;
    const said = compact(text);
    // As typed (a name, a unit) or as shown (the choice picked: `不是`, `还在干`).
    const shown = previousShown(flow, prev, s.answers, ctx);
    if (said === '' || shown === null || (said !== compact(shown) && !(typeof value === 'string' && said === compact(value)))) return null;
    return ALREADY_NOTED(labelOf(prev, s.answers), shown);
  }

  /** Whether the question's own reading takes the words as its answer (a choice's words, a yes or a no among them). */
  function ownAnswer(field: Field, text: string, answers: Answers, ctx: FlowContext): boolean {
    const r = field.parse({ kind: 'text', text }, answers, ctx);
    return r.ok || (field.options?.(answers, ctx) ?? []).some((o) => compact(o.label) === compact(text)) || (field.yesNo === true && yesNo(text) !== null);
  }

  /** Whether a message says only answers already given, two or more of them (the first message pasted again): nothing new. */
  function repeatsKnown(s: Session, flow: Flow, text: string, ctx: FlowContext): boolean {
    const facts = flow.extract(text, s.answers, ctx);
    const keys = Object.keys(facts);
    if (keys.length < 2) return false;
    return keys.every(
      (k) => k in s.answers && (JSON.stringify(s.answers[k]) === JSON.stringify(facts[k]) || show(flow, k, s.answers[k], s.answers, ctx) === show(flow, k, facts[k], s.answers, ctx)),
    );
  }

  /**
   * Whether a yes/no question's answer picked by a choice's words (not a plain yes or no) is the opposite of what
   * the flow reads in the whole message for that question (`冇辞职`: 辞职 picks 已经离开, 冇辞职 says still there).
   */
  function readsOtherwise(s: Session, flow: Flow, field: Field, text: string, value: unknown, ctx: FlowContext): boolean {
    if (!field.yesNo || typeof value !== 'boolean' || yesNo(text) !== null || /^(?:yes|no)$/u.test(text)) return false;
    const read = flow.extract(text, s.answers, ctx)[field.id];
    return typeof read === 'boolean' && read !== value;
  }

  /**
   * Whether a name-like answer was read out of the words that say the other facts found with it: without
   * the name, the message no longer says them (`还在干`: 还在 is the employer only by taking the words
   * that say 还在干).
   */
  function readFromOtherAnswer(s: Session, flow: Flow, field: Field, text: string, value: unknown, facts: Answers, ctx: FlowContext): boolean {
    if (!field.freeText || typeof value !== 'string' || value === '' || Object.keys(facts).length === 0) return false;
    const whole = compact(text);
    const name = compact(value);
    if (name === '' || !whole.includes(name)) return false;
    const left = flow.extract(whole.replace(name, ' '), s.answers, ctx);
    return Object.keys(facts).some((k) => !(k in left));
  }

  /**
   * A correction that changes no earlier answer (`不对，是宏发电子厂` after 单位职工, `改一下，我要电话的`
   * at the way to meet) whose words answer the question asked: that answer, as if said plainly.
   */
  function answerAfterCorrection(s: Session, flow: Flow, field: Field, text: string, ctx: FlowContext): Understood | null {
    const rest = correctionOf(text)?.rest ?? '';
    if (rest === '') return null;
    const u = understandInFlow(flow, field, rest, s.answers, ctx, null, []);
    return u.kind === 'answer' && u.result?.ok ? u : null;
  }

  /** The answer to the field asked, plus facts said on the side (held for "对吗？"). */
  function take(s: Session, flow: Flow, field: Field, r: FieldResult, facts: Answers, ctx: FlowContext, say: Say, retry: (e: string, o?: Option[]) => void): void {
    if (!r.ok) return retry(r.error, r.options);
    s.misses = 0;
    // Values read with the words the pick was offered for (flows/types.ts `held`): confirmed like the facts beside it.
    if (r.held && Object.keys(r.held).length > 0) facts = { ...r.held, ...facts };
    if (r.exit) {
      // A consent refused: kept for the next message, where 同意 opens the flow again (reopenRefused).
      const consents = Object.fromEntries(flow.fields.filter((f) => f.consent && s.answers[f.id] === true).map((f) => [f.id, true]));
      const refused = field.consent && r.value === false ? { flowId: flow.id, fieldId: field.id, answers: consents, at: ctx.now.toISOString() } : null;
      clearFlow(s);
      say(r.exit);
      // `我想入会 还想找律师`, then 不同意: the request kept for after is offered now, never dropped for the menu.
      if (!offerKept(s, flow, ctx, say)) showMenu(s, say);
      s.refused = refused;
      return;
    }
    if (r.stay) {
      const set: Record<string, unknown> = { ...(r.set ?? {}) };
      if (r.value !== undefined) set[field.id] = r.value;
      const next: Record<string, unknown> = { ...s.answers };
      for (const [k, v] of Object.entries(set)) {
        if (v === undefined) delete next[k];
        else next[k] = v;
      }
      s.answers = next;
      if (r.ack) say(r.ack, field.options?.(s.answers, ctx));
      return;
    }
    if (r.confirm) {
      // A reading of the words (a festival as a month): confirmed with the rest.
      s.pending = {
        values: { ...facts, ...(r.set ?? {}), [field.id]: r.value },
        previous: previousOf(s, { [field.id]: r.value, ...facts }),
        // The answer to the question asked, as read: kept if the person goes on without a yes.
        ...(field.id in s.answers ? {} : { answered: [field.id, ...Object.keys(r.set ?? {})] }),
      };
      s.back = s.mode === 'edit' ? 'edit' : 'ask';
      if (r.ack) say(r.ack);
      return askConfirm(s, flow, ctx, say);
    }
    if (r.ack) say(r.ack);
    setAnswers(s, flow, { ...(r.set ?? {}), [field.id]: r.value });
    s.lastSet = field.id;
    if (Object.keys(facts).length > 0) return holdFacts(s, flow, facts, ctx, say);
    if (s.mode === 'edit') return advanceFromEdit(s, flow, ctx, say);
    advance(s, flow, ctx, say);
  }

  function previousOf(s: Session, values: Answers): Answers {
    const prev: Record<string, unknown> = {};
    for (const k of Object.keys(values)) if (k in s.answers && JSON.stringify(s.answers[k]) !== JSON.stringify(values[k])) prev[k] = s.answers[k];
    return prev;
  }

  /** Facts not given as the answer asked: held, and confirmed in one line before they count. */
  function holdFacts(s: Session, flow: Flow, facts: Answers, ctx: FlowContext, say: Say, deferred = false): void {
    // Said with an answer before the consent (`替我爸 电话138…` to 「是您本人，还是替别人反映？」): nothing is
    // confirmed or kept before it; held for it, said so, and the next question (the consent) asked.
    if (!consented(flow, s.answers)) {
      holdTillConsent(s, flow, facts, say);
      return advance(s, flow, ctx, say);
    }
    // Values equal to what is already known need no question.
    const fresh: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(facts)) if (JSON.stringify(s.answers[k]) !== JSON.stringify(v)) fresh[k] = v;
    if (Object.keys(fresh).length === 0) {
      if (s.mode === 'review') return showReview(s, flow, ctx, say);
      return advance(s, flow, ctx, say);
    }
    s.pending = { values: fresh, previous: previousOf(s, fresh), ...(deferred ? { deferred: true } : {}) };
    // Held again at a confirmation (new facts, or `不是，我说的是…`): where it was raised from stays where to go back.
    if (s.mode !== 'confirm') s.back = s.mode === 'edit' ? 'edit' : s.mode === 'review' ? 'review' : 'ask';
    askConfirm(s, flow, ctx, say);
  }

  /**
   * What the opening message chose, said back: a field with its own phrase reads as a sentence
   * (「好的，您想找工会律师咨询。」), the others as 「好的，我先记下：<label>「<value>」。」. Empty when nothing is said.
   */
  function notedLine(flow: Flow, given: Answers, answers: Answers, ctx: FlowContext): string {
    const merged = { ...answers, ...given };
    const fields = flow.fields.filter((f) => f.id in given);
    const phrases = fields.filter((f) => f.saidBack).map((f) => f.saidBack!(given[f.id], merged, ctx));
    const rest = Object.fromEntries(fields.filter((f) => !f.saidBack).map((f) => [f.id, given[f.id]]));
    const line = Object.keys(rest).length > 0 ? factLine(flow, rest, answers, ctx) : '';
    if (phrases.length === 0) return line ? T.noted(line) : '';
    return T.notedSaid(phrases.join('，'), line);
  }

  function factLine(flow: Flow, values: Answers, answers: Answers, ctx: FlowContext): string {
    const merged = { ...answers, ...values };
    return flow.fields
      .filter((f) => f.id in values)
      .map((f) => `${labelOf(f, merged)}「${show(flow, f.id, values[f.id], merged, ctx)}」`)
      .join('、');
  }

  function askConfirm(s: Session, flow: Flow, ctx: FlowContext, say: Say): void {
    const p = s.pending!;
    // Only facts some field of the flow can still take (a field whose condition fails is dropped).
    const merged = { ...s.answers, ...p.values };
    const usable: Record<string, unknown> = {};
    const wished: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(p.values)) {
      const f = flow.fields.find((x) => x.id === k);
      // A wish (`明天下午` for the slot list): kept as said, nothing to confirm.
      if (!f && flow.wishes?.includes(k)) wished[k] = v;
      else if (f && (!f.when || f.when(merged))) usable[k] = v;
      // A fact whose question cannot come yet (the unit's town before the unit) waits for it; so does a total for
      // everyone said before anyone was counted (`老板欠我们工资 大家一共三十万`: asked once two or more are owed).
      // The day someone left or got hurt said before the matter (`上个月二十号就不干了` at 「您想咨询什么事？」) waits too.
      else if (f && (mayWait(k) || k === 'groupAmount' || k === 'limit' || k === 'injury')) s.later = { ...s.later, [k]: v };
    }
    // The answers checked are the ones kept (their parse is kept with them: flows/define.ts `check`).
    const withWished = { ...s.answers, ...wished };
    const kept = Object.keys(wished).length > 0 && flow.check(withWished);
    if (kept) s.answers = withWished;
    if (Object.keys(usable).length === 0) {
      s.pending = null;
      // Only a wish held (a town said for a later question): what was noted, said before the question comes again.
      const noted = kept && flow.wishSaid ? flow.wishSaid(wished, s.answers, ctx) : null;
      if (noted) say(noted);
      s.mode = s.back === 'review' ? 'review' : s.back === 'edit' ? 'edit' : 'ask';
      return s.mode === 'review' ? showReview(s, flow, ctx, say) : advance(s, flow, ctx, say);
    }
    // Asked again (after a question, small talk) while asking which one is wrong: that question again.
    const which = p.which === true && Object.keys(usable).length >= 2;
    // `我12月5号摔伤了想找律师` on 1 December, confirmed after the consent: why the day is read as last year's, first
    // (said once: the notes of such readings are no field's, and do not wait on with the values; nor is it said again
    // after the yes, so it is kept with them).
    const why = which ? null : (flow.readingSaid?.(p.values, usable, s.answers, ctx) ?? null);
    s.pending = { values: usable, previous: p.previous, ...(which ? { which: true } : {}), ...(p.deferred ? { deferred: true } : {}), ...(p.answered ? { answered: p.answered } : {}), ...(p.repeated ? { repeated: true } : {}), ...(why ? { said: why } : {}) };
    // A new confirmation counts its own misses: answers the question before could not take are not its misses.
    if (s.mode !== 'confirm') s.misses = 0;
    s.mode = 'confirm';
    if (which) return askWhich(s, flow, ctx, say);
    if (why) say(why);
    say(confirmLine(s, flow, s.pending, ctx), T.confirmOptions);
  }

  /** The lines of `text` not among those `said` already (null when none are left). */
  function notSaidYet(text: string | null, said: string | undefined): string | null {
    if (!text || !said) return text;
    const before = new Set(said.split('\n'));
    const left = text.split('\n').filter((l) => !before.has(l));
    return left.length > 0 ? left.join('\n') : null;
  }

  /** The confirmation said plainly, for someone who did not follow it (`啥意思` twice): what it asks and how to answer. */
  function confirmPlainly(s: Session, flow: Flow, p: Pending, ctx: FlowContext): string {
    const changed = Object.keys(p.values).filter((k) => k in p.previous);
    const facts = factLine(flow, p.values, s.answers, ctx);
    if (changed.length > 0) {
      const before = factLine(flow, Object.fromEntries(changed.map((k) => [k, p.previous[k]])), s.answers, ctx);
      return `我是想问您要不要改：之前填的是${before}，现在改成${facts}。\n要改，就回复「对」；不改，回复「不对」，之前填的不变；想请工作人员帮忙，回复「人工」。`;
    }
    return `我是想确认有没有记错：${facts}。\n记得对，就回复「对」；不对，回复「不对」，我再问您一遍；想请工作人员帮忙，回复「人工」。`;
  }

  /** "我理解的是：…。对吗？", or "您是要改成：…，对吗？" with what was there before. */
  function confirmLine(s: Session, flow: Flow, p: Pending, ctx: FlowContext): string {
    const changed = Object.keys(p.values).filter((k) => k in p.previous);
    return changed.length > 0
      ? `${T.confirmChanged(factLine(flow, p.values, s.answers, ctx))}\n（之前填的是：${factLine(flow, Object.fromEntries(changed.map((k) => [k, p.previous[k]])), s.answers, ctx)}）`
      : T.confirmInferred(factLine(flow, p.values, s.answers, ctx));
  }

  /** The labels of `values`' fields, in the flow's order (`干活的地方、拖欠时间`). */
  function labelsOf(flow: Flow, values: Answers, answers: Answers): string {
    const merged = { ...answers, ...values };
    return flow.fields
      .filter((f) => f.id in values)
      .map((f) => labelOf(f, merged))
      .join('、');
  }

  /**
   * Leaving a confirmation nobody answered: the person went on with the answer to another question
   * instead of 对 or 不对. ONE RULE for every value waiting there, whether read from the answer to the
   * question asked (`原来叫鑫源…` as the employer, `三个多月` as 3 months), said on the side (a town, a
   * period), or a change of an answer given (`就我一个` for 8000 people):
   *  - it is never stored without a yes (nothing silently kept), and the answer the person went on with
   *    is taken (moveOn);
   *  - it is not thrown away either: the first time, it waits in `later` and is confirmed once more
   *    when its question comes, instead of that question; a value for a question already passed (the
   *    question asked, or a change of an answer) is confirmed again at once, before the next question;
   *  - went on from that second "对吗？" too (`deferred`), it is set aside, said so: an unanswered question
   *    is asked plainly in its turn, a change is not made. Never a third time, so never a loop.
   * Phone numbers, ID numbers, files and accounts kept word for word never wait (`mayDefer`): set aside now.
   */
  function setPendingAside(s: Session, flow: Flow, p: Pending, say: Say | null, ctx: FlowContext): string[] {
    const unchanged: Record<string, unknown> = {};
    const dropped: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(p.values)) {
      if (!p.deferred && (mayDefer(flow, k) || passedGate(flow, k, v, s.answers))) s.later = { ...s.later, [k]: v };
      else if (k in s.answers) unchanged[k] = v;
      else dropped[k] = v;
    }
    s.pending = null;
    askPlainlyLater(s, flow, dropped);
    // Not kept, yet not lost: named with what was understood, and offered when its question is asked again.
    s.offered = { ...s.offered, ...dropped };
    const notes = [
      Object.keys(unchanged).length > 0 ? T.notChanged(labelsOf(flow, unchanged, s.answers)) : '',
      Object.keys(dropped).length > 0 ? T.notKeptOffered(factLine(flow, dropped, s.answers, ctx), visibleFields(flow, s.answers).some((f) => f.id in dropped && !f.extractOnly)) : '',
    ].filter(Boolean);
    if (say && notes.length > 0) say(notes.join('\n'));
    return notes;
  }

  /** Values not kept for a question that does not come again (代为反映, `Field.setAside`): that question asked plainly in its turn instead. */
  function askPlainlyLater(s: Session, flow: Flow, values: Answers): void {
    for (const [k, v] of Object.entries(values)) {
      const set = passedGate(flow, k, v, s.answers) ? (fieldOf(flow, k).setAside?.(v, s.answers) ?? {}) : {};
      const next = Object.keys(set).length > 0 ? { ...s.answers, ...set } : null;
      if (next && flow.check(next)) s.answers = next;
    }
  }

  /**
   * Words at a 「…对吗？」 holding only wishes of the flow that it says back (`有欠条`, noted for the evidence question):
   * those kept, the note said; true when done. Never when they hold a fact a question takes, or a yes or a no.
   */
  function onlyWishesNoted(s: Session, flow: Flow, text: string, waiting: Answers, ctx: FlowContext, say: Say): boolean {
    if (!flow.wishSaid || !flow.wishes || understandConfirm(text) !== null) return false;
    const facts = flow.extract(text, { ...s.answers, ...waiting }, ctx);
    const keys = Object.keys(facts);
    if (keys.length === 0 || keys.some((k) => !flow.wishes!.includes(k) || flow.fields.some((f) => f.id === k))) return false;
    const next = { ...s.answers, ...facts };
    if (!flow.check(next)) return false;
    const noted = flow.wishSaid(facts, next, ctx);
    if (!noted) return false;
    s.answers = next;
    s.misses = 0;
    say(noted);
    return true;
  }

  /** Notes said together as one message: the first as it is, the others without their own 「好的，」. */
  function oneMessage(notes: readonly string[]): string {
    return notes.map((n, i) => (i === 0 ? n : n.replace(/^好的，/u, ''))).join('\n');
  }

  /**
   * A message that only says again values known here (`凤栖街道` while 干活的地方「凤栖街道」
   * waits): the waiting fields it repeats, [] when it repeats only answers
   * already given, null when it says anything else.
   */
  function saidAgain(s: Session, flow: Flow, p: Pending, text: string, ctx: FlowContext): (string[] & { slip?: boolean }) | null {
    if (understandConfirm(text) !== null || dontKnow(text) || smallTalkOf(text) !== null) return null;
    const facts = flow.extract(text, s.answers, ctx);
    const keys = Object.keys(facts);
    const merged = { ...s.answers, ...p.values };
    // `李强` at 「联系人「李强」。对吗？」, `宏达厂。` at 「用人单位「宏达厂」…」: words the form's extract does not read,
    // the same as a value waiting (spaces and punctuation aside) — that value said again, as a yes to it.
    if (keys.length === 0) {
      const words = bareWords(text);
      if (words === '') return null;
      const same = Object.keys(p.values).filter((k) => {
        const v = p.values[k];
        return (typeof v === 'string' && bareWords(v) === words) || bareWords(show(flow, k, v, merged, ctx)) === words;
      });
      if (same.length > 0) return same;
      // `好再来饭店啊` at 「用人单位「好再来饭店」。对吗？」, `和西街道` (typed with a slip) at 「干活的地方「河西街道」。对吗？」: the
      // value's own question reads the words as the very same value (or offers only it: 「您是说「河西街道」吗？」).
      const resolved = Object.keys(p.values).filter((k) => resolvesToSame(s, flow, k, p.values[k], text, merged, ctx) !== false);
      if (resolved.length !== 1) return null;
      // A slip read as the value: said back, so the person sees which value was kept.
      return Object.assign(resolved, { slip: resolvesToSame(s, flow, resolved[0]!, p.values[resolved[0]!], text, merged, ctx) === 'slip' });
    }
    const same = (k: string, known: Answers) =>
      k in known && (JSON.stringify(known[k]) === JSON.stringify(facts[k]) || show(flow, k, known[k], merged, ctx) === show(flow, k, facts[k], merged, ctx));
    const repeated: string[] = [];
    for (const k of keys) {
      if (same(k, p.values)) repeated.push(k);
      else if (!same(k, s.answers)) return null;
    }
    return repeated;
  }

  /**
   * What the question means (`啥意思`), never the same words twice at the same question: the help first, then said
   * another way (`Field.helpAgain`: the period with months from today), then the ways on (回头再填, 人工).
   */
  function helpSaid(s: Session, field: Field, first: string, ctx: FlowContext): string {
    const seen = s.aside === `help:${field.id}` ? 1 : s.aside === `help2:${field.id}` ? 2 : 0;
    const other = seen === 1 ? (field.helpAgain?.(s.answers, ctx) ?? null) : null;
    s.aside = other ? `help2:${field.id}` : `help:${field.id}`;
    return seen === 0 ? first : (other ?? T.askedAgain);
  }

  /**
   * Only the person's name said at a 「…对吗？」 of something else (`我叫李明`, read by the flow's extract as the contact's
   * name): its question still to come, nothing of it known, held or waiting. Held once (the same again is no step on).
   */
  function nameHeld(s: Session, flow: Flow, p: Pending, facts: Answers): boolean {
    const keys = Object.keys(facts);
    if (keys.length !== 1 || keys[0] !== 'contactName' || typeof facts.contactName !== 'string') return false;
    const field = flow.fields.find((f) => f.id === 'contactName');
    return !!field && !('contactName' in s.answers) && !('contactName' in p.values) && !('contactName' in s.later) && mayDefer(flow, 'contactName');
  }

  /**
   * Words typed at a 「…对吗？」 that the waiting value's own question reads as that very value (the same value, shown
   * the same), or for which it offers that value alone (a slip: `和西街道` → 「您是说「河西街道」吗？」). Never a number
   * (an option's, or the confirmation's 1. 对), never a question that gates, never a reading the question would confirm.
   */
  function resolvesToSame(s: Session, flow: Flow, id: string, value: unknown, text: string, merged: Answers, ctx: FlowContext): 'same' | 'slip' | false {
    const field = flow.fields.find((f) => f.id === id);
    if (!field || field.gate || numberPicked(text) !== null || /^\s*\d+\s*$/u.test(text)) return false;
    const { [id]: _waiting, ...before } = s.answers;
    const same = (v: unknown) => v !== undefined && v !== null && (JSON.stringify(v) === JSON.stringify(value) || show(flow, id, v, merged, ctx) === show(flow, id, value, merged, ctx));
    const r = field.parse({ kind: 'text', text }, before, ctx);
    if (r.ok) return !r.stay && !r.exit && !r.confirm && Object.keys(r.set ?? {}).length === 0 && same(r.value) ? 'same' : false;
    const offered = r.options ?? [];
    if (offered.length !== 1) return false;
    const again = field.parse({ kind: 'text', text: offered[0]!.value }, before, ctx);
    return again.ok && !again.stay && !again.exit && Object.keys(again.set ?? {}).length === 0 && same(again.value) ? 'slip' : false;
  }

  /**
   * Words typed at a 「…对吗？」 that plainly answer the question a value just confirmed brings in (one it `clears`: the
   * village of a township), as that question itself would take them (never a reading it would confirm): that answer.
   */
  function detailOf(s: Session, flow: Flow, kept: Answers, text: string, ctx: FlowContext): Answers | null {
    const visible = visibleFields(flow, s.answers);
    const found: Answers[] = [];
    for (const k of Object.keys(kept)) {
      for (const d of flow.fields.find((f) => f.id === k)?.clears ?? []) {
        const field = visible.find((f) => f.id === d);
        if (!field || d in s.answers || d in kept || field.gate) continue;
        const r = field.parse({ kind: 'text', text }, s.answers, ctx);
        if (r.ok && r.value !== undefined && r.value !== null && !r.exit && !r.stay && !r.confirm && Object.keys(r.set ?? {}).length === 0) found.push({ [d]: r.value });
      }
    }
    return found.length === 1 ? found[0]! : null;
  }

  /**
   * Words that are an option, as offered (its label or value, nothing around it), of a question the values waiting bring
   * in (not asked without them): that question's answer, as it takes those words. Null unless exactly one such.
   */
  function broughtOption(s: Session, flow: Flow, p: Pending, text: string, ctx: FlowContext): { field: Field; result: Extract<FieldResult, { ok: true }> } | null {
    const known = { ...s.answers, ...p.values };
    const before = new Set(visibleFields(flow, s.answers).map((f) => f.id));
    const said = bareWords(text);
    if (said === '' || numberPicked(text) !== null || /^\s*\d+\s*$/u.test(text)) return null;
    const found: { field: Field; result: Extract<FieldResult, { ok: true }> }[] = [];
    for (const f of visibleFields(flow, known)) {
      if (before.has(f.id) || f.id in known || f.freeText || f.gate || f.extractOnly) continue;
      if (!(f.options?.(known, ctx) ?? []).some((o) => bareWords(o.label) === said || bareWords(String(o.value)) === said)) continue;
      const r = f.parse({ kind: 'text', text }, known, ctx);
      if (r.ok && r.value !== undefined && r.value !== null && !r.exit && !r.stay) found.push({ field: f, result: r });
    }
    return found.length === 1 ? found[0]! : null;
  }

  /**
   * Words typed at a 「…对吗？」 that plainly answer the question a value held for later brings in (one it `clears`: the
   * village of a township held), as that question would take them with it: that answer, to be held with it.
   */
  function laterDetail(s: Session, flow: Flow, p: Pending, text: string, ctx: FlowContext): Answers | null {
    const known = { ...s.answers, ...p.values };
    const withLater = { ...known, ...s.later };
    const visible = visibleFields(flow, withLater);
    const found: Answers[] = [];
    for (const k of Object.keys(s.later)) {
      if (k in known) continue;
      for (const d of flow.fields.find((f) => f.id === k)?.clears ?? []) {
        const field = visible.find((f) => f.id === d);
        if (!field || d in withLater || field.gate || !mayDefer(flow, d)) continue;
        const r = field.parse({ kind: 'text', text }, withLater, ctx);
        if (r.ok && r.value !== undefined && r.value !== null && !r.exit && !r.stay && !r.confirm && Object.keys(r.set ?? {}).length === 0) found.push({ [d]: r.value });
      }
    }
    return found.length === 1 ? found[0]! : null;
  }

  /** Words compared as said, whatever their spaces and punctuation (`李 强。` is `李强`). */
  function bareWords(text: string): string {
    return text.replace(/[\s\p{P}\p{S}]+/gu, '');
  }

  /** A day typed at a confirmation for the day question the values waiting bring in, read one way of several (dayReadingAhead). */
  function dayAheadOf(s: Session, flow: Flow, p: Pending, text: string, ctx: FlowContext): ReturnType<typeof dayReadingAhead> {
    const known = { ...s.answers, ...p.values };
    const before = new Set(visibleFields(flow, s.answers).map((f) => f.id));
    const brought = visibleFields(flow, known).filter((f) => !before.has(f.id) && !(f.id in known) && !f.extractOnly);
    // As for a day typed alone (answerAhead): the question the waiting value brings in, or the form's next.
    const next = (brought.length === 1 ? brought[0] : null) ?? visibleFields(flow, known).find((f) => !(f.id in known) && !f.extractOnly) ?? null;
    return dayReadingAhead(flow, next, text, s.answers, p.values, ctx);
  }

  /** Words that say a reading is right (never a bare 好, 行, 嗯: they may agree to asking again). */
  const LATE_YES = /^(?:对|对的|对啊|对呀|对对|对对对|是|是的|是啊|是呀|没错|没错的|正确)[。.!！]*$/u;

  /**
   * `对` right after a 「…对吗？」 was set aside for three answers that were neither (`啊`, `呃`, `。。`, then `对`): the
   * yes came late, to what was said back just before; kept, said so, and on (it was read as this question's answer,
   * 「没看明白…」, a loop). Only a plain yes, only the next message, only values no answer has taken since.
   */
  function lateYes(s: Session, flow: Flow, text: string | null, ctx: FlowContext, say: Say): boolean {
    const aside = s.setAside;
    s.setAside = null;
    // `好`, `行`, `嗯` may as well take the 「先不记，我再问您一次」 itself: only words that say the reading is right.
    if (!aside || text === null || plainYesNo(text) !== true || !LATE_YES.test(compact(text)) || Object.keys(aside).some((k) => k in s.answers)) return false;
    if (!s.fieldId || !(s.fieldId in aside) || !flow.check({ ...s.answers, ...aside })) return false;
    const line = factLine(flow, aside, s.answers, ctx);
    setAnswers(s, flow, aside);
    s.misses = 0;
    say(T.lateYes(line));
    advance(s, flow, ctx, say);
    return true;
  }

  /** Not confirmed (`不知道` to "对吗？", or no yes twice): only what waited is dropped, named; answers given stay. */
  function dropPending(s: Session, flow: Flow, p: Pending, say: Say): void {
    askPlainlyLater(s, flow, p.values);
    const note = refusedNote(s, flow, p.values);
    s.pending = null;
    say(note);
  }

  /**
   * What a no to 「…对吗？」 leaves, said before going on (worked out before `rememberDenied`): changes of answers
   * given are not made (`好的，拖欠金额没有改。`); new values are not kept, named, with when they are asked: now
   * (`我再问您一次`), later in the report (`后面再问您`), or not at all (the summary, an optional question passed).
   */
  function refusedNote(s: Session, flow: Flow, values: Answers): string {
    const unchanged = Object.fromEntries(Object.entries(values).filter(([k]) => k in s.answers));
    const dropped = Object.fromEntries(Object.entries(values).filter(([k]) => !(k in s.answers)));
    const notes: string[] = [];
    if (Object.keys(unchanged).length > 0) notes.push(T.notChanged(labelsOf(flow, unchanged, s.answers)));
    if (Object.keys(dropped).length > 0) {
      const labels = labelsOf(flow, dropped, s.answers);
      const asking = s.back !== 'review' && s.back !== 'edit';
      const open = asking ? visibleFields(flow, s.answers).filter((f) => !(f.id in s.answers) && !f.extractOnly) : [];
      notes.push(open[0] && open[0].id in dropped ? T.notKept(labels) : open.some((f) => f.id in dropped) ? T.notKeptLater(labels) : T.notKeptAtAll(labels));
    }
    return notes.length > 0 ? oneMessage(notes) : T.confirmDropped;
  }

  /**
   * Values refused at their 「…对吗？」 (`不对`, or picked as the wrong one): what their fields set so that
   * reading is never proposed again in this report (`Field.denied`). Kept quietly: no question was answered.
   */
  function rememberDenied(s: Session, flow: Flow, values: Answers): void {
    const set: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(values)) Object.assign(set, flow.fields.find((f) => f.id === k)?.denied?.(v, s.answers) ?? {});
    const next = Object.keys(set).length > 0 ? { ...s.answers, ...set } : null;
    if (next && flow.check(next)) s.answers = next;
  }

  /**
   * The question a yes at the confirmation goes on to, when it does not hang on the values waiting. When it
   * does (被欠工资的人, asked only for a report made for someone else), the question the confirmation was
   * raised at, still open (`宏达建筑` after `我是帮我爸问的` at the unit question): what waited is confirmed
   * once more after it (setPendingAside), never dropped for an answer the person gave.
   */
  function questionAfter(s: Session, flow: Flow, p: Pending, answers: Answers = s.answers): Field | null {
    const known = { ...answers, ...p.values };
    const next = visibleFields(flow, known).find((f) => !(f.id in known) && !f.extractOnly) ?? null;
    if (!next || next.gate || next.acceptsFiles) return null;
    const visible = visibleFields(flow, answers);
    if (visible.some((f) => f.id === next.id)) return next;
    const open = s.back === 'ask' && s.fieldId ? visible.find((f) => f.id === s.fieldId) : undefined;
    const again = !p.deferred && Object.keys(p.values).every((k) => passedGate(flow, k, p.values[k], answers));
    return again && open && !(open.id in known) && !open.gate && !open.acceptsFiles && !open.extractOnly ? open : null;
  }

  /**
   * The optional question a confirmation was raised at, when the person did not answer it but said other
   * things (`今年8月到10月` at 项目名称): going on from the confirmation too passes it a second time, and it
   * is left empty (said so; the summary can fill it). Asking it again each time looped.
   */
  function passedOptional(s: Session, flow: Flow, p: Pending): Field | null {
    if (s.back !== 'ask' || !s.fieldId) return null;
    const f = flow.fields.find((x) => x.id === s.fieldId);
    if (!f || !f.optional || f.gate || f.acceptsFiles || f.id in s.answers || f.id in p.values) return null;
    // Only facts for questions after it (said instead of its answer), never a change of an answer given.
    const order = flow.fields.map((x) => x.id);
    if (Object.keys(p.values).some((k) => k in s.answers || order.indexOf(k) < order.indexOf(f.id))) return null;
    return visibleFields(flow, s.answers).includes(f) ? f : null;
  }

  /** At a confirmation, the answer to the question that comes next (`好再来饭店` when the unit is next). */
  function answerAtConfirm(s: Session, flow: Flow, p: Pending, text: string, ctx: FlowContext, answers: Answers = s.answers): { field: Field; result: Extract<FieldResult, { ok: true }>; facts: Answers } | null {
    const next = questionAfter(s, flow, p, answers);
    if (!next) return null;
    // `王建军` at 「干活的地方「东龙镇」。对吗？」, raised at the employer question by `东龙镇` typed there: a boss named, the
    // answer to the question asked (was 「请回复「对」或「不对」」 three times, then the township dropped and the name lost).
    const t = compact(text);
    // Never when what waits brings a question of its own in words (代为反映 brings the worker's name: `王大军` is his).
    const before = new Set(visibleFields(flow, answers).map((f) => f.id));
    const bringsWords = visibleFields(flow, { ...answers, ...p.values }).some((f) => !before.has(f.id) && !(f.id in p.values) && f.freeText);
    const bossNamed =
      next.id === 'employer' && s.back === 'ask' && s.fieldId === next.id && !bringsWords && /^\p{Script=Han}{2,4}$/u.test(t) && (commonSurname(t) || COMPOUND_SURNAMES.includes(t.slice(0, 2)));
    // Words in the person's own terms are taken for a question not asked only when they plainly are
    // such an answer (a name, a unit's name): `差不多吧`, `天气不错` are reactions, not a unit.
    if (next.freeText && !bossNamed && !plainlyAnswers(flow, next, text, { ...answers, ...p.values }, ctx)) return null;
    const u = understandInFlow(flow, next, text, answers, ctx, null, []);
    if (u.kind !== 'answer' || !u.result?.ok || u.result.stay || u.result.exit || u.result.value === undefined) return null;
    if (!offeredOrPlain(flow, next, text, u.result.value, { ...answers, ...p.values }, ctx)) return null;
    return { field: next, result: u.result, facts: u.facts };
  }

  /**
   * The person went on instead of answering "对吗？": the answer they gave is
   * taken; what waited is set aside (setPendingAside); other facts they said
   * wait for their questions, or are confirmed now when they cannot wait.
   */
  function moveOn(s: Session, flow: Flow, p: Pending, taken: ReturnType<typeof answerAtConfirm>, facts: Answers, ctx: FlowContext, say: Say, passed: Field | null = null): void {
    s.misses = 0;
    // What is said about it all goes in one message, before the question that follows.
    const notes = setPendingAside(s, flow, p, null, ctx);
    if (passed) {
      setAnswers(s, flow, { [passed.id]: null });
      notes.push(T.leftEmpty(labelOf(passed, s.answers)));
    }
    s.mode = s.back === 'review' ? 'review' : s.back === 'edit' ? 'edit' : 'ask';
    if (taken) {
      // `都跳过` at 「事情经过「押金500也没退」。对吗？」: what waited was just set aside, said to be asked again; the skip of
      // the questions after this one leaves its question open, so it is asked (the value offered) as promised.
      const setAsideNow = new Set(Object.keys(p.values).filter((k) => !(k in s.answers) && !(k in s.later)));
      const kept = taken.result.set && Object.entries(taken.result.set).some(([k, v]) => v === null && setAsideNow.has(k));
      if (kept) taken = { ...taken, result: { ...taken.result, set: Object.fromEntries(Object.entries(taken.result.set!).filter(([k, v]) => !(v === null && setAsideNow.has(k)))) } };
      if (s.mode === 'review') s.mode = 'edit';
      s.fieldId = taken.field.id;
      // What waited comes back at once, its question being the next (`张阿姨家` typed at 「雇主类型「个人或家庭」。对吗？」):
      // the answer taken is said first, so the same confirmation is not read as the answer ignored. So too when
      // what waited is set aside, said so (`欠了8000` at the second 「拖欠时间…对吗？」): the answer taken is said
      // with it, never taken without a word.
      const after = { ...s.answers, ...(taken.result.set ?? {}), [taken.field.id]: taken.result.value };
      const next = taken.result.confirm || Object.keys(taken.facts).length + Object.keys(facts).length > 0 ? null : firstMissing(flow, after);
      const againNow = Object.keys(p.values).some((k) => (k in s.answers || passedGate(flow, k, p.values[k], s.answers)) && k in s.later);
      const setAside = notes.length > 0 && !taken.result.confirm;
      // Other facts said with it are confirmed next (`美团专送` at 「职业「外卖配送员」。对吗？」: the platform taken, 专送
      // confirmed): the answer taken is said first, never kept without a word.
      const confirmedNext = !taken.result.confirm && Object.keys(taken.facts).length + Object.keys(facts).length > 0;
      if ((next && next.id in p.values && next.id in s.later) || (againNow && !taken.result.confirm && Object.keys(taken.facts).length + Object.keys(facts).length === 0) || setAside || confirmedNext) {
        const label = labelOf(taken.field, { ...p.values, ...after });
        // A skip (跳过, 都跳过) is said as left empty, not as the summary's 「未填写」 taken down.
        notes.unshift(taken.result.value === null || taken.result.value === undefined ? T.leftEmpty(label) : `好的，${label}「${show(flow, taken.field.id, taken.result.value, after, ctx)}」记下了。`);
      }
      if (notes.length > 0) say(oneMessage(notes));
      return take(s, flow, taken.field, taken.result, { ...taken.facts, ...facts }, ctx, say, (e) => say(e));
    }
    const now: Record<string, unknown> = {};
    const waiting: Record<string, unknown> = {};
    // A fact whose question only a change said with it brings back (`项目叫幸福小区二期` after 不是: the project comes
    // with 工程建设项目「是」) is proposed with that change, never left to wait apart from it.
    const changed = Object.fromEntries(Object.entries(facts).filter(([k]) => k in s.answers));
    const brought = (k: string) => {
      const f = flow.fields.find((x) => x.id === k);
      return Object.keys(changed).length > 0 && !!f?.when && !f.when(s.answers) && f.when({ ...s.answers, ...changed });
    };
    for (const [k, v] of Object.entries(facts)) {
      if (!(k in s.answers) && mayDefer(flow, k) && !brought(k)) {
        s.later = { ...s.later, [k]: v };
        waiting[k] = v;
      } else now[k] = v;
    }
    // Facts that wait for their questions (`上个月走的` at 「拖欠时间…对吗？」): said so, never kept or dropped
    // without a word; those whose question is next are confirmed right away instead. Only where a question of
    // theirs is still to come (never promised at the summary).
    const due = Object.keys(now).length === 0 ? dueFromLater(s, flow) : [];
    // A question that only a later answer brings in (接单方式, asked once the platform is known) is one to come too.
    const coming = s.mode === 'ask' ? flow.fields.filter((f) => f.label && f.id in waiting && !due.includes(f.id) && !f.extractOnly) : [];
    const told = Object.fromEntries(coming.map((f) => [f.id, waiting[f.id]]));
    if (Object.keys(told).length > 0) notes.push(WAIT_FOR_QUESTION(factLine(flow, told, s.answers, ctx)));
    if (notes.length > 0) say(oneMessage(notes));
    if (Object.keys(now).length > 0) return holdFacts(s, flow, now, ctx, say);
    if (s.mode === 'review' || s.mode === 'edit') return advanceFromEdit(s, flow, ctx, say);
    advance(s, flow, ctx, say);
  }

  /**
   * A bare number at a confirmation raised at a question with numbered
   * options of its own (`我是焊工` then `1` at 您现在是怎么工作的？): the 1 may
   * be the question's option as well as 对. Asked once, plainly; a number
   * again is still either, so never picked: the two are offered as options of
   * their own, numbered anew, with 人工 (a number then picks from those). True
   * when handled here.
   */
  function atConfirmDigit(s: Session, flow: Flow, text: string, ctx: FlowContext, say: Say, out: Outcome): boolean {
    const p = s.pending!;
    // The choices offered after a second number are numbered anew: a number picks from them as ever.
    if (p.digit && s.options.length > 0) return false;
    if (p.which || (s.back !== 'ask' && s.back !== 'edit') || !s.fieldId) return false;
    // The latest question shown is the confirmation, with its own numbered options (1. 对 2. 不对): the number is
    // its option, as the person sees it (never asked whether it was the question's above).
    if (!p.digit && s.options.length === T.confirmOptions.length && T.confirmOptions.every((o, i) => s.options[i]?.value === o.value)) return false;
    const field = flow.fields.find((f) => f.id === s.fieldId);
    if (!field || field.gate || field.id in p.values || (s.back === 'ask' && field.id in s.answers)) return false;
    const choices = field.options?.(s.answers, ctx) ?? [];
    const choice = choices[numberPicked(text)! - 1];
    if (!choice) return false;
    if (!p.digit) {
      s.pending = { ...p, digit: true };
      s.misses = 0;
      say(T.digitWhich(numberPicked(text)!, choice.label, confirmLine(s, flow, p, ctx)));
      s.options = [];
      return true;
    }
    s.misses = 0;
    const options: Option[] = [
      { label: `对，${factLine(flow, p.values, s.answers, ctx)}没错`, value: 'yes' },
      { label: '不对', value: 'no' },
      { label: `我要选「${choice.label}」`, value: `${CHOSEN_INSTEAD}${choice.value}` },
      TO_HUMAN,
    ];
    say(T.digitAgain(numberPicked(text)!), options);
    s.options = kept(options);
    return true;
  }

  /** 「我要选「…」」 picked after a second bare number: what waited is set aside, the question's option taken. */
  function chosenInstead(s: Session, flow: Flow, value: string, ctx: FlowContext, say: Say, out: Outcome): void {
    setPendingAside(s, flow, s.pending!, say, ctx);
    s.mode = s.back === 'edit' ? 'edit' : 'ask';
    atField(s, flow, { kind: 'text', text: value }, value, ctx, say, out);
  }

  function atConfirm(s: Session, flow: Flow, text: string | null, ctx: FlowContext, say: Say, out: Outcome): void {
    const p = s.pending;
    const resume = () => {
      s.pending = null;
      s.misses = 0;
      s.mode = s.back === 'review' ? 'review' : s.back === 'edit' ? 'edit' : 'ask';
      // From the summary, as from an edit: a question the change brings in (三个人 → the group's total) is asked first.
      if (s.mode === 'review' || s.mode === 'edit') return advanceFromEdit(s, flow, ctx, say);
      advance(s, flow, ctx, say);
    };
    if (!p) return resume();
    if (text !== null && p.digit && text.startsWith(CHOSEN_INSTEAD)) return chosenInstead(s, flow, text.slice(CHOSEN_INSTEAD.length), ctx, say, out);
    // `先不报了`, `我再想想` at "对吗？": no answer to it, but a wish to stop or a pause. `不想填了`, `不填了` too (the
    // cancel command in other words than 取消): asked whether to stop, as at a question, never a 不对 to the value.
    // What waited there is kept for its question, so there is something to stop with: asked, never wiped at once (a
    // name at the ID consent, then `不想填了` or `先不填了`, cancelled all with nothing yet among the answers).
    // `等等`, `稍等`, `等一下` alone at 「…对吗？」: a moment to look it over (a change often follows), never the form paused and
    // put away (the correction typed next fell to the menu). The same confirmation, no miss counted.
    if (text !== null && holdsOn(text) === 'wait') return say(`好的，不着急，您看一下。\n${confirmLine(s, flow, p, ctx)}`, T.confirmOptions);
    const wish = text !== null ? (stopWish(text) ?? (commandOf(text) === 'cancel' && !/^(?:取消|退出)/u.test(text.trim()) ? 'stop' : null)) : null;
    if (wish === 'stop') {
      const parked = parkPending(s, flow);
      if (Object.keys(parked).length > 0 || hasWork(flow, s.answers)) return offerStop(s, flow, say, false);
      return runCommand('cancel', s, flow, ctx, say, out, STOP_ASKED);
    }
    if (wish) return stopOrPause(wish, s, flow, ctx, say, out);
    // `反映欠薪` while the report saved before another service is the flow's draft: that report again,
    // never a value said again here (咨询的事「欠薪」).
    if (text !== null && backToDraft(s, flow, text, ctx, say)) return;
    // `身份证号430…` at 「姓名「李大山」。对吗？」 while the ID consent waits behind it: never kept before that consent,
    // and never dropped without a word (was 「请回复「对」或「不对」」): said plainly, no miss counted; the rest of the
    // message (`对 430…`) read as ever, or the same confirmation again.
    const gateAt = s.fieldId ? flow.fields.find((f) => f.id === s.fieldId) : undefined;
    const held = text !== null && !p.which && gateAt?.before && !(gateAt.id in s.answers) ? gateAt.before(text) : null;
    if (held) {
      say(held.say);
      if (held.rest !== '') return atConfirm(s, flow, held.rest, ctx, say, out);
      return say(confirmLine(s, flow, p, ctx), T.confirmOptions);
    }
    /** One of them is wrong (picked, or named: `金额不对`): it is asked again in its turn, the others are kept. */
    const dropOne = (id: string) => {
      // `一万二是我老公的`, 代为反映 picked as wrong: whose the 12,000 is goes with it (never kept as the person's own).
      const going = [id, ...(flow.dropsWith?.(id, p.values) ?? []).filter((k) => k !== id && k in p.values)];
      const label = going
        .map((k) => {
          const wrong = flow.fields.find((f) => f.id === k);
          return wrong ? labelOf(wrong, { ...s.answers, ...p.values }) : k;
        })
        .join('、');
      const rest = Object.fromEntries(Object.entries(p.values).filter(([k]) => !going.includes(k)));
      rememberDenied(s, flow, { [id]: p.values[id] });
      setAnswers(s, flow, rest);
      say(going.length > 1 && Object.keys(rest).length === 0 ? T.notKeptAtAll(label) : T.wrongDropped(label));
      return resume();
    };
    // 「哪一项不对？」 answered with its name (`钱数`, `金额不对`): that one.
    if (p.which && text !== null && !text.startsWith(WRONG)) {
      const named = fieldNamedAlone(flow.fields.filter((f) => f.id in p.values), text);
      if (named) {
        s.misses = 0;
        return dropOne(named.id);
      }
    }
    // A pick from the 哪一项不对 options (only offered then).
    if (p.which && text !== null && text.startsWith(WRONG)) {
      const id = text.slice(WRONG.length);
      if (id === '*') {
        s.misses = 0;
        const note = refusedNote(s, flow, p.values);
        rememberDenied(s, flow, p.values);
        say(note);
        return resume();
      }
      if (id in p.values) {
        s.misses = 0;
        return dropOne(id);
      }
    }
    // `千 写错 是 万` at 「拖欠金额「3,000元」。对吗？」: the same digit with the unit meant (30,000元), confirmed in its place
    // (was 「您说了「千」，又说了「万」，是哪个数？」, with nothing to pick).
    const unitSlip = text !== null && !p.which ? unitSlipOf(flow, text, { ...s.answers, ...p.values }, ctx, Object.keys(p.values)) : null;
    if (unitSlip) return correctPending(s, flow, p.values, unitSlip.field, unitSlip.result, ctx, say, resume);
    // `怎么算的` at 「拖欠金额「12,000元」。对吗？」: how a figure waiting was worked out (4,000元×3个月), and the question again.
    const worked = text !== null && !p.which && HOW_WORKED_OUT.test(compact(text)) ? (flow.workedOut?.(p.values) ?? null) : null;
    if (worked) {
      s.misses = 0;
      return say(`${worked}\n${confirmLine(s, flow, p, ctx)}`, T.confirmOptions);
    }
    // `嗯？`, `啥意思`, `看不懂` at 「…对吗？」: not followed. Never a yes, and never set aside without a word: the
    // first time the confirmation again; the second, what it asks said plainly, with 对、不对 and 人工; a third,
    // what waited is not kept (said which) and asked one by one.
    const notFollowed = (): void => {
      s.misses += 1;
      if (s.misses >= 3) {
        dropPending(s, flow, p, say);
        // A `对` next is the yes that came late (lateYes).
        s.setAside = p.which ? null : { ...p.values };
        return resume();
      }
      if (s.misses === 1) return say(`${CONFIRM_WHAT}\n${confirmLine(s, flow, p, ctx)}`, T.confirmOptions);
      return say(confirmPlainly(s, flow, p, ctx), [...T.confirmOptions, TO_HUMAN]);
    };
    // `对 不对`: a yes taken back at once is neither; what is asked, said plainly (not the knowledge base's 「答不上来」).
    if (text !== null && !p.which && (puzzled(text) || takesYesBack(text))) return notFollowed();
    // `[弱]` (a thumbs-down) at 「…对吗？」: the reading is wrong, as `不对` says.
    const c = text === 'yes' ? 'yes' : text === 'no' ? 'no' : text !== null ? (understandConfirm(text) ?? (thumbsDown(text) ? 'no' : !p.which && POINTS_AT_SHOWN.test(text.trim()) ? 'yes' : null)) : null;
    // `对，不过我想改成视频`: not a yes; what follows the 不过 is read as a correction.
    const but = c === 'yes' && text !== null && !(!p.which && POINTS_AT_SHOWN.test(text.trim())) ? yesBut(text) : null;
    // `不对 我是饿了么`, `对，不过我想改成视频`: first about the values waiting here; one that takes the words is replaced.
    // At 「哪一项不对？…也可以直接告诉我对的是什么」, the right value said alone (`马坪电子厂`) is such a correction too.
    const direct = p.which && c === null && text !== null && !text.startsWith(WRONG) && !dontKnow(text) ? text : '';
    const instead = but ?? (c === 'correction' && text !== null ? (correctionOf(text)?.rest ?? '') : direct);
    const changeSaid = instead !== '' ? pendingCorrection(flow, instead, p.values, s.answers, ctx) : null;
    // `刘大壮` typed alone at 「用人单位「好再来饭店」。对吗？」: the right value, as `不对 刘大壮` says it; with no 不对 in the
    // words it is confirmed in its place (「我理解的是：用人单位「刘大壮」。对吗？」), never a plain 「请回复对或不对」.
    const typed = !changeSaid && c === null && !p.which && text !== null ? valueInstead(flow, text, p.values, s.answers, ctx) : null;
    const hit = typed && 'result' in typed ? { ...typed, result: { ...typed.result, confirm: true as const } } : (changeSaid ?? typed);
    /** Some of what waits said again (saidAgain): those kept; the rest confirmed once more, then asked one by one. */
    const keepSaid = (said: string[] & { slip?: boolean }): void => {
      const kept = Object.fromEntries(Object.entries(p.values).filter(([k]) => said.includes(k)));
      const rest = Object.fromEntries(Object.entries(p.values).filter(([k]) => !said.includes(k)));
      if (Object.keys(kept).length > 0) setAnswers(s, flow, kept);
      if (Object.keys(rest).length === 0) {
        s.misses = 0;
        // `新塘社区` at 「干活的地方「东龙镇」。对吗？」: not a slip for the township but its village, the detail its yes asks
        // next. Both kept, said so (the village was lost without a word, read only as the township said again).
        const detail = said.slip ? detailOf(s, flow, kept, text!, ctx) : null;
        if (detail) setAnswers(s, flow, detail);
        if (said.slip) say(`好的，${factLine(flow, { ...kept, ...(detail ?? {}) }, s.answers, ctx)}记下了。`);
        return resume();
      }
      if (p.repeated || (Object.keys(kept).length === 0 && s.misses >= 1)) {
        s.misses = 0;
        dropPending(s, flow, { ...p, values: rest }, say);
        return resume();
      }
      const { which: _which, digit: _digit, ...plain } = p;
      s.pending = { ...plain, values: rest, previous: Object.fromEntries(Object.entries(p.previous).filter(([k]) => k in rest)), repeated: true };
      if (Object.keys(kept).length > 0) {
        s.misses = 0;
        say(T.keptSaidAgain(labelsOf(flow, kept, s.answers)));
        return askConfirm(s, flow, ctx, say);
      }
      s.misses += 1;
      return say(T.confirmRetry, T.confirmOptions);
    };
    // `5000` at 「拖欠金额「6,000元」、被拖欠人数「就我一个」。对吗？」: a figure either waiting takes; which one is wrong is asked (never
    // read for the question after them, nor for both).
    const figure = !hit && c === null && !p.which && text !== null ? figureInstead(flow, text, p.values, s.answers, ctx) : undefined;
    if (figure === 'which') {
      s.misses = 0;
      s.pending = { ...p, which: true };
      return askWhich(s, flow, ctx, say);
    }
    // `6000` again at 「拖欠金额「6,000元」。对吗？」: that value said again, a yes to it when it waits alone (as `李强` at
    // 「联系人「李强」」 is); with others waiting, not followed (never a headcount of 6000, never the same question a third time).
    if (figure === 'same') {
      // `13812345678` again at 「联系人「李明」、手机号「13812345678」。对吗？」: that one kept and the others asked, as `李明` again
      // keeps the name (was the same confirmation again). Only when the form's own reading finds it the same value.
      if (Object.keys(p.values).length > 1) {
        const again = text !== null ? saidAgain(s, flow, p, text, ctx) : null;
        return again && again.length > 0 ? keepSaid(again) : notFollowed();
      }
      s.misses = 0;
      setAnswers(s, flow, p.values);
      return resume();
    }
    // `不对 我是开出租的` about the one value waiting, in words its own question answers with a message (a taxi: company or app?):
    // that value goes, and its question is asked again with the message.
    // `明天` alone at 「时间「12月1日（周二） 15:00-15:30」。对吗？」: words its question takes only to narrow its list, with no
    // 不对 before them, read as `不对 明天` is (below); nothing else is taken from words said without a no.
    const bare = !hit && c === null && !p.which && instead === '' && text !== null ? text.trim() : '';
    if (!hit && (instead !== '' || bare !== '')) {
      const waiting = Object.keys(p.values);
      const known = { ...s.answers, ...p.values };
      const visible = visibleFields(flow, known);
      const field = waiting.length === 1 ? visible.find((f) => f.id === waiting[0] && !f.verbatim) : undefined;
      // Not when the words are about something else (`人数不对 是三个人` while the amount waits).
      const elsewhere =
        !!text && (visible.some((f) => f !== field && f.names?.test(text)) || Object.keys(flow.extract(text, known, ctx)).some((k) => k !== field?.id));
      const r = field && !elsewhere ? field.parse({ kind: 'text', text: instead || bare }, s.answers, ctx) : null;
      // After a yes (`对 但是是去年的` at 「拖欠时间「2026年9月至2026年11月」。对吗？」), only words its reader takes for a
      // year without its months take the yes back: which months is asked (was 「请回复对或不对」); anything else after
      // 但是 (`对 不过我还有个问题`) never drops the value.
      const butYear = but === null || (!!r && !r.ok && yearAskedOf(r.error) !== null);
      if (instead !== '' && butYear && field && r && !r.ok && r.error) {
        s.misses = 0;
        s.pending = null;
        // `不对，刚才电话写错了`: the wrong one named, no new value: its question again, without the error its words would get.
        if (!namedForChange([field], text ?? '')) say(r.error);
        s.mode = s.back === 'review' || s.back === 'edit' ? 'edit' : 'ask';
        return askField(s, field, ctx, say);
      }
      // `不对 明天` at 「时间「12月1日（周二） 15:00-15:30」。对吗？」: the no, and words its question answers by narrowing its
      // list (that day's times): the value waiting goes, the narrowed list is shown (was 「请回复「对」或「不对」」).
      // Said alone, only when all it sets is the list's own narrowing (no answer of the form's: a roster typed is not).
      const narrows = instead !== '' || (!!r && r.ok && Object.keys(r.set ?? {}).every((k) => !flow.fields.some((f) => f.id === k && f.label)));
      if (but === null && narrows && field && r && r.ok && r.stay && r.ack && !r.exit) {
        s.misses = 0;
        s.pending = null;
        s.mode = s.back === 'review' || s.back === 'edit' ? 'edit' : 'ask';
        s.fieldId = field.id;
        const next: Record<string, unknown> = { ...s.answers };
        for (const [k, v] of Object.entries(r.set ?? {})) {
          if (v === undefined) delete next[k];
          else next[k] = v;
        }
        s.answers = next;
        return say(r.ack, field.options?.(s.answers, ctx));
      }
    }
    if (hit) {
      s.misses = 0;
      if ('ask' in hit) {
        // The words fit more than one reading: the others as confirmed, that one asked again.
        const { [hit.field.id]: _unclear, ...rest } = p.values;
        setAnswers(s, flow, rest);
        s.pending = null;
        say(hit.ask);
        s.mode = s.back === 'review' || s.back === 'edit' ? 'edit' : 'ask';
        return askField(s, hit.field, ctx, say);
      }
      if (hit.ahead) {
        // Not a change but the answer to a question to come (`我是中通` when only the work waits): confirmed with the others.
        s.pending = null;
        return holdFacts(s, flow, { ...p.values, ...(hit.result.set ?? {}), [hit.field.id]: hit.result.value }, ctx, say);
      }
      if (but !== null && !hit.result.confirm && !/不过|但是|可是|只是/.test(text ?? '')) {
        // `对，就是宏达` to 「宏达建筑公司」: the yes, in fewer words; the fuller name stays.
        const old = p.values[hit.field.id];
        if (typeof old === 'string' && typeof hit.result.value === 'string' && hit.result.value.length >= 2 && old.includes(hit.result.value)) {
          setAnswers(s, flow, p.values);
          return resume();
        }
        // A yes, then another value for what it said yes to: never changed unasked, proposed with the one before.
        if (hit.field.id in p.values) return proposeChange(s, flow, p.values, hit.field, hit.result, ctx, say);
      }
      return correctPending(s, flow, p.values, hit.field, hit.result, ctx, say, resume);
    }
    // `对是对 就是老板不认`: the yes granted first (对是对, 没错是没错), then a complaint: the yes counts when nothing after it is
    // taken and nothing says 不对 (it was 「请回复对或不对」, and before that 用人单位「不认」 was proposed).
    if (but !== null) return yesButOther(s, flow, p.values, but, /不过|但是|可是|就是|只是/.test(text ?? '') && !GRANTED_YES.test(compact(text ?? '')), ctx, say, out, resume);
    // `美团` at 「工作方式「新就业形态劳动者」、职业「外卖配送员」。对吗？」: an option of the question the values waiting bring in
    // (the platform), typed before their yes: confirmed with them (姓名「美团」 was proposed, the question after them).
    const option = c === null && !p.which && !p.digit && text !== null ? broughtOption(s, flow, p, text, ctx) : null;
    if (option) {
      s.misses = 0;
      s.pending = null;
      return holdFacts(s, flow, { ...p.values, ...(option.result.set ?? {}), [option.field.id]: option.result.value }, ctx, say);
    }
    // `嗯` to "哪一项不对？" is not a yes to them all (`对`, `都对` is): the question again.
    const nod = p.which && c === 'yes' && text !== null && NOD.test(text.trim());
    if (c === 'yes' && !nod) {
      s.misses = 0;
      setAnswers(s, flow, p.values);
      // One value confirmed (a change proposed, 对): the one a bare 不对 next means.
      const confirmed = Object.keys(p.values);
      if (confirmed.length === 1 && confirmed[0]! in s.answers) s.lastSet = confirmed[0]!;
      // What the yes means (the deadline of the day kept), unless said right before the question (p.said): once.
      const kept = notSaidYet(flow.confirmedSay?.(p.values, s.answers, ctx) ?? null, p.said);
      if (kept) say(kept);
      // `对 不过我还有个问题`: the yes, and a question is coming: asked for, as at a question (was the next question alone).
      if (text !== null && talkAfterYes(text) === 'asking') say(smallTalkReply('asking'));
      // `等下 我看下 两万八` at the unit's question, then `对`: that question comes again; what the yes kept is said
      // first (「好的，拖欠金额记下了。」), never the same words again as if the yes went unheard.
      else if (!kept && asksAgainAfterYes(s, flow, p.values)) say(T.keptSaidAgain(labelsOf(flow, p.values, s.answers)));
      return resume();
    }
    if (c === 'no') {
      s.misses = 0;
      // `不是，刘大壮`, `不是 是刘大壮` at 「用人单位「好再来饭店」。对吗？」: the no, then the right value alone: taken in its place,
      // as `不对 刘大壮` is (the value lost, and the question asked again, made people type it twice).
      // `不是 工资 是 合同` at 「咨询的事「欠薪」。对吗？」: what waits said (its own reading of the words before 是), then the
      // right one: that one in its place (was both read, 「您说的有「欠薪」和「劳动合同」两件事」).
      const swapped = text !== null && !p.which ? notWaitingButThat(flow, text, p.values, s.answers, ctx) : null;
      if (swapped) return correctPending(s, flow, p.values, swapped.field, swapped.result, ctx, say, resume);
      const rightOne = text !== null && !p.which ? NO_THEN_VALUE.exec(text.trim()) : null;
      const typedAfterNo = rightOne ? valueInstead(flow, rightOne[1]!, p.values, s.answers, ctx) : null;
      if (typedAfterNo && 'result' in typedAfterNo) return correctPending(s, flow, p.values, typedAfterNo.field, typedAfterNo.result, ctx, say, resume);
      // `不是 我说的是南塘`: what they meant is asked about in turn; a plain no drops it all.
      const meant = text !== null ? newFactsAfterNo(flow, text, { ...s.answers }, ctx) : {};
      if (Object.keys(meant).length > 0) {
        s.pending = null;
        rememberDenied(s, flow, Object.fromEntries(Object.entries(p.values).filter(([k]) => !(k in meant))));
        return holdFacts(s, flow, meant, ctx, say);
      }
      // A plain no to two or more: which one? Dropping them all made people say the right ones again.
      if (Object.keys(p.values).length >= 2 && !p.which) {
        s.pending = { ...p, which: true };
        return askWhich(s, flow, ctx, say);
      }
      const note = refusedNote(s, flow, p.values);
      rememberDenied(s, flow, p.values);
      say(note);
      return resume();
    }
    // `12月5日` at 「咨询的事「工伤」。对吗？」 on 1 December: the day of the injury, not yet come this year. Said why
    // and read as last year's, confirmed with 工伤 (never dropped as no answer, nor 工伤 with it: it was not refuted).
    const reading = text !== null && !p.which ? dayAheadOf(s, flow, p, text, ctx) : null;
    if (reading) {
      s.misses = 0;
      s.pending = null;
      const why = reading.result.ack;
      if (why) say(why);
      holdFacts(s, flow, { ...p.values, ...(reading.result.set ?? {}), [reading.field.id]: reading.result.value }, ctx, say);
      // Why, said right before the question it brings: not again after its yes.
      const held = s.pending as Pending | null;
      if (why && s.mode === 'confirm' && held) s.pending = { ...held, said: held.said ? `${why}\n${held.said}` : why };
      return;
    }
    // `凤栖街道` said again at 「用人单位「海底捞」、干活的地方「凤栖街道」。对吗？」: that one is confirmed and kept;
    // the others are asked once more, then each at its own question. Never the same confirmation three times.
    const said = text !== null ? saidAgain(s, flow, p, text, ctx) : null;
    // `视频不行 改成电话`, `电话就行` at 「您是要改成：方式「视频咨询」…（之前填的是：方式「电话咨询」）」: none of what waits said again,
    // but the option recorded before: that option (was 「请回复「对」或「不对」」, over and over).
    const back = said && said.length === 0 && !p.which && c === null && text !== null ? choiceInstead(flow, text, p.values, s.answers, ctx) : null;
    if (back && 'result' in back) return correctPending(s, flow, p.values, back.field, back.result, ctx, say, resume);
    if (said) return keepSaid(said);
    // `提交吧` at a 「…对吗？」: no yes to what waits here (`确认`, `好的确认` are), and nothing is submitted before the
    // summary: said so, with the same confirmation. Counted as no answer (a second time what waits is set aside, named).
    if (text !== null && !p.which && /提交/u.test(text) && SUBMIT_WORDS.test(compact(text))) {
      s.misses += 1;
      if (s.misses >= 2) {
        dropPending(s, flow, p, say);
        return resume();
      }
      return say(`${NOT_SUBMITTED_YET}\n${confirmLine(s, flow, p, ctx)}`, T.confirmOptions);
    }
    if (text !== null && dontKnow(text)) {
      s.misses = 0;
      // `不清楚` to 「哪一项不对？」: something is wrong, which is not known. Each value is confirmed on its own
      // (this one now, the others at their own questions): the right ones are kept, none dropped in bulk.
      if (p.which) return confirmOneByOne(s, flow, p, ctx, say);
      // `不清楚`, `说不准`: not a yes, and not a no either: only what waited here is not kept (said which);
      // answers given stay. Asked one by one instead of 请回复「对」或「不对」 again.
      dropPending(s, flow, p, say);
      return resume();
    }
    if (text !== null) {
      const u = understandInFlow(flow, null, text, { ...s.answers, ...p.values }, ctx, null, opts.flows);
      if (u.kind === 'correction' && u.field && u.result?.ok) {
        // `金额不对，是七万五`: that one as said now, the others as confirmed.
        if (u.field.id in p.values || u.named) return correctPending(s, flow, p.values, u.field, u.result, ctx, say, resume);
        // An answer the confirmation is not about, not named (`不对 我是张三` read as a name): never changed
        // silently. As with `不是 我说的是…`: what they meant is confirmed, the values waiting are not kept.
        s.misses = 0;
        s.pending = null;
        return holdFacts(s, flow, { ...(u.result.set ?? {}), [u.field.id]: u.result.value }, ctx, say);
      }
      if (u.kind === 'correction' && u.field && u.ask) {
        s.misses = 0;
        const { [u.field.id]: _unclear, ...rest } = p.values;
        setAnswers(s, flow, rest);
        s.pending = null;
        say(u.ask);
        s.mode = s.back === 'review' || s.back === 'edit' ? 'edit' : 'ask';
        return askField(s, u.field, ctx, say);
      }
      // `金额不对` (named, nothing said instead) with others waiting: that one is asked again, the others kept.
      if (u.kind === 'correction' && u.field && u.field.id in p.values && !u.result && Object.keys(p.values).length >= 2) {
        s.misses = 0;
        return dropOne(u.field.id);
      }
      // `改一下电话`, `金额不对` (named, nothing said instead) for an answer this confirmation is not about: where it is
      // changed (asked later, or at the summary), said with the same confirmation; never 「请回复对或不对」 as if not read.
      const known = { ...s.answers, ...p.values };
      const other =
        !p.which && (u.kind === 'correction' || u.kind === 'unclear') && !(u.kind === 'correction' && (u.result || u.ask)) && /改|不对|错/u.test(text)
          ? fieldNamedAlone(visibleFields(flow, known).filter((f) => f.label && !f.gate && !(f.id in p.values)), text)
          : null;
      if (other) {
        s.misses = 0;
        const label = labelOf(other, known);
        const where = other.id in s.answers ? `${label}最后核对时可以改。` : `${label}还没填，后面会问到。`;
        return say(`好的，${where}先看这一条：\n${confirmLine(s, flow, p, ctx)}`, T.confirmOptions);
      }
      if (u.kind === 'command' || u.kind === 'question' || u.kind === 'switch' || u.kind === 'smalltalk') {
        if (u.kind === 'smalltalk') {
          // `嗯…` (not read as a yes): nothing was taken, so no 「好的。」; what is asked, said again as when not followed.
          // `👍`, `[强]` alone: never the yes (set Q); words asked for, once, then as when not followed.
          if (u.talk === 'ack' && !p.which && s.misses === 0 && text !== null && okEmojiAlone(text)) {
            s.misses += 1;
            return say(`${T.okEmojiAtConfirm}\n${confirmLine(s, flow, p, ctx)}`, T.confirmOptions);
          }
          if (u.talk === 'ack' && !p.which) return notFollowed();
          say(smallTalkReply(u.talk));
          return askConfirm(s, flow, ctx, say);
        }
        if (u.kind === 'question') {
          answerQuestion(s, flow, u.entry, ctx, say, false, text ?? '');
          return;
        }
        if (handleAside(u, s, flow, ctx, say, out)) return;
      }
      // The person went on instead (`好再来饭店` typed for the unit, the question they expected next):
      // that answer is taken, and what waited here is never added to and asked again (it piled up, and
      // one 不知道 then dropped it all). It waits for its own question, or is set aside, said so.
      // An optional question passed twice is left empty, so the question after it is the one answered.
      const passed = passedOptional(s, flow, p);
      const base = passed ? { ...s.answers, [passed.id]: null } : s.answers;
      // `上上个月` at 「是否还在职「已经离开」。对吗？」 while the period is the question behind it: when they left (the
      // question the waiting value brings, below), never the period (it was taken for it, 2026年10月（1个月）, unasked).
      const brings = !p.which && !p.digit && !!flow.answersBrought?.(p.values, text, s.answers, ctx);
      const taken = (u.kind === 'answer' || u.kind === 'unclear') && !brings ? answerAtConfirm(s, flow, p, text, ctx, base) : null;
      if (taken) return moveOn(s, flow, p, taken, {}, ctx, say, passed);
      // `有欠条` at 「拖欠时间…对吗？」: only a wish of the flow (evidence said for its later question), no answer to
      // this one: kept, said so, and the same confirmation asked again (what waits here is neither dropped nor set aside).
      if (!passed && onlyWishesNoted(s, flow, text, p.values, ctx, say)) return askConfirm(s, flow, ctx, say);
      // `我叫李明` at 「手机号「…」。对吗？」: the name, held for its own question (said so; kept only on a yes there), and the
      // same confirmation asked again: what waits here is neither taken as a yes nor set aside without a word.
      if (!passed && u.kind === 'answer' && nameHeld(s, flow, p, u.facts)) {
        s.later = { ...s.later, ...u.facts };
        say(WAIT_FOR_QUESTION(factLine(flow, u.facts, { ...s.answers, ...p.values }, ctx)));
        return askConfirm(s, flow, ctx, say);
      }
      if (u.kind === 'answer' && Object.keys(u.facts).length > 0) return moveOn(s, flow, p, null, u.facts, ctx, say, passed);
      if (u.kind === 'unclear' || (u.kind === 'answer' && Object.keys(u.facts).length === 0)) {
        // Out of step: the answer to a question further on (`五六个人` while the amount waits).
        const known = { ...base, ...p.values };
        // The question the waiting value brings with it comes next, for the person (`上个月底` while 已经离开 waits: when
        // they left; `10月5日` while 工伤 waits: the day of the injury), wherever the form's own next question is.
        const before = new Set(visibleFields(flow, base).map((f) => f.id));
        const brought = visibleFields(flow, known).filter((f) => !before.has(f.id) && !(f.id in known) && !f.extractOnly);
        const next = (brought.length === 1 ? brought[0] : null) ?? visibleFields(flow, known).find((f) => !(f.id in known) && !f.extractOnly) ?? null;
        // `好再来饭店` at 「工作方式「单位职工」。对吗？」, then `河西街道`: answers for the questions the value waiting brings in
        // (the unit, then where it is), said before its yes. Held for them, said so, and the same confirmation asked again:
        // never read as no answer that drops what waits. Each held once (the same again is no step on: the usual way).
        const unit = 'employer' in s.later && !('employer' in known) ? { employer: s.later.employer } : null;
        if (!passed && (unit || next?.id === 'employer')) {
          const knownAhead = unit ? { ...known, ...unit } : known;
          const nextAhead = unit ? (visibleFields(flow, knownAhead).find((f) => !(f.id in knownAhead) && !f.extractOnly) ?? null) : next;
          const held = answerAhead(flow, nextAhead, text, knownAhead, ctx);
          const heldKeys = Object.keys(held);
          if (heldKeys.length > 0 && heldKeys.every((k) => !before.has(k) && !(k in knownAhead) && mayDefer(flow, k) && !(k in s.later))) {
            s.later = { ...s.later, ...held };
            say(WAIT_FOR_QUESTION(factLine(flow, held, { ...knownAhead, ...held }, ctx)));
            return askConfirm(s, flow, ctx, say);
          }
        }
        const ahead = answerAhead(flow, next, text, known, ctx);
        const aheadKeys = Object.keys(ahead);
        if (aheadKeys.length > 0) return moveOn(s, flow, p, null, ahead, ctx, say, passed);
      }
    }
    // `新塘社区` at 「用人单位「王建军」。对吗？」 once `东龙镇` was held there for its question: the village of that township,
    // held with it for the same question (was 「请回复「对」或「不对」」, and the village lost on the third time).
    const heldDetail = text !== null && !p.which && !p.digit ? laterDetail(s, flow, p, text, ctx) : null;
    if (heldDetail) {
      s.misses = 0;
      s.later = { ...s.later, ...heldDetail };
      say(WAIT_FOR_QUESTION(factLine(flow, heldDetail, { ...s.answers, ...p.values, ...s.later }, ctx)));
      return askConfirm(s, flow, ctx, say);
    }
    // Words that are neither (`呃`, `。。。`, `asdf`): never a loop, and never what was understood lost without a way out.
    // At 「哪一项不对？」 asked once more, then what waits is dropped (named). At 「…对吗？」 as when not followed: the
    // second time what it asks is said plainly, with 对、不对 and 人工; only a third, what waited is not kept (said which).
    if (!p.which) return s.misses >= 1 ? notFollowed() : (s.misses += 1, say(T.confirmRetry, T.confirmOptions));
    s.misses += 1;
    if (s.misses >= 2) {
      // Never loop: asked once again at most; then what was not confirmed is dropped (named), and the questions asked one by one.
      dropPending(s, flow, p, say);
      return resume();
    }
    return askWhich(s, flow, ctx, say);
  }

  /**
   * `不是 工资 是 合同`, `不是工资是合同` at a confirmation of one value: the words between 不是 and 是 read by that value's
   * own question as the value waiting, and the words after 是 read by it as another: that other value. Null otherwise.
   */
  function notWaitingButThat(flow: Flow, text: string, waiting: Answers, answers: Answers, ctx: FlowContext): { field: Field; result: Extract<FieldResult, { ok: true }> } | null {
    const ids = Object.keys(waiting);
    if (ids.length !== 1) return null;
    const m = NOT_WAITING_BUT.exec(compact(text));
    if (!m) return null;
    const field = visibleFields(flow, { ...answers, ...waiting }).find((f) => f.id === ids[0] && !f.verbatim && !f.acceptsFiles);
    if (!field) return null;
    const was = field.parse({ kind: 'text', text: m[1]! }, answers, ctx);
    if (!was.ok || was.exit || was.stay || JSON.stringify(was.value) !== JSON.stringify(waiting[field.id])) return null;
    const is = field.parse({ kind: 'text', text: m[2]! }, answers, ctx);
    if (!is.ok || is.exit || is.stay || is.value === undefined || JSON.stringify(is.value) === JSON.stringify(waiting[field.id])) return null;
    return { field, result: is };
  }

  /**
   * A new value for `field` at a confirmation: the others waiting count as
   * confirmed; the new one is taken, or confirmed first when it is a reading
   * of the words (`4月` for a period that runs to now: 2026年4月至今).
   */
  function correctPending(s: Session, flow: Flow, waiting: Answers, field: Field, r: Extract<FieldResult, { ok: true }>, ctx: FlowContext, say: Say, resume: () => void): void {
    s.misses = 0;
    // What the new reading sets beside it (`翠湖湾三期`: building work and the project's name) replaces what waited for
    // those too: never the old value kept as confirmed.
    const others = Object.fromEntries(Object.entries(waiting).filter(([k]) => k !== field.id && !(k in (r.set ?? {}))));
    if (r.confirm) {
      setAnswers(s, flow, others);
      s.pending = null;
      if (r.ack) say(r.ack);
      return holdFacts(s, flow, { ...(r.set ?? {}), [field.id]: r.value }, ctx, say);
    }
    setAnswers(s, flow, { ...others, ...(r.set ?? {}), [field.id]: r.value });
    s.lastSet = field.id;
    // More than the one corrected read from the words (`不对 我是跑滴滴的`: 网约车司机 and the platform 滴滴): all of
    // it said, never some of it kept without a word.
    const more = Object.fromEntries(Object.entries(r.set ?? {}).filter(([k]) => k !== field.id && !(k in waiting) && k in s.answers && !!flow.fields.find((f) => f.id === k)?.label));
    const also = Object.keys(more).length > 0 ? T.alsoNoted(factLine(flow, more, s.answers, ctx)) : '';
    say(T.changed(labelOf(field, s.answers), show(flow, field.id, r.value, s.answers, ctx)).replace(/。$/u, also ? `，${also}` : '。'));
    return resume();
  }

  /**
   * A yes with another value for one just shown (`对 宏达建材`): what was shown counts as
   * confirmed; the new value is asked about, with the one it would replace.
   */
  function proposeChange(s: Session, flow: Flow, waiting: Answers, field: Field, r: Extract<FieldResult, { ok: true }>, ctx: FlowContext, say: Say): void {
    s.misses = 0;
    // The yes counts for what was shown (kept if the change is refused); the change waits for its own yes.
    setAnswers(s, flow, waiting);
    s.pending = { values: { ...(r.set ?? {}), [field.id]: r.value }, previous: { [field.id]: s.answers[field.id] } };
    askConfirm(s, flow, ctx, say);
  }

  /**
   * `对，不过…` where the words after 不过 change none of the values waiting:
   * a question is answered (the confirmation follows); another answer named
   * is changed; other facts are confirmed in turn, the values waiting taken
   * as the yes said. Anything else is not a yes: the confirmation again.
   */
  function yesButOther(s: Session, flow: Flow, waiting: Answers, but: string, strict: boolean, ctx: FlowContext, say: Say, out: Outcome, resume: () => void): void {
    const u = understandInFlow(flow, null, but, { ...s.answers, ...waiting }, ctx, null, opts.flows);
    if (u.kind === 'question') return answerQuestion(s, flow, u.entry, ctx, say, false, but);
    if (u.kind === 'command') return void handleAside(u, s, flow, ctx, say, out);
    if (u.kind === 'correction' && u.field && u.result?.ok && u.named) {
      // No "but" said (`对 电话是139…`): a change of an answer given is asked about, never made unasked.
      if (!strict && u.field.id in s.answers && JSON.stringify(s.answers[u.field.id]) !== JSON.stringify(u.result.value)) return proposeChange(s, flow, waiting, u.field, u.result, ctx, say);
      s.misses = 0;
      setAnswers(s, flow, { ...waiting, ...(u.result.set ?? {}), [u.field.id]: u.result.value });
      s.lastSet = u.field.id;
      say(T.changed(labelOf(u.field, s.answers), show(flow, u.field.id, u.result.value, s.answers, ctx)));
      return resume();
    }
    const facts = u.kind === 'answer' ? u.facts : u.kind === 'correction' && u.field && u.result?.ok ? { ...(u.result.set ?? {}), [u.field.id]: u.result.value } : {};
    // `对 饭店叫好再来`: the yes, and the answer to the question it goes on to.
    // The yes keeps what waited: a question it brings in (受伤日期, once 咨询的事「工伤」 is said yes to) is the one after,
    // for words that answer it (`对 10月5日`); never a bare number (`对 1`: the 1 of 「1. 对」, no option of a question unseen).
    const shown = questionAfter(s, flow, { values: waiting, previous: {} });
    const brought = shown ? null : questionAfter(s, flow, { values: waiting, previous: {} }, { ...s.answers, ...waiting });
    const next = shown ?? (brought && !/^[\d\s]+$/u.test(but) ? brought : null);
    const a = next && !(u.kind === 'correction' && u.named) ? understandInFlow(flow, next, but, { ...s.answers, ...waiting }, ctx, null, []) : null;
    if (next && a && a.kind === 'answer' && a.result?.ok && !a.result.stay && !a.result.exit && a.result.value !== undefined) {
      s.misses = 0;
      setAnswers(s, flow, waiting);
      s.pending = null;
      s.mode = s.back === 'review' || s.back === 'edit' ? 'edit' : 'ask';
      s.fieldId = next.id;
      // The answer to a question the yes brought in (`对 10月5日`), never shown: confirmed in one line, as other facts are.
      if (next === brought) return holdFacts(s, flow, { ...a.facts, ...(a.result.set ?? {}), [next.id]: a.result.value }, ctx, say);
      // Words in a sentence (`饭店叫好再来`) for a name-like answer: confirmed, not taken as said.
      const r = next.freeText ? { ...a.result, confirm: true } : a.result;
      return take(s, flow, next, r, a.facts, ctx, say, (e) => say(e));
    }
    if (Object.keys(facts).length > 0) {
      s.misses = 0;
      setAnswers(s, flow, waiting);
      s.pending = null;
      return holdFacts(s, flow, facts, ctx, say);
    }
    // More words after the yes that say nothing to take, and no "but" (`对 我在那干了三年`): the yes counts.
    if (!strict && !/不对|错/.test(but)) {
      s.misses = 0;
      setAnswers(s, flow, waiting);
      return resume();
    }
    s.misses += 1;
    if (s.misses >= 2) {
      dropPending(s, flow, s.pending!, say);
      return resume();
    }
    say(T.confirmRetry, T.confirmOptions);
  }

  /**
   * The values waiting confirmed one at a time: the first (in the flow's order) now, each other one when
   * its question comes (`Session.later`, confirmed then instead of asked).
   */
  function confirmOneByOne(s: Session, flow: Flow, p: Pending, ctx: FlowContext, say: Say): void {
    const ids = flow.fields.filter((f) => f.id in p.values).map((f) => f.id);
    const [first, ...rest] = ids;
    const dropped: Record<string, unknown> = {};
    const unchanged: Record<string, unknown> = {};
    for (const k of rest) {
      // A change of an answer given (at the summary) has no question to come: not made, and said so.
      if (k in s.answers) unchanged[k] = p.values[k];
      else if (mayDefer(flow, k)) s.later = { ...s.later, [k]: p.values[k] };
      else dropped[k] = p.values[k];
    }
    const previous = first !== undefined && first in p.previous ? { [first]: p.previous[first] } : {};
    s.pending = first === undefined ? null : { values: { [first]: p.values[first] }, previous, deferred: true };
    const notes = [
      T.oneByOne,
      Object.keys(unchanged).length > 0 ? T.notChanged(labelsOf(flow, unchanged, s.answers)) : '',
      Object.keys(dropped).length > 0 ? T.notKept(labelsOf(flow, dropped, s.answers)) : '',
    ].filter(Boolean);
    say(notes.join('\n'));
    if (!s.pending) {
      s.mode = s.back === 'review' ? 'review' : s.back === 'edit' ? 'edit' : 'ask';
      return s.mode === 'review' ? showReview(s, flow, ctx, say) : advance(s, flow, ctx, say);
    }
    askConfirm(s, flow, ctx, say);
  }

  /** "哪一项不对？": each fact waiting, in the flow's order, and 都不对. */
  function askWhich(s: Session, flow: Flow, ctx: FlowContext, say: Say): void {
    const p = s.pending!;
    const options = flow.fields
      .filter((f) => f.id in p.values)
      .map((f) => ({ label: factLine(flow, { [f.id]: p.values[f.id] }, s.answers, ctx), value: `${WRONG}${f.id}` }));
    say(T.whichWrong, [...options, { label: T.allWrong, value: `${WRONG}*` }]);
  }

  /**
   * Opens `flowId` with answers already known (rescheduling a booking,
   * booking help for a case, or a confirmation refused because the slot was
   * taken meanwhile) and asks the first question still unanswered. A
   * different flow in progress is kept as a draft, as with 菜单.
   */
  function open(prev: Session, flowId: string, answers: Answers, ctx: FlowContext, intro?: string): Outcome {
    const flow = flows.get(flowId);
    if (!flow) throw new Error(`no flow ${flowId}`);
    const { s, out, say } = outcome(prev);
    if (s.flowId && s.flowId !== flowId && (s.mode === 'ask' || s.mode === 'review' || s.mode === 'edit' || s.mode === 'confirm')) stashDraft(s);
    clearFlow(s);
    s.flowId = flow.id;
    s.flowVersion = flow.version;
    s.runId = opts.newRunId();
    s.mode = 'ask';
    s.answers = structuredClone(answers) as Record<string, unknown>;
    // 返回 walks back through the known answers before the first open question.
    const visible = visibleFields(flow, s.answers);
    const firstOpen = visible.findIndex((f) => !(f.id in s.answers) && !f.extractOnly);
    s.trail = visible.slice(0, firstOpen < 0 ? visible.length : firstOpen).map((f) => f.id);
    if (intro) say(intro);
    advance(s, flow, ctx, say);
    return finish(out, ctx);
  }

  /**
   * After something answered outside the engine (我的预约, 取消预约 …): where the person was, asked again as a
   * follow-up. `sameForm`: what was answered belongs to the form itself (a time said early), so no 「我们接着填…」
   * as if the person had left it.
   */
  function reprompt(prev: Session, ctx: FlowContext, opts: { sameForm?: boolean } = {}): Outcome {
    const { s, out } = outcome(prev);
    const flow = s.flowId ? flows.get(s.flowId) : undefined;
    if (flow && s.mode !== 'idle') reaskLater(s, flow, ctx, out, !opts.sameForm);
    return finish(out, ctx);
  }

  return { handle, open, reprompt, flows, newSession, filesWelcome };
}

/** A yes to 「要把它加到证据材料里吗？」 in its own words: 加上, 加吧, 都加上, 放进去, 要加. */
const FILES_YES = /^(?:要|都|全都|全部)?(?:加|加上|加进去|放进去|放上|添上|加到证据材料)(?:吧|啊|呀|了|的)?$/u;
/** A no to it: 不用加, 不加, 别加, 发错了, 不是证据, 不要了. */
const FILES_NO = /^(?:不用加?|不加|别加|不要加?|不用了|不要了|发错了|发错|不是证据|不是这个|那张不要)(?:吧|啊|呀|了|的)?$/u;

/** 「要把它加到证据材料里吗？」 after a file sent at the summary: a yes or a no to what waits (atConfirm). */
const FILE_CHOICES: Option[] = [
  { label: '加上', value: 'yes' },
  { label: '不用加', value: 'no' },
];

/**
 * The one option of two or more (none a yes) whose label holds the words typed (`一共的` for 「3个月一共欠6,000元」, what
 * is in brackets left out); null when none or several do, or the words hold a figure (then they are an answer of their own).
 */
function pickByLabelWords(text: string, options: readonly Offered[]): Offered | null {
  if (options.length < 2 || options.some((o) => o.yes)) return null;
  const said = compact(text).replace(/^(?:是|就是)/u, '').replace(/(?:的工资|的钱|的|吧|啊|呀|呢)+$/u, '');
  if ([...said].length < 2 || /[0-9０-９]|[一二两三四五六七八九十][十百千万块元]/u.test(said) || yesNo(said) !== null) return null;
  const hits = options.filter((o) => compact(o.label.replace(/（[^）]*）|\([^)]*\)/gu, '')).includes(said));
  return hits.length === 1 ? hits[0]! : null;
}

/** Options as the channel gets them: label and value only (the words stay here). */
function plain(options: readonly (Option | Choice)[]): Option[] {
  return options.map((o) => ({ label: o.label, value: o.value }));
}

/** Options as the session keeps them: also which one a plain yes picks. */
function kept(options: readonly (Offered | Choice)[]): Offered[] {
  return options.map((o) => ('yes' in o && o.yes ? { label: o.label, value: o.value, yes: true } : { label: o.label, value: o.value }));
}

export type Engine = ReturnType<typeof createEngine>;

export { renderText } from '../core/infra/replies.js';

/** Still reading the summary over (`等一下 我再看看`, `我核对一下`, `让我仔细看看`): no yes, no change. */
const STILL_READING =
  /^(?:等等|等一下|等下|稍等(?:一下)?|等会儿?)?(?:我|让我|俺|等我)?(?:先|再)?(?:仔细)?(?:看看|看一下|看一看|瞅瞅|核对一下|核对核对|核对|对一下|检查一下|检查检查)(?:吧|啊|哈|呀|哦|嘛|噢|先)*$/u;
