/**
 * After submitting: what a worker says about their open case, in their own
 * words, while no flow is under way, and a complaint about the staff at any
 * time (flows/service.ts asks here before the engine).
 *
 * - Progress questions (`有人管吗`, `到底啥时候能给钱`, `工作人员什么时候打电话给我`):
 *   the case's progress as `进度` shows it, what happens next and the time
 *   limits, and an honest word on the money.
 * - A message for the case worker (a correction, `老板今天给了我三千 还差三千`,
 *   `钱已经拿到了`, `不想告了`, `说我要是再告就开除我`, `老板跑了`, a new phone):
 *   the person is shown what will be passed on and asked once
 *   («把这条消息转给负责您案件的工作人员吗？»); only their yes adds it to the
 *   case (core/cases/notes.ts) and tells the assignee. Withdrawing and being
 *   paid stay messages: staff act on them. Retaliation gets one line of
 *   advice and is marked urgent. A correction never starts a second report.
 *   The boss denying the debt and a settlement offered (`老板想私了 给我四千
 *   要不要`) get their own short advice. More words while the question
 *   waits are put with the first and shown again (`对 再加一句…` passes
 *   both); a message answered otherwise (here or elsewhere: flows/service.ts)
 *   says the first was not passed on. A long message (a voice one, past
 *   500 characters) is read whole and its first 500 characters kept. With
 *   several cases open, the person picks one by its number in the list,
 *   `第二个`, its case number or the employer as filed (`好再来那个`).
 * - A complaint about the staff themselves (`我要投诉你们网格员`, `网格员态度太差了`,
 *   `打了好几次电话都没人接`): shown back the same way, then kept on the case
 *   as a `complaint` for the union over the place (core/cases/notes.ts
 *   `complaintContacts`), never told to the assignee; when nobody answers,
 *   where the case stands comes first. With no case open, where to take it
 *   (12351). The boss (`我要投诉老板`, `老板电话没人接`), a question
 *   (`网格员怎么联系`) or good news (`网格员刚给我打电话了`) is no complaint.
 *   A complaint is heard in the middle of a form too (a new report, joining,
 *   a booking): answered here the same way, the form kept, and its question
 *   asked again once the complaint is passed on or not (flows/service.ts);
 *   nothing else said in a form is this desk's.
 * - `我想补充一下` alone: the next message is the note (not a greeting, an
 *   emoji or a command); `补充材料` (`我想补充一个证据`, `我还有证据`,
 *   `我有欠条了 怎么发给你们`): send the files; `改 7`: the report cannot be
 *   edited now, say what is wrong. Wrong, and not what (`上一个填错了`,
 *   `我填错了`), or `返回` right after a wage report was submitted: which item
 *   and what is right are asked, and the next message with words in it is
 *   the note (asked another way once, then no more). An item named and nothing of what is right (`金额不对`,
 *   `金额错了`): its right value asked (`电话错了`: the number, as for a new phone).
 * - Questions in between (`要我去哪里`, `需要带什么材料`, `材料要原件吗`), the staff in touch (`网格员刚给我打电话了`,
 *   `工作人员叫我明天去`): answered in a line, nothing passed on.
 * - A new phone with no number (`我电话换了`, `我想改一下电话`): the number
 *   is asked for once (twice at most), then shown back masked for a yes.
 * - The boss's phone asked for or offered (`老板的电话多少`, `需要老板的电话吗`): no
 *   correction to pass on; it is not given out here, and theirs, if they have
 *   it, is asked for once and passed on like a note (as `老板电话137…` is at once).
 * - News for the case worker, confirmed first like any note: a sum paid
 *   (`老板今天给了我3000`: part or all of it by the case's amount), the boss
 *   in touch or promising (`老板联系我了 说下个月给`), more owed now
 *   (`老板又欠了我一个月 现在一共一万二了`). A workmate who wants to report
 *   (`他也想反映`) is told he can write himself, or reported for; another
 *   report (`我还要再反映一个老板`) is asked about as `反映欠薪` is.
 * - Pressing (`怎么还没人联系我`, `咋还没动静`) once the date promised
 *   has passed (the contact date of the receipt, or the date to settle by):
 *   sorry, that date said plainly, and the union's supervisor offered as for
 *   a complaint. `案件编号多少`, `上次那个提交成功了吗`: the status, the
 *   number first.
 * - Asked back, never guessed (helper h84): `老板说已经给了` (his word, not the money in hand: «钱您自己收到了吗？», then
 *   news that he paid or that he says so and it did not come, each after a yes); `有人找我了` («是谁找您？»: the staff is
 *   good news, the boss's people or a stranger news after a yes). Another's phone (`这是我老婆的电话139…`): a spare
 *   number passed on after a yes, never the reporter's own. `老板说要告我`, `老板说我诬告`: advice, urgent news.
 *   `我还是想要`, `我不撤了`: the case goes on (passed on when a withdrawal was).
 * - Deleting one's data (`注销`, `撤回我的个人信息`): never a withdrawal;
 *   flows/service.ts asks the delete question (`forgetAsked`).
 *
 * Anything else (a greeting, a menu number, a new report with no sign of
 * being about this one) goes on to the conversation as before.
 */
import { NOTE_MAX_CHARS, acceptDeadline, latestAt, addReporterNote, answerReceipt, BOSS_PAID_DONE, casesForNotes, looseReceipt, parseReceipt, pendingReceipt, ratingPending, complaintContacts, maskPersonalNumbers, mobilesIn, progressText, reporterForgotten, teamOf, workingHoursOf, type Case, type ReporterNoteKind } from '../core/cases/index.js';
import { lookupHash } from '../core/infra/privacy.js';
import { yuan } from '../core/infra/money.js';
import type { Core } from '../core/context.js';
import type { Reply } from '../core/infra/replies.js';
import { parseAmount } from './parsers/amount.js';
import { normalizeMessage, compact } from './nlu/normalize.js';
import { commonSurname, knownSurname } from './nlu/surnames.js';
import { commandOf, isFiller, isQuestion, serviceOf, smallTalkOf, wantsToStop, yesBut, yesNo } from './nlu/talk.js';
import { violence } from './safety.js';
import type { Session } from './session.js';
import { T } from './texts.js';
import type { FlowContext, Incoming } from './types.js';
import { matchesOf } from './parsers/matches.js';
import { readOnce } from './parsers/turn-memo.js';
import { knowledgeBase, withBasis } from './knowledge/kb.js';

/** What a message says about the open case. */
export type CaseMessage =
  /**
   * `asks`: the case number (`案件编号多少`, `我忘了我的编号`), whether the report went in (`上次那个提交成功了吗`),
   * or who handles it (`工作人员叫什么名字`).
   */
  | { kind: 'progress'; staffPhone: boolean; asks?: 'number' | 'submitted' | 'who' | 'caller' }
  /**
   * `about`: a note with its own advice (the boss denies the debt, offers a settlement, promises to pay,
   * more is owed now). `paid`: the sum the person says they were given (`老板今天给了我3000`), in yuan:
   * less than the case's amount is part of it, as much or more is all of it. `phone`: the person's own new number said
   * with other news (`老板跑了 而且我电话也换了 139…`), its words: passed on as a note of its own (a phone note, which asks
   * the case worker to 更正 the phone) on the same yes, never buried in the other.
   */
  | { kind: 'note'; note: ReporterNoteKind; about?: NoteAbout; paid?: number; phone?: string }
  | { kind: 'say-more' }
  | { kind: 'files' }
  | { kind: 'fix' }
  /**
   * Something said to be wrong, not what (`上一个填错了`, `刚才填错了`, `有一项填错了`, `我填错了`): which item and what is
   * right are asked, and the next message with words in it is shown back for a yes, as after `我想补充一下`.
   */
  | { kind: 'wrong'; item?: string }
  /** A new phone, the number not said (`我电话换了`, `我想改一下电话`): asked for, then passed on like one said with it. */
  | { kind: 'new-phone' }
  /** A workmate owed too who wants to report (`我还有工友也被欠了 他也想反映`): he can write himself, or the person reports for him. */
  | { kind: 'coworker'; relation: string | null }
  /** Another report (`我想再反映一次`, `我还要再反映一个老板`): asked whether it is another one, as `反映欠薪` is. */
  | { kind: 'another' }
  /**
   * The boss's phone asked for (`老板的电话多少`) or offered (`需要老板的电话吗`, `我有老板电话`), no number in
   * it: not given out here; the number, when they have it, is asked for and passed on. `who`: as they named them.
   */
  | { kind: 'boss-phone'; who: string; offers: boolean }
  /**
   * A question about what happens now, answered in a line: whether to go anywhere in person (`要不要去现场`),
   * what if the employer changes hands (`要是老板换了怎么办`), whether the boss learns who reported (`老板知道是我报的怎么办`),
   * what to bring (`需要带什么材料`: `bring`). The staff in touch (`网格员刚给我打电话了`: `called`) or asking the person to
   * come (`工作人员叫我明天去`: `told-to-come`) is good news, not news to pass on.
   * `keeps`: a withdrawal said not to be wanted (`我不撤回`, `不是不想告`); `moved`: a move, no number
   * in it (`我搬家了`). Not news: nothing is passed on.
   */
  | { kind: 'asks'; about: 'visit' | 'boss-change' | 'keeps' | 'exposed' | 'moved' | 'same-phone' | 'bring' | 'called' | 'told-to-come' | 'to-arbitration' | 'sign' | 'kin-phone' | 'go-on' | 'staff-said' | 'away' | 'tell-me' | 'new-job' | 'deduct-asked' | 'staff-news' | 'id-asked' | 'voice' }
  /**
   * About the staff themselves (`我要投诉你们网格员`, `打了好几次电话都没人接`):
   * for the township's supervisor, never the assignee. `noAnswer`: nobody
   * answers or acts (the case's progress is shown too); `named`: the staff
   * are named, so it is a complaint about them even with no case open;
   * `change`: someone else to handle the case is asked for (`我要换个人处理`).
   */
  | { kind: 'complaint'; noAnswer: boolean; named: boolean; change?: true }
  /**
   * A phone that cannot be reached, whose not said (`他电话打不通`, `他不接电话`, `联系不上他`): the case worker's
   * or the boss's; asked which, then answered as `网格员电话打不通` (a complaint) or `老板电话打不通` (news) is.
   */
  | { kind: 'unreachable' }
  /**
   * Someone came for the person, who not said (`有人找我了`, `有人来找我了`, `来了几个人找我`): the case worker, or the
   * boss's people (perhaps to press them); asked which, never guessed.
   */
  | { kind: 'who-came'; call?: true }
  /**
   * The boss says he paid (`老板说已经给了`, `老板说钱早就打给我了`): his word, not the money in hand; whether the person
   * received it is asked, and only then is anything shown back for a yes.
   */
  | { kind: 'boss-says-paid' }
  /**
   * A phone number whose owner is not clear: alone (`13912345678`), or after a name that says nothing of who they are
   * (`李哥 13912345678`, `这是我工友的电话 139…`). Whose it is (the person's own new one, the boss's side's, a workmate's, a
   * spare one for the person) is asked before anything is passed on; never taken as the person's own. `who`: the name
   * said with it; `peer`: a workmate named (the person's own is then no answer).
   */
  | { kind: 'whose-phone'; who?: string; peer?: true };

/**
 * Notes with their own advice: `denied`, `settle`, `promise`, `pressed` (the boss presses for a withdrawal),
 * `changed` (the employer changed hands) are of kind `other`; `more` (more owed now), `witness` (someone can bear witness) and `boss-phone` (the boss's number) a correction.
 */
export type NoteAbout =
  | 'denied'
  /** The boss says he will not pay, or has no money (`老板说不给了`, `老板说没钱`). */
  | 'refused'
  | 'settle'
  | 'promise'
  | 'more'
  | 'pressed'
  | 'witness'
  | 'boss-phone'
  | 'changed'
  | 'urgent'
  | 'call'
  /** The boss says he paid, the person has not received it (`老板说已经给了，但我没收到`). */
  | 'claims-paid'
  /** Another person's phone to call too (`这是我老婆的电话139…`): never the reporter's own. */
  | 'other-phone'
  /** A workmate's phone, a workmate owed too (`这是我老乡的电话 139… 他也被欠了`): news, never a phone of the reporter's. */
  | 'coworker-phone'
  /** The boss threatens to sue or calls it a false report (`老板说要告我`, `老板说我诬告`). */
  | 'sued'
  /** Someone came for the person: the boss's side, or a stranger (after «是谁找您？»). */
  | 'came'
  /** A withdrawal passed on before, taken back (`我还是想要`, `我不撤了`). */
  | 'keeps'
  /** The boss holds the person's wage card (`老板把我工资卡收了`): the knowledge answer on it. */
  | 'card-held'
  /** The boss holds the person's ID card or a deposit (`老板扣了我押金`): the knowledge answer on it. */
  | 'id-held'
  /** The boss deducts, or says he will deduct, from the wages (`厂里说要扣我工资`): the knowledge answer on it. */
  | 'deduct'
  /** The boss wants a paper signed saying all is paid (`老板让我签字说已经结清了`): not to sign before the money is in hand. */
  | 'sign-settled'
  /** Distress, no self-harm in it (`过不下去了`): a kind word and the hotline. */
  | 'distress'
  /** The person went to the labour bureau, arbitration or a court themselves (`我自己去劳动局了`). */
  | 'elsewhere'
  /** The boss dares the person to go to arbitration or court (`老板让我去仲裁`, `老板说让我去告他`). */
  | 'dares'
  /** The boss asks to meet and talk (`老板约我明天谈`). */
  | 'talks'
  /** The boss calls the person back to work (`老板喊我回去上班 还给不给钱啊`): news; what is owed stays owed. */
  | 'back-to-work'
  /** Someone asks for money in the union's or the staff's name (`有人打电话说是工会的要我交手续费`). */
  | 'fee'
  /** The boss asked for a signature and the person did not sign (`老板让我签字我没签`). */
  | 'sign-refused'
  /** What a lawyer told the person (`律师说可以起诉`): news for the case worker, no booking offered. */
  | 'lawyer-said'
  /** What the labour bureau, arbitration or a court told the person (`劳动局说会处理`): news for the case worker. */
  | 'authority-said'
  /** Someone else's money said to have come (`工友的钱都到账了`, `工友拿到钱了 我还没有`): never the person's own paid. */
  | 'others-paid'
  /** Something signed, what not said (`我签了个字`): what it was asked for. */
  | 'signed';

/** Another desk's command with a number (`补充 QX…`, `文书 QX…`, `预约 QX…`): theirs. */
const OTHER_DESK = /^(?:补充|补充材料|补材料|补充证据|补证据|追加材料|文书|法律文书|我的文书|下载文书|生成文书|预约|预约法律援助|法律援助|申请法律援助|找律师|预约律师|预约检察官|取消预约|取消|退约|不约了|改约|改预约|改时间|改期|重新预约|查看预约|查预约|我的预约)\s*(?:QX|YY)\d{8}-\d{4,}$/i;

const FILES = /^(?:我要|我想|我还要|还要|要|再|我)?(?:补充|补交|补发|追加|提交|上传|发|交)(?:一下|一些|点|几张)?(?:材料|证据|照片|图片|资料|文件|截图|聊天记录)$/;
/** What can be sent as evidence, in a worker's words (`欠条`, `工资条`, `聊天记录`). */
const EVIDENCE_NOUN = '(?:(?:微信|手机|跟老板|和老板|与老板|老板)的?)?(?:聊天截图|微信截图|材料|证据|照片|图片|相片|资料|文件|截图|聊天记录|欠条|借条|白条|工资条|工资单|工资表|合同|劳动合同|考勤表|考勤记录|考勤|打卡记录|录音|视频|转账记录|银行流水|流水)';
/** How many (`一个`, `几张`, `新的`): `我想补充一个证据` is `我想补充证据`. */
const EVIDENCE_MEASURE = '(?:一下|一些|一点|点|些|几张|几个|几份|一个|一份|一张|两张|个|份|张|新的?)*';
/** How to send it (`怎么发给你们`, `往哪发`). */
const HOW_TO_SEND = '(?:要|能|可以)?(?:怎么|咋|如何|往哪|在哪|哪里|从哪)(?:里|儿)?(?:发|给|交|传|上传|提交|补充|补)(?:给你们|给你|过去|过来|上去)?(?:呢|啊|呀)?';
/** Asking whether it may be sent (`可以发给你们吗`, `要不要发过去`). */
const CAN_SEND = '(?:我)?(?:可以|能|能不能|可不可以|要不要|需不需要|用不用|需要)(?:发|给|交|传|上传|提交|补充)(?:给你们|给你|过去|过来|上去)?(?:吗|么|嘛|呢|不)?';
/** What is to be done with it, said after it (`我还有几张照片要补充`, `还有照片要发给你们`). */
const TO_SEND = '(?:要|想|需要|得|可以)(?:再)?(?:补充|补交|补|发|交|传|上传|提交)(?:一下)?(?:给你们|给你|过去|过来|上去)?(?:吧|呢)?';
/** Not sent yet (`我还有照片没发`, `有聊天记录还没给你们`). */
const NOT_SENT = '(?:还)?没(?:有)?(?:发|交|给|传|上传|提交)(?:给你们|给你|你们|你|过去|上去)?(?:呢|啊)?';
/**
 * More evidence, said every way (`我想补充一个证据`, `我还有证据`, `我有欠条了 怎么发给你们`,
 * `我找到工资条了`, `聊天记录怎么发`): the same answer as `我想补充证据`. Short messages only.
 */
const FILES_SAID = new RegExp(
  [
    `^(?:对了)?(?:我|俺)?(?:还)?(?:想|要|可以|能|能不能|可不可以)?(?:再)?(?:补充|补交|补发|补|追加|提交|上传|发|交)${EVIDENCE_MEASURE}${EVIDENCE_NOUN}(?:吗|吧|呢)?$`,
    `^(?:对了)?(?:我|俺)?(?:手上|手里|这里|这边)?(?:还|又|现在)?有${EVIDENCE_MEASURE}${EVIDENCE_NOUN}(?:(?:和|跟|还有|以及|、)${EVIDENCE_MEASURE}${EVIDENCE_NOUN})*(?:了)?(?:${HOW_TO_SEND}|${CAN_SEND}|${TO_SEND}|${NOT_SENT})?$`,
    // Photographed or saved (`我把考勤表拍下来了`, `工资条拍了照`): ready to send.
    `^(?:对了)?(?:我|俺)?(?:已经|都)?(?:把)?${EVIDENCE_MEASURE}${EVIDENCE_NOUN}(?:(?:和|跟|还有|以及|、)${EVIDENCE_NOUN})*(?:都|也|已经)?(?:拍|照|截|录|存|复印|打印)(?:下来|好|了|照|图|屏)+(?:${HOW_TO_SEND})?$`,
    `^(?:我|俺)?(?:找到|拿到|要到|翻到)(?:了)?${EVIDENCE_MEASURE}${EVIDENCE_NOUN}(?:了)?(?:${HOW_TO_SEND})?$`,
    `^(?:那|这)?${EVIDENCE_MEASURE}${EVIDENCE_NOUN}(?:${HOW_TO_SEND}|${CAN_SEND})$`,
    // About to send them (`我把截图发你`, `截图发给你`, `我发几张截图给你们`): where they go is said (it was a knowledge answer).
    `^(?:对了)?(?:我|俺)?(?:先|现在|马上|等下|等会儿?|一会儿?)?(?:把)?${EVIDENCE_MEASURE}${EVIDENCE_NOUN}(?:都)?(?:发|传|给)(?:给)?(?:你|你们)(?:看看|看一下|看)?(?:吧|啊|哈)?$`,
    `^(?:对了)?(?:我|俺)?(?:先|现在|马上|等下|等会儿?|一会儿?)?(?:发|传)(?:给你|给你们)?${EVIDENCE_MEASURE}${EVIDENCE_NOUN}(?:给你|给你们)(?:看看|看一下|看)?(?:吧|啊|哈)?$`,
    `^(?:要|能|可以)?(?:怎么|咋|如何|在哪|往哪)(?:里|儿)?(?:补充|补交|补|发|交|上传|提交)${EVIDENCE_MEASURE}${EVIDENCE_NOUN}(?:呢|啊|呀)?$`,
    // A photo described in words, not sent (`这是工资条的照片`, `这张是考勤表`): where it goes is said (it was another report offered).
    `^(?:这|这个|这张|这些|这几张|下面|下面这张)(?:是|就是)(?:我的?|我们的?)?${EVIDENCE_NOUN}(?:的)?(?:照片|图片|截图|相片)?(?:啊|哈|呀)?$`,
  ].join('|'),
);
/** A witness for the case (`我还有证人 工友李四可以作证`, `工友能给我作证`): for the case worker, who may call them. */
const WITNESS = /证人|(?:可以|能|愿意|会)(?:给我|帮我|为我|替我)?(?:作证|做证|证明)|(?:给我|帮我|为我|替我)(?:作证|做证)/;
const SAY_MORE =
  /^(?:对了)?(?:我|俺)?(?:想|要|还想|还要)?(?:补充|再说|说|更正|纠正)(?:一下|一点|几句|个事|件事)?(?:情况)?$|^(?:对了)?(?:我|俺)?还有(?:个|一个|件)?事(?:情)?(?:要说|想说|没说)?$|^(?:我|俺)?(?:想|要)?(?:跟|给|和)(?:工作人员|网格员|工格员)(?:说|留言|留个言|带个话)(?:一下|几句)?$/;
/**
 * Wrong, and nothing else said (`上一个填错了`, `刚才填错了`, `有一项填错了`, `我填错了`, `好像写错了一个`, `我说错了`): no item named
 * (`金额填错了` names one, and is passed on as it is), no value. Compact, whole message.
 */
const WRONG_ONLY =
  /^(?:哎呀|哎|糟了|不好意思|对不起|抱歉|对了|就是|是)*(?:我|俺)?(?:刚才|刚刚|之前|前面|上面|上一个|上一项|上一条|上个|那个|报告里|报告|表里|里面)?(?:我|俺)?(?:好像|可能|估计)?(?:有)?(?:一项|一个|一个地方|个地方|一处|几项|几个地方|地方|点)?(?:给)?(?:填|写|报|弄|搞|打|输|说)错(?:了)?(?:一项|一个|一个地方|个地方|一处|几项|几个地方|点|东西)?(?:了)?(?:啊|呀|哦|呢|吧|哈)*(?:怎么办|咋办|怎么改|能改吗|能不能改|还能改吗|可以改吗)?$/u;
/**
 * An item of the report said to be wrong, nothing of what is right (`金额不对`, `金额错了`, `电话错了`): its right value is
 * asked (the phone's as a new phone's). `金额填错了` is a correction passed on as it is (CORRECTION).
 */
const ITEM_WRONG =
  /^(?:我的?|报告里的?|表里的?|那个|上面的?)?(金额|钱数|人数|单位(?:名字|名称)?|老板(?:的)?名字|名字|姓名|地址|拖欠时间|时间|月份|电话号码?|手机号码?|电话|手机)(?:好像|可能|也)?(?:有点)?(?:错了|不对|有错|弄错了|搞错了)(?:了)?(?:啊|呀|吧|哦)?$/u;
const FIX = /^改\s*\d{1,2}$|^(?:我要|我想)?(?:改|修改|更改)(?:一下)?(?:金额|钱数|名字|姓名|电话|手机号?|地址|人数|单位|信息|内容|报告)?$/;

/** Those who work the case, as people name them: `网格员`, `工作人员`, `你们工会的人`, `你们`. */
const STAFF_NOUN = '(?:网格员|工格员|网格长|工作人员|办事员|办事的人|经办人)';
const STAFF = `(?:(?:你们|工会)(?:的|那个|这个)?(?:${STAFF_NOUN}|人|负责人|负责的人|领导)?|${STAFF_NOUN})`;
/** The boss's side: not answering is about them then (`老板电话打了好几次都没人接`). */
const BOSS_SIDE = '(?:老板|老板娘|包工头|工头|老总|厂长|经理|公司|厂里|单位|对方|项目部)';
const STAFF_NAMED = new RegExp(STAFF);
const BOSS_NAMED = new RegExp(BOSS_SIDE);
/** Between the staff and what they did, in the same clause: not the boss's side, not a question. */
const STAFF_GAP = `(?:(?!${BOSS_SIDE})[^，]){0,8}?`;
/** Staff not answering or not acting (`一直不接电话`, `不管事`, `根本没联系过我`). */
const STAFF_SILENT =
  '(?<![接我])不接(?:电话|我电话|我的电话)?|(?<![回我])不回(?:电话|消息|信息|微信|复|我)?|(?<![理我])不理(?:人|我|睬)?|(?<![管我])不管(?:事|我|了|不问)?|(?:一直|都|也|从来|根本|压根|还是|就是|始终)(?:没有?|不)(?:人)?(?:联系|打电话|回电话|回复|回消息|回|管|理|接)|没(?:有)?(?:联系|打电话|回电话|回复|回消息|找)(?:过)?我|打不通|联系不上|失联|不办事|不干事|不作为|拖着不办|推脱|推诿|踢皮球';
/** Staff behaving badly (`态度太差了`, `骂我`, `向着老板`). */
// `你们收不收钱` asks about fees (it was a complaint that the staff take money): 收 after 不 is no taking.
const STAFF_CONDUCT =
  '态度(?:太|很|真|特别|非常|极其|好|也太|实在)?(?:差|恶劣|不好|坏|凶|冷淡|蛮横|傲慢|不行)|态度有问题|骂(?:我|人)|凶我|吼我|挂(?:了)?(?:我)?(?:的)?电话|拉黑(?:了)?我|把我拉黑|(?<![不没])收(?:了)?(?:老板的?|我的?)?(?:钱|好处|红包|礼)|(?:偏向|向着|帮着|护着)老板|(?:和|跟)老板(?:是)?一伙|敷衍|糊弄|不负责|不耐烦|刁难|为难我|看不起|一点(?:儿)?(?:用|作用)(?:都|也)?没有|(?<!说[^，]{0,6})没(?:什么|啥)用(?![过的])|屁用|白(?:反映|登记|报|找)了';
/** A clause of its own saying what they did (`但是态度很差`, `后来就一直不接电话`), after one naming them. */
const CLAUSE_LEAD = '^(?:后来|现在|然后|但是?|可是|就是|而且|不过|结果|他|她|他们)*(?:都|就|也|还)?';
const LATER_CONDUCT = new RegExp(`${CLAUSE_LEAD}(?:${STAFF_CONDUCT}|${STAFF_SILENT})`);
const LATER_SILENT = new RegExp(`${CLAUSE_LEAD}(?:${STAFF_SILENT})`);
/** Asking for someone else to handle the case (`我要换个人处理`, `能不能换个人`, `换个网格员`): for the supervisor, as a complaint. */
const STAFF_CHANGE =
  /^(?:我|俺)?(?:要|想|要求|申请|希望)?(?:能不能|可不可以|能否|可以|能|请|麻烦|给我|帮我)?(?:换|更换|换掉)(?:个|一个|别的|其他|另外一个|其他的)?(?:人|工作人员|网格员|工格员|负责人|经办人|负责的人)(?:来)?(?:处理|办|负责|管|跟进|帮我|给我办)?(?:吗|吧|呢|啊|呀|行不行|可以吗|行吗)?$/;
/** `我要投诉你们网格员`, `举报工作人员`, `对网格员很不满`. */
const COMPLAINS_OF = new RegExp(`(?:投诉|举报|告)(?:一下)?(?:那个|这个|那位|这位|那|负责(?:我|我的)?(?:案子|案件|事)?的)?${STAFF}|对(?:那个|这个|那位|这位)?${STAFF}(?:很|非常|太|特别)?不满`);
const STAFF_SILENT_RE = new RegExp(`${STAFF}${STAFF_GAP}(?:${STAFF_SILENT})`);
const STAFF_CONDUCT_RE = new RegExp(`${STAFF}${STAFF_GAP}(?:${STAFF_CONDUCT})`);
/**
 * Nobody answering, with nobody named (`打了好几次电话都没人接`, `到现在都没人理`,
 * `没人联系我`), not `有没有人管` (a question: progress).
 */
const NOBODY = /(?<!有)没(?:有)?人(?:接|理|管|联系|回|打电话|回电话|回复|找)/;
/** Pressing, not complaining (`怎么还没人联系我`, `啥时候有人管`): the progress view answers. */
const PRESSING = /(?:怎么|咋|为什么|为啥)(?:还是?|一直|都)?(?:没|不)|(?:什么时候|啥时候|几时|多久)|[吗么嘛呢]$/;

/** What the message says about the staff themselves, or null (a question, the boss's side, nothing of them). */
function complaintOf(s: string): Extract<CaseMessage, { kind: 'complaint' }> | null {
  // A question about what they do (`网格员不管工伤吗`) is no complaint; each clause is read alone.
  if (STAFF_CHANGE.test(s.replace(/，/g, ''))) return { kind: 'complaint', noAnswer: false, named: true, change: true };
  const said = s.split('，').filter((cl) => !/[吗么嘛]$/.test(cl)).join('，');
  const boss = BOSS_NAMED.test(s);
  const staffNamed = STAFF_NAMED.test(s);
  const silent = STAFF_SILENT_RE.test(said);
  // The staff named in one clause, what they did in the next (`网格员打过电话，但是态度很差`).
  const then = staffNamed && said.split('，').slice(1).some((cl) => LATER_CONDUCT.test(cl));
  if (COMPLAINS_OF.test(said) || silent || then || STAFF_CONDUCT_RE.test(said)) {
    const noAnswer = silent || (!boss && (said.split('，').some((cl) => LATER_SILENT.test(cl)) || nobodyAnswers(said)));
    return { kind: 'complaint', noAnswer, named: true };
  }
  if (!boss && !staffNamed && nobodyAnswers(s)) return { kind: 'complaint', noAnswer: true, named: false };
  return null;
}

/**
 * Whether `complaintOf(s)` finds a complaint. Each of its readings needs one of these characters (STAFF_CHANGE: 换;
 * COMPLAINS_OF, STAFF_SILENT_RE, STAFF_CONDUCT_RE, and the staff named before a later clause: STAFF, that is 你们, 工会,
 * 网格员, 工格员, 网格长, 工作人员, 办事员, 办事的人 or 经办人; NOBODY: 没), so a message with none of them is no complaint,
 * known in one test (most answers in a form).
 */
const COMPLAINT_CHARS = /[换们会格作办没]/u;
function mayComplain(s: string): boolean {
  return COMPLAINT_CHARS.test(s) && complaintOf(s) !== null;
}

/** `没人接`, `没人理` said in a clause that does not press or ask (`怎么还没人联系我` is progress). */
function nobodyAnswers(s: string): boolean {
  return s.split('，').some((cl) => NOBODY.test(cl) && !PRESSING.test(cl));
}

/**
 * Pressing for the case in a short message of its own (`怎么还没人联系我`, `帮我催一下`,
 * `钱什么时候能拿到`), as the progress command reads it; not the plain `进度`.
 */
function pressing(raw: string): boolean {
  const c = compact(raw);
  // `办得怎么样了`, `案子咋样了` only ask how it goes (怎么样 is no 怎么还…).
  return [...c].length <= PROGRESS_MAX && commandOf(raw) === 'progress' && /还|怎么(?!样)|咋(?!样)|为什么|为啥|催|快|多久|什么时候|啥时候|几时|慢|到底|究竟/.test(c);
}

/** Afraid, not yet happened (`怕老板报复`, `会不会被开除`). */
const FEARED = /(?:怕|担心|害怕|万一|会不会|会不|是不是|不敢)[^，]{0,6}$/;

const RETALIATION =
  /(?:再|要是|如果|敢|还)(?:去|要|敢)?(?:告|投诉|举报|反映|闹|找)[^，]{0,10}(?:开除|辞退|炒|不让(?:我)?干|不要我|收拾|好看|弄死|报复|滚|走人|卷铺盖|不用来)|(?:再|要是|如果|敢)(?:去|要|敢)?(?:告|投诉|举报|反映|闹|找你们|找工会|找政府)[^，]{0,8}?(?:就|都|也|那就|他就)(?:一分(?:钱)?(?:都|也)?)?(?:不给|不结|不发|别想(?:拿|要)|拿不到|要不到|没有)|威胁|恐吓|吓唬(?:我|俺)|打击报复|报复我|(?:要|说|扬言|就)(?:把我)?(?:开除|辞退|炒了|开了)(?:我)?|(?:把我|被)(?:开除|辞退|炒|开)了|被(?:老板|老板娘|厂里|公司|包工头|工头|老总|厂长)(?:给)?(?:开除|辞退|辞|炒|开)(?:掉)?了|找(?:人)?(?:收拾|麻烦)我|找(?:我|俺)(?:的)?麻烦|穿小鞋|不让我(?:上班|干了|进厂)|(?:叫|让|要|说)(?:我)(?:明天|以后|从明天起|下个月)?(?:就)?(?:不用|别|不要|甭)(?:再)?来(?:了|上班|干)|(?:叫|让)我(?:滚蛋|滚|走人|卷铺盖)|把我(?:赶|撵)(?:走|出来)|(?:不让|不许|不准)(?:我|俺)(?:再)?(?:来|去)?(?:要钱|讨钱|要工资|讨薪|要账|找他|告|投诉|举报|反映)|(?:找|叫)(?:人|几个人|一帮人|社会上的人)(?:来)?(?:收拾|教训|弄|整)(?:我|俺)/;
/** The boss abusing the person (`老板今天打电话骂我`): intimidation, as urgent as a threat. */
const ABUSED = /(?:老板|老板娘|包工头|工头|老总|厂长|经理|项目部|对方)[^，]{0,10}?(?:骂(?:我|俺|了我)|辱骂|侮辱(?:我|俺)|吼我|凶我)/;
/** Before a threat in its clause: not done (`老板不会找人收拾我`), or only asked about (`会不会开除我`). */
const NOT_THREATENED = /(?:没有?|还没|未|不会|不敢|会不会|能不能|是不是)$/;

/** Whether a threat or abuse is told as done (not feared, denied or asked: `怕老板报复`, `老板不会开除我吧`). */
function threatened(s: string): boolean {
  for (const re of [RETALIATION, ABUSED]) {
    for (const m of matchesOf(s, re)) {
      const clause = s.slice(0, m.index).split('，').at(-1) ?? '';
      const after = s.slice(m.index + m[0].length).split('，')[0] ?? '';
      if (!FEARED.test(clause) && !NOT_THREATENED.test(clause) && !ASKED_AFTER.test(after) && !/怎么办|咋办|吧$/.test(after)) return true;
    }
  }
  return false;
}
/**
 * The boss pressing the person to withdraw (`老板说给我钱让我撤了`, `老板叫我别告了`, `只要我撤了就给钱`):
 * not a wish to withdraw, nor a promise to pay.
 */
const PRESSED_TO_WITHDRAW =
  /(?:让|叫|要|逼|劝|求|喊)(?:我|俺)(?:赶紧|快|先|把)?(?:案子|案件|投诉|举报)?(?:撤|撤回|撤诉|撤销|撤案|撤掉|别告|不要告|不告|别再告|别反映|不要反映|别投诉|别举报|别找你们|签字放弃|写(?:个|张)?(?:不追究|放弃))|(?:只要|要是|如果)(?:我|俺)?(?:撤|撤回|撤诉|撤案|不告|别告|不反映)[^，]{0,8}(?:就)?(?:给|付|结|发)|(?:不撤|不撤回|不撤诉|不撤案|还告|继续告|还要告|再告|继续反映|再反映)(?:的话)?(?:就|他就)?(?:一分钱)?(?:都|也)?(?:不给|不发|不付|不结|别想要|别想拿)/;
/**
 * Who presses, named before it: the boss's side, or someone unnamed (`有人找我了 让我撤诉`, `来了个人叫我别告了`);
 * `律师让我先撤诉` is advice, not pressure.
 */
const PRESSER = new RegExp(`${BOSS_SIDE}|他|她|他们|有人|有个人|来了(?:个|几个|两个)?人|陌生人`);

/** The boss pressing for a withdrawal: `让我撤` said of the boss, or `只要我撤了就给钱`. */
function pressedToWithdraw(s: string): boolean {
  const m = PRESSED_TO_WITHDRAW.exec(s);
  if (!m) return false;
  return /^(?:只要|要是|如果)/.test(m[0]) || (PRESSER.test(s.slice(0, m.index)) && !/律师|工作人员|网格员|仲裁|法院|法官|检察/.test(s.slice(0, m.index)));
}
const WITHDRAW =
  /不想告了?|不告了|不想(?:再)?(?:反映|投诉|举报|追究|要了|追了|弄了|办了|搞了|闹了|折腾了|打官司了)|不(?:要|用)(?:再)?(?:反映|投诉|举报|追究)了|(?:不用|别)(?:你们)?(?:再)?管了|撤回|撤诉|撤案|撤销(?:案件|投诉|举报|反映)?|撤掉|取消(?:案件|案子|投诉|举报|反映|这个案子)|案子不要了|(?:钱|工资|工钱|这笔钱|那笔钱)(?:我)?(?:也)?(?:不要了|不追了)|不追究了|私了了|和解了|(?:^|，)(?:我|俺)(?:就|也|还是|真的)?(?:不要了|不追了)(?=，|$)|(?:^|，)(?:那|算了)?(?:就|还是|要不)?(?:帮我)?撤了(?:吧|算了|拉倒)?(?=，|$)/;
const MONEY_SUM = '(?:[\\d.,]+|[一二三四五六七八九十两百千万几]+)(?:多)?(?:块钱?|元|千|万)?';
const PARTLY_PAID = new RegExp(
  `(?:给|付|发|结|打|还|转)了(?:我)?${MONEY_SUM}[^，]{0,4}，?(?:还差|还欠|还有|还剩|剩下|剩的|没给)|(?:拿到|收到|要回|要到|拿(?=了))(?:了)?(?:一部分|一半|${MONEY_SUM})[^，]{0,4}，?(?:还差|还欠|还有|还剩|剩下|剩的|没给)|(?:给|付|发|结)了(?:一部分|一半)|^(?:我|俺)?(?:只|就|才|先)?(?:拿|收|要回|要到|拿到|收到)了(?:一部分|一半)(?:钱|工资|工钱)?$`,
);
/** Part of the money came, no sum said (`钱到账了一部分`, `拿到了一半`, `一部分钱到账了`): it was read as all of it paid. */
const PART_ARRIVED = /(?:(?:拿到|收到|到账|到手|要回|要到|要回来|领到)(?:了)?|(?:结|发|给|付|打|到)了(?:我)?)(?:一部分|一半|部分|一点|一些|点)|(?:一部分|一半|部分)(?:的)?(?:钱|工资|工钱)?(?:已经|先)?(?:到账|到手|拿到|收到|给了|发了|结了|付了|打过来|到了)/;
/** All of it paid (`钱都拿到了`, `老板把工资结了`), or said with nothing after it (`老板已经给了`, `老板给我了`: it was 没太明白). */
const PAID = new RegExp(
  // `老板把工资打到我卡上了`: paid into the account (it was another report offered).
  `(?:老板|厂里|公司|包工头|工头|老总)(?:今天|昨天|刚才|刚刚|已经|终于|总算)*(?:把)?(?:钱|工资|工钱|欠款)(?:都|已经|全)?(?:打|转|存)(?:到|进)(?:了)?(?:我)?(?:的)?(?:卡|银行卡|工资卡|账上|账户|微信|支付宝)(?:上|里)?了|` +
  `(?:老板|厂里|公司|包工头|工头|老总)(?:(?!说|答应|承诺|保证|会|要|想|准备|打算|没|不|还|该)[^，]){0,6}(?:已经|都|终于|总算)?(?:给|付|结|发|打|还)(?:了)?(?:我)?(?:钱|工资|工钱|欠款)了|(?:付|结|给|还)(?:清|齐)了|^(?:今天|已经|终于|总算)?(?:发|结)(?:了)?(?:工资|工钱)了|(?:钱|工资|工钱|欠款|血汗钱)(?:已经|都|也|终于|全|全部)*(?:拿到|到手|到账|要回来|要到|结清|收到|给了|发了|付了|结了)|(?:老板|厂里|公司|包工头|工头|老总)[^，]{0,8}(?:把)?(?:钱|工资|工钱)(?:都|已经|全)?(?:给|付|结|发|打|还)(?:给)?(?:我)?了|(?:拿到|收到|要回|要到)(?:了)?(?:钱|工资|工钱)|结清了|案子可以结了|可以结案了|${BOSS_PAID_DONE}(?=，|$)`);
const ABSCONDED =
  /(?:老板|包工头|工头|老总|厂长|经理|公司|厂里|厂)[^，]{0,4}(?:跑了|跑路|失联|联系不上|找不到了|不见了|没影了|玩消失|倒闭了|关门了)|(?:老板|包工头|工头|老总)(?:的)?(?:电话|手机)(?:也|都)?(?:打不通|关机|停机|不接|是空号)|把我(?:的)?(?:微信)?(?:拉黑|删了)|(?:老板|包工头|工头|老总|厂长)[^，]{0,2}把(?:厂子?|工厂|店|饭店|公司|工地)(?:给)?(?:关|关掉|关停|停|封)(?:了|掉了)/;
/**
 * A new number of the person's (`换号了`, `新号码是139…`), or a mobile given as their own: alone, said as theirs at the
 * start of a clause (`我想让工作人员给我打电话 我的手机号139…`, `给我打电话 139…`), or under a bare label that opens the
 * message (`手机号：139…`; after another's name, `老板叫李建国 电话135…`, it is theirs). A mobile named as someone
 * else's (`我老婆的手机号139…`, `老板电话139…`) is none of these.
 */
const PHONE =
  /(?:手机|电话|号码|手机号|电话号码?)(?:要|得)?(?:改|换)(?:一下|下)?(?:成|为)?|(?:换|改|新)(?:了)?(?:个|一个)?(?:新的?)?(?:手机|电话|号码|手机号|电话号码?|号)|(?:手机|电话)(?:号|号码)?(?:也|都)?(?:换了|改了|改成|换成|变了)|(?:我|俺)(?:自己)?(?:的)?号(?:码)?(?:也|都)?(?:换了|改了|变了)|新(?:的)?号码?|(?:手机|电话|号码|号)(?:也)?(?:丢了|停机|停了|坏了|欠费|不用了|不能用|被偷)|(?:打|联系|找|拨)(?:我|这个|这)[^，\d]{0,6}，?1[3-9]\d|^1[3-9]\d{9}$|(?:手机|电话|号码)(?:号|号码)?(?:还是|就是|是)1[3-9]\d|(?:^|，)(?:我的?|本人的?)(?:手机号码|手机号|手机|电话号码|电话号|电话|号码|联系电话|联系方式)(?:是|为)?，?1[3-9]\d|^(?:手机号码|手机号|手机|电话号码|电话号|电话|号码|联系电话|联系方式)(?:是|为)?，?1[3-9]\d|(?:^|，)(?:我想|我希望|我要)?(?:请|麻烦|让|叫)?(?:你们|工作人员|网格员|他们)?(?:给我|打给我)(?:打|回)?(?:个)?电话(?:吧)?，?1[3-9]\d/;
const OTHERS_PHONE = /(?:老板|包工头|工头|老总|经理|厂长|对方)[^，我]{0,8}(?:电话|手机|号码|号)/;
/** The employer's side's phone named (`老板的电话`, `包工头手机号`): who, as said. */
const BOSS_PHONE_NAMED = /(老板娘|老板|包工头|工头|老总|厂长|经理|公司|厂里|项目部|对方)(?:的)?(?:电话号码|电话号|电话|手机号码|手机号|手机|号码|联系方式)/;
/** That phone asked for (`老板的电话多少`, `你们有老板电话吗`, `能把老板电话给我吗`). */
const BOSS_PHONE_ASKS = /多少|几号|是啥|是什么|有没有|知道吗|知不知道|查到|查一下|告诉我|给我|发我|[吗么呢嘛]$/;
/** Offered (`需要老板的电话吗`, `我有老板电话`, `老板电话你们要不要`). */
const BOSS_PHONE_OFFERS = /需要|要不要|要吗|用不用|用得着|有用|给你|(?:我|俺)(?:这里|这边|手上|手里)?(?:有|知道)/;
/** News about that phone (`老板电话打不通`, `老板换号了`), or the staff named (`网格员要老板电话`): not this. */
const BOSS_PHONE_NOT = /打不通|不接|没人接|没接|关机|停机|空号|换|改|拉黑|联系不上|打了|打过|工作人员|网格员|工格员|你们(?:的)?(?:经理|厂长|老总|领导)/;
/**
 * Someone not reached by phone, nobody named (`他电话打不通`, `电话一直打不通`, `他不接电话`, `联系不上他`, `他关机了`):
 * the case worker or the boss, asked which. (Named, they are a complaint or news: {@link complaintOf}, {@link ABSCONDED}.)
 */
const UNREACHABLE = new RegExp(
  [
    '^(?:我)?(?:打)?(?:他|她|他们|她们)?(?:的)?(?:电话|手机|号码?)?(?:一直|总是|老是|还是|也|都|根本|现在|今天)*(?:打不通|打不进去?|没人接|不接(?:电话)?|关机|停机|占线|是空号|联系不上|不通)(?:了)*(?:啊|呀|呢|哦)*$',
    '^(?:他|她|他们|她们)(?:一直|总是|老是|还是|也|都|根本|现在)*(?:不接|不回)(?:我)?(?:的)?(?:电话|微信|消息|信息)?(?:了)*(?:啊|呀|呢|哦)*$',
    '^(?:我)?(?:一直|总是|还是|也|都|现在)*(?:联系不上|打不通|联系不到|找不到)(?:他|她|他们|她们)(?:的)?(?:电话|手机)?(?:了)*(?:啊|呀|呢|哦)*$',
  ].join('|'),
  'u',
);
/** The answer to «谁的电话打不通？»: the case worker (`1`, `工作人员`, `网格员`) or the boss's side (`2`, `老板`). */
const UNREACHABLE_STAFF = /^1$|工作人员|网格员|工格员|网格长|负责|经办|你们|工会/u;
const UNREACHABLE_BOSS = new RegExp(`^2$|${BOSS_SIDE}`, 'u');
/** `caseNote.kind` while «谁的电话打不通？» waits (`unreachable:他电话打不通`: the words said). */
const UNREACHABLE_ASKED = 'unreachable:';
const UNREACHABLE_OPTIONS = [
  { label: '负责案件的工作人员', value: '工作人员' },
  { label: '老板', value: '老板' },
];

/** A phone number in the words (a mobile, or a landline with its area code). */
const LANDLINE = /(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/;
/** The staff's phone (`你们电话换了吗`): not the person's own. */
const STAFF_PHONE_NAMED = /(?:你们|工作人员|网格员|工格员|工会)[^，]{0,4}(?:电话|手机|号码)/;
/** The person's own number changed (`我电话换了`, `换手机号了`, `换了个号`), said with no number. */
const NEW_PHONE = /(?:手机号?|电话|号码)(?:号|号码)?(?:要|得|想)?(?:改|换)(?:一下|下)|(?:换|改|新)(?:了)?(?:个|一个)?(?:新的?)?(?:手机号码?|电话号码?|号码|手机|电话|号)|(?:手机|电话)(?:号|号码)?(?:也|都)?(?:换了|改了|变了|换号了)|号(?:码)?(?:也|都)?(?:换了|改了|变了)/;
/** The number itself unchanged (`换了个新手机 号没变`): no new number to ask for. */
const SAME_NUMBER = /(?:号|号码|手机号|电话)(?:码)?(?:也|都|还)?(?:没变|没换|不变|没改|还是原来(?:的|那个)|还是那个|还是以前(?:的|那个)|跟原来一样|和原来一样)|(?:号|号码)(?:是|还是)?(?:一样的|同一个)|^(?:没变|没换|不变|还是原来的|还是那个|还是以前的)/;
/** The longest message read as a phone change with no number in it. */
const NEW_PHONE_MAX = 30;
const CORRECTION =
  /补充(?:一下|个|点|几句)?|其实|说错了?|写错了?|填错了?|搞错了?|弄错了?|报错了?|更正|纠正|(?:应该|应当)是|不是[^，]{1,12}?(?:是|而是)|不是[\d一二三四五六七八九十两百千万]+|还有(?:个|一个|件)事|忘了说|忘记说|漏了|少说了|还有(?:一个|两个|几个|[\d一二三四五六七八九十两几]+[多来]?个)?(?:工友|人|老乡)|(?:老板|包工头|工头|老总|厂长)(?:的)?(?:真名|全名|名字|大名)?(?:叫|姓)(?![我你他她人])|(?:老板|包工头|工头|老总)[^，]{0,4}(?:电话|手机|号码|微信|住址|家住)|(?:金额|钱数|人数|地址|名字|时间|月份)(?:应该|改成|改为|其实)|(?:金额|钱数|人数|地址|名字|姓名|时间|月份|单位|单位名|项目|工种)(?:也)?(?:错了|不对|有误|有错)/;

/** A sum of money said as paid or owed: digits (`3000`, `3000块`), or with a unit (`三千`, `1.2万`, `一万二`). */
const SUM = '(?:\\d+(?:\\.\\d+)?(?:多)?(?:千|万|w|W|k|K)[\\d一二三四五六七八九]?|\\d{2,}(?:[.,]\\d+)?|[一二三四五六七八九十两几]+(?:百|千|万)[一二三四五六七八九十两零千百]*)(?:多)?(?:块钱?|元)?';
/**
 * The boss gave a sum (`老板今天给了我3000`, `今天收到3000块`, `钱到账了 给了4000`), nothing said of the rest: part of
 * what is owed or all of it, by the case's amount (not `老板还没给我3000`, `老板说给我3000`).
 */
const PAID_SUM = new RegExp(
  `(?:老板|老板娘|厂里|公司|包工头|工头|老总|厂长|经理|项目部)(?:(?!说|答应|承诺|保证|会|要|想|准备|打算|没|不|还|该|欠)[^，]){0,6}(?:给|付|发|结|打|还|转)(?:了)(?:我)?(${SUM})|^(?:今天|昨天|刚才|刚刚|已经)?(?:收到|拿到|要到|要回)(?:了)?(${SUM})|(?:^|，)(?:他|她|对方)?(?:今天|昨天|刚才|刚刚|已经|只)?(?:给|付|发|结|打|转)了(?:我)?(${SUM})|(?:到了|到账了|收到了|拿到了|发了|给了)，(?:但|但是|可是|不过)?(?:只有|只|才|就)(?:了)?(${SUM})|^(?:钱|工资|工钱)?(?:已经|今天|刚才|刚刚)?(?:打|转|存)(?:到|进)(?:了)?(?:我)?(?:的)?(?:卡|银行卡|工资卡|微信|支付宝)(?:上|里)?(?:了)?，?(${SUM})(?:块|元)?(?:了)?$`,
);
/** Said with the sum: all of it (`都给了`, `结清了`). */
const ALL_PAID = /结清|全部|全给|都给了|全额|一分不少|一次性/;
/** The boss's side, as people name it. */
const BOSS = '(?:老板|老板娘|包工头|工头|老总|厂长|经理|公司|厂里|项目部|对方)';
/** The boss promised to pay (`老板联系我了 说下个月给`, `老板答应月底结`): in a clause, or in the next one (`说…`). */
const PROMISED = new RegExp(
  `${BOSS}[^，]{0,8}?(?:说|答应|承诺|保证|讲|表示)(?:好)?(?:了)?[^，]{0,10}?(?:给|发|结|付|还|打)|${BOSS}[^，]{0,10}，(?:他|她)?(?:又)?(?:说|答应|承诺|保证|讲)(?:好)?(?:了)?[^，]{0,10}?(?:给|发|结|付|还|打)`,
);
/** After a promise, not kept (`老板说给钱但是到现在也没给`): news, not a promise to write down. */
const PROMISE_BROKEN = /^[^，]{0,4}，?(?:但是?|可是|结果|就是)?(?:他|她)?(?:到现在|现在|至今|一直|还是|也|都|还)*(?:没有?|没见)(?:给|发|结|付|还|打|到账|动静)/;
/**
 * Only that the money has not come yet, or asked (`老板还没给钱`, `钱还没到账`, `老板给钱了吗`): the case's
 * progress, which says when money comes is not known yet; not news for the case worker, nor another report.
 */
const NOT_PAID_YET = new RegExp(
  `^(?:${BOSS}|钱|工资|工钱)(?:到现在|现在|至今|一直|还是|也|都|还)*(?:没有?|未)(?:给|发|结|付|打|到账|到|收到)(?:下来)?(?:我)?(?:钱|工资|工钱)?(?:呢|啊|呀)?$|^${BOSS}(?:给|发|结|付)(?:我)?(?:钱|工资|工钱)?(?:了)?(?:吗|么|没有?)$` +
    // `还没收到钱`, `一分钱都没给`: the same, said of the person's side (it was 没太明白, or another report offered).
    `|^(?:我|俺)?(?:到现在|现在|至今|一直|还是|也|都|还)*(?:没有?|未)(?:收到|拿到|见到|领到)(?:过)?(?:钱|工资|工钱)(?:呢|啊|呀)?$` +
    `|^(?:${BOSS}|我|俺)?(?:到现在|现在|至今|一直|还是|也|都|还)*一分(?:钱)?(?:都|也)(?:没有?)(?:给|发|结|付|到|收到|拿到|见到)(?:我)?(?:呢|啊|呀)?$` +
    // `俺的工钱到现在还没见着`: the person's own money not come, as said in the north (it was another report offered).
    `|^(?:我|俺)(?:的)?(?:钱|工资|工钱)(?:到现在|现在|至今|一直|还是|也|都|还)*(?:没有?|未)(?:见着|见到|收到|拿到|到手|到账)(?:呢|啊|呀)?$`,
);
/**
 * The person's own money said to have come, nothing more (`钱到了`, `工资到了 收到了`, `钱全到了`): paid, passed on only after a yes
 * (it was 没太明白). Another's money or word is read before this (OTHERS_PAID, HEARSAY_MONEY).
 */
const OWN_MONEY_CAME = /^(?:我|俺)?(?:的)?(?:钱|工资|工钱)(?:已经|都|也|终于|总算|全部|全)*到(?:齐|全)?了(?:啊|呀|哦|哈)?(?:，(?:我)?(?:已经|都|也)*(?:收到|拿到)了(?:啊|呀|哦|哈)?)?$/;
/** Asked whether it came (`钱到了吗`, `工资到了没有`): the progress, never paid (it was 答不上来). */
const OWN_MONEY_CAME_ASKED = /^(?:我|俺)?(?:的)?(?:钱|工资|工钱)(?:已经|都|全部|全)?到(?:齐|全)?(?:了)?(?:吗|么|嘛|没有?|没)$/;
/** Not a promise to pay after all (`老板说没钱给`, `说再告就开除`). */
const NOT_PROMISED = /没|不|别|开除|辞退|私了|报复/;
/** The boss got in touch (`老板联系我了`, `老板今天给我打电话了`): news for the case worker. */
const BOSS_CONTACTED = new RegExp(`${BOSS}(?:今天|昨天|刚才|刚刚|主动|终于|又|也|还|亲自)*(?:来|上门)?(?:(?:联系(?!不)|找)(?:了)?我|(?:打(?:了)?电话给|打(?:了)?个电话给)我|给我打(?:了)?(?:个)?电话)`);
/** The months said as owed more (`又欠了我一个月`). */
const MONTHS = '(?:[一两俩仨三四五六七八九十半几]|\\d+)(?:个)?(?:多)?月';
/**
 * More owed now than reported (`老板又欠了我一个月 现在一共一万二了`): an update of this case for
 * its worker, not a second report (`老板又欠我工资了`, with no more said, stays one).
 */
const MORE_OWED = new RegExp(
  // This month's wage unpaid too (`老板又欠我这个月的`, `这个月又没发`, `老板这个月也没给`): it was another report offered,
  // 没太明白, or the ways to claim wages.
  `(?:又|也|还)(?:欠|拖欠|拖|没发|没给|没结|不给|不发)(?:了)?(?:我|我们)?(?:的)?(?:这个月|这月|本月)|(?:这个月|这月|本月)(?:的)?(?:工资|工钱|钱)?(?:又|也)(?:没有?|不|欠|拖)(?:发|给|结|了)|又(?:欠|拖欠|拖)(?:了)?(?:我|我们)?(?:的)?(?:${MONTHS}|${SUM})|(?:现在|目前|到现在|前后|算起来)?(?:一共|总共|总计|合计|加起来)(?:又)?(?:欠|拖欠|拖)?(?:了)?(?:我|我们)?(?:的)?(?:${SUM})了`,
);
/** Money owed under another name than the wage, as people list it (`加班费`, `押金`, `奖金`). */
const WAGE_ITEM =
  '(?:加班费|加班工资|加班的钱|押金|保证金|奖金|年终奖|提成|绩效|全勤奖?|补贴|补助|餐补|饭补|高温费|路费|车费|报销的钱|社保|经济补偿金?|赔偿金?|违约金|住宿费|伙食费|生活费)';
const ITEM_UNPAID = '(?:也|都|还)?(?:一直)?(?:没有?|未|不)(?:给|发|结|付|退|还|算|报|交)';
/**
 * Another sum owed on the same case, remembered after it was sent (`我又想起来了 还有加班费没给`, `押金也没退`,
 * `老板还欠我2000押金`): an update for its worker (it was the knowledge answer on overtime, nothing passed on).
 */
const ITEM_OWED = new RegExp(
  `(?:还有|另外|以及|还|也)(?:我的?)?${WAGE_ITEM}(?:的钱)?${ITEM_UNPAID}|${WAGE_ITEM}(?:的钱)?${ITEM_UNPAID}|(?:还|也)(?:欠|拖欠|扣)(?:了)?(?:我|我们)?(?:的)?(?:${SUM})?(?:的)?${WAGE_ITEM}`,
);
/** More remembered, said before it (`我又想起来了，…`, `想起来一件事 …`). */
const REMEMBERED = /(?:^|，)(?:对了)?(?:我|俺)?(?:又|刚|突然)?想起来(?:了)?(?:，|一件事|个事|一个事)/;
/** Asked, not told (`加班费没给怎么办`, `押金不退可以吗`): the knowledge answers it. */
const ITEM_ASKED = /[吗么嘛呢]$|[?？]|怎么办|怎么算|怎么要|能不能|可不可以|可以吗|算不算|要不要|有没有用/;
/** Someone else, as a worker names them (`工友`, `老乡`, `他`). */
const OTHER_PERSON = '(?:工友|老乡|同事|兄弟|朋友|亲戚|同乡|一起干活的|一起的人|别人|其他人|另外的人|他|她|他们|她们)';
/**
 * A workmate who wants to report too (`我还有工友也被欠了 他也想反映`, `帮我老乡反映`): he can write
 * himself, or the person can report for him; never a correction of this case.
 */
const COWORKER = new RegExp(
  `(?<!不)${OTHER_PERSON}(?:也|都)?(?:想|要|打算|准备)(?:来)?(?:反映|登记|举报|投诉|讨薪|报)|` +
  // `我还有个工友叫张三 也欠他五千`: named, then owed too.
  `(?:还有|另外有|我有)(?:一个|个)?(?:工友|老乡|同事|同乡)(?:叫|姓)[^，]{1,4}，?(?:也|都)(?:被)?(?:拖欠|欠)(?:了)?(?:他|她)|` +
  `(?:还有|另外有|我有)(?:一个|个|几个|两个|[\\d三四五六七八九十]+个)?${OTHER_PERSON}(?:也|都)(?:被)?(?:拖欠|欠|没拿到|没给|没发)|(?:帮|替|代)(?:我的?)?(?:工友|老乡|同事|兄弟|朋友|亲戚|同乡|别人)(?:也)?(?:反映|登记|报|讨薪)|(?:我的?)?(?:工友|老乡|同事|兄弟|朋友|亲戚|同乡)(?:们)?(?:也|都)(?:被)?(?:拖欠|欠|没拿到|没给|没发)(?:了)?(?:工资|钱|工钱)?，?(?:能|可以|能不能|可不可以)?(?:一起|一块)`,
);
/** The relation said for the workmate (`工友`, `老乡`): kept for the report made for him. */
const COWORKER_RELATION = /工友|老乡|同事|兄弟|朋友|亲戚|同乡/;
/** Another report (`我想再反映一次`, `我还要再反映一个老板`, `还要另外登记一个`): as `反映欠薪` after one. */
const ANOTHER =
  /^(?:我|俺)?(?:还)?(?:想|要|得)?(?:再|另外|重新)(?:反映|登记|举报|投诉|报)(?:一次|一下|一回|一个|一件|个|件)?(?:别的|另一个|另外一个|另一家)?(?:老板|公司|单位|厂|工地|事|事情)?(?:的)?(?:欠薪)?$|^(?:我|俺)?还(?:想|要)(?:反映|登记|举报|报)(?:一个|一件|另一个|另外一个|别的)(?:老板|公司|单位|厂|工地|事|事情)(?:的)?(?:欠薪)?$/;
/** The case number asked for (`案件编号多少`, `我忘了我的编号`). */
const ASKS_NUMBER =
  /(?:编号|单号|案号|案件号)(?:是)?(?:多少|是啥|是什么|几号|呢|忘了|忘记了|找不到了|在哪|在哪里)|(?:忘了|忘记|不记得|找不到|没记住|记不住)(?:了)?(?:我的?)?(?:案件|案子)?(?:的)?(?:编号|单号|案号|案件号)|^(?:我的?)?(?:案件|案子)?(?:编号|单号|案号|案件号)(?:呢|吗)?$/;
/** Whether the report went in (`上次那个提交成功了吗`, `我的报告你们收到了吗`). */
const ASKS_SUBMITTED =
  /(?:提交|登记|反映|报|交)(?:上去|上)?(?:成功|好|上)(?:了)?(?:吗|么|没有?|没)|(?:提交|登记)了(?:吗|么|没有?)|(?:交上去|报上去|发出去|提交上去|递上去)了?(?:吗|么|没有?)|(?:收到|看到)(?:了)?(?:我的?)(?:报告|反映|投诉|登记|案子|案件)(?:了)?(?:吗|么|没有?)/;

/**
 * Asking to delete one's data in any words (`注销`, `删除`, `撤回我的个人信息`, `把我的东西都删了`,
 * `不要保存我的电话`): `phone` when only the phone is named (it cannot go alone), `bare` for a lone
 * `删除` or `注销`. Always answered by the delete question (flows/service.ts), never a withdrawal.
 */
const FORGET_BARE =
  /^(?:我要|我想|帮我|请|麻烦)?(?:注销|销户|删除|删掉|全部删除|全删了?|都删了?)(?:掉)?(?:吧|了|一下)?$|^(?:帮我)?删了吧$|^(?:能|可以|能不能|可不可以)(?:注销|销户|删除|删掉)(?:吗|么|嘛)?$/;
const FORGET_ACCOUNT = /^(?:我要|我想|帮我|请|麻烦)?(?:注销|销户|删除|删掉)(?:掉)?(?:我的?)?(?:账号|帐号|账户|帐户|用户|微信号)(?:吧|了)?$/;
const FORGET_WORDS =
  /(?:撤回|撤销|收回|拿回|删除|删掉|清除|清空)(?:我的?)(?:个人)?(?:信息|资料|隐私|数据|东西|电话|手机号?|号码|身份证)|把我的?(?:个人)?(?:东西|信息|资料|数据|记录|电话|手机号?|号码|名字|身份证)[^，]{0,4}(?:都|全|全部)?(?:删|清|撤)|(?:不要|别|不准|不许|不能|不想让你们|不希望你们)(?:再)?(?:保存|存|留|记|保留)(?:着)?(?:我的?)(?:个人)?(?:电话|手机号?|号码|信息|资料|名字|身份证|东西)/;
const FORGET_PHONE_ONLY = /电话|手机|号码/;

export function forgetAsked(text: string): 'all' | 'phone' | 'bare' | null {
  const raw = normalizeMessage(text);
  if ([...raw].length > 40) return null;
  const c = compact(raw);
  if (FORGET_BARE.test(c)) return 'bare';
  if (FORGET_ACCOUNT.test(c)) return 'all';
  const s = clauses(raw);
  const m = FORGET_WORDS.exec(s);
  if (!m) return null;
  return FORGET_PHONE_ONLY.test(m[0]) && !/信息|资料|东西|数据|身份证|名字/.test(m[0]) ? 'phone' : 'all';
}

/**
 * Whether the deletion already happened is asked (`我的信息删了没`, `删掉了吗`, `是不是已经删了`, `注销成功了吗`):
 * answered from what is still held (flows/service.ts), never the delete question as if asked to delete again.
 * A wish (`能删吗`, `帮我删了吧`, `删了`) is no such question.
 */
const FORGET_DONE_ASKED =
  /(?:删|删除|删掉|清除|清空|注销)(?:掉|干净|成功|完)?(?:了(?:没有?|吗|么|嘛|没呢|没啊)|没有?)$|删没删|有没有(?:删|清除|注销)|是不是(?:已经|真的)?(?:删|清除|注销)|(?:已经|真的)(?:删|清除|注销)(?:掉|干净|成功|完)?了(?:吗|么|嘛|没)/;
/** …about one's data (or short: `删了没`). */
const FORGET_DONE_DATA = /信息|资料|数据|记录|东西|电话|手机|号码|身份证|名字|账号|帐号|隐私/;
export function forgetDoneAsked(text: string): boolean {
  const raw = normalizeMessage(text);
  if ([...raw].length > 30) return false;
  const c = compact(raw).replace(/[？?。！!～~]+$/u, '');
  return FORGET_DONE_ASKED.test(c) && (FORGET_DONE_DATA.test(c) || c.length <= 8);
}

/**
 * When staff work, asked (`你们几点下班`, `周末有人吗`, `晚上有人处理吗`, `上班时间是几点`): whole short messages only,
 * so an account that mentions a weekend (`老板说周末结账`) is never one. Answered with the directory's office hours
 * (flows/service.ts); it was 「答不上来」.
 */
const HOURS_WHO = '(?:你们|工会|工作人员|网格员|工格员|这里|这边|那边)?(?:一般|平时)?';
const OFFICE_HOURS_ASKED = new RegExp(
  [
    `^${HOURS_WHO}(?:几点|什么时候|啥时候|啥时|哪天)(?:上班|下班|开门|关门|有人|办公|办事|开始上班)(?:啊|呀|呢|吗|么)?$`,
    `^${HOURS_WHO}(?:周末|星期六|星期天|星期日|周六|周日|礼拜六|礼拜天|晚上|夜里|节假日|放假|过年|春节|国庆)(?:也|还)?(?:有人|上班|办公|开门|处理|能办|能处理|可以办|可以处理|有人处理|有人管|管)(?:吗|么|嘛|不|没|没有)?$`,
    `^${HOURS_WHO}(?:的)?(?:上班|办公|工作)时间(?:是)?(?:几点|几点到几点|多少|是什么|是啥|呢|是几点)?(?:啊|呀|呢)?$`,
  ].join('|'),
);
export function officeHoursAsked(text: string): boolean {
  const c = compact(normalizeMessage(text)).replace(/[？?。！!～~]+$/u, '');
  return [...c].length <= 20 && OFFICE_HOURS_ASKED.test(c);
}
/** `12351打不通`, `热线一直占线`, `打电话没人接`: the hotline did not answer (it was 没太明白). */
const HOTLINE_UNANSWERED = /^(?:那个|你们的?)?(?:12351|热线|服务热线|职工服务热线|热线电话|你们电话|电话)(?:一直|老是|总是|根本)?(?:打不通|打不进去|没人接|占线|不通|一直占线)(?:啊|呀|呢|了)?$/u;
export function hotlineUnanswered(text: string): boolean {
  return HOTLINE_UNANSWERED.test(compact(normalizeMessage(text)).replace(/[？?。！!～~]+$/u, ''));
}

/**
 * The employer changed hands (`老板换了`, `换了个老板`, `饭店转让了`): news for the case worker, who
 * must know whom to go to now; not when only feared or asked about (`要是老板换了怎么办`).
 */
const BOSS_CHANGED =
  /(?:老板|包工头|工头|老总|厂长|法人)(?:已经|也|都)?(?:换了|换人了|变了|换成)|换了(?:个|一个|新的?)?(?:老板|包工头|工头|老总|厂长|法人)|(?:厂|厂子|公司|饭店|店|工地|项目|单位)(?:已经)?(?:被)?(?:卖了|转让了|转手了|盘出去了|卖给别人了)/;
const BOSS_CHANGED_ASKED = /怎么办|咋办|会不会|要是|如果|万一|[吗么嘛]$/;

/**
 * Whether to go somewhere in person (`要不要去现场`, `需要我去工会吗`, `我用不用过去一趟`): asked, never a plan.
 * Short messages only.
 */
const VISIT_ASKED =
  /^(?:那|那我|我|俺)?(?:还)?(?:要不要|需不需要|用不用|是不是要|需要|要|得|用)(?:我)?(?:亲自|本人)?(?:去|到|过去|过来|来|跑)(?:一趟)?(?:现场|工会|你们那(?:里|儿|边)?|你们(?:办公室|单位)|办公室|网格|镇上|街道|单位|厂里|工地)?(?:一趟|看看|一下)?(?:吗|么|嘛|呢|不|啊)?$/;
/** …with a place or a trip named, and asked (`要不要`, `…吗`): `我要去工会` is no question, `要不要去` names nowhere. */
const VISIT_ASKED_NAMED = /^(?=.*(?:现场|工会|你们|办公室|网格|镇上|街道|单位|厂里|工地|一趟|过去|过来))(?=.*(?:要不要|需不需要|用不用|是不是要|[吗么嘛呢不]$))/;
/** Where to go asked (`要我去哪里`, `我需要去哪里`, `去哪里找你们`): no trip is needed, as {@link VISIT_ASKED}'s answer says. */
const VISIT_WHERE =
  /^(?:那|那我|我|俺)?(?:还)?(?:要我|让我|叫我|要|需要|得|该|应该)?(?:去|到)(?:哪里|哪儿|哪|什么地方|啥地方)(?:找你们|找工会|找工作人员|找网格员|找人|办|办理)?(?:呢|啊|呀)?$/u;
/** What to bring or get ready asked (`需要带什么材料`, `要带什么`, `要准备什么材料`). */
const BRING_ASKED =
  /^(?:那|那我|我|俺)?(?:还)?(?:要|需要|得|该|应该|用不用|要不要)?(?:我)?(?:带|准备|拿|交|提供)(?:些|点|上)?(?:什么|啥|哪些)(?:材料|证据|资料|东西|证件)?(?:吗|呢|啊|呀)?$|^(?:那)?(?:材料|证据|资料)(?:要|需要|得)?(?:带|准备|交|提供)(?:什么|哪些|啥)(?:呢|啊)?$|^(?:那)?(?:材料|证据|资料)?(?:要|需要|得|用)(?:带)?(?:原件|复印件)(?:吗|么|嘛|不)?$/u;
/**
 * Staff in touch, said as done (`网格员刚给我打电话了`, `工作人员联系我了`); not asked (`…了吗`). Someone unnamed
 * (`有人打电话给我了`) may be the boss, a stranger or a swindler: {@link WHO_CALLED}, asked who.
 */
const STAFF_CALLED =
  /^(?:刚才|刚刚|今天|昨天|已经)?(?:工作人员|网格员|工格员|工会的人|你们的人|街道的人)(?:刚才|刚刚|刚|今天|昨天|已经|终于|也)*(?:给我打(?:了|过)?(?:个)?电话|打(?:了|过)?(?:个)?电话给我|联系(?:了|过)?我|找(?:了|过)?我)了?(?:啊|哦|呀)?$/u;
/** Staff asked the person to come (`工作人员叫我明天去`, `网格员让我下周一去街道`), said, not asked. */
const STAFF_TOLD_TO_COME =
  /^(?!.*(?:仲裁|法院|起诉|打官司|监察|告))(?:刚才|今天|昨天)?(?:工作人员|网格员|工格员|工会的人|你们的人)(?:刚才|今天|昨天|说)*(?:叫|让|要|通知|约)(?:我|俺)(?:明天|后天|今天|下午|上午|下周[一二三四五六日天]?|周[一二三四五六日天]|[一二三四五六七八九十\d]+号)*(?:去|到|过去)[^，吗么?？]{0,12}$/u;
/** Staff advised arbitration or a suit (`网格员让我去仲裁`): how, said in a line (it was the knowledge answer on 工格员). */
const STAFF_SENT_TO_ARBITRATION =
  /^(?:刚才|今天|昨天)?(?:工作人员|网格员|工格员|工会的人|你们的人)(?:说|建议)?(?:叫|让|要|建议)?(?:我|俺)(?:去)?(?:申请)?(?:劳动仲裁|仲裁|打官司|起诉|去法院)(?:了)?(?:怎么办|咋办|怎么弄|咋弄)?(?:啊|呀|呢)?$/u;
const TO_ARBITRATION_ANSWER =
  '工作人员建议走仲裁的话，可以按他们说的办：劳动仲裁不收费，到干活所在地的劳动人事争议仲裁委员会申请。回复「文书」可以下载按您的情况预先填好的仲裁申请书；要人帮您看证据、写材料，回复「预约法律援助」约工会律师，免费。';
/** Asked to sign something (`工作人员说要我签字`, `老板让我签个字`, `要我签协议`): what to look at first (it was 没太明白). */
const SIGN_ASKED =
  /^(?:刚才|今天|昨天)?(?:工作人员|网格员|工格员|工会的人|你们的人|老板|老板娘|包工头|工头|老总|厂长|公司|厂里|他|他们)?(?:说)?(?:叫|让|要)(?:我|俺)(?:去)?签(?:个|一个|一下)?(?:字|名|协议|调解书|调解协议|和解协议|合同|单子|收条)?(?:了)?(?:怎么办|咋办|能签吗|可以签吗|要签吗|签不签)?(?:啊|呀|呢)?$/u;
const SIGN_ANSWER =
  '签字前先看清楚写的是什么：金额对不对、哪天给，有没有「放弃其余工资」「不再追究」这类话。看不明白，先拍照发给我，我转给负责的工作人员帮您看；钱没到手之前，别签放弃的字据。';
const CALLED_ANSWER = '好的，工作人员联系上您就好。接下来按他们说的办；有新的情况或材料，直接发给我，我转给负责的工作人员。回复「进度」可以查看办到哪一步了。';
const TOLD_TO_COME_ANSWER =
  '好的，按工作人员约的时间、地点去就行。能证明欠薪的材料（工资条、考勤记录、欠条、聊天记录、转账记录等）有原件的带上。时间地点没记清的话，直接跟我说，我转给负责的工作人员。';
/**
 * Someone came for the person, who not said (`有人找我了`, `有人来找我了`, `来了几个人找我`, `有人上门找我`): the staff, or the
 * boss's people, so asked which; not asked (`有人找我了吗` is progress), nothing more said (`有人找我了 让我撤诉` is news).
 */
const WHO_CAME =
  /^(?:刚才|刚刚|今天|昨天|前天|已经|这两天)?(?:有人|有个人|有几个人|有两个人|来了(?:个|一个|几个|两个|一帮)?人|(?:有)?(?:个|几个|两个)?陌生人)(?:刚才|刚刚|今天|昨天|已经|又|也|来|上门|(?:到|来)(?:家里|厂里|工地|店里|宿舍|我家|我住的地方))*(?:来)?(?:找(?:了|过)?(?:我|俺)|找上门|上门)(?:了)?(?:啊|哦|呀|呢)?$/u;
/**
 * Someone called or got in touch, who not said (`有人打电话给我了`, `有人给我打电话`, `陌生人给我打电话了`, `有个陌生号码打给我`,
 * `有人联系我了`): the staff, the boss's side or a stranger, asked which as {@link WHO_CAME} is (it was taken as the staff's call).
 */
const WHO_CALLED =
  /^(?:刚才|刚刚|今天|昨天|前天|已经|这两天)?(?:有人|有个人|有几个人|(?:有)?(?:个|一个)?陌生人|(?:有)?(?:个|一个)?(?:陌生|不认识的)(?:号码|电话|号))(?:刚才|刚刚|今天|昨天|已经|又|也|一直|老是)*(?:给我打(?:了|过)?(?:个|几个|好几个)?电话|打(?:了|过)?(?:个|几个|好几个)?电话给我|打给我|打(?:了|过)?(?:我)?(?:的)?(?:电话|手机)|(?:给我)?来(?:了)?(?:个)?电话|联系(?:了|过)?我)(?:了)?(?:啊|哦|呀|呢)?$/u;
/** `caseNote.kind` while «是谁找您？» waits (`who-came:有人找我了`: the words said). */
const WHO_CAME_ASKED = 'who-came:';
const WHO_CAME_OPTIONS = [
  { label: '负责案件的工作人员', value: '工作人员' },
  { label: '老板那边的人', value: '老板那边的人' },
  { label: '不认识的人', value: '不认识的人' },
];
const WHO_CAME_QUESTION = '是谁找您？\n是负责案件的工作人员的话，按他们说的办就行；是老板那边的人，或者不认识的人，这个情况要让工作人员知道。\n请回复数字选择：';
/** The same after a call (`有人打电话给我了`). */
const WHO_CALLED_QUESTION = '是谁给您打的电话？\n是负责案件的工作人员的话，按他们说的办就行；是老板那边的人，或者不认识的人，这个情况要让工作人员知道。\n请回复数字选择：';
/** A stranger, or who is not known (`不认识`, `不知道是谁`, `陌生人`): as the boss's side, passed on after a yes. */
const WHO_CAME_STRANGER = /^3$|不认识|陌生|不知道|不清楚|没见过|说不上来|社会上的人/u;

/**
 * The boss says he paid (`老板说已经给了`, `老板说他给过了`, `老板说钱早就打给我了`, `老板说给了我3000`): his word, whole
 * message, nothing said of the money in hand. Not a promise (`老板说下个月给`, `老板说给我3000`).
 */
const BOSS_SAYS_PAID_WORDS = `${BOSS}(?:今天|昨天|刚才|刚刚)?(?:跟我|对我|和我|跟工作人员|跟网格员|对工作人员|对网格员)?(?:说|讲|称|声称|非说|硬说|说是|一口咬定|咬定)(?:他|她|他们)?(?:早就|早|已经|都|也|全)*(?:把)?(?:钱|工资|工钱|欠款)?(?:早就|早|已经|都|全)*(?:(?:给|付|结|发|打|还|转)(?:清|齐|过|过去|过来|账|完)?(?:了)?(?:给)?(?:我|你|你们)?(?:钱|工资|工钱)?了|(?:给|付|结|发|打|还|转)(?:过)?了(?:我)?(?:${SUM}|一半|一部分)(?:了)?|(?:打|转|存|发)(?:到|进)(?:了)?(?:我)?(?:的)?(?:卡|卡上|卡里|银行卡|账上|账户|微信|支付宝)(?:上|里)?了)`;
/** The boss's saying, taken out to read what he says was done (`老板说给了我3000` → `老板给了我3000`). */
const SAYS_WORD = /(?:今天|昨天|刚才|刚刚)?(?:跟我|对我|和我|跟工作人员|跟网格员|对工作人员|对网格员)?(?:说|讲|称|声称|非说|硬说|说是|一口咬定|咬定)(?:他|她|他们)?/u;
/** Heard from others (`工友说老板已经给了`, `听说老板已经给了`): hearsay, asked back the same way (it was news that he paid). */
const HEARSAY = '(?:(?:工友|老乡|同事|别人|他们|大家|有人|网格员|工作人员)(?:们)?(?:说|讲)|听说|听人说|据说)';
const BOSS_SAYS_PAID = new RegExp(`^(?:那个|可是|但是)?(?:${BOSS_SAYS_PAID_WORDS}|${HEARSAY}${BOSS_PAID_DONE})(?:啊|呀|呢|哦)?$`, 'u');
const BOSS_SAYS_PAID_ASKED = new RegExp(`^(?:那个)?${BOSS_SAYS_PAID_WORDS}(?:吗|么|没有?|没)(?:啊|呀|呢)?$`, 'u');
/** The same as the first clause, what the person got said after it (`老板说已经给了，但我没收到`). */
const BOSS_SAYS_PAID_LEAD = new RegExp(`^(?:那个|可是|但是)?${BOSS_SAYS_PAID_WORDS}(?:啊|呀|呢|哦)?，`, 'u');
/** The money said not to have come (`但我没收到`, `我一分钱都没见到`, `根本没给`). */
const NONE_CAME = /(?:没|冒|未)(?:有)?(?:收到|到账|到手|拿到|领到|见到|看到)|(?:一分|一毛)(?:钱)?(?:都|也)?没|根本没(?:有)?(?:给|付|发|结|打)|骗人|瞎说|胡说|说谎|撒谎/u;
/** The money said to be short of the whole (`但是少了五百`, `还差一点`, `没给全`). */
const SHORT_SAID = /少了|少给了|少给|还差|还欠|还剩|差了|不够数?|没给全|没给够|没给完|没结清|没付清|没给齐|没结完/u;
/** Heard that the money came (`工友说钱到账了`, `听说工资发了`), whose not said. */
const HEARSAY_MONEY = new RegExp(`^(?:那个|可是|但是)?${HEARSAY}(?:钱|工资|工钱|欠款)(?:已经|都|也|早就)*(?:到账|到了|发了|打了|给了|结了|打过来|发下来)了?(?:啊|呀|呢|哦)?$`, 'u');
/**
 * Someone else's word that the money came (`老板的会计说钱打了`, `老板老婆说钱给了`, `我儿子说钱到账了`): not the person's
 * own money in hand, asked (it was read as paid).
 */
const SAID_MONEY = /^(?:那个|可是|但是)?(?!(?:我|俺)(?:说|讲))[\p{Script=Han}]{1,8}?(?:说|讲|告诉我)(?:他|她|他们)?(?:把)?(?:钱|工资|工钱|欠款)(?:已经|都|也|早就|早)*(?:到账|到了|发了|打了|给了|结了|转了|打过来了?|发下来了?)了?(?:啊|呀|呢|哦)?$/u;
/** The person's own money said to have come, after the boss's word (`我也收到了`, `已经到账了`). */
const RECEIVED_SAID = /(?:^|，)(?:我|俺)?(?:的)?(?:钱|工资|工钱)?(?:也|已经|都|确实|真的)*(?:收到|到账|到手|拿到|领到)(?:了)/u;
/**
 * Someone else's money said to have come (`工友的钱都到账了`, `工友拿到钱了`, `别人都拿到了`): not the person's own
 * (hearsay of the boss, `工友说钱到了`, is read as before).
 */
const OTHERS_PAID = new RegExp(
  `^(?:我的?|我们)?(?:工友|同事|老乡|别人|其他人|其他工友|别的工友|一起干活的人?|一起干的人?)(?:们)?(?:的)?(?:(?!说|讲|听|没|未|不)[^，]){0,6}?(?:到账|拿到|收到|到手|结了|发了|给了|结清|要回来|要到|领到)|^${BOSS}(?:只|都|就|先|已经)*(?:给|发|结|付)(?:了)?(?:工友|同事|老乡|别人|其他人|别的工友|其他工友|别的人)(?:们)?(?:的)?(?:钱|工资|工钱)?(?:发|结|付)?(?:了)?(?:，|$)`,
  'u',
);
/** The person's own said to have come too (`我的也到了`): read as before. */
const OWN_TOO = /(?:我|俺)(?:的)?(?:钱|工资|工钱)?(?:也|都)(?:已经)?(?:到账|拿到|收到|到手|到了|给了|发了|结了)/u;
/** The question asked back after {@link BOSS_SAYS_PAID}. */
const SAYS_PAID_ASKED = 'says-paid:';
const SAYS_PAID_OPTIONS = [
  { label: '收到了', value: '收到了' },
  { label: '没收到', value: '没收到' },
];
const SAYS_PAID_QUESTION = '说是已经给了，那钱您自己收到了吗？钱真正到手才算数。\n请回复「收到了」或「没收到」：';

/** The boss threatens to sue the person or calls the report false (`老板说要告我`, `老板要起诉我`, `老板说我诬告`). */
const SUED = new RegExp(
  `${BOSS}(?:(?!会不会|能不能|不会|不能|可以|能|敢不敢|没)[^，]){0,6}?(?:告|起诉|告上法庭|上法院告)(?:我|俺)|${BOSS}[^，]{0,4}?(?:说|讲|骂|反咬)(?:我|俺)(?:是)?(?:诬告|诽谤|造谣|敲诈|勒索|讹(?:他|人|诈))`,
  'u',
);

/**
 * Another person's phone given to call too (`这是我老婆的电话139…`, `有事打我儿子电话 139…`, `我女儿手机号139…`): a note
 * for the case worker, never the reporter's phone (it was read as a new number of theirs, or 没太明白).
 */
const KIN = '(?:老婆|媳妇儿?|爱人|老公|丈夫|妻子|对象|男朋友|女朋友|儿子|女儿|闺女|孩子|小孩|爸爸?|妈妈?|父亲|母亲|老爸|老妈|老爷子|哥哥?|姐姐?|弟弟?|妹妹?|姐夫|妹夫|嫂子|家里人|家人|亲戚|朋友|老乡|工友|同事|邻居)';
const OTHER_PERSON_PHONE = new RegExp(`(?:我|俺)(?:的|家的?)?${KIN}(?:的)?(?:电话号码|电话号|电话|手机号码|手机号|手机|号码|联系方式)|(?:打|联系|找|拨|打给|打到)(?:我|俺)(?:的|家的?)?${KIN}`, 'u');

/** Workmates among {@link KIN}: their number is no spare one for the person unless said to be (`有事打我工友 139…`). */
const PEER_KIN = new RegExp(`(?:我|俺)(?:的|家的?)?(?:工友|老乡|同事)(?:的)?(?:电话号码|电话号|电话|手机号码|手机号|手机|号码|联系方式)`, 'u');
/** That number said to be the one to call for the person (`有事打我工友`, `联系不上我就找我老乡`, `备用`). */
const PEER_TO_CALL = /(?:打|联系|找|拨|打给|打到)(?:我|俺)(?:的|家的?)?(?:工友|老乡|同事)|联系不上|找不到我|打不通|备用|有事/u;
/**
 * A workmate owed too (`他也被欠了`, `我老乡也没拿到钱`, `他们都被欠了工资`): with a number, news for the case worker and
 * the number his (it was taken as a spare phone of the person's own).
 */
const PEER_OWED =
  /(?:工友|老乡|同事|兄弟|同乡|朋友|亲戚|一起干活的|他|她)(?:们)?(?:的)?(?:工资|钱|工钱)?(?:也|都|同样|一样)(?:是)?(?:被)?(?:老板|包工头|工头)?(?:拖欠|欠|没拿到|没给|没发|没结)/u;
/** How many people, said with others owed (`有十几个人`, `一共二十多个`, `5个工友`): never months (`三个月`). */
const PEOPLE_COUNTED = /(?:\d+|[一二两三四五六七八九十几]+)[多来]?个(?:人|工友|老乡|同事|兄弟|同乡)|(?:有|一共|总共|共|加起来)(?:\d+|[一二两三四五六七八九十几]+)[多来]?个(?:，|$)/u;
/** A third person's phone (`他电话是139…`, `她的手机号139…`): not the person's own; who, as said. */
const THIRD_PHONE = /(?:^|，)(他|她)(?:们)?(?:的)?(?:电话号码|电话号|电话|手机号码|手机号|手机|号码|号)/u;
/** The person's own phone named (`我的电话`, `我自己的号`). */
const OWN_NAMED_PHONE = /(?:我|俺)(?:自己)?(?:的)?(?:电话号码|电话号|电话|手机号码|手机号|手机|号码|号)/u;
/** A mobile said alone (`13912345678`, `+86 139 1234 5678`), compact. */
const BARE_MOBILE = /^(?:\+?86)?1[3-9]\d{9}$/u;
/** The boss's side as people name them with a number (`包工头李哥`, `我们工头`, `带班的`). */
const BOSS_WHO = new RegExp(`${BOSS_SIDE}|班长|领班|带班|组长|管事的|工长`, 'u');
/** Words around a name said with a number (`这是`, `的电话`, `的手机号是`), compact. */
const WHO_AROUND = /^(?:这是|这个是|这个|那个|是|还有)|(?:的)?(?:电话号码|电话号|电话|手机号码|手机号|手机|号码|联系方式)?(?:是|为)?(?:的|吧|啊|哦|呀)*$/gu;
/** Nobody named with the number (`谢谢`, `好的`, `麻烦了`), compact. */
const WHO_FILLER = /^(?:谢谢(?:你|您)?|多谢|你好|您好|麻烦(?:了|你了|您了)?|好的?|收到|在吗|喂|嗯+|哦+)$/u;
/** A person as people call them (`李哥`, `王师傅`, `张总`, `老李`, `小王`) or by full name (`李建国`), compact. */
const CALLED = /^(?:\p{Script=Han}{1,2}(?:哥|姐|师傅|师父|总|工|叔|姨|嫂|老板|经理|主任)|[老小]\p{Script=Han}|\p{Script=Han}{2,3})$/u;

/**
 * Who a number said with no more than a name belongs to (`李哥 13912345678`, `包工头李哥 139…`, `李哥是我们工头 139…`): the
 * boss's side (`boss`), or someone named and not said who (`name`); null when the words are more than a name and the
 * number, or the name is none a person goes by.
 */
function phoneOwnerNamed(raw: string): { boss: boolean; name: string; kin?: 'peer' | 'family' | 'own' } | null {
  const c = compact(raw);
  const nos = c.match(/(?:\+?86)?1[3-9]\d{9}/gu) ?? [];
  if (nos.length !== 1 || /\d/u.test(c.replace(nos[0]!, ''))) return null;
  const name = c.replace(nos[0]!, '').replace(WHO_AROUND, '');
  const n = [...name].length;
  // `这个号码是我老板的`: whose, said after the number's name; `我们工头`, `我老板`: the boss's side, as theirs.
  const plain = name.replace(/^(?:这个|这|那个)?(?:号码|电话号码|电话|手机号码|手机号|手机|号)(?:是|为)/u, '').replace(new RegExp(`(?:我们|咱们|俺们|我|俺)(?:的)?(?=${BOSS_WHO.source})`, 'gu'), '');
  // `这个号码是我的 139…`, `这是我的号码 139…`: the person's own, said so.
  if (/^(?:这个|这|那个)?(?:号码|电话号码|电话|手机号码|手机号|手机|号)?(?:是|就是)?(?:我|俺|本人)(?:自己)?(?:的)?(?:新)?$/u.test(name)) return { boss: false, name: '', kin: 'own' };
  // `谢谢 139…`, `好的 139…`: nobody named; whose it is, asked as for the number alone.
  if (WHO_FILLER.test(name)) return { boss: false, name: '' };
  // `老婆 139…`, `工友 139…`: a relative's is a spare one; a workmate's, asked what for.
  if (new RegExp(`^${KIN}$`, 'u').test(name)) return { boss: false, name, kin: /工友|老乡|同事/u.test(name) ? 'peer' : 'family' };
  // `老板叫李建国 电话135…`: the boss's name corrected; `老板新号码是135…`: his number changed; read as such (CORRECTION).
  if (/叫|姓|新/u.test(name)) return null;
  if (n === 0 || n > 12 || /[我俺你]|电话|手机|号/u.test(plain) || new RegExp(`^${KIN}$`, 'u').test(name) || BOSS_PHONE_NOT.test(name)) return null;
  // `包工头李哥`, `李哥是我们工头`, `我们工头`: the boss's side.
  if (BOSS_WHO.test(plain)) return { boss: true, name };
  if (!CALLED.test(name)) return null;
  // A full name starts with a common surname; a call-name (`李哥`, `老李`) with a known one.
  const surname = /^[老小]/u.test(name) ? name.slice(1) : name;
  const called = !/^\p{Script=Han}{2,3}$/u.test(name) || /(?:哥|姐|师傅|师父|总|工|叔|姨|嫂|老板|经理|主任)$/u.test(name) || /^[老小]\p{Script=Han}$/u.test(name);
  if (called ? knownSurname(surname) === null : !commonSurname(name)) return null;
  return { boss: false, name };
}

/** The person's own phone said changed or out of use (`我电话停机了`, `换号了`): another's number is then the one to call. */
/** A relative's phone said changed (`我老婆电话也换了`, `我儿子换号了`). */
const KIN_CHANGED = new RegExp(`(?:我|俺)(?:的|家的?)?${KIN}(?:的)?(?:电话号码|电话号|电话|手机号码|手机号|手机|号码|号)?(?:也|都)?(?:换了|改了|变了|换号了|换号码了|换了号|换了个号|换了新号)`, 'u');
/** The person's own number said changed too (`我的号也换了`, `我电话也换了`), which is their new phone. */
const OWN_NUMBER_CHANGED = /(?:^|，)(?:我|俺)(?:自己)?(?:的)?(?:电话号码|电话号|电话|手机号码|手机号|手机|号码|号)(?:也|都)?(?:换了|改了|变了|停机|停了|丢了|坏了)/u;
const OWN_PHONE_GONE = /停机|停了|丢了|坏了|欠费|不用了|不能用|被偷|打不通|换了|换号|新号|改了|改成|换成/u;

/**
 * A withdrawal taken back (`我还是想要`, `我又想要了`, `我不撤了`, `我改主意了 还是要追`): the case goes on; passed on
 * for a yes when a withdrawal was passed on before (so staff do not act on it).
 */
const KEEPS_SAID =
  /^(?=.*(?:还是|又|改主意|想通|想好|不撤|继续))(?:那|那就|那我)?(?:我|俺)?(?:改主意了|想了想|想通了|想好了|考虑好了|考虑了一下)?(?:我|俺)?(?:还是|又|决定|要)*(?:(?:不想|不要|不)撤(?:回|诉|案)?了|(?:想|要)(?:要|追|告)(?:了|回来|的)?|(?:想|要)?继续(?:办|追|告|要)?)(?:吧|的|了|啊|呀)*$/u;

/** What is said to {@link BRING_ASKED}: nothing to take anywhere now; evidence is sent here, originals kept. */
const BRING_ANSWER =
  '现在不用专门准备什么送过去。能证明欠薪的材料，比如工资条、考勤记录、欠条、聊天记录、转账记录、劳动合同，有的话拍照直接发给我，会补充到您的案件；原件自己留好。需要您带材料到场时，工作人员会提前告诉您带什么。';
/** What is said to {@link VISIT_ASKED}. */
const VISIT_ANSWER =
  '不用专门跑一趟。工作人员会先打您留的电话联系您，需要您到场（比如核实情况、调解）时，会提前跟您约好时间和地点。这期间把工资条、聊天记录这些证据留好，有新的材料直接发给我。';
/** A withdrawal said not to be wanted: a no right before it in its clause (`我不撤回`, `我不是要撤回`, `不是不想告`; not `能不能撤回`). */
const WITHDRAW_NOT = /(?:不|没有?|别|不要|不想|不会|不能|不是|并不|从没)(?:要|想|打算|准备)?$/;
/** Asked, not said no (`能不能撤回`, `要不要撤回`, `是不是要撤回`). */
const WITHDRAW_ASKED = /(?:能不能|会不会|要不要|想不想|是不是|可不可以)(?:要|想)?$/;
/** Whether the message asks to withdraw: {@link WITHDRAW} not said with a no before it (`我不撤回`). */
function withdrawSaid(s: string): boolean {
  for (const m of matchesOf(s, WITHDRAW)) {
    const clause = s.slice(0, m.index).split('，').at(-1) ?? '';
    if (!WITHDRAW_NOT.test(clause) || WITHDRAW_ASKED.test(clause)) return true;
  }
  return false;
}
/** What is said to {@link withdrawSaid} answered no: nothing passed on. */
const KEEPS_ANSWER = '好的，案件照常办理，不会撤回。有新的情况直接跟我说，我转给负责的工作人员。';
/** Fear the boss learns who reported (`老板知道是我报的怎么办`, `老板问是不是我报的`, `会不会让老板知道`). */
const EXPOSED_ASKED =
  /(?:老板|厂里|公司|包工头|工头|老总|厂长)[^，]{0,4}(?:知道|发现|晓得|问|查)[^，]{0,4}(?:是我|谁)[^，]{0,2}(?:报|告|反映|举报|投诉)|(?:会不会|会|能不能|别|不要)[^，]{0,4}(?:让|被)(?:老板|厂里|公司|包工头|工头)(?:知道|发现)|(?:不想|不要|别|不能|不敢)让(?:老板|厂里|公司|包工头|工头)(?:知道|晓得|发现)|(?:会不会|不会|别|不要|能不能不|会)[^，]{0,4}(?:把)?(?:我的?)?(?:电话|手机号?|号码|信息|名字|住址)[^，]{0,2}(?:给|告诉|透露给?|泄露给?)(?:了)?(?:老板|厂里|公司|包工头|工头)/;
/** What is said to {@link EXPOSED_ASKED}. */
const EXPOSED_ANSWER =
  '工作人员要找老板协调，所以老板一般会知道是谁的工资；您的手机号只有负责的工作人员能看到，不会给老板。因为反映欠薪就开除或报复您，是违法的。老板要是为难您，把他说的话留好证据（聊天记录、录音都行），直接告诉我，我转给工作人员。';
/** Only fear said (`我怕`, `好害怕`). */
const AFRAID = /^(?:我|俺)?(?:好|很|有点|真的?|还是)?(?:怕|害怕|担心|不敢)(?:啊|呀|了|的)?$/;
/** A move said, nothing more (`我搬家了`, `我换地方住了`): the case is reached by phone, so nothing to pass on. */
const MOVED = /^(?:我|俺)?(?:已经|刚)?(?:搬家|搬走|搬了家|换了?(?:个)?(?:地方|住的地方|住处)住?|不在(?:原来的?|以前的?)?(?:地方|那)住)了?(?:啊|哦|呀)?$/;
/** What is said to {@link MOVED}. */
const MOVED_ANSWER = '搬家不影响案件办理，工作人员会打您留的电话联系您。要是手机号也换了，把新号码发给我，我转给负责的工作人员。';
/** What is said to a phone said unchanged (`手机号没变`, `电话没换`): nothing to change or pass on. */
const SAME_PHONE_ANSWER = '好的，工作人员会打您报告里留的手机号联系您，不用改。';
/** What is said to a change of employer asked about (`要是老板换了怎么办`), not said to have happened. */
const BOSS_CHANGE_ANSWER =
  '换了老板，欠您的工资也不会就不算了，原来欠下的照样要给。真换了的话，直接告诉我新老板是谁、电话多少，我转给负责的工作人员，他们会按新的情况去找人。';
/** What the boss may hold of the person's: a card (the first group) or papers and money put down (`押金`). */
const HELD_THING = '(?:(工资卡|银行卡|社保卡|存折)|身份证|证件|押金|保证金|毕业证|驾驶证|驾照|户口本)';
/**
 * The boss holds the person's card, ID or deposit (`老板把我工资卡收了`, `老板扣了我押金`, `工资卡在老板手里`): news for
 * the case worker with the knowledge answer on it (it was another report offered, or 没太明白). Asked (`…合法吗`) is left
 * to the knowledge base.
 */
const HELD = new RegExp(
  [
    `${BOSS}[^，]{0,6}?(?:收|扣|拿|押|留|占|卡)(?:走|了|着|下|住)*(?:我|俺)?(?:的|们的)?${HELD_THING}`,
    `${BOSS}[^，]{0,4}?(?:把|将)(?:我|俺)(?:的|们的)?${HELD_THING}(?:都|也)?(?:收|扣|拿|押|留|占)`,
    `(?:我|俺)?(?:的)?${HELD_THING}(?:都|也|还)?(?:在|被)${BOSS}(?:手里|手上|那里|那儿|那边|拿着|扣着|收着|押着|拿走|收走|扣了|收了|拿了|扣下)`,
    `${BOSS}[^，]{0,4}?(?:不退|不还)(?:我|俺)?(?:的)?${HELD_THING}`,
  ].join('|'),
  'u',
);
/** Asked, or feared, not said to have happened: the knowledge base answers (`老板扣身份证合法吗`, `会不会扣我工资`). */
const HELD_ASKED = /[吗么嘛]$|[?？]|合法|违法|可以吗|能不能|可不可以|会不会|怎么办|咋办|怕|担心|万一|要是|如果|没(?:有)?(?:收|扣|拿|押)/u;
/** The boss deducts or says he will (`厂里说要扣我工资`, `老板扣了我两百块工资`): the knowledge answer on deductions. */
const DEDUCT = new RegExp(
  `${BOSS}[^，]{0,6}?(?:说|讲|要|准备|打算|扬言|放话)(?:要)?(?:扣|克扣|罚)(?:掉)?(?:我|俺)?(?:的)?[^，]{0,8}?(?:工资|工钱)|${BOSS}[^，]{0,4}?(?:扣|克扣|罚)(?:了|掉)?(?:我|俺)(?:的)?[^，]{0,8}?(?:工资|工钱)`,
  'u',
);
/** A paper saying all is paid to be signed (`老板让我签个字说已经结清了`): it was read as paid (「太好了！」). */
const SIGN_SETTLED = new RegExp(
  `${BOSS}[^，]{0,6}?(?:让|叫|要|逼|非要|要求)(?:我|俺)(?:签|写|按手印|摁手印|打)[^，]{0,12}?(?:结清|两清|付清|给清|清了|不再追究|放弃|不欠|没欠|收到|领到)`,
  'u',
);
/** Distress with no self-harm in it (`过不下去了`, `日子没法过了`): flows/safety.ts has the self-harm words first. */
const DISTRESS = /^(?:我|俺)?(?:家里|家|的)?(?:日子|生活)?(?:真的?|实在|快|都|已经|是)*(?:要)?(?:过不下去|熬不下去|扛不住|熬不住|顶不住|没法过|没办法过|难死)(?:了)?(?:啊|呀|哦|呢|了)*$/u;
/** The labour bureau, arbitration or a court gone to by the person (`我自己去劳动局了`, `我已经去仲裁了 还用你们吗`). */
const ELSEWHERE = /^(?:我|俺)(?:自己|已经|也|又|昨天|今天|前天|上周)*(?:去|到|找)(?:了)?(?:劳动局|人社局|劳动监察(?:大队)?|监察大队|劳动仲裁|仲裁委?|法院|信访(?:局|办)?)(?:投诉|申请|告|起诉|仲裁|反映)?(?:了)(?:[，]?(?:还用|还要|还需要|还找|那)(?:你们|工会)?[^，]{0,8})?$/u;
/** A relative's phone changed, no number said (`我老婆的电话也换了`): nothing on the case changes (it was 没太明白). */
const KIN_PHONE_CHANGED = /^(?:我|俺)(?:的|家的?)?(老婆|媳妇儿?|爱人|老公|丈夫|妻子|对象|男朋友|女朋友|儿子|女儿|闺女|孩子|爸爸?|妈妈?|父亲|母亲|老爸|老妈|哥哥?|姐姐?|弟弟?|妹妹?|家里人|家人)(?:的)?(?:电话|手机|号码|手机号码?|电话号码?)(?:号)?(?:也|都)?(?:换了|改了|变了|换号了|停机了|不用了)(?:啊|哦|呀)?$/u;
/** What is said to {@link KIN_PHONE_CHANGED}. */
const KIN_PHONE_ANSWER =
  '家里人换号码不影响您的案件，工作人员还是打您报告里留的手机号。想把家人的新号码留作联系不上您时的备用电话，直接发给我，我转给负责的工作人员；不用的话就不用管。';
/** `caseNote.kind` while a relative's new number may come (`kin-phone:老婆`): a number then is theirs, never the reporter's. */
const KIN_PHONE = 'kin-phone:';
/** A bare `继续` after the report (it was 没太明白): what can be done now. */
const GO_ON = /^(?:继续|继续吧|接着|接着来|下一步|下一步呢|然后呢|接下来呢)$/u;
/** Something the staff said before (`上周五网格员说这周给答复`): the date is not read; waiting as they said, and how to press. */
const STAFF_SAID =
  /^(?:上周[一二三四五六日天]?|上个?星期[一二三四五六日天]?|上礼拜[一二三四五六日天]?|前天|昨天|前几天|那天|之前|上次|[一二三四五六七八九十\d]+号)?(?:工作人员|网格员|工格员|工会的人|你们的人|负责的人)(?:上周[一二三四五六日天]?|上个?星期[一二三四五六日天]?|前天|昨天|前几天|那天|之前|上次)?(?:跟我|对我|和我)?(?:说|讲|答应|说过|讲过|答应过)(?:了)?(?![^，]*(?:仲裁|起诉|法院|签字|签个字|去))(?=[^，]*(?:答复|回复|回话|回电|消息|结果|联系|打电话|办好|办完|处理))[^，吗么?？]{2,16}$/u;
const STAFF_SAID_ANSWER = '好的，就按工作人员说的，等他们的答复。到了他们说的时间还没有消息，直接跟我说，我转给负责的工作人员；回复「进度」可以查看办到哪一步了。';
/** Going home, or away, for a while (`我回老家了还能办吗`): the case goes on by phone (it was 答不上来). */
const AWAY =
  /^(?:我|俺)?(?:已经|要|准备|过几天|明天|过年|下个月|快要?|现在)?(?:回(?:了)?老家|去(?:了)?外地|离开(?:这里|这边|本地)|不在(?:这边|本地|这里))(?:了|过年|去了)?(?:，)?(?:还能办|还能要|还能追|还管|还算数|还有用|会不会有影响|有没有影响|影响吗|要紧吗|怎么办|咋办|还能继续|(?:那)?(?:钱|工资|工钱)(?:还)?(?:能|可以)(?:拿到|要到|要回来|拿回来|到手))?(?:吗|么|嘛|不|吧|啊|呢)?$/u;
const AWAY_ANSWER = '回老家或者去外地，都不影响案件办理，工作人员会打您留的电话联系您，这个号码要保持能打通。需要您本人到场或签字的，他们会提前跟您商量。在哪里都可以回复「进度」查看办到哪一步。';
/** To be told when it is done (`钱到了告诉我一声`, `有消息了通知我`): the way they will hear (it was 没太明白). */
const TELL_ME =
  /^(?:钱|工资|工钱)?(?:到了|到账了|要回来了|追回来了|拿到了|下来了|有消息了|有结果了|有进展了|有消息|有结果|有进展)(?:就|记得|麻烦|请)?(?:告诉|通知|说|联系)(?:我|俺)(?:一声|一下)?(?:啊|哈|吧|哦)?$|^有(?:消息|结果|进展)(?:了)?(?:就|记得)?(?:告诉|通知)(?:我|俺)(?:一声|一下)?(?:啊|哈|吧)?$/u;
const TELL_ME_ANSWER = '好的。案件有进展，会在这里告诉您，工作人员也会打您留的电话联系您；您随时可以回复「进度」查看。钱到没到，以您自己收到为准，收到了跟我说一声。';
/** Not all of it come (`钱还没全到`, `工资还没给齐`): part of it, passed on after a yes as a part payment (it was 没太明白). */
const NOT_ALL_CAME = /^(?:我|俺)?(?:的)?(?:钱|工资|工钱)(?:还|也|都)*(?:没有?|未)(?:全|全部)(?:到|到账|到手|拿到|给|发|结)(?:齐|完)?(?:呢|啊|呀)?$|^(?:我|俺)?(?:的)?(?:钱|工资|工钱)(?:还|也)*(?:没有?|未)(?:到齐|给齐|发齐|给全|发全|到全)(?:呢|啊|呀)?$/u;
/**
 * Someone said they would come (`他们说明天来`, `他说下午过来`): who is not said; news for the case worker, passed on after a
 * yes (it was 没太明白). The staff's own word (`工作人员叫我明天去`) and the boss's promise are read before this.
 */
const COMING_SAID =
  /^(?:他们|他|她|对方|人家|那边)(?:说|讲|讲好|说好)(?:了)?(?:明天|后天|今天|下午|上午|晚上|待会|等会|过几天|过两天|下周[一二三四五六日天]?|周[一二三四五六日天]|[一二三四五六七八九十\d]+号)*(?:会|要)?(?:来|过来|上门)(?:找我|看看|一趟)?(?:了)?(?:啊|哦|呀)?$/u;
/**
 * A call from someone not named, and whether it was the union (`有人给我打电话了 是你们吗`): who is in charge of the case,
 * and how to tell (it was 答不上来). Only the call (`有人打电话给我了`) is asked who called ({@link WHO_CALLED}).
 */
const CALLER_ASKED = /^(.+?)，?(?:请问)?(?:是(?:不是)?(?:你们|工会|工作人员|网格员|工格员)(?:的人)?(?:打的)?(?:吗|么|嘛|吧)?|是谁(?:打的)?(?:啊|呀)?)$/u;

/** A new job (`我换工作了`, `我去别的厂了`): the case goes on (it was 没太明白). */
const NEW_JOB =
  /^(?:我|俺)?(?:已经|现在)?(?:换(?:了)?(?:个|份|一个|一份)?(?:新)?(?:工作|地方干活|厂|单位|工地)|去(?:了)?别的(?:厂|地方|单位|工地)(?:干|上班|干活)?|不在(?:那|那里|那边|那家|原来的?|以前的?)(?:厂|饭店|单位|工地|公司)?(?:干|上班|做|干活)|找(?:到)?(?:了)?(?:新|别的)(?:工作|活))(?:了)?(?:啊|哦|呀)?$/u;
const NEW_JOB_ANSWER = '换工作不影响这件案子，原来欠您的工资照样要给，工作人员会接着办。他们会打您留的电话联系您；手机号要是也换了，把新号码发给我。新单位以后要是也欠薪，回复「反映欠薪」另外登记。';

/** The money into the account, asked (`老板把工资打到我卡上了吗`) or said not come (`老板还没把工资打到我卡上`): the progress (it was another report offered). */
const CARD_PAID_ASKED = new RegExp(
  `^${BOSS}(?:到现在|现在|至今|一直|还是|也|都|还)*(?:没有?|未)?(?:把)?(?:钱|工资|工钱|欠款)(?:都|已经|全)?(?:打|转|存)(?:到|进)(?:了)?(?:我)?(?:的)?(?:卡|银行卡|工资卡|账上|账户|微信|支付宝)(?:上|里)?(?:了)?(?:吗|么|没有?|没)?(?:呢|啊|呀)?$`,
  'u',
);
/** The same words with no question and no `没`: said as paid, left to PAID. */
const CARD_PAID_SAID = /^[^吗么没未]*$/u;
/** Staff's news of the boss (`网格员说老板下周给钱`): acknowledged, nothing passed on (staff know it); it was the knowledge answer on 工格员. */
const STAFF_NEWS = new RegExp(
  `^(?:${STAFF_NOUN}|工会的人|你们的人)(?:跟我|对我|和我)?(?:说|讲|告诉我)(?:了)?${BOSS}(?:说|答应|同意|承诺)?(?:了)?(?:下周[一二三四五六日天]?|下个?星期[一二三四五六日天]?|下个?月|月底|月初|年前|年底|过几天|这几天|这周|明天|后天|近期|很快|马上)?(?:就|会|要|能)?(?:给|付|发|结|打|还)(?:我)?(?:钱|工资|工钱|欠款)?(?:了)?$`,
  'u',
);
const STAFF_NEWS_ANSWER = '好的，工作人员在跟老板协调，这个情况他们知道。钱真正到手之前，案件照常办理；收到了跟我说一声，没按说的时间给，也告诉我。';
/** The boss wants the ID card, neither to see nor to keep said (`老板要我身份证`): which is asked (it was 没太明白). */
const ID_ASKED = new RegExp(`^${BOSS}(?:说)?(?:要|找我要|问我要|让我交|叫我交|让我给|叫我给|要我交|要我给)(?:我|俺)?(?:的)?(?:身份证|证件)$`, 'u');
const ID_ASKED_ANSWER = '老板要您的身份证，是只看一下（登记、复印），还是要收走押着？\n· 只看一下、复印：一般没关系，看完当场还给您。\n· 要收走押着：这是不允许的，回复「老板要扣我身份证」，我告诉您怎么办，并可以转给负责的工作人员。';
/** A voice message said to have been sent (`我发了个语音`): what becomes of it (it was 没太明白). */
const VOICE_SENT = /^(?:我|俺)?(?:刚才|刚刚|已经|刚|之前)?(?:给你们?|给你)?(?:发|说)(?:了)?(?:个|一个|一条|几条|条|段|一段)?语音(?:了|过去了|给你们?了)?(?:你们?)?(?:收到了?(?:吗|么|没有?)|听到了?(?:吗|么|没有?)|听了吗|能听吗)?(?:啊|呀|哦)?$/u;
const VOICE_ANSWER = '语音能转成文字的，我按文字回复；转不了的，我听不了，会把语音原样转给工作人员（另开一个求助编号），他们听完会联系您。没看到我对那条语音的回复的话，直接打字告诉我最稳妥。';

/** What is said to each `asks`. */
const ASKS_ANSWER: Record<Extract<CaseMessage, { kind: 'asks' }>['about'], string> = {
  visit: VISIT_ANSWER,
  'boss-change': BOSS_CHANGE_ANSWER,
  keeps: KEEPS_ANSWER,
  exposed: EXPOSED_ANSWER,
  moved: MOVED_ANSWER,
  'same-phone': SAME_PHONE_ANSWER,
  bring: BRING_ANSWER,
  called: CALLED_ANSWER,
  'told-to-come': TOLD_TO_COME_ANSWER,
  'to-arbitration': TO_ARBITRATION_ANSWER,
  sign: SIGN_ANSWER,
  'kin-phone': KIN_PHONE_ANSWER,
  // `go-on` names the case: said where it is answered (goOnText).
  'go-on': '',
  'staff-said': STAFF_SAID_ANSWER,
  away: AWAY_ANSWER,
  'tell-me': TELL_ME_ANSWER,
  'new-job': NEW_JOB_ANSWER,
  get 'deduct-asked'() {
    return knowledgeLead('wage-late-deduction');
  },
  'staff-news': STAFF_NEWS_ANSWER,
  'id-asked': ID_ASKED_ANSWER,
  voice: VOICE_ANSWER,
};

/**
 * A figure alone after the report went in (`8000`, `是8000`, `八千块`): whether it corrects the amount is asked, never taken.
 * At most seven digits (a phone or a case number is no amount).
 */
const BARE_SUM = /^(?:是|应该是|应该|改成|改为|其实是|一共|总共|一共是)?(\d{3,7}(?:\.\d+)?|\d+(?:\.\d+)?[千万]|[一二三四五六七八九十两]+[百千万][一二三四五六七八九十两零百千万]*)(?:多)?(?:块钱?|元)?(?:吧|啊|呀)?$/u;
/** A figure with nothing said of it (`3000`, `三千块`): no `是`, `应该是`, `改成` before it. */
const BARE_FIGURE_ONLY = /^(?:\d{3,7}(?:\.\d+)?|\d+(?:\.\d+)?[千万]|[一二三四五六七八九十两]+[百千万][一二三四五六七八九十两零百千万]*)(?:多)?(?:块钱?|元)?$/u;
/** Progress asked in English (`progress`, `how is my case`, `any news?`): the progress, said in Chinese (it was 没太明白). */
const ENGLISH_PROGRESS = /^(?:(?:my\s+)?(?:case\s+)?(?:progress|status|update)|how(?:'s|\s+is)\s+(?:my\s+)?(?:case|it\s+going)|any\s+(?:news|update|progress)|what(?:'s|\s+is)\s+the\s+(?:progress|status))\s*[?.!]*$/iu;
/** The boss gone, in pinyin (`laoban pao le`, `laoban paolu le`): as 老板跑了, passed on only after a yes (it was 没太明白). */
const PINYIN_ABSCONDED = /^(?:wo\s*de\s*)?lao\s*ban\s*(?:pao\s*(?:le|lu(?:\s*le)?)|bu\s*jian\s*le|shi\s*lian\s*le|lian\s*xi\s*bu\s*shang\s*le)\s*[!.。！]*$/iu;
/** A name alone after the report went in (`我叫张三`, `我的名字是张三`): whether it corrects the contact's name is asked. */
const BARE_NAME = /^(?:我|俺|本人)(?:叫|名叫|的?名字(?:是|叫)|的?姓名(?:是|叫)?|的?全名(?:是|叫))([\p{Script=Han}]{2,4})(?:啊|呀|哈)?$/u;

/**
 * What a figure or a name sent alone (`8000`, `我叫张三`) would correct in the report: `amount` (in yuan) or
 * `name`; null when the words are something else. Read only when nothing else read them: they are asked about
 * («您是要把欠薪金额更正为8,000元吗？»), never taken as a change.
 */
export function bareCorrection(text: string): { field: 'amount'; yuan: number } | { field: 'name'; name: string } | null {
  const c = compact(normalizeMessage(text));
  const sum = BARE_SUM.exec(c);
  if (sum) {
    const figure = sum[1]!;
    const read = parseAmount(/^\d+(?:\.\d+)?$/.test(figure) ? `${figure}元` : figure);
    return read.ok && read.value.upTo === null && read.value.yuan > 0 ? { field: 'amount', yuan: read.value.yuan } : null;
  }
  const name = BARE_NAME.exec(c);
  if (name && knownSurname(name[1]!)) return { field: 'name', name: name[1]! };
  return null;
}

/** The boss denies the debt (`老板说没欠我钱`, `不认账`): for the case worker, not a second report. */
const DENIED =
  /(?:老板|老板娘|包工头|工头|老总|厂长|公司|厂里|经理)[^，]{0,4}(?:说|讲|称|硬说|非说)(?:[^，]{0,3})?(?:没|没有|不)(?:欠|拖)|(?:老板|老板娘|包工头|工头|老总|厂长|公司|厂里)[^，]{0,4}(?:不认账|赖账|耍赖|不承认|不认)/;
/** The boss refuses or pleads no money, said whole (`老板说不给了`, `老板说没钱`, `老板说反正不给`). */
const REFUSED = new RegExp(`^(?:那个|现在)?${BOSS}(?:今天|昨天|又|还)*(?:跟我|对我|和我)?(?:说|讲|放话)(?:他|她)?(?:就是|反正|死活|现在|暂时|也|都)*(?:没钱|没有钱)?(?:就|所以)?(?:不给|不结|不发|不还|不付|没钱|没有钱)(?:了|钱|工资|工钱)*(?:给)?(?:啊|呀|呢)?$`, 'u');
/**
 * What the staff (or the labour bureau) said of the boss's refusal, said whole (`网格员说老板不给钱`, `工作人员说老板没钱`,
 * `网格员跟我说老板还是不给`): news about this case, as the boss's own word is (it was another report offered, or the
 * knowledge answer on 工格员 or on the ways to claim wages).
 */
const STAFF_SAYS_REFUSED = new RegExp(
  `^(?:那个|现在)?(?:听)?(?:${STAFF_NOUN}|工会的人|你们的人|街道的人|劳动局的人|劳动局|监察大队)(?:今天|昨天|刚才|刚刚)?(?:跟我|对我|和我)?(?:说|讲|告诉我)(?:了)?(?:那个)?${BOSS}(?:说)?(?:他|她)?(?:就是|反正|死活|现在|暂时|也|都|还是|一直)*(?:不给|不结|不发|不还|不付|不肯给|不愿意给|不愿给|没钱|没有钱|拿不出钱|不认账|不承认)(?:了|钱|工资|工钱)*(?:给)?(?:啊|呀|呢)?$`,
  'u',
);
/**
 * The boss dares the person to go to arbitration or court (`老板让我去仲裁`, `老板说让我去告他`, `老板说随便我告`, `老板叫我去法院告`):
 * no intent to pay, news for the case worker (it was the menu, or how to sue with a lawyer's booking offered).
 */
/** The boss asked for a signature, refused (`老板让我签字我没签`, `老板要我签个东西 我不签`): it was the answer on no contract. */
const SIGN_REFUSED = new RegExp(
  `^(?:那个|今天|昨天|刚才)?${BOSS}(?:今天|昨天|刚才|刚刚|又|还)*(?:让|叫|要|逼|非要|要求)(?:我|俺)签(?:个|一个|一下|一份)?(?:字|名|协议|东西|单子|收条|合同|字据|文件|材料)?(?:，)?(?:我|俺)?(?:没签|没有签|不签|不肯签|不想签|没敢签|没同意|没答应)(?:字)?(?:了)?(?:啊|呀|呢)?$`,
  'u',
);
/** Something signed, what not said (`我签了个字`, `老板让我签了个字`, `我已经签字了`). */
const SIGNED = new RegExp(
  `^(?:那个)?(?:(?:我|俺)(?:已经|刚才|刚刚|昨天|今天)*(?:给老板|跟老板|和老板)?|${BOSS}(?:今天|昨天|刚才|刚刚)*(?:让|叫|要|逼)(?:我|俺))(?:已经)?签(?:了(?:个|一个|一份|一张)?(?:字|名|东西|单子|收条|字据|文件|协议|和解协议|调解协议)?|(?:个|一个|一份|一张)?(?:字|名|东西|单子|收条|字据|文件|协议|和解协议|调解协议)?了)(?:啊|呀)?$`,
  'u',
);
/**
 * What a lawyer told the person (`律师说可以起诉`, `律师建议我去仲裁`): news for the case worker (it was a lawyer's booking
 * offered). Questions, fees and bookings are not this (`律师说要交费吗`, `律师说什么时候来`).
 */
const LAWYER_SAID = /^(?:那个|我找的|我问的|我咨询的|咨询的|法律援助的|工会的)?律师(?:跟我|对我|和我)?(?:说|讲|建议|告诉我|让我|叫我)(?:了)?(?!.*(?:[吗么嘛]$|什么|怎么|多少|哪|是不是|能不能|要不要|可不可以|预约|约|费|交钱|转账|找你们|找工会))[^，]{1,14}$/u;
/**
 * What the labour bureau, arbitration or a court told the person (`劳动局说会处理`, `仲裁委让我等通知`): news for the case
 * worker (it was the knowledge answer on labour inspection). Questions and a referral here (`劳动局让我找你们`) are not this.
 */
const AUTHORITY_SAID = /^(?:我|俺)?(?:那个)?(?:劳动局|人社局|人社部门|劳动监察(?:大队)?|监察大队|劳动仲裁(?:委)?|仲裁委|仲裁院|仲裁庭|法院|信访(?:局|办)|12333)(?:的人|那边|的工作人员)?(?:跟我|对我|和我|给我)?(?:(?:说|讲|告诉我|让我|叫我|答复|回复)(?:了)?(?!.*(?:[吗么嘛]$|什么|怎么|多少|哪|是不是|能不能|要不要|可不可以|找你们|找工会|来这|来你们))[^，]{1,14}|(?:也|都|根本|说)?(?:不管|不受理|不给受理|不立案|不给立案|不理我|没人管)(?:了)?(?:啊|呀)?)$/u;
const BOSS_DARES = new RegExp(
  `^(?:那个|现在)?${BOSS}(?:今天|昨天|刚才|刚刚|又|还)*(?:跟我|对我|和我)?(?:说)?(?:(?:让|叫|要)(?:我|俺)(?:有本事)?(?:去|到)?(?:申请)?(?:劳动仲裁|仲裁|法院|打官司|起诉|告|告他|告去)(?:告|起诉)?(?:他|她|吧|去)?|(?:随便|有本事|尽管)(?:我|你)?(?:去)?(?:告|仲裁|起诉)(?:他|她)?(?:去)?)(?:了)?(?:啊|呀|呢)?$`,
  'u',
);
/**
 * Someone asks the person for money in the union's or the staff's name (`有人给我打电话说是工会的要我交手续费`, `网格员让我先转
 * 500块办案费`): perhaps a swindle, news for the case worker with a warning (it was 没太明白, or taken as the staff's call).
 */
const FEE_ASKED =
  /(?:有人|有个人|陌生人|打电话|来电话|自称|说是|冒充|工作人员|网格员|工格员|工会|你们的人)[^，]{0,16}(?:要|让|叫|喊)(?:我|俺)(?:先)?(?:交|付|转|打|给)(?:一)?(?:点|些|笔|个)?(?:\d+(?:块|元)?)?(?:的)?(?:手续费|服务费|办案费|材料费|好处费|保证金|押金|费用|钱)/u;
/** The boss asks to meet and talk (`老板约我明天谈`, `老板叫我去厂里谈谈`, `老板想找我谈`): news, with what to keep in mind (it was 没太明白). */
const BOSS_TALKS = new RegExp(
  `^(?:那个|现在)?${BOSS}(?:今天|昨天|刚才|刚刚|又|还)*(?:约|叫|让|要|想|想约|想找|找|说要找|说约)(?:我|俺)(?:明天|后天|今天|今晚|晚上|下午|上午|周末|下周[一二三四五六日天]?|周[一二三四五六日天]|过两天|[一二三四五六七八九十\d]+号)*(?:去|到|过去)?(?:厂里|店里|工地|公司|办公室|他那里|他那儿|他家)?(?:当面)?(?:谈|谈谈|谈一下|面谈|见面|商量|商量一下|聊聊|聊一下)(?:一下)?(?:了)?(?:啊|呀|呢)?$`,
  'u',
);
/**
 * The boss calls the person back to work (`老板喊我回去上班`, `厂里让我明天回去干活 还给不给钱啊`), with at most a worry about
 * the pay after it: news for the case worker, what is owed staying owed (it was another report offered, or 没太明白).
 */
const BOSS_CALLS_BACK = new RegExp(
  `^(?:那个|现在)?${BOSS}(?:今天|昨天|刚才|刚刚|又|还|打电话|发消息|说)*(?:喊|叫|让|要|想让|想叫|通知)(?:我|俺|我们)(?:明天|后天|今天|下周[一二三四五六日天]?|周[一二三四五六日天]|过两天)?(?:再)?(?:回去|回来|回厂里?|回店里?|回工地)(?:上班|干活|做工|开工|复工|干|做)?(?:了)?(?:啊|呢)?(?:(?:那|可是|但是)?(?:欠的|之前的|以前的|欠我的)?(?:钱|工资|工钱)?(?:还)?(?:给不给|会不会给|还给吗|给吗|还给不|能不能要到?|还能要|要不要得到|咋办|怎么办|怎么算|还算不算|算不算|还要不要)(?:钱|工资|工钱)?(?:啊|呀|呢|吗)?)?$`,
  'u',
);
/** A settlement offered (`老板想私了 给我四千 要不要`, `只给一半 行不行`), not one done (`私了了`). */
const SETTLE = new RegExp(
  `(?:想|要|说|提出|找我)私了|私了(?!了)|(?:只给|给我|给|出)(?:我)?(?:一半|${MONEY_SUM})[^，]{0,6}(?:要不要|行不行|能不能要|可不可以|收不收|接不接受|同不同意|可以吗|能要吗|签不签|答不答应)|只(?:肯)?给(?:一半|${MONEY_SUM})`,
);

const PROGRESS =
  /(?:工作人员|网格员|工格员)(?:要)?(?:怎么|咋|如何|怎样)(?:联系|找)|(?:怎么|咋|如何|怎样)(?:才能)?(?:联系|找)(?:到)?(?:工作人员|网格员|工格员)|有(?:没有)?人管|管不管|(?:有|来)?(?:消息|回音|结果|进展|动静|回复)(?:了)?(?:没有?|吗|么|没得)|(?:到底|究竟)?(?:啥时候|什么时候|多久|几时|多长时间|哪天|何时)(?:才)?(?:能|可以|会|给)?(?:给钱|给我钱|拿到|到账|发钱|结钱|要回|追回|有结果|办好|办完|处理好|解决|打钱)|(?:案子|案件|事情)(?:的)?(?:进展|进度|情况)|^进展(?:呢|如何|怎样|怎么样)?|(?:怎么|咋|为什么|为啥)(?:还是?|都|一直)?(?:没有?)(?:什么|啥|一点|点)?(?:动静|消息|音信|回音|进展|信儿?)|(?:工作人员|网格员|工格员|你们|他们|谁)[^，]{0,4}(?:什么时候|啥时候|几时|哪天|啥时)(?:才|会)?(?:给我)?(?:打电话|联系|来电话|回电话|找我|上门|来)|什么时候(?:给我)?(?:打电话|联系我)|(?:什么时候|啥时候|几时|哪天|多久|多长时间)(?:才|会|能)?(?:有人|有工作人员|有网格员|有工格员)?(?:会|来|能|才)?(?:给我|跟我|和我)?(?:打电话|来电话|回电话|联系我|找我|上门)|(?:谁|哪个人|哪位)(?:会|来|能)?(?:给我打电话|联系我|找我)|会有人(?:给我打电话|联系我|找我)(?:吗|么|不)|(?:怎么|为什么|咋|为啥)(?:还是?|一直)(?:在)?(?:正在)?(?:分派|待分派|没人接|没接单|等待)|(?:哪个|谁|哪位)(?:工作人员|网格员|工格员)?(?:在)?(?:负责|管|办|处理)|(?:工作人员|网格员|工格员)(?:的)?(?:电话|手机|号码)/;
/**
 * Progress asked in everyday words (`有没有消息`, `结果出来了吗`, `还要等多久啊`, `几天了还没消息`, `都三天了`,
 * `还没人给我打电话`, Cantonese `我嘅案件點樣呀`, `有冇人理呀`): the progress view answers.
 */
const PROGRESS_SAID = new RegExp(
  [
    '有没有(?:什么|啥|点)?(?:消息|进展|动静|结果|回音|回复|信儿)',
    // `有信没`, `有回信没有`, `有眉目了没`, `有进站吗` (进展 by voice): asked in everyday words (each was 没太明白 or 答不上来).
    '^(?:我的?|我那个|那个)?(?:事|事情|案子|案件)?(?:现在)?有(?:什么|啥|点)?(?:信儿?|回信|音信|音讯|眉目|进站|进展|消息|动静|结果)(?:了)?(?:吗|么|没有?|没得|冇|不)(?:啊|呀|呢)?$',
    '(?:结果|消息)(?:出来|下来)(?:了)?(?:吗|么|没有?|没得)',
    '(?:还|还要|还得|要|得)(?:再)?等(?:多久|多长时间|几天|多少天|到什么时候|到啥时候|到几时)',
    // Days gone by with nothing heard (`几天了还没消息`, `一个星期了 还没动静`).
    '(?:几|[一二三四五六七八九十两\\d]+)(?:个)?(?:天|星期|礼拜|周|月)(?:了)?，?(?:都|还|也)?(?:没有?|冇|未)(?:任何|一点|什么|啥)?(?:消息|动静|音信|回音|进展|信儿|人)',
    // `都三天了`, `已经一个星期了`, said alone.
    '^(?:这都|都|已经|这已经|都已经)(?:过了?)?(?:好|十|几|[一二三四五六七八九十两\\d]+)(?:多)?(?:个)?(?:天|星期|礼拜|周|月)(?:多)?了(?:啊|呀|哦|呢)?$',
    // Nobody has called yet (`还没人给我打电话`, `咋没人给俺打电话`): not yet, so pressing (`没人接` is a complaint).
    '(?:还|怎么|咋个?|为什么|为啥)(?:还)?(?:是|都|一直)?(?:没有?|冇|没得)(?:人|工作人员|网格员)(?:给(?:我|俺))?(?:打电话|来电话|回电话|联系|找|管|理)',
    // `钱好久能拿到` (好久: how long, in the south-west): when the money comes.
    '好久(?:才)?(?:能|可以|会)(?:给钱|给我钱|拿到|到账|发钱|结钱|要回|追回|有结果|办好|办完|解决|打钱|到手)',
    '有(?:冇|没|没有)人(?:理|管|跟进|处理)',
    // Whether anyone has been in touch yet (`有人联系我了吗`, `有没有人联系我`, `网格员给我打过电话了吗`), the whole
    // question: `有人找我了 让我撤诉` goes on, and is news (a note), not this.
    // A question, by its ending or by 有没有人: `我想让工作人员给我打电话` asks for a call (a note), not this.
    '(?:有人|工作人员|网格员|工格员|你们(?:的人)?|工会(?:的人)?)(?:已经)?(?:联系(?:过)?(?:我|俺)|找(?:过)?(?:我|俺)|给(?:我|俺)打(?:过)?电话|打(?:过)?电话给(?:我|俺))(?:了)?(?:吗|么|没有?|没|不)(?:呀|啊|呢)?[？?]*$',
    '有没有人(?:联系(?:过)?(?:我|俺)|找(?:过)?(?:我|俺)|给(?:我|俺)打(?:过)?电话|打(?:过)?电话给(?:我|俺))(?:了)?(?:呀|啊|呢)?[？?]*$',
    // `要多久`, `还要多久啊`, `得多长时间`, said alone: how long it takes, which the progress view says.
    // `拖了这么久了`, `我都等了好久了`: how long it has taken, said alone (it was 没太明白).
    '^(?:我|俺)?(?:都|已经|这都)?(?:等|拖)(?:了)?(?:这么|那么|好|很)久(?:了)?(?:啊|呀|哦|呢|哎)?$',
    '^(?:那|那么)?(?:到底|究竟)?(?:还|这)?(?:要|得|需要)(?:等)?(?:多久|多长时间|几天|多少天)(?:啊|呀|呢|哦|嘛|才行|才能好|才有结果)?$',
    // `我想要回我的钱`, `我想把钱要回来`: what the case is for; where it stands (it was 没太明白).
    '^(?:我|俺)?(?:就)?(?:想|要)(?:要回|拿回)(?:我的)?(?:钱|工资|工钱|血汗钱)$|^(?:我|俺)?(?:就)?(?:想|要)把(?:我的)?(?:钱|工资|工钱|血汗钱)(?:要|拿)回来$',
    // `工资还能要回来不`, `钱要回来了吗`: whether or when the money comes (another report was offered, or 答不上来).
    '^(?:我的?|那)?(?:钱|工资|工钱|血汗钱)(?:还|到底)?(?:能|可以|能不能)(?:要|拿|追)(?:得)?回来(?:吗|么|不|没|嘛|啊)?$',
    '^(?:我的?|那)?(?:钱|工资|工钱)(?:已经)?(?:要回来|要到|追回来|追回)(?:了)?(?:吗|么|没有?|没)$',
    '(?:案件|案子|件事|事情?)(?:而家|现在)?(?:点样|点啊|搞成点|搞成怎样|搞得怎么样|怎么样)',
  ].join('|'),
);
/** Asking how to reach the staff (`网格员的电话多少`, `网格员怎么联系`): their number is not given out, says the progress reply. */
const STAFF_PHONE = /(?:工作人员|网格员|工格员|负责|经办)[^，]{0,8}(?:电话|手机|号码)|(?:电话|手机|号码)[^，]{0,4}(?:多少|是多少)|(?:工作人员|网格员|工格员)(?:要)?(?:怎么|咋|如何|怎样)(?:联系|找)|(?:怎么|咋|如何|怎样)(?:才能)?(?:联系|找)(?:到)?(?:工作人员|网格员|工格员)/;
/** Who handles the case (`工作人员叫什么名字`, `谁负责我的案子`, `负责的人是谁`). */
const ASKS_WHO =
  /(?:工作人员|网格员|工格员|负责(?:的)?人|负责我(?:的)?(?:案子|案件|事)的(?:人)?|经办人)(?:叫|姓)(?:什么|啥|啥子)(?:名字)?|(?:工作人员|网格员|工格员|负责(?:的)?人|经办人)(?:的)?(?:名字|姓名)(?:是|叫)?(?:什么|啥)?|(?:负责(?:的)?人|负责我(?:的)?(?:案子|案件|事)?的人|经办人)是谁|谁(?:在)?负责(?:我的?)?(?:案子|案件|事)/;
/** The staff's phone asked for (`负责的人电话多少`, `工作人员电话给我一个`): progress, which says they call. */
const ASKS_STAFF_PHONE = /(?:工作人员|网格员|工格员|负责(?:的|我的?(?:案子|案件|事)的)?(?:人|同志)|经办人)(?:的)?(?:电话|手机|号码|手机号|电话号码?)(?:是)?(?:多少|给我|发我|是啥|呢|告诉我)?/;
/**
 * `能给我他电话吗`, `他的手机号多少`: after a report «他» is the one who will call (the boss is named when meant,
 * {@link OTHERS_PHONE}); asked, not a note: the staff's phones are not given out, how they reach the person is said.
 */
const ASKS_HIS_PHONE = /(?:给|告诉|发)(?:我)?(?:一下)?(?:他|她)(?:的)?(?:电话|手机|号码|联系方式)|^(?:他|她)(?:的)?(?:电话|手机号?|号码|联系方式)(?:是)?(?:多少|给我|发我|是啥|呢)/;
/** Progress questions are short; inside a long account the words are part of the story. */
const PROGRESS_MAX = 40;
/** How it stands, asked of the case alone or of one named by its unit (`怎么样了`, `饭店那个怎么样了`, `宏达那边咋样了`). */
const HOW_IS_IT =
  /^(?:那|那个|我的?|我那个)?(?:(?!.*(?:什么|啥|哪|谁|怎么办|身体|伤))[\p{Script=Han}A-Za-z0-9]{1,10}?(?:那个|那件|那边|这边|的))?(?:事|事情|事儿|案子|案件|钱|工资)?(?:现在|目前|到底)?(?:搞得|办得|弄得|处理得)?(?:怎么样了|咋样了|怎样了|如何了|到哪了|到哪一步了)(?:吗|呢|啊|呀|哦|嘛)?$/u;

/** The words as read: normalised, each clause ended by one `，`, no spaces. */
function clauses(text: string): string {
  return normalizeMessage(text).replace(/[\s,.!?;:、，。！？；：…~～]+/g, '，').replace(/^，|，$/g, '');
}

/** Before the words in their clause: not done yet, or asked about (`还没拿到`, `多久能拿到`, `能不能要回`). */
const NOT_DONE = /(?:没有?|还没|未|不|能|可以|多久|什么时候|啥时候|几时|哪天|会|要|想|得|才)$/;
/** Right after them: a question (`钱拿到了吗`, `要回来没有`). */
const ASKED_AFTER = /^[了的]?(?:吗|么|嘛|没有?|不|没得|呢)/;

/** Whether `re` says it happened: not after a fear (`怕老板报复`), a no or a question in its clause. */
function saysDone(s: string, re: RegExp): boolean {
  for (const m of matchesOf(s, re)) {
    const clause = s.slice(0, m.index).split('，').at(-1) ?? '';
    const after = s.slice(m.index + m[0].length).split('，')[0] ?? '';
    if (!FEARED.test(clause) && !NOT_DONE.test(clause) && !ASKED_AFTER.test(after)) return true;
  }
  return false;
}

/**
 * The longest message read here: a voice message turned to text runs past
 * the note's 500 characters (the note keeps the first 500; urgent words
 * anywhere count). Longer ones go on to the conversation.
 */
export const READ_MAX_CHARS = 3000;

/** The words kept for a note: the first {@link NOTE_MAX_CHARS} characters. */
export function noteWords(raw: string): string {
  const chars = [...raw];
  return chars.length > NOTE_MAX_CHARS ? chars.slice(0, NOTE_MAX_CHARS).join('') : raw;
}

/**
 * The sum the boss gave, as said (`老板今天给了我3000`): its yuan when they read (null when not:
 * `几千`), or null when no sum was said as given (or only feared or asked about).
 */
function paidSum(s: string): { yuan: number | null } | null {
  for (const m of matchesOf(s, PAID_SUM)) {
    const clause = s.slice(0, m.index).split('，').at(-1) ?? '';
    const after = s.slice(m.index + m[0].length).split('，')[0] ?? '';
    if (FEARED.test(clause) || NOT_DONE.test(clause) || ASKED_AFTER.test(after)) continue;
    const figure = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '';
    const read = parseAmount(/^\d+$/.test(figure) ? `${figure}元` : figure);
    return { yuan: read.ok && read.value.upTo === null ? read.value.yuan : null };
  }
  return null;
}

/**
 * The boss's phone in a short message: given with a number (`老板电话137…`), a note for the case
 * worker; asked for or offered with none (`老板的电话多少`, `需要老板的电话吗`), `boss-phone`.
 * News about it (`老板电话打不通`) and anything else: null.
 */
function bossPhone(raw: string, s: string, c: string, mobiles: boolean): CaseMessage | null {
  const named = BOSS_PHONE_NAMED.exec(s);
  if (!named || BOSS_PHONE_NOT.test(s)) return null;
  if (mobiles || LANDLINE.test(c)) return { kind: 'note', note: 'correction', about: 'boss-phone' };
  if ([...c].length > PROGRESS_MAX || /\d{3,}/.test(c)) return null;
  const offers = BOSS_PHONE_OFFERS.test(s);
  if (!offers && !BOSS_PHONE_ASKS.test(s) && !/[?？]\s*$/.test(raw)) return null;
  return { kind: 'boss-phone', who: named[1]!, offers };
}

/**
 * What the message says about the open case, or null when it is not (clearly) about it. `complaintOnly`: the
 * caller takes nothing but a complaint; the reading ends (null) once it is known not to be one.
 */
export function readCaseMessage(text: string, complaintOnly = false): CaseMessage | null {
  return complaintOnly ? complaintReadOnce(text) : caseReadOnce(text);
}

/**
 * The readings of a text kept for the turn (flows/parsers/turn-memo.ts): a turn reads the same message as news about
 * a case several times over (the desk, `nothingSentAsked` twice, `callAsked`), and a reading depends on the text alone.
 * No caller changes a reading it is given (they read its fields, or build new ones from them).
 */
const caseReadOnce = readOnce((text: string) => readCaseMessageOf(text, false));
const complaintReadOnce = readOnce((text: string) => readCaseMessageOf(text, true));

function readCaseMessageOf(text: string, complaintOnly: boolean): CaseMessage | null {
  const read = readOne(text, complaintOnly);
  if (complaintOnly || read?.kind !== 'note' || read.note === 'phone' || read.about === 'other-phone' || read.about === 'coworker-phone') return read;
  const split = phoneSaidWith(text);
  if (!split) return read;
  const rest = readOne(split.rest);
  if (rest?.kind !== 'note' || rest.note === 'phone' || rest.about === 'other-phone' || rest.about === 'boss-phone') return read;
  return { ...rest, phone: split.phone };
}

/** Where the person's own number is said to have changed (`我电话也换了`, `换了新号`, `新号码是`), joining words before it. */
const OWN_PHONE_CHANGE =
  /(?:而且|还有|另外|并且|然后|对了|顺便说一下|顺便|以及)?(?:我|俺)?(?:的)?(?:自己的?)?(?:(?:手机号码|手机号|手机|电话号码|电话号|电话|号码|号)(?:也|都)?(?:换了|改了|变了|换号了|停机了|丢了|坏了|不用了|换成|改成|改为|换为)|(?:也)?(?:换了?|改了?)(?:个|一个)?(?:新的?)?(?:手机号码?|电话号码?|号码|手机|号)|新(?:的)?(?:手机号码?|电话号码?|号码|号))/u;
/** Joining words left at the edges of the rest once the phone's words are taken out. */
const JOIN_EDGES = /^[，,。\s]*(?:而且|还有|另外|并且|然后|对了|以及)?[，,。\s]*|[，,。\s]*(?:而且|还有|另外|并且|然后|对了|以及)?[，,。\s]*$/gu;

/**
 * The person's own new number said with other news (`老板跑了 而且我电话也换了 13912345678`, `我换号了 13912345678 老板跑路了`):
 * the phone's words (from where the change is said to the number) and the rest, or null when there is no such pair. Whose
 * number it is, is read again from the phone's words alone (a relative's, the boss's: null then, by the caller).
 */
function phoneSaidWith(text: string): { phone: string; rest: string } | null {
  const raw = normalizeMessage(text);
  if ([...raw].length > PROGRESS_MAX * 3) return null;
  const m = OWN_PHONE_CHANGE.exec(raw);
  // Another's (`我老婆电话也换了`, `老板的号码换了`): not the person's own.
  if (!m || new RegExp(`(?:${KIN}|${BOSS_SIDE}|他|她|他们|的)\\s*$`, 'u').test(raw.slice(0, m.index))) return null;
  const after = raw.slice(m.index);
  const mobile = /(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}(?!\d)/u.exec(after);
  if (!mobile || mobile.index - m[0].length > 12) return null;
  const end = m.index + mobile.index + mobile[0].length + (/^(?:了|的|啊|哦|吧)*/u.exec(after.slice(mobile.index + mobile[0].length))?.[0].length ?? 0);
  const phone = raw.slice(m.index, end).replace(/^(?:而且|还有|另外|并且|然后|对了|顺便说一下|顺便|以及)[，\s]*/u, '').trim();
  const rest = `${raw.slice(0, m.index)}，${raw.slice(end)}`.replace(/^[，,。\s]+|[，,。\s]+$/gu, '').replace(JOIN_EDGES, '').trim();
  if ((rest.match(/\p{Script=Han}/gu)?.length ?? 0) < 2 || mobilesIn(rest.replace(/\s+/g, '')).length > 0) return null;
  const own = readOne(phone);
  if (own?.kind !== 'note' || own.note !== 'phone') return null;
  return { phone, rest };
}

function readOne(text: string, complaintOnly = false): CaseMessage | null {
  const raw = normalizeMessage(text);
  /** `raw`'s length in characters (code points), counted once. */
  const rawn = [...raw].length;
  const long = rawn > NOTE_MAX_CHARS;
  if (raw === '' || rawn > READ_MAX_CHARS || OTHER_DESK.test(raw)) return null;
  const s = clauses(raw);
  const c = compact(raw);
  if (c === '') return null;
  /** `c`'s length in characters (code points), counted once (`c` never changes below). */
  const cn = [...c].length;
  // A caller that takes nothing but a complaint (the desk in the middle of a form, on every answer) has its answer at
  // once when there is none: the readings before the complaint's only ever say something else.
  if (complaintOnly && (long || !mayComplain(s))) return null;
  // Deleting one's data (`撤回我的个人信息`) is no withdrawal of the case: the delete question answers it (flows/service.ts).
  if (forgetAsked(raw)) return null;
  if (!long && (FILES.test(c) || FILES_SAID.test(c))) return { kind: 'files' };
  if (!long && SAY_MORE.test(c)) return { kind: 'say-more' };
  // `我想改一下电话`: the new number is asked for.
  if (!long && (FIX.test(raw) || FIX.test(c))) return /电话|手机|号码/.test(c) ? { kind: 'new-phone' } : { kind: 'fix' };
  if (!long && WRONG_ONLY.test(c)) return { kind: 'wrong' };
  // `金额不对`, `电话错了`: the right value asked (a phone's as a new phone's); never 没太明白.
  const itemWrong = long ? null : ITEM_WRONG.exec(c);
  if (itemWrong) return { kind: 'wrong', item: itemWrong[1]! };
  if (violence(raw)) return { kind: 'note', note: 'violence' };
  if (threatened(s)) return { kind: 'note', note: 'retaliation' };
  if (pressedToWithdraw(s)) return { kind: 'note', note: 'other', about: 'pressed' };
  const complaint = long ? null : complaintOf(s);
  if (complaint) return complaint;
  // Nothing below is a complaint (every later reading is of another kind), and these are tests of the words alone:
  // a caller that takes only a complaint (the desk in the middle of a form) has its answer here.
  if (complaintOnly) return null;
  // `老板让我签字说已经结清了`: not to sign before the money is in hand (it was read as paid).
  if (!long && SIGN_SETTLED.test(s) && !HELD_ASKED.test(c)) return { kind: 'note', note: 'other', about: 'sign-settled' };
  // `老板把我工资卡收了`, `老板扣了我押金`, `厂里说要扣我工资`: the boss's doing, news for the case worker with the knowledge
  // answer on it (it was another report offered, or 没太明白).
  const held = long || HELD_ASKED.test(c) ? null : HELD.exec(s);
  if (held) return { kind: 'note', note: 'other', about: held.slice(1).some(Boolean) ? 'card-held' : 'id-held' };
  if (!long && DEDUCT.test(s) && !HELD_ASKED.test(c)) return { kind: 'note', note: 'other', about: 'deduct' };
  // `老板说要扣我工资吗`: asked, the knowledge answer alone (it was another report offered).
  if (!long && cn <= PROGRESS_MAX && DEDUCT.test(s) && /[吗么嘛]$|[?？]\s*$|会不会|能不能|可不可以|合法|违法/u.test(raw)) return { kind: 'asks', about: 'deduct-asked' };
  // `老板把工资打到我卡上了吗`, `老板还没把工资打到我卡上`: the progress (it was another report offered).
  if (!long && CARD_PAID_ASKED.test(c) && !CARD_PAID_SAID.test(c)) return { kind: 'progress', staffPhone: false };
  // `网格员说老板下周给钱`: staff's news, acknowledged (it was the knowledge answer on 工格员).
  if (!long && cn <= PROGRESS_MAX && STAFF_NEWS.test(c)) return { kind: 'asks', about: 'staff-news' };
  // `网格员说老板不给钱`: the staff's news of a refusal, for the case after a yes (it was another report offered, or the
  // knowledge answer on 工格员).
  if (!long && cn <= PROGRESS_MAX && STAFF_SAYS_REFUSED.test(c)) return { kind: 'note', note: 'other', about: 'refused' };
  // `老板让我去仲裁`, `老板说让我去告他`: no intent to pay, news after a yes (it was the menu, or a lawyer's booking offered).
  if (!long && cn <= PROGRESS_MAX && BOSS_DARES.test(c)) return { kind: 'note', note: 'other', about: 'dares' };
  // `有人打电话说是工会的要我交手续费`: a warning, news after a yes (it was 没太明白).
  if (!long && cn <= PROGRESS_MAX * 2 && FEE_ASKED.test(c) && !new RegExp(`^${BOSS}|律师`, 'u').test(c) && !/[吗么嘛]$|[?？]\s*$/u.test(raw)) return { kind: 'note', note: 'other', about: 'fee' };
  // `老板让我签字我没签`: what to keep in mind, news after a yes (it was the answer on working without a contract).
  if (!long && cn <= PROGRESS_MAX && SIGN_REFUSED.test(s)) return { kind: 'note', note: 'other', about: 'sign-refused' };
  // `我签了个字`, `老板让我签了个字`: what was signed is asked for, news after a yes (it was 没太明白).
  if (!long && SIGNED.test(c)) return { kind: 'note', note: 'other', about: 'signed' };
  // `律师说可以起诉`: news after a yes (it was a lawyer's booking offered).
  if (!long && cn <= PROGRESS_MAX && !/[?？]/u.test(raw) && LAWYER_SAID.test(c)) return { kind: 'note', note: 'other', about: 'lawyer-said' };
  // `劳动局说会处理`: news after a yes (it was the knowledge answer on labour inspection).
  if (!long && cn <= PROGRESS_MAX && !/[?？]/u.test(raw) && AUTHORITY_SAID.test(c)) return { kind: 'note', note: 'other', about: 'authority-said' };
  // `老板约我明天谈`: what to keep in mind, news after a yes (it was 没太明白).
  if (!long && cn <= PROGRESS_MAX && BOSS_TALKS.test(c)) return { kind: 'note', note: 'other', about: 'talks' };
  // `老板喊我回去上班 还给不给钱啊`: news, what is owed staying owed (it was another report offered, or 没太明白).
  if (!long && cn <= PROGRESS_MAX && BOSS_CALLS_BACK.test(c)) return { kind: 'note', note: 'other', about: 'back-to-work' };
  // `老板要我身份证`: to see it, or to keep it, asked (it was 没太明白).
  if (!long && ID_ASKED.test(c)) return { kind: 'asks', about: 'id-asked' };
  // `progress`, `how is my case`: the progress (it was 没太明白); `laoban pao le`: as 老板跑了, after a yes.
  if (ENGLISH_PROGRESS.test(raw.trim())) return { kind: 'progress', staffPhone: false };
  if (PINYIN_ABSCONDED.test(raw.trim())) return { kind: 'note', note: 'absconded' };
  // `我发了个语音`: what becomes of it (it was 没太明白).
  if (!long && VOICE_SENT.test(c)) return { kind: 'asks', about: 'voice' };
  // `过不下去了`: a kind word and the hotline, the words passed on only after a yes (it was 没太明白).
  if (!long && DISTRESS.test(c)) return { kind: 'note', note: 'other', about: 'distress' };
  // `我自己去劳动局了`: both go on; the case worker should know (it was 答不上来).
  if (!long && ELSEWHERE.test(s) && !/(?:让|叫)(?:我)?(?:来)?找(?:你们|工会)/u.test(c)) return { kind: 'note', note: 'other', about: 'elsewhere' };
  // `老板说已经给了`: the boss's word, not the money in hand (it was read as a promise, or as paid): whether it came is asked.
  if (!long && cn <= PROGRESS_MAX && BOSS_SAYS_PAID.test(c)) return { kind: 'boss-says-paid' };
  // `工友说钱到账了`: heard, the person's own money in hand not said: whether it came is asked (it was read as paid).
  if (!long && cn <= PROGRESS_MAX && (HEARSAY_MONEY.test(c) || SAID_MONEY.test(c))) return { kind: 'boss-says-paid' };
  // `有人找我了`, `有人来厂里找我了`: the staff or the boss's people, asked which (it was 没太明白, or news the boss came).
  if (!long && cn <= PROGRESS_MAX && !/[?？]\s*$/.test(raw) && WHO_CAME.test(c)) return { kind: 'who-came' };
  // `有人打电话给我了`, `陌生人给我打电话了`: the same, asked who called (it was taken as the staff's call, or 没太明白).
  const caller = long || cn > PROGRESS_MAX ? null : CALLER_ASKED.exec(s);
  if (caller && WHO_CALLED.test(compact(caller[1]!))) return { kind: 'progress', staffPhone: false, asks: 'caller' };
  if (!long && cn <= PROGRESS_MAX && !/[?？]\s*$/.test(raw) && WHO_CALLED.test(c)) return /电话|打给/u.test(c) ? { kind: 'who-came', call: true } : { kind: 'who-came' };
  // `老板说已经给了吗`: asked, as `老板给了吗` is: the progress (it was read as a promise).
  if (!long && cn <= PROGRESS_MAX && BOSS_SAYS_PAID_ASKED.test(c)) return { kind: 'progress', staffPhone: false };
  // `老板说已经给了，但我没收到`: his word against the money not come, news for the case worker (it was read as a promise).
  const saysPaid = long ? null : BOSS_SAYS_PAID_LEAD.exec(s);
  if (saysPaid && NONE_CAME.test(s.slice(saysPaid[0].length))) return { kind: 'note', note: 'other', about: 'claims-paid' };
  // `老板说钱已经打了 我还没看`: his word, the money in hand not said: whether it came is asked (it was read as paid).
  if (saysPaid && cn <= PROGRESS_MAX && !RECEIVED_SAID.test(s.slice(saysPaid[0].length))) return { kind: 'boss-says-paid' };
  // `老板说要告我`, `老板说我诬告`: intimidation, urgent for the case worker (it was 没太明白, or how to sue the boss).
  if (saysDone(s, SUED)) return { kind: 'note', note: 'retaliation', about: 'sued' };
  if (SETTLE.test(s)) return { kind: 'note', note: 'other', about: 'settle' };
  if (!long && cn <= PROGRESS_MAX && EXPOSED_ASKED.test(s)) return { kind: 'asks', about: 'exposed' };
  // `我还是不撤回了`: every withdrawal in it said with a no, so no wish to stop either.
  if (withdrawSaid(s) || (!WITHDRAW.test(s) && wantsToStop(raw))) return { kind: 'note', note: 'withdraw' };
  if (!long && cn <= PROGRESS_MAX && WITHDRAW.test(s)) return { kind: 'asks', about: 'keeps' };
  // `我还是想要`, `我不撤了`: a withdrawal taken back (it was 没太明白).
  if (!long && cn <= PROGRESS_MAX && KEEPS_SAID.test(c) && !/^继续/u.test(c)) return { kind: 'asks', about: 'keeps' };
  // `他们也被欠了 有十几个人`, `工友也被欠了 一共二十多个`: others owed too, and how many: a change in the number owed, for the
  // case worker after a yes (it was a knowledge answer on groups, nothing passed on); never a report for them.
  if (!long && PEER_OWED.test(s) && PEOPLE_COUNTED.test(s) && !COWORKER.test(s) && !/[?？]/u.test(raw)) return { kind: 'note', note: 'correction' };
  // `他也被欠了`: someone owed too, who not said: passed on as said after a yes, the case worker asks who (it was 没太明白).
  if (!long && cn <= PROGRESS_MAX && PEER_OWED.test(s) && !COWORKER_RELATION.test(s) && /^(?:他|她)(?:们)?(?:的)?(?:工资|钱|工钱)?(?:也|都|同样|一样)/u.test(c) && !/\d|十|几个|多个|[?？吗么]/u.test(raw)) return { kind: 'note', note: 'other' };
  // `我老乡也被欠了`: a workmate owed too, named (not `他`), nothing more: he can write himself, or be reported for (it was 没太明白).
  if (!long && (COWORKER.test(s) || (cn <= PROGRESS_MAX && PEER_OWED.test(s) && COWORKER_RELATION.test(s) && !/\d|十|几个|多个|[?？]/u.test(raw)))) return { kind: 'coworker', relation: COWORKER_RELATION.exec(s)?.[0] ?? null };
  // `工友的钱都到账了`, `工友拿到钱了 我还没有`: someone else's money, news after a yes, never the person's own paid.
  if (!long && OTHERS_PAID.test(s) && !OWN_TOO.test(s)) return { kind: 'note', note: 'other', about: 'others-paid' };
  // `钱到了`: the person's own money come (it was 没太明白); `钱到了吗`: asked, the progress (it was 答不上来).
  if (!long && OWN_MONEY_CAME.test(s)) return { kind: 'note', note: 'paid' };
  if (!long && OWN_MONEY_CAME_ASKED.test(c)) return { kind: 'progress', staffPhone: false };
  if (PARTLY_PAID.test(s) || saysDone(s, PART_ARRIVED)) return { kind: 'note', note: 'partly_paid' };
  if (!long && NOT_ALL_CAME.test(c)) return { kind: 'note', note: 'partly_paid' };
  // `钱收到了 但是少了五百`: short of the whole, part of it (it was all of it, paid).
  if (SHORT_SAID.test(s) && (saysDone(s, PAID) || saysDone(s, PART_ARRIVED))) return { kind: 'note', note: 'partly_paid' };
  const sum = paidSum(s);
  if (sum) return ALL_PAID.test(s) ? { kind: 'note', note: 'paid' } : { kind: 'note', note: 'partly_paid', ...(sum.yuan !== null ? { paid: sum.yuan } : {}) };
  if (saysDone(s, PAID)) return { kind: 'note', note: 'paid' };
  if (saysDone(s, ABSCONDED)) return { kind: 'note', note: 'absconded' };
  const mobiles = mobilesIn(raw.replace(/\s+/g, '')).length > 0;
  // `这是我老婆的电话139…`, `有事打我儿子电话 139…`: another's number to call too, never the person's own (it was read as
  // their new phone, or 没太明白).
  // Their own phone gone with it (`我电话停机了 打我老婆的 138…`): the number to call now, a new phone as before.
  // `我老婆电话也换了 139…`, `我老婆换号了 新号139…`: the relative's new number, a spare one (it was read as the reporter's).
  // `这是我老乡的电话 139… 他也被欠了`, `我工友也被欠了 他电话139…`: a workmate owed too, his number news for the case worker
  // (it was kept as a spare phone of the person's own, or the knowledge answer on workers acting together).
  if (mobiles && !long && PEER_OWED.test(s) && !OWN_NUMBER_CHANGED.test(s) && !OWN_PHONE_GONE.test(s)) return { kind: 'note', note: 'other', about: 'coworker-phone' };
  if (mobiles && KIN_CHANGED.test(s) && !OWN_NUMBER_CHANGED.test(s)) return { kind: 'note', note: 'other', about: 'other-phone' };
  if (mobiles && OTHER_PERSON_PHONE.test(s)) {
    if (OWN_PHONE_GONE.test(s)) return { kind: 'note', note: 'phone' };
    // `这是我工友的电话 139…`: a workmate's number is no spare one for the person unless said so (`联系不上我就打我工友`); asked.
    if (!long && PEER_KIN.test(s) && !PEER_TO_CALL.test(s)) return { kind: 'whose-phone', peer: true };
    return { kind: 'note', note: 'other', about: 'other-phone' };
  }
  // `他电话是139…`: someone else's, who not said: who he is, asked (it was taken as the person's new phone).
  const third = mobiles && !long ? THIRD_PHONE.exec(s) : null;
  if (third && !OWN_NAMED_PHONE.test(s)) return { kind: 'whose-phone', who: third[1]! };
  // `13912345678` alone: whose it is, asked (it was taken as the person's new phone).
  if (mobiles && BARE_MOBILE.test(c)) return { kind: 'whose-phone' };
  // `包工头李哥 139…`, `李哥是我们工头 139…`: the boss's side's number, news; `李哥 139…`, `张姐的电话是139…`: whose it is,
  // asked (it was 没太明白, or taken as the person's own new phone); `老婆 139…`: a spare one, as `我老婆的电话139…` is.
  const owner = mobiles && !long ? phoneOwnerNamed(raw) : null;
  if (owner && !owner.boss) {
    if (owner.kin === 'family') return { kind: 'note', note: 'other', about: 'other-phone' };
    if (owner.kin === 'own') return { kind: 'note', note: 'phone' };
    return owner.kin === 'peer' ? { kind: 'whose-phone', peer: true } : owner.name === '' ? { kind: 'whose-phone' } : { kind: 'whose-phone', who: owner.name };
  }
  if (mobiles && PHONE.test(s) && !OTHERS_PHONE.test(s)) return { kind: 'note', note: 'phone' };
  if (owner) return { kind: 'note', note: 'correction', about: 'boss-phone' };
  // `我老婆的电话也换了`: nothing on the case changes; the number may be sent as a spare one (it was 没太明白).
  if (!long && !mobiles && KIN_PHONE_CHANGED.test(c)) return { kind: 'asks', about: 'kin-phone' };
  // `我电话换了`, `换手机号了`: the new number is asked for (no other number in the words: `号码是138…` is a typo's business).
  if (!long && !mobiles && cn <= NEW_PHONE_MAX && NEW_PHONE.test(s) && !SAME_NUMBER.test(c) && !OTHERS_PHONE.test(s) && !STAFF_PHONE_NAMED.test(s) && !/\d{5,}/.test(c)) return { kind: 'new-phone' };
  // `手机号没变`, `电话没换`: the number on the report stands; said back, neither a new phone nor a correction.
  if (!long && !mobiles && cn <= NEW_PHONE_MAX && SAME_NUMBER.test(c) && /手机|电话|号/.test(c) && !OTHERS_PHONE.test(s) && !STAFF_PHONE_NAMED.test(s)) return { kind: 'asks', about: 'same-phone' };
  if (saysDone(s, DENIED)) return { kind: 'note', note: 'other', about: 'denied' };
  // `老板说不给了`, `老板说没钱`: news for the case worker (it was the ways to claim wages, or another report offered).
  if (!long && cn <= PROGRESS_MAX && REFUSED.test(c)) return { kind: 'note', note: 'other', about: 'refused' };
  const promise = PROMISED.exec(s);
  if (promise && !NOT_PROMISED.test(promise[0])) {
    return PROMISE_BROKEN.test(s.slice(promise.index + promise[0].length)) ? { kind: 'note', note: 'other' } : { kind: 'note', note: 'other', about: 'promise' };
  }
  if (MORE_OWED.test(s)) return { kind: 'note', note: 'correction', about: 'more' };
  if (!long && ITEM_OWED.test(s) && !ITEM_ASKED.test(raw.trim())) return { kind: 'note', note: 'correction', about: 'more' };
  if (saysDone(s, BOSS_CHANGED) && !BOSS_CHANGED_ASKED.test(s)) return { kind: 'note', note: 'other', about: 'changed' };
  // `要是老板换了怎么办`: asked, not news; what happens then is said.
  if (!long && cn <= PROGRESS_MAX && BOSS_CHANGED.test(s) && BOSS_CHANGED_ASKED.test(s)) return { kind: 'asks', about: 'boss-change' };
  if (saysDone(s, BOSS_CONTACTED)) return { kind: 'note', note: 'other' };
  if (!long && WITNESS.test(s) && !/[吗么]$|[?？]/.test(raw)) return { kind: 'note', note: 'correction', about: 'witness' };
  const boss = long ? null : bossPhone(raw, s, c, mobiles);
  if (boss) return boss;
  if (!long && UNREACHABLE.test(c)) return { kind: 'unreachable' };
  if (CORRECTION.test(s)) return { kind: 'note', note: 'correction' };
  // `我又想起来了 老板是四川人 姓刘`: more about the case remembered, for its worker (it was 没太明白); not a question.
  if (!long && REMEMBERED.test(s) && !ITEM_ASKED.test(raw.trim()) && !/进度|怎么|咋/u.test(c)) return { kind: 'note', note: 'correction' };
  // A long account about the case (a voice message): for the case worker.
  if (long) return { kind: 'note', note: 'correction' };
  if (ANOTHER.test(c)) return { kind: 'another' };
  if (cn <= PROGRESS_MAX && ((VISIT_ASKED.test(c) && VISIT_ASKED_NAMED.test(c)) || VISIT_WHERE.test(c))) return { kind: 'asks', about: 'visit' };
  if (cn <= PROGRESS_MAX && BRING_ASKED.test(c)) return { kind: 'asks', about: 'bring' };
  if (cn <= PROGRESS_MAX && !/[?？]\s*$/.test(raw) && STAFF_CALLED.test(c)) return { kind: 'asks', about: 'called' };
  if (cn <= PROGRESS_MAX && !/[?？]\s*$/.test(raw) && STAFF_TOLD_TO_COME.test(c)) return { kind: 'asks', about: 'told-to-come' };
  if (cn <= PROGRESS_MAX && STAFF_SENT_TO_ARBITRATION.test(c)) return { kind: 'asks', about: 'to-arbitration' };
  if (cn <= PROGRESS_MAX && SIGN_ASKED.test(c)) return { kind: 'asks', about: 'sign' };
  if (NOT_PAID_YET.test(c)) return { kind: 'progress', staffPhone: false };
  if (cn <= PROGRESS_MAX && COMING_SAID.test(c)) return { kind: 'note', note: 'other' };
  if (MOVED.test(c)) return { kind: 'asks', about: 'moved' };
  // `继续`, `上周五网格员说这周给答复`, `我回老家了还能办吗`, `钱到了告诉我一声`, `我换工作了`: answered in a line, nothing passed on.
  if (GO_ON.test(c)) return { kind: 'asks', about: 'go-on' };
  if (cn <= PROGRESS_MAX && STAFF_SAID.test(s)) return { kind: 'asks', about: 'staff-said' };
  if (cn <= PROGRESS_MAX && AWAY.test(s)) return { kind: 'asks', about: 'away' };
  if (cn <= PROGRESS_MAX && TELL_ME.test(c)) return { kind: 'asks', about: 'tell-me' };
  if (cn <= PROGRESS_MAX && NEW_JOB.test(c)) return { kind: 'asks', about: 'new-job' };
  if (cn <= PROGRESS_MAX && ASKS_NUMBER.test(c)) return { kind: 'progress', staffPhone: false, asks: 'number' };
  if (cn <= PROGRESS_MAX && ASKS_SUBMITTED.test(c)) return { kind: 'progress', staffPhone: false, asks: 'submitted' };
  // The number alone, or with the words people put around it (`进度 QX…`, `查 QX…`, `案件编号QX…`, `qx…怎么样了`).
  if (CASE_NO_PROGRESS.test(raw.replace(/\s+/g, ''))) return { kind: 'progress', staffPhone: false };
  // `追回了多少`, `什么时候办结的`: what the case's record says (the amount and the day are in its steps).
  if (cn <= PROGRESS_MAX && (OUTCOME_ASKED.test(c) || REFUSAL_ASKED.test(c))) return { kind: 'progress', staffPhone: false };
  if (cn <= PROGRESS_MAX && ASKS_WHO.test(c)) return { kind: 'progress', staffPhone: false, asks: 'who' };
  if (cn <= PROGRESS_MAX && (ASKS_STAFF_PHONE.test(c) || ASKS_HIS_PHONE.test(c)) && !OTHERS_PHONE.test(s)) return { kind: 'progress', staffPhone: true };
  if (cn <= PROGRESS_MAX && (PROGRESS.test(s) || (PROGRESS_SAID.test(s) && !pressing(raw)))) return { kind: 'progress', staffPhone: STAFF_PHONE.test(s) };
  // `怎么样了`, `饭店那个怎么样了`, `好再来那边咋样了`: how it stands, the case named by its unit or not at all.
  if (cn <= 20 && HOW_IS_IT.test(c) && commandOf(raw) !== 'progress') return { kind: 'progress', staffPhone: false };
  // `我想让工作人员给我打电话`, `能不能给我回个电话`: a call asked for, passed on after a yes (it was 没太明白, or 答不上来).
  if (cn <= PROGRESS_MAX * 2 && CALL_ME.test(c) && !OTHERS_PHONE.test(s)) return { kind: 'note', note: 'other', about: 'call' };
  // `能不能快点啊 我等着用钱`, `快点吧 急用钱`: for the case worker to know, after a yes (it was 答不上来, or the menu).
  if (cn <= PROGRESS_MAX * 2 && URGENT.test(c) && !/[吗么]$|[?？]$/.test(raw)) return { kind: 'note', note: 'other', about: 'urgent' };
  return null;
}

/** Someone in touch asked about (`有人联系我了吗`, `工会的人找过我没有`, `律师什么时候来`), compact. */
const CONTACT_ASKED =
  /^(?:你好|您好)?有没有人(?:来)?(?:联系|找)(?:过)?我(?:啊|呀|呢)?$|(?:有人|有没有人|谁|网格员|工格员|工作人员|工会(?:的)?(?:人|同志)?|律师|检察官)(?:来)?(?:联系|找|打电话给|给我打(?:过)?(?:个)?电话|回电话|回复)(?:过)?(?:我)?(?:了)?(?:吗|么|没有?|没)|(?:律师|检察官|工作人员|网格员|工格员)(?:到底)?(?:什么时候|啥时候|几时|哪天)(?:能|会|才)?(?:来|到|联系我|找我|给我打电话|打电话给我|回我)/u;
/** Legal aid's approval or a lawyer's booking asked about (`法律援助批了没`, `我的法援申请通过了吗`, `律师定了没`), compact. */
const LEGAL_STATUS_ASKED =
  /(?:法律援助|法援|律师|预约)(?:的)?(?:申请)?(?:批|审批|审核|审|定|安排|通过|办)(?:下来|好|完)?(?:了)?(?:吗|么|没有?|没)|(?:法律援助|法援)(?:的)?(?:申请)?(?:怎么样了|咋样了|有消息了?吗|有结果了?吗|到哪一步了|到哪了)/u;

/**
 * A status asked by someone who may have sent nothing yet: what it is about (`wage` for the case and its staff,
 * `join`, `booking`, `contact` for anyone at all), or null when these are no such question: a call asked for
 * (`我想让工作人员给我打电话`), pressing, news, or a service asked for besides (`有人联系我了吗 我想加入工会`).
 * The caller checks that nothing was sent.
 */
export const nothingSentAsked = readOnce(nothingSentAskedOf);

function nothingSentAskedOf(text: string): 'wage' | 'join' | 'booking' | 'contact' | null {
  const raw = normalizeMessage(text);
  const c = compact(raw);
  if (c === '' || [...c].length > PROGRESS_MAX) return null;
  const read = readCaseMessage(text);
  if (read && read.kind !== 'progress') return null;
  const legal = LEGAL_STATUS_ASKED.exec(c);
  const contact = CONTACT_ASKED.exec(c);
  const hit = legal ?? contact;
  if (!hit && read === null) return null;
  // What is left once the question is taken out asks for no service (`…我想加入工会`: the service is started).
  const rest = hit ? c.slice(0, hit.index) + c.slice(hit.index + hit[0].length) : c;
  if (serviceOf(rest, null) !== null || commandOf(raw) !== null) return null;
  if (legal || /律师|检察官|法律援助|法援|预约/u.test(c)) return 'booking';
  if (/入会|会员|入工会|加入工会|进工会/u.test(c)) return 'join';
  if (/网格员|工格员|案子|案件|欠薪|工资|反映|投诉|登记|报的/u.test(c) || !contact) return 'wage';
  return 'contact';
}

/** Someone in touch asked about in so many words (`有人联系我了吗`, `网格员给我打过电话了吗`), not any status (`管不管`). */
export function contactAsked(text: string): boolean {
  return CONTACT_ASKED.test(compact(normalizeMessage(text)));
}

/** A call asked for of the staff (`我想让工作人员给我打电话`, `能不能给我回个电话`): the case desk's note about 'call'. */
export function callAsked(text: string): boolean {
  const read = readCaseMessage(text);
  return read?.kind === 'note' && read.about === 'call';
}

/** What a case closed by staff answers when the person brings news (the money, the boss): said that it can go no further here. */
const AFTER_CLOSE_NEWS: ReadonlySet<string> = new Set(['paid', 'partly_paid', 'absconded', 'other', 'correction']);

/** How much was recovered, or when the case was closed, asked (compact). */
const OUTCOME_ASKED =
  /^(?:一共|总共|到底|最后)?(?:追回|追到|要回|拿回|要到|讨回)(?:了|来|的|来的)?(?:钱|工资)?(?:一共|总共)?(?:是)?(?:多少|几)(?:钱|块钱?|元)?(?:啊|呀|呢|哦)?$|^(?:我的?)?(?:案子|案件)?(?:是)?(?:什么时候|啥时候|哪天|几号|几时)(?:办结|结案|办完|结束|处理完)的?(?:啊|呀|呢)?$|^(?:那|我的?)?(?:钱|工资|工钱)(?:到底)?(?:什么时候|啥时候|几时|哪天)(?:能|会|可以|才|才能)?(?:到|到账|到手|拿到|发|给|打过来|下来)(?:啊|呀|呢|哦)?$/u;

/** Why a step went against them (`为什么驳回`, `为啥子不支持`): the case's steps say which and when (compact). */
const REFUSAL_ASKED = /^(?:为什么|为啥子?|咋|怎么|凭什么)(?:被|要|会|给我|把我的?)?(?:驳回|不支持|不予支持|不受理|不立案|拒绝)(?:了|我)?(?:啊|呀|呢|哦)?$/u;

/** A call asked for, of the staff (`我想让工作人员给我打电话`, `能不能给我回个电话`, `请网格员联系我一下`); never the boss's. */
const CALL_ME =
  /^(?:我|俺)?(?:想|希望|要|想要)?(?:让|叫|请|麻烦)?(?:你们|工作人员|网格员|工格员|负责的人|他们)?(?:能不能|能|可以|可不可以)?(?:给我|给俺|跟我)(?:打|回)(?:个|一个)?电话(?:吧|吗|呀|啊|好吗|行吗|可以吗)?$|^(?:我|俺)?(?:想|希望|要)?(?:让|叫|请|麻烦)(?:你们|工作人员|网格员|工格员|负责的人)(?:打电话|回电话)?(?:联系|打给|打电话给)(?:一下)?(?:我|俺)(?:一下)?(?:吧|吗)?$/u;

/** The person is pressed for the money or the time (`等着用钱`, `快点吧`, `孩子要交学费`). */
const URGENT = /快点|快一点|快些|尽快|抓紧|急用钱|急着用钱|等着用钱|等钱用|急需(?:用)?钱|等米下锅|着急|急死|等不了|等不起|等不及|没钱吃饭|没钱交房租|要交(?:学费|房租)|揭不开锅/u;

/** The number sent is the one the case already has. */
const SAME_ON_FILE = '这个号码就是您登记时留的，不用改。工作人员会打这个号码联系您。';

/** The case number in a progress question (`进度 QX20261201-0001`, `qx202612010001怎么样了`), written as stored; null without one. */
export function askedCaseNo(raw: string): string | null {
  const m = /QX(\d{8})-?(\d{4,})/i.exec(raw.replace(/\s+/g, ''));
  return m ? `QX${m[1]}-${m[2]}` : null;
}

/** A case number asked about: alone, after 进度/查/案件编号…, or before 怎么样了/的进度. */
const CASE_NO_PROGRESS =
  /^(?:(?:查看?|查询|查一下|看一?下|帮我查一?下)?(?:我的)?(?:进度|进展|案件|案子)?(?:编号|单号|案号)?(?:是)?[:：]?)?QX\d{8}-?\d{4,}(?:的?(?:进度|进展|情况)?(?:怎么样了?|咋样了?|到哪了|如何了?|呢)?)?[?？。.!！]*$/i;

/** Saying yes to passing it on (`转吧`, `好`, `同意`), or no (`不用了`, `算了`). */
const PASS_ON = /^(?:转|转吧|转一下|转过去|帮我转(?:一下)?|转给(?:他|她|他们|工作人员|网格员)(?:吧)?|发吧|发给(?:他|她|他们)(?:吧)?|可以转|要转|麻烦转一下|告诉(?:他|她|他们)(?:吧)?)$/;
const DONT = /^(?:不用了?|不转了?|别转了?|不要转了?|先不转|不用转|不用了谢谢|算了|不了|不发了?|删除|删掉|删了吧|不要了)$/;

/** How to answer «转给…吗？» for a note waiting (one case, or several to pick from). */
function passOrNot(w: { caseNos: readonly string[] }): string {
  return w.caseNos.length === 1 ? '要转的话回复「转」，不转就回复「不用了」' : '回复序号选案件就转过去，不转就回复「不用了」';
}

/** Yes to passing a complaint on (`转给工会负责同志`, the option's words). */
const TO_UNION = /^(?:转给|交给|发给)(?:工会)?(?:的)?(?:负责(?:同志|人|的人|的同志)|领导)(?:吧)?$|^(?:转给|交给)工会(?:吧)?$/;

/** What waits in `session.caseNote` after part of the money was said (`只收到3000`): `receipt-part:3000` (that sum asked to be confirmed), `receipt-part:` (how much asked). */
export const RECEIPT_PART = 'receipt-part:';

/** The received sum said, after the words that say it arrived (`只收到3000`, `才拿到两千`, `给了我3000`). */
const PART_GOT = new RegExp(`(?<!没有?|未|还没有?)(?:只|才|就|仅|光|一共|总共|共)?(?:收到|拿到|到账|到手|领到|给|发|结|打|转|拿(?=了))(?:了)?(?:我)?(?:的)?(${SUM})`, 'u');
/** The sum still missing (`还差三千`, `还有3000没给`, `剩下3000没到`): what arrived is the rest, inferred. */
const PART_MISSING = new RegExp(`(?:还差|还欠|还剩|还少|差|欠|少了?|剩下?)(?:了)?(?:我)?(${SUM})|(?:还有|剩下?|另外)?(${SUM})(?:还|都)?(?:没有?|未)(?:收到|到账|到手|拿到|领到|给|发|结|打|到)`, 'u');
/** The sum still to come, said as such (`还差3000`, `还欠我3000`, `剩下3000没给`); not `欠我6000` (the whole). */
const PART_LEFT = new RegExp(`(?:还差|还欠|还剩|还少|剩下|剩)(?:了)?(?:我)?(?:的)?(${SUM})|(${SUM})(?:还|都)?(?:没有?|未)(?:收到|到账|到手|拿到|给|发|结|打|到)`, 'u');

/** The rest still owed said alone (`还差3000`, `老板还欠我3000没给`, `现在还剩三千`), compact. */
const LEFT_ALONE = new RegExp(`^(?:现在|目前)?(?:${BOSS})?(?:现在|目前)?(?:还差|还欠|还剩)(?:我)?(${SUM})(?:没给|没发|没结|没到)?(?:了|呢|啊|呀)*$`, 'u');

/** `caseNote.kind` while «加起来对不上» waits (`part-mismatch:收到5000 还差3000`: the words said). */
const PART_MISMATCH = 'part-mismatch:';

/**
 * A sum received and a sum still to come said together (`收到5000 还差3000`) that do not add up to what the one case's
 * report says is owed: the three, or null (one case, both sums read, and they fit: null).
 */
function partMismatch(raw: string, cases: readonly Case[]): { owed: number; got: number | null; left: number } | null {
  const owed = cases.length === 1 ? cases[0]!.wage?.amount : undefined;
  if (owed === undefined || owed === null || owed <= 0) return null;
  const c = compact(normalizeMessage(raw));
  const g = PART_GOT.exec(c);
  const l = PART_LEFT.exec(c);
  // `还差8000` alone of 6,000: more left than the report says is owed.
  const alone = !g ? LEFT_ALONE.exec(c) : null;
  if (alone) {
    const left = sumOf(alone[1]!);
    return left !== null && left >= owed ? { owed, got: null, left } : null;
  }
  if (!g || !l) return null;
  const got = sumOf(g[1]!);
  const left = sumOf((l[1] ?? l[2])!);
  if (got === null || left === null || got === left && g.index === l.index) return null;
  return got + left === owed ? null : { owed, got, left };
}

/** A sum alone, as the answer to «收到了多少？» (`2000`, `是2000`, `就2000块`). */
const PART_ALONE = new RegExp(`^(?:是|就|只有|只|才|收到|收了)?(${SUM})(?:吧|啊|呀|的样子)?$`, 'u');

/** A sum as said (`3000`, `三千`, `3千`), its yuan when read whole and exact; null otherwise (`三千多`, `几千`). */
function sumOf(figure: string): number | null {
  if (/多|几/u.test(figure)) return null;
  const read = parseAmount(/^\d+$/.test(figure) ? `${figure}元` : figure);
  return read.ok && read.value.upTo === null && !read.value.approx ? read.value.yuan : null;
}

/**
 * How much of `recovered` the words say arrived when part of it did (`只收到3000`; `还差三千` and `收到一半` inferred):
 * null when no sum can be told, or two readings disagree. Always confirmed before it is recorded.
 */
export function receivedPart(said: string, recovered: number): number | null {
  const c = compact(normalizeMessage(said));
  const got = PART_GOT.exec(c);
  const missing = PART_MISSING.exec(c);
  const alone = PART_ALONE.exec(c);
  const readings = [
    ...(got ? [sumOf(got[1]!)] : alone ? [sumOf(alone[1]!)] : []),
    ...(missing ? [((m) => (m === null ? null : recovered - m))(sumOf((missing[1] ?? missing[2])!))] : []),
    ...(!got && !missing && !alone && /一半/u.test(c) ? [recovered / 2] : []),
  ];
  if (readings.length === 0 || readings.some((r) => r === null)) return null;
  const first = readings[0]!;
  if (readings.some((r) => r !== first) || !Number.isInteger(first) || first <= 0 || first >= recovered) return null;
  return first;
}

/** `receipt-part:?`: how much was asked plainly after a yes or a no (never asked a third time). */
const PART_ASKED_AGAIN = '?';
const PART_HOW_MUCH = '请告诉我收到了多少钱，直接发数字就行（比如3000）；一分没收到请回复「没收到」，全部收到了请回复「收到了」。';

/** The part said asked to be confirmed (`只收到3000` → «只收到了3,000元，还差3,000元吗？»). */
function partConfirm(c: Case, recovered: number, got: number): string {
  return `案件 ${c.caseNo} 记下的是追回${yuan(recovered)}。您是说只收到了${yuan(got)}，还差${yuan(recovered - got)}吗？\n对的话请回复「对」，我记下来，案件会交回工作人员继续跟进剩下的钱；收到的不是这个数，请直接告诉我收到了多少；一分没收到请回复「没收到」。`;
}

/** Part of it said, no sum told (`钱没给全`): how much is asked. */
function partHowMuch(c: Case, recovered: number): string {
  return `案件 ${c.caseNo} 记下的是追回${yuan(recovered)}。您是说只收到了一部分吗？请告诉我收到了多少（比如「只收到3000」），我记下来转给工作人员跟进；一分没收到请回复「没收到」，全部收到了请回复「收到了」。`;
}

/**
 * Words about recovered wages that are neither a plain 收到了 nor 没收到 (`说是追回了但我没收到钱`, `钱还冒到`,
 * `只收到3000`, `收到一半`, `钱嗯收到`), said while case `c` waits for that answer: what they seem to say, asked
 * back with the answers that act, or null when they are about something else. Nothing is applied: 没收到
 * reopens the case, and part of the money is no 收到了. Part of it: the sum that arrived is asked to be confirmed
 * (`part`: that sum), or asked for when none can be told (`part` null); the answer is the desk's (`RECEIPT_PART`).
 */
export function receiptAskedBack(said: string, c: Case): { text: string; part?: number | null } | null {
  const read = looseReceipt(normalizeMessage(said));
  if (!read || c.outcome?.recovered == null) return null;
  const recovered = c.outcome.recovered;
  const sum = read === 'partly' ? paidSum(clauses(normalizeMessage(said))) : null;
  // The whole sum named, nothing said to be missing (`收到了6000`): a yes to have said plainly, not part of it.
  const whole = sum?.yuan === recovered && !/一半|部分|差|欠|剩|少|只|没|不/u.test(said);
  const amount = yuan(recovered);
  if (read === 'received' || whole) return { text: `您是说案件 ${c.caseNo} 追回的${amount}已经收到了吗？收到了请回复「收到了」；还没收到请回复「没收到」。` };
  // `老板说已经给了`: what the boss says is not what arrived; asked.
  if (read === 'claimed') return { text: `说是已经给了，那案件 ${c.caseNo} 追回的${amount}您自己收到了吗？收到了请回复「收到了」；还没收到请回复「没收到」，案件会交回工作人员继续跟进。` };
  if (read === 'not_received') return { text: `您是说案件 ${c.caseNo} 追回的${amount}还没收到吗？还没收到请回复「没收到」，案件会交回工作人员继续跟进；已经收到了请回复「收到了」。` };
  const got = receivedPart(said, recovered);
  return got !== null ? { text: partConfirm(c, recovered, got), part: got } : { text: partHowMuch(c, recovered), part: null };
}

/**
 * Said of a case whose close the township reviews (`closing`) when the money is asked about: what was reported as the
 * result, that it is not final yet, and when 收到了 / 没收到 is asked.
 */
function reviewLead(c: Case): string {
  const r = c.closeRequest;
  const result = r?.recovered != null ? `（追回${yuan(r.recovered)}）` : '';
  const money = r?.recovered != null ? '审核通过后，会在这里问您钱收到了没有；到时还没收到，回复「没收到」，案件会交回工作人员继续跟进。' : '审核完会在这里告诉您结果。';
  return `案件 ${c.caseNo} 的办理结果${result}已报镇（街道）工会审核，还没有最后办结。${money}`;
}

/** The result of a closed case disputed (`我不满意这个结果`, `结果不满意`, `能不能重新处理`, `再帮我处理一下`); compact, no punctuation. */
const DISPUTED =
  /^(?:我|俺)?(?:对)?(?:这个|这次的?|处理的?|办理的?)?(?:结果)?(?:很|非常|有点|有些|不太|太)?不满意(?:这个|这次的?|处理的?|办理的?)?(?:结果)?(?:啊|呀|的|了)?$|^(?:能不能|能否|可不可以|可以|麻烦|请)?(?:帮我|给我)?(?:重新|再)(?:帮我|给我)?(?:处理|办|办理|查|调查|处理一下|办一下|查一下)(?:一下|一次|一遍|下)?(?:吗|么|吧|呢)?$/u;
/** With no case open: where a complaint about the staff goes. */
const COMPLAINT_NO_CASE =
  '您现在没有在办的案件。有在办的案件时，对负责的工作人员有意见，可以直接在这里跟我说，我会转给当地工会的负责同志；现在想反映，可以打职工服务热线12351。';
/** Said under a complaint shown back in the middle of a form: what was filled in stays. */
const FORM_KEPT = '您正在填的内容都留着，这件事说完我们接着填。';

/** The modes of a form under way (a question, the summary, a confirmation, continue-or-not) where a complaint is still heard. */
const FORM_MODES: ReadonlySet<Session['mode']> = new Set(['ask', 'edit', 'review', 'confirm', 'resume']);

/**
 * A form under way (a wage report, joining, a booking): a complaint about the
 * staff said in it is this desk's all the same, and the form's question is
 * asked again once it is answered (flows/service.ts); nothing else said there is.
 */
export function formUnderWay(session: Session): boolean {
  return session.flowId !== null && FORM_MODES.has(session.mode);
}

/** A new phone said without the number. */
const ASK_NEW_PHONE = '新的手机号是多少？直接发过来，我转给负责您案件的工作人员。';
/** The answer to it had no mobile number in it: asked once more. */
const ASK_NEW_PHONE_AGAIN = '没看出手机号。请直接发新的11位手机号，例如13800138000；不转了就回复「不用了」。';
/** `caseNote.kind` while the new number is asked for a second time. */
const PHONE_AGAIN = 'phone-again';
/** Under words shown back with a number masked: the worker gets it whole. */
const MASKED_NOTE = '（号码在这里只显示一部分，转过去的是完整的。）';

/** Offered to a worker whose workmate wants to report: the report for him, or he writes himself. */
const COWORKER_OPTIONS = [
  { label: '替他反映', value: 'offer:yes' },
  { label: '让他自己来', value: 'offer:no' },
];
/** Asked before another report, as flows/service.ts asks after `反映欠薪`. */
const ANOTHER_OPTIONS = [
  { label: '是，另一件', value: 'offer:yes' },
  { label: '不是', value: 'offer:no' },
];

/** Said before someone else to handle the case is asked for (`我要换个人处理`): who can do it. */
const CHANGE_LEAD = '换人处理要由工会的负责同志来安排，我可以把您的意思转给他们。';
/** Said when a complaint is shown back: it does not reach the one complained of. */
const COMPLAINT_PRIVATE = '（只给工会的负责同志看，不会发给负责您案件的工作人员）';

/** Ordinals for picking a case (`第一个`, `第2件`, `头一个`). */
const ORDINAL = /^第([一二三四五1-5])(?:个|件|条|项)?$|^(头一|前一|上一|上面|前面)(?:那|的)?(?:个|件)?$|^(后一|下一|最后一|最后|下面|后面)(?:那|的)?(?:个|件)?$/;
const ORDINAL_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5 };
/** Around the case named (`转给第二个`, `好再来那个`, `顺达物流的吧`): not part of the name. */
const PICK_LEAD = /^(?:转给|转到|交给|发给|选|关于|就是|应该是|是)+/u;
/** A yes before the pick, set apart (`好的，第二个`, `对 好再来那个`). */
const PICK_YES = /^(?:好的?|对的?|嗯+|可以|行|是的)[，,。.!！\s]+/u;
const PICK_TAIL = /(?:的)?(?:那个|这个|那件|这件|那家|这家|那边|那里|那个案子|那件事|案子|案件|的事|吧|啊|呀|哈|的)+$/u;

/**
 * Which of several open cases the person means, answering «转给哪个案件？»:
 * its number in the list, `第二个`, its case number (`QX…`, or its last
 * four digits), or the employer as filed, in part (`好再来那个`). `none`:
 * the list's last option, 不用了. Null when the answer names none of them.
 */
export function whichCase(raw: string, caseNos: readonly string[], open: readonly Case[]): string | 'none' | null {
  const c = compact(raw);
  if (/^\d{1,2}$/.test(c)) {
    const n = Number(c);
    if (n >= 1 && n <= caseNos.length) return caseNos[n - 1]!;
    return n === caseNos.length + 1 ? 'none' : null;
  }
  const no = raw.toUpperCase().replace(/\s+/g, '').match(/QX\d{8}-?\d{4,}/)?.[0]?.replace(/^(QX\d{8})-?/, '$1-');
  if (no) return caseNos.includes(no) ? no : null;
  const key = compact(raw.trim().replace(PICK_YES, '')).replace(PICK_LEAD, '').replace(PICK_TAIL, '');
  if (/^-?\d{4}$/.test(key)) {
    const hits = caseNos.filter((x) => x.endsWith(key.replace('-', '')));
    return hits.length === 1 ? hits[0]! : null;
  }
  const ord = ORDINAL.exec(key);
  if (ord) {
    const n = ord[1] ? (ORDINAL_DIGITS[ord[1]] ?? Number(ord[1])) : ord[2] ? 1 : caseNos.length;
    return n >= 1 && n <= caseNos.length ? caseNos[n - 1]! : null;
  }
  // The employer as filed, or part of it (two characters at least): one case only; a yes or a no is none (`可以` is no 可以家政).
  if (yesNo(key) !== null || [...key].length < 2 || [...key].length > 30 || !/\p{Script=Han}|[A-Za-z]/u.test(key)) return null;
  const hits = caseNos.filter((x) => {
    const employer = compact(open.find((o) => o.caseNo === x)?.wage?.employer ?? '');
    return employer !== '' && employer.includes(key);
  });
  return hits.length === 1 ? hits[0]! : null;
}

/** `等一下`, `我想想`: the question stays. */
const HOLD = /^(?:等一下|等等|等下|稍等|等会|等会儿|我想想|让我想想|我考虑一下|考虑一下|我再想想)(?:吧|啊|哈)?$/;
/** `取消`, `算了`, `退出` alone: nothing to cancel after a report (the case goes on). */
const BARE_CANCEL = /^(?:那|那就|还是)?(?:取消|算了|退出|取消吧|算了吧)(?:吧|了|啊|哈)*$/;

/** A no to passing it on in other words (`先不要`, `没必要`, `还是不转了`, `先别转`, `不需要`). */
const NOT_NOW = /^(?:那|那就|还是|要不|要不然)?(?:先|暂时|暂且)?(?:不要|别|不用|甭|不|没必要|没有必要|不需要|不必)(?:转|发|告诉他们?|告诉工作人员)?(?:给他们|过去)?(?:了|吧|啦|先|哈)*$/;
/** Waiting to decide (`我再想想`, `等我问问`, `我跟家里商量一下`): the question stays. */
const HOLD_MORE = /^(?:等一下|等等|等下|等会儿?|先等等|等我)?(?:我|让我|俺)?(?:先|再)?(?:想想|想一想|想一下|考虑一下|考虑考虑|问问|问一下|(?:跟|和)?(?:家里人?|老婆|老公|工友|家人)?商量(?:一下|商量)?)(?:再说|吧|啊|哈)*$|^等(?:我|一下|等|下|会儿?)[^，]{0,6}$/;
/** What joins the words after a yes or a no to them (`不过`, `还是`, `不对`): read without it. */
const AFTER_JOIN = /^(?:不过|但是|可是|但|就是|只是|哦|噢|啊)?(?:不对|不是|错了)?/u;

/**
 * The words at «转给…吗？» taking back or putting off the yes they start with (`好 不用了`,
 * `是的 不过先别转`, `嗯 我再想想`, `转 不对 先别转`), or a no said in other words (`先不要`, `没必要`):
 * `no`, `hold`, or null when they do not.
 */
function takenBack(raw: string): 'no' | 'hold' | null {
  const c = compact(raw);
  if (NOT_NOW.test(c)) return 'no';
  if (HOLD_MORE.test(c)) return 'hold';
  const parts = raw.split(/[\s,，.。!！~～、]+/u).filter((p) => p !== '');
  if (parts.length < 2) return null;
  const head = compact(parts[0]!);
  if (yesNo(parts[0]!) === null && !PASS_ON.test(head)) return null;
  const said = compact(parts.slice(1).join(''));
  // `好的 不对`, `转 不要`: the no after it.
  if (yesNo(said) === false && [...said].length <= 4) return 'no';
  const rest = said.replace(AFTER_JOIN, '');
  if (rest === '') return null;
  if (DONT.test(rest) || NOT_NOW.test(rest) || (yesNo(rest) === false && [...rest].length <= 4)) return 'no';
  if (HOLD.test(rest) || HOLD_MORE.test(rest)) return 'hold';
  return null;
}

/**
 * A no that puts it right (`不对 是2000`, `不是 是9000`, `不对 是老板换了`): the words, no and all
 * (what is so instead); null when the no says nothing more (`不用了`, `不是 我不想转`).
 */
function putsRight(raw: string): string | null {
  const m = /^([^，,。.!！~～\s]+)[，,。.!！~～\s]+(.+)$/u.exec(raw.trim());
  if (!m || yesNo(m[1]!) !== false || !/^(?:不对|不是|错了|说错了|搞错了|不不|不是的|不对不对)$/u.test(compact(m[1]!))) return null;
  const rest = compact(m[2]!);
  if (takenBack(rest) !== null) return null;
  return /^(?:是|应该是|应该|而是|其实是|实际是|实际上是|改成|写成)\S/u.test(rest) || /\d{2,}/.test(rest) ? raw.trim() : null;
}

/** A sum or a number alone, or with 是/应该是 (`是8000`, `八千块`): more words for a note (`金额说错了` … `是8000`). */
const FIGURE_ONLY = /^(?:是|应该是|应该|改成|改为|其实是|一共|总共|一共是)?(?:\d{3,}|\d+(?:\.\d+)?[千万]|[一二三四五六七八九十两]+[百千万][一二三四五六七八九十两零百千万]*)(?:多)?(?:块钱?|元)?(?:吧|啊|呀)?$/u;

/** Asking whether it is all right (`可以吗`, `这样行不行`, `能转吗`) at «转给…吗？»: no yes, no words for the note. */
const ASKS_IF_OK = /^(?:这样|那|那这样|这个)?(?:可以|行|好|能|成)(?:吗|么|嘛|不|不行|不可以)(?:啊|呀|呢)?[?？]*$|^(?:这样|那)?(?:可不可以|可以不可以|行不行|能不能|好不好|可以不|行不)(?:啊|呀|呢)?[?？]*$|^(?:能|可以|能不能)(?:帮我)?转(?:过去|给他们|给工作人员)?(?:吗|么|不)[?？]*$/;

/** Asking what withdrawing means (`撤回会怎么样`, `撤回了还能再报吗`, `撤了有什么影响`): a question, no words for the note. */
const ASKS_ABOUT_WITHDRAWING =
  /^(?:如果|要是)?撤(?:回|销|掉)?(?:了|以后|之后)?(?:会|会不会|还能|还可以|能不能|可不可以)?(?:怎么样|怎样|咋样|有(?:什么|啥)(?:影响|后果)|再(?:报|反映|追|要)|重新(?:报|反映))(?:吗|么|嘛|呢|啊)?[?？]*$/u;
const WITHDRAWING_MEANS =
  '撤回以后，工作人员就不再帮您追这笔钱了；以后想再追，可以重新反映。要申请劳动仲裁的，注意一般是离开单位后1年内。想清楚再决定就行，';

/** Before words added to a yes (`对 再加一句 老板姓李`): not part of them. */
const ADD_JOIN = /^(?:再|我|我再)?(?:加|补充|补|添)(?:上)?(?:一句|一条|一点|几句|一下|个)?(?:话)?[，,:：\s]*/u;
/** Which of two notes' kinds a combined note takes: the first in this list. */
const KIND_RANK: readonly ReporterNoteKind[] = ['violence', 'retaliation', 'absconded', 'withdraw', 'paid', 'partly_paid', 'phone', 'other', 'correction'];
/** Said before whatever answers a message that ended a question to pass a note on (here or elsewhere: flows/service.ts). */
export const NOT_PASSED = '刚才那条没有转。';

/** Words a person adds to a note waiting for their yes: something said, not a greeting, a number to pick, a command or another service. */
function addsWords(raw: string): boolean {
  const han = raw.match(/\p{Script=Han}/gu)?.length ?? 0;
  if (han < 2 || [...raw].length < 3) return false;
  return !commandOf(raw) && smallTalkOf(raw) === null && !HOLD.test(compact(raw)) && serviceOf(raw, null) === null && yesNo(raw) === null;
}

const text = (t: string): Reply => ({ type: 'text', text: t });

/** How long after the case worker wrote to the person their words are taken as the answer (`好的 我晚上发`). */
const STAFF_REPLY_WINDOW_MS = 24 * 60 * 60_000;

/** A case as the person knows it: its number and whom it is about. */
const named = (c: Case) => `${c.caseNo}${c.wage ? `（${c.wage.employer.slice(0, 20)}）` : ''}`;

/** Afraid of being fired or paid back for reporting (`怕被开除`, `担心老板报复`, `怕穿小鞋`). */
const FEARS_RETALIATION = /(?:怕|担心|害怕|不敢)[^，,。]{0,6}(?:开除|辞退|炒|赶走|报复|穿小鞋|找麻烦|扣钱|不让干)/u;
const WITHDRAW_FOR_FEAR = '\n因为反映欠薪就开除或报复您，是违法的，可以要求赔偿；要不要撤回，可以先跟工作人员说说再决定。';

/** What is said before «转给…吗？», by kind. */
const LEAD: Partial<Record<ReporterNoteKind, string>> = {
  paid: '太好了！案件要由工作人员跟您核实后才办结，我先把这个消息转告他们。',
  partly_paid: '拿到一部分也是进展，剩下的工作人员会接着帮您要。',
  withdraw: '撤回要由工作人员跟您确认后再办，我可以先把您的意思转告他们；在这之前案件照常办理。',
  retaliation: '请把老板说的话留好证据（聊天记录、录音、短信都行）。因为反映欠薪就开除或报复您，是违法的，可以要求赔偿。',
  absconded: '这个情况很重要，工作人员需要尽快知道。',
  phone: '换了号码要让工作人员知道，不然联系不上您。',
  correction: '报告已经提交，原来的内容改不了，我可以把更正转给工作人员。',
};

/**
 * `caseNote.kind` while what was wrong is waited for, after `上一个填错了` or `返回` right after a report was submitted
 * (WRONG_AGAIN: asked a second way once; a third message with nothing in it stops asking).
 */
const WRONG_ASKED = 'wrong-asked';
const WRONG_AGAIN = 'wrong-again';
/** The same once the item was named alone (`名字`, `金额那一项`): `wrong-item:名字`; its right value is waited for. */
const WRONG_ITEM = 'wrong-item:';
/** An item of the report named alone, nothing of what is right (`名字`, `金额那一项`, `电话不对`): the item (1). */
const ITEM_ONLY =
  /^(?:是|就是)?(金额|钱数|工资|人数|单位(?:名字|名称)?|老板(?:的)?名字|名字|姓名|地址|时间|月份|拖欠时间|电话|手机号?)(?:那一?项|那个|那里)?(?:错了|不对|填错了|写错了)?(?:吧|啊|呀)?$/u;
/** `改金额`, `修改一下名字` at that question: the item, as ITEM_ONLY's (1). */
const FIX_ITEM = /^(?:我要|我想)?(?:改|修改|更改)(?:一下)?(金额|钱数|人数|单位|名字|姓名|地址)$/u;
/** How a correction is said, for the person to copy. */
const WRONG_HOW = '请说一下哪一项填错了、正确的是什么，例如「金额应该是8000」，我转给负责的工作人员。';
/** Said a second way when the answer again says nothing of what is wrong. */
const WRONG_ASKED_AGAIN = '还是没看出哪一项要改。请直接说正确的内容，例如「人数应该是5个」「老板姓王，不姓黄」；说不清楚的话，回复「人工」，工作人员会帮您核对。';
/** The third time: asking stops, never the same question again. */
const WRONG_STOP = '好的，我先不转。想起来哪一项不对，直接告诉我正确的内容就行；也可以回复「人工」请工作人员帮您。';
/** No correction after all (`不用了`, `没事了`). */
const WRONG_NONE = /^(?:不用了?|不转了?|不改了?|不用改了?|算了(?:吧)?|没事了?|没有了?|没了|没问题|没什么|不要了)(?:吧|啊|哈)?$/u;

/** What is said after it was passed on, by kind. */
const AFTER: Partial<Record<ReporterNoteKind, string>> = {
  paid: '工作人员核实后会办结案件。',
  partly_paid: '剩下的钱工作人员会接着帮您要。',
  withdraw: '撤回要等工作人员跟您确认后才办理，在这之前案件照常办理。',
  phone: '工作人员会用新号码联系您。',
};

/** What is said before «转给…吗？» for notes with their own advice. */
const LEAD_ABOUT: Record<NoteAbout, string> = {
  denied: '老板不认账，工作人员会去核实。您手里的工资条、考勤、聊天记录、转账记录都是证据，有的话直接拍照发过来。',
  settle: '可以跟老板协商私了，但要注意：先让老板把金额和哪天付写在纸上签字，钱真正到手之前，别签放弃其余工资的字据。拿不准的话，可以先问问负责的工作人员。',
  promise: '老板答应给钱是好事。最好请他把金额和哪天给写下来签字；钱到手之前，案件照常办理。',
  witness: '有人愿意作证很有用，工作人员需要时会联系证人。证人的电话可以一起告诉我；照片或文件直接发过来就行。',
  pressed: '撤不撤由您自己决定，老板和别人都不能逼您撤。钱真正到手之前，先别撤，也别签放弃或「不再追究」的字据；拿不准可以先跟负责的工作人员商量。',
  more: '欠的钱有变化，要让工作人员知道，他们会按最新的情况帮您追。要是另一个老板欠的，请回复「反映欠薪」另外登记。',
  'boss-phone': '这个电话对工作人员有用，我可以转给他们。',
  changed: '换了老板，欠您的工资不会因此就不算了；工作人员需要知道现在该找谁。新老板的名字、电话知道的话，也一起告诉我。',
  urgent: '知道您急着用钱。您的话可以转给负责的工作人员，让他们知道您的难处、抓紧办。',
  call: '可以，我把您的话转给负责的工作人员，请他们给您回电话。',
  refused: '老板说不给或者没钱，工作人员会去找他协调；没钱也不是拖欠工资的理由。您手里的工资条、考勤、聊天记录、转账记录都是证据，有的话直接拍照发过来。',
  'claims-paid': '老板说给了、钱却没到您手上，这个情况要让工作人员知道，他们会去核实。钱真正到手之前，案件照常办理。',
  'other-phone': '这个号码我可以转给负责的工作人员，作为联系不上您时的备用电话。您报告里留的手机号不变，工作人员还是先打那个号码。',
  'coworker-phone': '一起干活的工友也被欠了工资，这个情况工作人员需要知道。他的电话我转给负责您案件的工作人员，只用来联系他，不会当成您的电话；他自己也可以加我，发「反映欠薪」登记。',
  sued: '先别慌：您反映的是自己被拖欠的工资，这是您的正当权利，如实反映不是诬告。老板说的话留好证据（聊天记录、录音都行）；真收到法院或仲裁的文书，拍照发给我。',
  came: '找您的人说了什么、有没有让您撤回或者为难您，可以接着告诉我，一起转给负责的工作人员。因为反映欠薪就报复您，是违法的。',
  keeps: '好的，案件照常办理。您之前说过要撤回，我把您改主意的话转给负责的工作人员，免得他们按撤回办。',
  get 'card-held'() {
    return knowledgeLead('wage-card-held');
  },
  get 'id-held'() {
    return knowledgeLead('id-card-deposit');
  },
  get deduct() {
    return knowledgeLead('wage-late-deduction');
  },
  'sign-settled': '钱没全部到手之前，别签「已结清」「两清」「不再追究」这类字据，签了以后再要就难了。拿不准的话先别签，问问负责的工作人员。',
  distress: '听得出来您现在很难，先别急，您的案子工作人员在办。心里憋得慌、想找人说说，可以打职工服务热线12351。您的难处我也可以转给负责的工作人员，让他们抓紧办。',
  dares: '老板让您去仲裁、去告，说明他不打算主动给，这个情况要让工作人员知道，他们会接着找他协调。真要走仲裁也不用怕：劳动仲裁不收费，工会律师可以免费帮您看证据、写材料（回复「预约法律援助」）。',
  fee: '工会和工作人员帮您讨薪不收钱，也不会让您转账。有人以工会或工作人员的名义要您交钱、转账，先别给，可能是骗子；已经转了的，马上打110报警。这个情况要让负责的工作人员知道。',
  'back-to-work': '叫您回去上班的事，工作人员需要知道。回不回去由您自己定；回去上班，之前欠的工资照样要给，案件照常办理，回去以后的工资也要按时发。',
  talks: '跟老板谈可以，最好有工友或家人一起去。谈好的金额和哪天给，请他写在纸上签字；钱真正到手之前，别签「已结清」「不再追究」这类字据，案件照常办理。',
  'sign-refused': '没弄清楚写的是什么之前，先不签没关系。签字前要看清楚金额对不对、哪天给，有没有「已结清」「两清」「不再追究」这类话；钱没全部到手之前，别签这类字据。那份东西能拍照的话，拍下来发给我。',
  signed: '签的是什么、上面写了哪些话，能拍照的话拍下来发给我，我转给负责的工作人员帮您看。钱没全部到手之前，别再签「已结清」「两清」「不再追究」这类字据。',
  'others-paid': '别人的钱到了，这个情况要让负责的工作人员知道。您自己的钱真正到手之前，案件照常办理，工作人员会接着帮您要。',
  'lawyer-said': '律师的意见，负责您案件的工作人员也需要知道。要不要起诉、怎么走，可以跟工作人员商量着定；在这之前，这边的案件照常办理。',
  'authority-said': '那边说的情况，负责您案件的工作人员也需要知道，好跟那边对上情况。不管那边怎么说，这边的案件照常办理；那边再有消息，也告诉我一声。',
  elsewhere: '自己去也可以，两边不冲突，这边的案件照常办理，工会还会接着帮您。工作人员知道了，可以跟那边对上情况，免得您重复跑；那边有了结果（受理、处理决定），也告诉我一声。',
};

/** Who said the boss paid, at the start of the words (`工友说…`, `听说…`): 「工友说老板给了」, else the boss's own word. */
const HEARSAY_WHO = /^(?:那个|可是|但是)?(?:(工友|老乡|同事|别人|他们|大家|有人|网格员|工作人员)(?:们)?(?:说|讲)|(听说|听人说|据说))/u;
function claimsPaidLead(raw: string): string {
  const m = HEARSAY_WHO.exec(compact(raw));
  if (!m) return LEAD_ABOUT['claims-paid'];
  const who = m[1] ? `${m[1]}说` : m[2]!;
  return LEAD_ABOUT['claims-paid'].replace('老板说给了', `${who}老板给了`);
}

/** A knowledge entry's answer with its basis, as the knowledge base says it (flows/knowledge/knowledge.json), for a note's lead. */
function knowledgeLead(id: string): string {
  const e = knowledgeBase().byId(id);
  if (!e) return '这个情况要让工作人员知道。';
  return withBasis(e);
}

/** Another's number said after 删除我的信息: not passed on (nobody's number is kept for a person who asked to be forgotten). */
const OTHER_PHONE_FORGOTTEN = '您的联系方式已经删除了，别人的号码我这里不转。想让工作人员打电话给您，请把您自己的手机号发给我，我转给他们。';

/** After 删除我的信息 staff have no number to call: the person is asked for one (a number sent here is passed on). */
const CALL_NO_NUMBER = '您的联系方式已经删除，工作人员没有号码可打。想让他们打电话给您，请把手机号发给我，我转给他们。';

/**
 * `caseNote.kind` while «这个号码是谁的？» waits (`whose-phone:李哥 139…`: the words said, sealed with the session as a
 * note's are); asked a second time once (`whose-phone-again:`), then no more.
 */
const WHOSE_PHONE = 'whose-phone:';
const WHOSE_PHONE_AGAIN = 'whose-phone-again:';
/** The answers to «这个号码是谁的？», by whose: the person's own is no answer when someone was named with it. */
function whosePhoneOptions(read: Extract<CaseMessage, { kind: 'whose-phone' }>) {
  // A workmate's: what for.
  if (read.peer) {
    return [
      { label: '他也被欠了工资', value: '工友的' },
      { label: '他能给我作证', value: '能作证' },
      { label: '联系不上我时打他', value: '家人或朋友的' },
    ];
  }
  return [
    ...(read.who || read.peer ? [] : [{ label: '我自己的新号码', value: '我自己的新号码' }]),
    { label: '老板或包工头那边的', value: '老板或包工头那边的' },
    { label: '工友的，他也被欠了工资', value: '工友的' },
    { label: '家人或朋友的，联系不上我时打', value: '家人或朋友的' },
  ];
}
/** «这个号码是谁的？»: nothing is passed on or changed before the answer. */
function whosePhoneQuestion(read: Extract<CaseMessage, { kind: 'whose-phone' }>): string {
  const lead = read.who ? `${read.who}是您的什么人？这个号码我先不转。` : read.peer ? '您工友的这个号码，要转给工作人员做什么用？' : '这个号码是谁的？我先不转，工作人员还是打您报告里留的手机号。';
  return `${lead}\n请回复数字选择：`;
}

/** `caseNote.kind` while the boss's number is waited for, after `boss-phone` (`boss-phone:包工头`: who, as named). */
const BOSS_PHONE = 'boss-phone:';

/** The answer to the boss's phone asked for or offered with no number: not given out; theirs, if they have it, asked for. */
function bossPhoneText(who: string, offers: boolean): string {
  return offers
    ? `有${who}的电话，工作人员联系起来更方便。直接把号码发给我，我转给负责您案件的工作人员。`
    : `${who}的电话我这里没有，也不能提供。联系${who}的事，工作人员会去办。您要是知道${who}的电话，直接发给我，我转给负责您案件的工作人员。`;
}

const URGENT_KINDS: ReadonlySet<string> = new Set(['retaliation', 'violence']);

/** Pressing about being called (`怎么还没人联系我`, `咋没人给我打电话`), compact. */
const CONTACT_WORDS = /联系|打电话|来电话|回电话|找我|找过我/u;

/** What comes next for a case, by its status, and the time limits (the progress view has its dates). */
function nextLine(c: Case, resolveDays: number): string {
  switch (c.status) {
    case 'submitted':
      return `现在正在安排工作人员，安排好了会告诉您由谁负责；工作人员接手后一般${resolveDays}个工作日内办结。`;
    case 'assigned':
      return `接单后一般${resolveDays}个工作日内办结。`;
    case 'accepted':
      return '工作人员正在办，有进展会在这里告诉您。';
    case 'closing':
      return '办理结果正在审核，审核完会告诉您。';
    case 'referred':
      return '检察机关正在审查是否支持起诉，有结果会告诉您。';
    default:
      return '';
  }
}

const MONEY_LINE = '钱什么时候能到手，要看跟老板协商或执法部门处理的结果，现在还说不准；办结期限前一定会给您一个答复。';
const STAFF_PHONE_LINE = '工作人员会打您留的电话联系您，他们的电话不在这里公开；有急事可以打职工服务热线12351。';
/** The same after 删除我的信息: staff have no number to call. */
const STAFF_PHONE_LINE_FORGOTTEN = '您的联系方式已删除，工作人员没法打电话给您，有进展会在这里告诉您；他们的电话不在这里公开，有急事可以打职工服务热线12351。';

export function createCaseDesk(core: Core) {
  const idleMs = core.config.SESSION_IDLE_MINUTES * 60_000;

  /**
   * The only mobile number in `raw` is the one already on file for every case meant (a WeChat
   * double-send of the number given at the form): nothing to pass on (compared by its lookup hash).
   */
  function sameNumberOnFile(raw: string, cases: readonly Case[]): boolean {
    const nos = [...new Set(mobilesIn(raw.replace(/\s+/g, '')))];
    if (nos.length !== 1 || cases.length === 0) return false;
    const hash = lookupHash(core.config.HASH_KEY, 'phone', nos[0]!);
    return cases.every((c) => c.reporter.phoneHash === hash);
  }

  /**
   * The answer to a message about the person's open case, or null when it
   * is not one (the conversation goes on as before). A question to pass a
   * note on that is waiting ends with any message (`session.caseNote`
   * cleared in place, so whoever saves the session next saves that).
   * `shown`: the cases a progress reply showed (`催一下`, `我的案件编号是多少`): the caller adds under it what 进度
   * adds (the legal-aid line, 文书, the bookings to come), so every progress reply says the same.
   */
  async function command(userKey: string, session: Session, incoming: Incoming, ctx: FlowContext): Promise<{ session: Session; replies: Reply[]; shown?: Case[] } | null> {
    const waiting = session.caseNote && ctx.now.getTime() - Date.parse(session.caseNote.at) <= idleMs ? session.caseNote : null;
    if (session.caseNote) session.caseNote = null;
    if (incoming.kind !== 'text') return null;
    // In the middle of a form only a complaint about the staff is this desk's (and the answer to its question).
    const inForm = formUnderWay(session);
    if (!inForm && (session.flowId !== null || (session.mode !== 'idle' && session.mode !== 'offer'))) return null;
    const raw = normalizeMessage(incoming.text);
    if (waiting && (!inForm || waiting.kind === 'complaint')) {
      const answered = await answerWaiting(userKey, session, waiting, raw, ctx);
      if (answered) return answered;
    }
    // `返回`, `上一步` right after a wage report was submitted: there is no step back; it is submitted (its number said),
    // and a correction is asked for as after `上一个填错了`. Said again at that question: the menu, as before.
    const wrongAsked = waiting && (waiting.kind === WRONG_ASKED || waiting.kind === WRONG_AGAIN);
    if (!inForm && !wrongAsked && session.mode === 'idle' && commandOf(raw) === 'back' && justSubmitted(session, ctx)) {
      const wage = (await casesForNotes(core, userKey)).filter((c) => c.kind === 'wage_arrears');
      if (wage.length > 0) {
        const out = askWrong(session, [wage[0]!.caseNo], wage, ctx, true);
        return waiting && waiting.text !== '' ? { ...out, replies: [text(NOT_PASSED), ...out.replies] } : out;
      }
    }
    // In the middle of a form only a complaint is taken (below), so the reading stops once it knows there is none
    // (`complaintOnly`: what it returns then is what it would say, or null where it would say something else).
    let read = readCaseMessage(raw, inForm);
    // The staff named by name (`那个林志强不接电话`): read as said of the staff (`那个工作人员不接电话`).
    if (!read && !inForm) {
      const plain = await staffNamesAsStaff(userKey, raw, ctx);
      if (plain) read = readCaseMessage(plain);
    }
    // `还差3000`, `老板还欠我3000没给` with a wage case open: the rest still owed, so part came; the sum is checked against the
    // report's (answerRead). With none open it may be another report: read as before.
    if (!read && !inForm && LEFT_ALONE.test(compact(raw)) && (await casesForNotes(core, userKey)).some((c) => c.kind === 'wage_arrears')) read = { kind: 'note', note: 'partly_paid' };
    // Pressing (`怎么还没人联系我`) once the date promised has passed: sorry, the date, and the union's supervisor offered.
    if (!read && !inForm && pressing(raw)) {
      const open = await casesForNotes(core, userKey);
      const about = targetCases(session, open, raw, ctx);
      const late = open.length > 0 && lateLine(about, ctx) !== null;
      // Before the date: heard, the date, and what then; nothing passed on.
      const heard = !late && open.length > 0 ? heardLead(about, ctx, raw) : null;
      if (heard) return { session, replies: [...(waiting && waiting.text !== '' ? [text(NOT_PASSED)] : []), text(progressReply(ctx, about, false, heard))], shown: about.slice(0, 3) };
      if (!late) return null;
      const out = await askComplaint(session, open, raw, true, ctx);
      return waiting && waiting.text !== '' ? { ...out, replies: [text(NOT_PASSED), ...out.replies] } : out;
    }
    if (!read && !inForm) {
      // An answer to what the case worker wrote lately (`好的 我晚上发`): for them, shown back for a yes.
      const answer = await answerToStaff(userKey, session, raw, ctx);
      if (answer) return waiting && waiting.text !== '' ? { ...answer, replies: [text(NOT_PASSED), ...answer.replies] } : answer;
    }
    // `8000`, `是8000`, `我叫张三` alone: whether it corrects the report is asked, the correction passed on only after a yes.
    const bare = !read && !inForm && session.mode === 'idle' ? bareCorrection(raw) : null;
    if (bare) {
      const open = await casesForNotes(core, userKey);
      const wage = open.filter((c) => c.kind === 'wage_arrears');
      if (wage.length === 0) return null;
      const out = askBare(session, wage, raw, bare, ctx);
      return waiting && waiting.text !== '' ? { ...out, replies: [text(NOT_PASSED), ...out.replies] } : out;
    }
    // `我不满意这个结果`, `能不能重新处理` with no case open and one just closed by staff: what it can still take, said.
    if (!read && !inForm && session.mode === 'idle' && [...compact(raw)].length <= PROGRESS_MAX && DISPUTED.test(compact(raw))) {
      const done = (await casesForNotes(core, userKey)).length === 0 ? await lastResolved(userKey) : null;
      if (done) return { session, replies: [text(await afterCloseReply(userKey, done, 'disputed', ctx))], shown: [done] };
    }
    // Words about recovered money (`说是追回了但我没收到钱`, `钱还冒到`) while a close is with the township for review: that
    // case, and that 收到了 / 没收到 is asked once the review is done (it was 没太明白). Nothing is applied.
    // None or part of it (`没收到钱`, `只收到3000`): the same, and the words shown for a yes to pass them on: the review
    // should know before it approves (the approver hears them too, core/cases/notes.ts).
    const loose = !read && !inForm && session.mode === 'idle' ? looseReceipt(raw) : null;
    if (loose !== null) {
      const reviewed = (await casesForNotes(core, userKey)).filter((c) => c.status === 'closing' && c.closeRequest);
      if (reviewed.length > 0) {
        const lead = reviewLead(reviewed[0]!);
        // 没收到 of a close that reports nothing recovered says nothing new.
        const missing = loose === 'partly' || (loose === 'not_received' && reviewed[0]!.closeRequest!.recovered != null);
        if (missing) {
          const tell = loose === 'partly' ? '只收到一部分的话，可以先告诉工作人员，审核的人也会看到。' : '还没收到的话，可以先告诉工作人员，审核的人也会看到。';
          const out = ask(session, reviewed, raw, loose === 'partly' ? 'partly_paid' : 'other', ctx, undefined, lead + tell);
          return waiting && waiting.text !== '' ? { ...out, replies: [text(NOT_PASSED), ...out.replies] } : out;
        }
        return { session, replies: [...(waiting && waiting.text !== '' ? [text(NOT_PASSED)] : []), text(progressReply(ctx, reviewed, false, lead))], shown: reviewed.slice(0, 3) };
      }
    }
    if (!read || (inForm && read.kind !== 'complaint')) return null;
    const open = await casesForNotes(core, userKey);
    // A case asked about by its number (`进度 QX…`): that one, closed too; a number that is not theirs is said so.
    const asked = read.kind === 'progress' && !inForm ? askedCaseNo(raw) : null;
    if (asked) {
      const out = await numberAsked(userKey, session, raw, read, asked, open, ctx);
      return waiting && waiting.text !== '' ? { ...out, replies: [text(NOT_PASSED), ...out.replies] } : out;
    }
    // Another report with no wage report open: the conversation starts it, as before.
    if (read.kind === 'another' && open.length > 0 && !open.some((c) => c.kind === 'wage_arrears')) return null;
    // A complaint about the staff with no case open: where to take it, not a wage report offered.
    if (open.length === 0 && read.kind === 'complaint' && read.named) return { session, replies: [text(COMPLAINT_NO_CASE)] };
    // None open, one just closed by staff (`谁办的`, `工作人员电话多少`, `怎么又没人管了`): that case, how it ended, and
    // what it still waits for from the person (it was 答不上来, or 没太明白).
    // News of the money or the boss (`他们只给了一半`): said that it can no longer be passed on, and what can.
    // Another report (`我要再报一次`): asked whether it is another, as with a case open.
    if (open.length === 0) {
      const news = (read.kind === 'note' && AFTER_CLOSE_NEWS.has(read.note)) || read.kind === 'wrong';
      const done = !inForm && (read.kind === 'progress' || read.kind === 'complaint' || read.kind === 'another' || news) ? await lastResolved(userKey) : null;
      if (!done) return null;
      if (read.kind === 'another') {
        if (done.kind !== 'wage_arrears') return null;
        return {
          session: { ...session, mode: 'offer', offer: 'wage', offerCase: done.caseNo, offerFacts: null, options: ANOTHER_OPTIONS, updatedAt: ctx.now.toISOString() },
          replies: [{ type: 'text', text: T.reportedBefore(done.caseNo), options: ANOTHER_OPTIONS }],
        };
      }
      const about = news ? 'news' : read.kind !== 'progress' ? 'pressed' : read.asks === 'who' ? 'who' : read.staffPhone ? 'phone' : 'progress';
      return { session, replies: [text(await afterCloseReply(userKey, done, about, ctx))], shown: [done] };
    }
    // A note that waited and was neither passed on nor added to: said so, not dropped in silence.
    if (waiting && waiting.text !== '') {
      const out = await answerRead(session, raw, read, open, ctx);
      return { ...out, replies: [text(NOT_PASSED), ...out.replies] };
    }
    return answerRead(session, raw, read, open, ctx);
  }

  /**
   * The message with the name of a staff member who works the person's open cases (the assignee, or
   * one who wrote to them) put as `工作人员`, or null when no such name is in it.
   */
  async function staffNamesAsStaff(userKey: string, raw: string, ctx: FlowContext): Promise<string | null> {
    // Not with the boss named (`老板李明辉不接电话`): a staff name may be part of another's.
    if (!/\p{Script=Han}{2}/u.test(raw) || [...raw].length > PROGRESS_MAX * 2 || new RegExp(BOSS_SIDE).test(raw)) return null;
    const open = await casesForNotes(core, userKey);
    const ids = new Set(open.flatMap((c) => [...(c.assignee ? [c.assignee.staffId] : []), ...c.replies.map((r) => r.staffId)]));
    let out = raw;
    for (const id of ids) {
      const name = ctx.index.staffById.get(id)?.staff.name ?? '';
      if ([...name].length >= 2 && out.includes(name)) out = out.split(name).join('工作人员');
    }
    return out === raw ? null : out;
  }

  /**
   * An answer to what the case worker wrote to the person (`回复 QX… 请把工资条发给我` → `好的 我晚上发`),
   * lately ({@link STAFF_REPLY_WINDOW_MS}; a question only while the chat is fresh): shown back and passed on
   * to that case's worker after a yes. Null when there is no such message, or these are not words for it
   * (a command, small talk, another service).
   */
  async function answerToStaff(userKey: string, session: Session, raw: string, ctx: FlowContext): Promise<{ session: Session; replies: Reply[] } | null> {
    const han = raw.match(/\p{Script=Han}/gu)?.length ?? 0;
    if (han < 2 || [...raw].length > NOTE_MAX_CHARS) return null;
    if (commandOf(raw) || smallTalkOf(raw) !== null || serviceOf(raw, null) !== null || isFiller(raw) || forgetAsked(raw)) return null;
    const open = await casesForNotes(core, userKey);
    const now = ctx.now.getTime();
    let latest: { c: Case; at: number; text: string } | null = null;
    for (const c of open) {
      const r = c.replies.at(-1);
      const at = r ? Date.parse(r.at) : NaN;
      if (r && now - at >= 0 && now - at <= STAFF_REPLY_WINDOW_MS && (!latest || at > latest.at)) latest = { c, at, text: r.text };
    }
    if (!latest) return null;
    // A question well after the message (`工伤怎么赔`) is the person's own: the conversation answers it.
    if (isQuestion(raw) && now - latest.at > idleMs) return null;
    const files = new RegExp(EVIDENCE_NOUN).test(latest.text) && /发|拍|交|给|提供|上传/.test(latest.text);
    const lead = `这是回复工作人员的吧？${files ? '照片或文件直接发到这里就行，会补充到您的案件。' : ''}`;
    return ask(session, [latest.c], raw, 'other', ctx, undefined, lead);
  }

  /**
   * `进度 QX…` (`查 QX…`, `案件编号QX…`): the person's own case of that number, open or closed; another
   * number (someone else's, mistyped) is said to be none of theirs (never whether it exists), with their own cases under it.
   */
  async function numberAsked(userKey: string, session: Session, raw: string, read: CaseMessage, no: string, open: Case[], ctx: FlowContext): Promise<{ session: Session; replies: Reply[]; shown?: Case[] }> {
    const mine = open.find((c) => c.caseNo === no);
    if (mine) return answerRead(session, raw, read, [mine], ctx);
    const c = await core.cases.getByNo(no);
    if (c && c.reporter.userKey === userKey) return { session, replies: [text(`您的案件：\n\n${progressText(ctx.index, c)}`)], shown: [c] };
    const lead = `没有找到您名下编号是 ${no} 的案件，请核对一下编号。为了保护个人信息，案件只有本人能查。`;
    if (open.length > 0) return { session, replies: [text(progressReply(ctx, open, false, lead))], shown: open.slice(0, 3) };
    const list = (await core.cases.listByUser(userKey, 3)).filter((x) => x.reporter.userKey === userKey);
    if (list.length === 0) return { session, replies: [text(`${lead}\n您在这里还没有反映过问题，回复「2」可以反映欠薪。`)] };
    return { session, replies: [text(`${lead}\n\n您最近的案件：\n\n${list.map((x) => progressText(ctx.index, x)).join('\n\n')}`)], shown: list };
  }

  /** What the desk says to `read`, about the person's `open` cases. */
  async function answerRead(session: Session, raw: string, read: CaseMessage, open: Case[], ctx: FlowContext): Promise<{ session: Session; replies: Reply[]; shown?: Case[] }> {
    const now = ctx.now.toISOString();
    switch (read.kind) {
      case 'complaint':
        return askComplaint(session, open, raw, read.noAnswer || lateLine(targetCases(session, open, raw, ctx), ctx) !== null, ctx, read.change ? CHANGE_LEAD : undefined);
      case 'progress': {
        // Asked about once the date promised has passed: sorry, the date, and the union's supervisor offered.
        const late = !read.asks && !/^QX\d/i.test(compact(raw)) ? lateLine(targetCases(session, open, raw, ctx), ctx) : null;
        // The staff's phone asked (`工作人员电话多少`): that answered, and how to have it pressed said (the question is no
        // complaint to show back for the supervisor).
        if (late && read.staffPhone) return { session, replies: [text(progressReply(ctx, open, true, `很抱歉让您久等了。${late}要催办的话，回复「催一下」，我帮您把情况转给工会的负责同志督办。`))], shown: open.slice(0, 3) };
        if (late) return askComplaint(session, open, raw, true, ctx);
        // Pressing before the date (`咋还没动静`): heard, the date, and what then.
        const heard = !read.asks && !read.staffPhone && pressing(raw) ? heardLead(targetCases(session, open, raw, ctx), ctx, raw) : null;
        if (heard) return { session, replies: [text(progressReply(ctx, open, false, heard))], shown: open.slice(0, 3) };
        const nos = open.slice(0, 3).map((c) => c.caseNo).join('、');
        const lead = read.asks === 'number' ? `您的案件编号是 ${nos}。` : read.asks === 'submitted' ? `已经提交成功了，案件编号是 ${nos}。` : read.asks === 'who' ? whoLine(open, ctx) : read.asks === 'caller' ? callerLine(open, ctx) : undefined;
        return { session, replies: [text(progressReply(ctx, open, read.staffPhone, lead))], shown: open.slice(0, 3) };
      }
      case 'boss-phone':
        return {
          session: { ...session, caseNote: { text: '', kind: `${BOSS_PHONE}${read.who}`, caseNos: targets(session, open, raw, ctx), at: now }, options: [] },
          replies: [text(bossPhoneText(read.who, read.offers))],
        };
      case 'whose-phone': {
        const one = targetCases(session, open, raw, ctx);
        // After 删除我的信息 the person was asked for a number: one sent alone is theirs, as before.
        if (!read.who && !read.peer && one.length > 0 && one.every(reporterForgotten)) return answerRead(session, raw, { kind: 'note', note: 'phone' }, open, ctx);
        if (!read.who && !read.peer && sameNumberOnFile(raw, one)) return { session, replies: [text(SAME_ON_FILE)] };
        // `王芳 139…` with the name the report gave for the person: their own number, as `我的电话139…` is.
        if (read.who && one.length > 0 && one.every((x) => x.reporter.name === read.who)) return answerRead(session, raw, { kind: 'note', note: 'phone' }, open, ctx);
        return {
          session: { ...session, caseNote: { text: '', kind: `${WHOSE_PHONE}${noteWords(raw)}`, caseNos: targets(session, open, raw, ctx), at: now }, options: [] },
          replies: [{ type: 'text', text: whosePhoneQuestion(read), options: whosePhoneOptions(read) }],
        };
      }
      case 'new-phone':
        return {
          session: { ...session, caseNote: { text: '', kind: 'phone', caseNos: targets(session, open, raw, ctx), at: now }, options: [] },
          replies: [text(ASK_NEW_PHONE)],
        };
      case 'coworker': {
        const wage = open.find((c) => c.kind === 'wage_arrears');
        const who = read.relation ?? '工友';
        return {
          session: { ...session, mode: 'offer', offer: 'wage', offerCase: (wage ?? open[0]!).caseNo, offerFacts: { facts: {}, given: { onBehalf: { relation: who } } }, options: COWORKER_OPTIONS, updatedAt: now },
          replies: [
            {
              type: 'text',
              text: `您的${who}可以自己加我，发「反映欠薪」登记，工作人员会直接联系他。\n您也可以替他反映，我带您填他的情况。要现在替他反映吗？`,
              options: COWORKER_OPTIONS,
            },
          ],
        };
      }
      case 'another': {
        const wage = open.find((c) => c.kind === 'wage_arrears')!;
        return {
          session: { ...session, mode: 'offer', offer: 'wage', offerCase: wage.caseNo, offerFacts: null, options: ANOTHER_OPTIONS, updatedAt: now },
          replies: [{ type: 'text', text: T.reportedBefore(wage.caseNo), options: ANOTHER_OPTIONS }],
        };
      }
      case 'files': {
        const wage = open.filter((c) => c.kind === 'wage_arrears');
        if (wage.length > 1) return { session, replies: [text(`照片或文件直接发过来就行。您有${wage.length}个在办的案件，请先回复「补充 案件编号」，例如「补充 ${wage[0]!.caseNo}」，再发文件。`)] };
        return { session, replies: [text(`照片或文件直接发过来就行，会补充到案件 ${named(wage[0] ?? open[0]!)}，负责的工作人员能看到。`)] };
      }
      case 'asks':
        // `我还是想要` after a withdrawal was passed on: staff must know, so it is passed on too (after a yes).
        if (read.about === 'keeps') {
          const withdrawn = targetCases(session, open, raw, ctx).filter((c) => c.reporterNotes.some((n) => n.kind === 'withdraw'));
          if (withdrawn.length > 0) return ask(session, withdrawn, `${raw}（不撤回了）`, 'other', ctx, 'keeps');
        }
        // `我老婆的电话也换了`: a number sent next is the relative's spare one, never the reporter's new phone.
        if (read.about === 'kin-phone') {
          const who = KIN_PHONE_CHANGED.exec(compact(raw))?.[1] ?? '家人';
          return { session: { ...session, caseNote: { text: '', kind: `${KIN_PHONE}${who}`, caseNos: targets(session, open, raw, ctx), at: now }, options: [] }, replies: [text(KIN_PHONE_ANSWER)] };
        }
        if (read.about === 'go-on') {
          const c = open.find((x) => x.kind === 'wage_arrears') ?? open[0]!;
          const nos = open.length > 1 ? `您有${open.length}个在办的案件` : `您的案件 ${named(c)} 正在办理`;
          return { session, replies: [text(`${nos}，不用您再做什么，等工作人员联系您就行。现在可以：回复「进度」查看办到哪一步；有新的材料（照片、截图）直接发给我；要找真人，回复「人工」。`)] };
        }
        return { session, replies: [text(ASKS_ANSWER[read.about])] };
      case 'who-came':
        // Who came is asked; nothing is kept or passed on until the answer (and then the usual yes).
        return {
          session: { ...session, caseNote: { text: '', kind: `${WHO_CAME_ASKED}${noteWords(raw).slice(0, 60)}`, caseNos: targets(session, open, raw, ctx), at: now }, options: [] },
          replies: [{ type: 'text', text: read.call ? WHO_CALLED_QUESTION : WHO_CAME_QUESTION, options: WHO_CAME_OPTIONS }],
        };
      case 'boss-says-paid':
        // Whether the money came is asked; nothing is kept or passed on until the answer (and then the usual yes).
        return {
          session: { ...session, caseNote: { text: '', kind: `${SAYS_PAID_ASKED}${noteWords(raw).slice(0, 60)}`, caseNos: targets(session, open, raw, ctx), at: now }, options: [] },
          replies: [{ type: 'text', text: SAYS_PAID_QUESTION, options: SAYS_PAID_OPTIONS }],
        };
      case 'unreachable':
        // Whose phone is asked; nothing is kept or passed on until the answer (and then the usual yes).
        return {
          session: { ...session, caseNote: { text: '', kind: `${UNREACHABLE_ASKED}${noteWords(raw).slice(0, 60)}`, caseNos: targets(session, open, raw, ctx), at: now }, options: [] },
          replies: [
            {
              type: 'text',
              text: '您说的是谁的电话打不通？\n负责案件的工作人员可能正在外面办事，他们会打您留的手机号联系您；老板的电话打不通，这个情况要让工作人员知道。\n请回复数字选择：',
              options: UNREACHABLE_OPTIONS,
            },
          ],
        };
      case 'fix':
        return { session, replies: [text('报告已经提交了，原来的内容改不了。哪里不对，直接告诉我，比如「金额应该是8000」，我转给负责的工作人员。')] };
      case 'wrong':
        // `电话错了`: the right number asked as a new one's (shown back masked for a yes, answerNewPhone).
        if (read.item && /电话|手机/u.test(read.item)) return answerRead(session, raw, { kind: 'new-phone' }, open, ctx);
        return askWrong(session, targets(session, open, raw, ctx), open, ctx, false, read.item);
      case 'say-more':
        return {
          session: { ...session, caseNote: { text: '', kind: 'correction', caseNos: targets(session, open, raw, ctx), at: now } },
          replies: [text('好的，您说，要补充或更正什么？我先给您看一遍，再转给负责的工作人员。照片或文件直接发过来就行。')],
        };
      case 'note': {
        // `老板今天给了我3000`: all of it when that is as much as the one case says is owed.
        const one = targetCases(session, open, raw, ctx);
        if (read.about === 'call' && one.length > 0 && one.every(reporterForgotten)) return { session, replies: [text(CALL_NO_NUMBER)] };
        if (read.note === 'phone' && sameNumberOnFile(raw, one)) return { session, replies: [text(SAME_ON_FILE)] };
        // Another's number after the person's own contact was deleted: not kept for them; their own asked for instead.
        if (read.about === 'other-phone' && one.length > 0 && one.every(reporterForgotten)) return { session, replies: [text(OTHER_PHONE_FORGOTTEN)] };
        // `收到5000 还差3000` of 6,000: the sums do not add up to the report's; asked, nothing passed on yet.
        const off = read.note === 'partly_paid' || read.note === 'paid' ? partMismatch(raw, one) : null;
        if (off) {
          const total = (off.got ?? 0) + off.left;
          // `还差6000` of 6,000: nothing came, which is the case as it stands; nothing to pass on or ask.
          if (off.got === null && off.left === off.owed) return { session, replies: [text(`您报告里的欠薪金额就是${yuan(off.owed)}，还差${yuan(off.left)}就是一分还没拿到，工作人员会接着帮您要，不用另外转。拿到了一部分的话，请告诉我收到了多少。`)] };
          const said = off.got === null ? `您说还差${yuan(off.left)}，比报告里的还多` : `您说收到${yuan(off.got)}、还差${yuan(off.left)}，加起来是${yuan(total)}，跟报告对不上`;
          const how = off.got === null ? `是欠的钱变多了吗？要是欠薪金额应该是${yuan(total)}，请回复「金额应该是${total}」；不是的话，请再说一下收到了多少、还差多少。` : `请再说一下收到了多少、还差多少；要是欠薪金额应该是${yuan(total)}，请回复「金额应该是${total}」。`;
          return {
            session: { ...session, caseNote: { text: '', kind: `${PART_MISMATCH}${noteWords(raw)}`, caseNos: one.map((x) => x.caseNo), at: now }, options: [] },
            replies: [
              text(
                `您报告里的欠薪金额是${yuan(off.owed)}。${said}，这条我先不转。\n${how}`,
              ),
            ],
          };
        }
        // `还差3000` of 6,000: what came is inferred, so it is said back to be checked with the yes.
        const leftAlone = read.note === 'partly_paid' && one.length === 1 && one[0]!.wage?.amount ? LEFT_ALONE.exec(compact(raw)) : null;
        const leftSum = leftAlone ? sumOf(leftAlone[1]!) : null;
        if (leftSum !== null) {
          const got = one[0]!.wage!.amount - leftSum;
          return ask(session, open, raw, 'partly_paid', ctx, undefined, `您是说已经收到${yuan(got)}、还差${yuan(leftSum)}吗？${LEAD.partly_paid ?? ''}`);
        }
        // `收到8000` of 6,000: more than the report says is owed: whether all of it came, or more was owed, is asked; nothing
        // passed on yet (it was taken as all paid, 「太好了！」).
        const owedSum = one.length === 1 ? one[0]!.wage?.amount : undefined;
        if (read.note === 'partly_paid' && read.paid !== undefined && owedSum !== undefined && owedSum !== null && owedSum > 0 && read.paid > owedSum) {
          return {
            session: { ...session, caseNote: { text: '', kind: `${PART_MISMATCH}${noteWords(raw)}`, caseNos: one.map((x) => x.caseNo), at: now }, options: [] },
            replies: [
              text(
                `您报告里的欠薪金额是${yuan(owedSum)}，您说收到${yuan(read.paid)}，比报告里的还多，这条我先不转。\n是欠的钱其实更多吗？要是欠薪金额应该是${yuan(read.paid)}，请回复「金额应该是${read.paid}」；要是欠的钱已经全部拿到了，请回复「钱都拿到了」。`,
              ),
            ],
          };
        }
        const all = read.paid !== undefined && one.length === 1 && !!one[0]!.wage && read.paid >= one[0]!.wage.amount;
        // `老板跑了 而且我电话也换了 139…`: the news and the new phone, each a note of its own, on one yes.
        if (read.phone !== undefined && !one.every(reporterForgotten)) {
          const rest = normalizeMessage(raw).replace(read.phone, '').replace(/^[，,。\s]+|[，,。\s]+$/gu, '').replace(JOIN_EDGES, '').trim();
          const phone = read.phone;
          if (sameNumberOnFile(phone, one)) return ask(session, open, rest, all ? 'paid' : read.note, ctx, read.about);
          return ask(session, open, rest, all ? 'paid' : read.note, ctx, read.about, undefined, phone);
        }
        return ask(session, open, raw, all ? 'paid' : read.note, ctx, read.about);
      }
    }
  }

  /** A wage report was submitted in this chat lately (within the session's idle time). */
  function justSubmitted(session: Session, ctx: FlowContext): boolean {
    const s = session.submitted;
    return !!s && s.flowId === 'wage' && ctx.now.getTime() - Date.parse(s.at) <= idleMs;
  }

  /**
   * Something said to be wrong with the report and not what (`上一个填错了`), or `返回` right after it was submitted
   * (`back`): it is submitted (its number said) and cannot be changed here; which item and what is right are asked,
   * and the next message with words in it is shown back for a yes (answerWaiting).
   */
  function askWrong(session: Session, caseNos: string[], open: Case[], ctx: FlowContext, back: boolean, item?: string): { session: Session; replies: Reply[] } {
    const one = caseNos.length === 1 ? open.find((c) => c.caseNo === caseNos[0]) : undefined;
    const no = one ? `（案件编号 ${one.caseNo}）` : '';
    // The item named (`金额不对`): its right value asked, as when it is named at «哪一项填错了？».
    const said = back
      ? `您的报告已经提交了${no}，不能返回修改。要是有哪一项填错了，请说一下正确的是什么，例如「金额应该是8000」，我转给负责的工作人员。要办别的事，回复「菜单」。`
      : item
        ? `报告已经提交${no}，原来的内容改不了。${item}应该是${/金额|钱数|人数/u.test(item) ? '多少' : '什么'}？直接说正确的就行，我转给负责的工作人员。`
        : `报告已经提交${no}，原来的内容改不了。${WRONG_HOW}`;
    return {
      session: { ...session, caseNote: { text: '', kind: item ? `${WRONG_ITEM}${item}` : WRONG_ASKED, caseNos, at: ctx.now.toISOString() }, options: [] },
      replies: [text(said)],
    };
  }

  /**
   * A figure or a name sent alone (`8000`, `我叫张三`): whether it corrects the report is asked («您是要把欠薪金额更正为
   * 8,000元吗？»), the correction worded for the case worker and passed on only after a yes; the amount already on file
   * is said to need no change.
   */
  function askBare(
    session: Session,
    wage: Case[],
    raw: string,
    bare: NonNullable<ReturnType<typeof bareCorrection>>,
    ctx: FlowContext,
    unchangeable = true,
  ): { session: Session; replies: Reply[] } {
    const one = targetCases(session, wage, raw, ctx);
    if (bare.field === 'amount' && one.length === 1 && one[0]!.wage?.amount === bare.yuan) {
      return { session, replies: [text(`您报告里的欠薪金额就是${yuan(bare.yuan)}，不用改。有别的情况要告诉工作人员，直接跟我说就行。`)] };
    }
    // `3000` alone, less than the report's sum: paid, or the sum owed? Asked in words they can send back; nothing offered
    // to pass on (it was offered as a correction of the sum only).
    const reported = one.length === 1 ? one[0]!.wage?.amount : undefined;
    if (unchangeable && bare.field === 'amount' && reported !== undefined && reported !== null && bare.yuan < reported && BARE_FIGURE_ONLY.test(compact(normalizeMessage(raw)))) {
      const y = yuan(bare.yuan);
      return { session, replies: [text(`${y}是指什么？\n· 老板已经给了${y}：请回复「老板给了${bare.yuan}」\n· 欠薪金额应该是${y}（不是报告里的${yuan(reported)}）：请回复「金额应该是${bare.yuan}」\n我再转给负责的工作人员。`)] };
    }
    const [question, words] =
      bare.field === 'amount'
        ? [`您是要把欠薪金额更正为${yuan(bare.yuan)}吗？`, `欠薪金额应该是${yuan(bare.yuan)}`]
        : [`您是要把联系人姓名更正为「${bare.name}」吗？`, `我的名字是${bare.name}`];
    return ask(session, wage, words, 'correction', ctx, undefined, unchangeable ? `${question}报告已经提交，原来的内容改不了，我可以把更正转给工作人员。` : question);
  }

  /** Who handles each open case, in role terms (`东龙镇第一网格`): names and phones are not given out here. */
  function whoLine(open: Case[], ctx: FlowContext): string {
    const teams = open.slice(0, 3).map((c) => (c.assignee ? `${open.length > 1 ? `案件 ${c.caseNo} ` : ''}由${teamOf(ctx.index, c.assignee.level, c.assignee.staffId)}负责` : `${open.length > 1 ? `案件 ${c.caseNo} ` : ''}还在安排工作人员`));
    return `${teams.join('；')}。工作人员的名字和电话不在这里公开，他们会打您留的电话联系您，接电话时可以问怎么称呼。`;
  }

  /**
   * `有人给我打电话了 是你们吗`: who is in charge (as 工作人员是谁 is answered), and how to tell: the case number is the
   * person's to check against; money asked for is not the union's. No phone is given.
   */
  function callerLine(open: Case[], ctx: FlowContext): string {
    const nos = open.slice(0, 3).map((c) => c.caseNo).join('、');
    return `${open.length === 1 ? '您的案件' : ''}${whoLine(open, ctx)}\n拿不准是不是工会的，可以请对方说一下您的案件编号（${nos}）。对方要您交钱、转账的，先别给，告诉我，我转给负责的工作人员。`;
  }

  /** The cases `targets` names. */
  function targetCases(session: Session, open: Case[], raw: string, ctx: FlowContext): Case[] {
    const nos = targets(session, open, raw, ctx);
    return open.filter((c) => nos.includes(c.caseNo));
  }

  /**
   * When the date the person was promised has passed, that said plainly: the contact date of the
   * receipt (a case not yet accepted) or the date to settle by (one accepted); null when none has.
   */
  function lateLine(cases: readonly Case[], ctx: FlowContext): string | null {
    for (const c of cases) {
      const which = cases.length > 1 ? `案件 ${c.caseNo} ` : '';
      const p = promised(c, ctx);
      // After 删除我的信息 nobody was to call: the case was to be taken by then.
      const contact = reporterForgotten(c) ? '就该有工作人员接手办理' : '就该有工作人员联系您';
      if (p && ctx.now.getTime() > p.by.getTime()) return p.what === 'contact' ? `${which}按说最晚${p.when}${contact}，现在已经过了。` : `${which}按说最晚${p.when}就该办结，现在已经过了。`;
    }
    return null;
  }

  /**
   * The date the person was promised for a case: the contact date of the receipt (not yet accepted;
   * as submittedReceipt said it) or the date to settle by (accepted); null when there is none.
   */
  function promised(c: Case, ctx: FlowContext): { by: Date; when: string; what: 'contact' | 'resolve' } | null {
    if (c.status === 'submitted' || c.status === 'assigned') {
      const by = acceptDeadline(core.config, ctx.index.calendar, c.priority, new Date(c.createdAt), workingHoursOf(ctx.index));
      return { by, when: latestAt(by), what: 'contact' };
    }
    if (c.status === 'accepted' && c.resolveBy) return { by: new Date(c.resolveBy), when: latestAt(new Date(c.resolveBy)), what: 'resolve' };
    return null;
  }

  /**
   * Pressing (`催一下`, `能快点吗`) before the date promised: heard, the date (when the progress view
   * does not say it: a case not yet assigned), and what to do if it passes (say so again: the desk then
   * offers the union's supervisor, lateLine). Nothing is passed on. Null when a case has no such date.
   */
  function heardLead(cases: readonly Case[], ctx: FlowContext, raw = ''): string | null {
    const dates = cases.slice(0, 3).map((c) => ({ c, p: promised(c, ctx) }));
    if (dates.length === 0 || dates.some((d) => d.p === null)) return null;
    const unsaid = dates.filter((d) => d.c.status === 'submitted');
    const when = unsaid.map(({ c, p }) => `${dates.length > 1 ? `案件 ${c.caseNo} ` : ''}按规定工作人员最晚${p!.when}${reporterForgotten(c) ? '接手办理' : '联系您'}`).join('；');
    const contact = dates.every((d) => d.p!.what === 'contact');
    // After 删除我的信息 staff have no phone to call: news comes here (the progress view below says so for a case
    // waiting to be taken), a number sent here is passed on (answerNewPhone's way), and the promise is that someone takes the case.
    if (contact && cases.every(reporterForgotten)) {
      const gone = unsaid.length > 0 ? '您的联系方式已删除，有进展会在这里告诉您；' : '';
      return `收到，知道您着急。${when ? `${when}。` : ''}${gone}想让工作人员打电话给您，可以把手机号发给我，我转给他们。要是到时还没人接手，您再跟我说一声，我帮您把情况转给工会的负责同志督办。`;
    }
    // Nobody in touch yet on a case already taken (`怎么还没人联系我`): who has it and how they call, not only the date to settle by.
    const taken = !contact && CONTACT_WORDS.test(compact(raw)) && cases.every((c) => c.status === 'accepted' && !reporterForgotten(c));
    const calls = taken ? '案件已经有工作人员接手，他们会打您报告里留的手机号联系您，陌生号码的来电请留意接听。' : '';
    return `收到，知道您着急。${when ? `${when}。` : ''}${calls}要是到时${contact ? '还没人联系您' : '还没办好'}，您再跟我说一声，我帮您把情况转给工会的负责同志督办。`;
  }

  /** The open cases a note goes to: the one named (`补充 QX…` lately, or in the words), the only one, or every one for the person to pick. */
  function targets(session: Session, open: Case[], raw: string, ctx: FlowContext): string[] {
    const said = raw.toUpperCase().match(/QX\d{8}-\d{4,}/)?.[0];
    if (said && open.some((c) => c.caseNo === said)) return [said];
    const chosen = session.attachTo && ctx.now.getTime() - Date.parse(session.attachTo.at) <= idleMs ? session.attachTo.caseNo : null;
    if (chosen && open.some((c) => c.caseNo === chosen)) return [chosen];
    return open.slice(0, 5).map((c) => c.caseNo);
  }

  /**
   * «把这条消息转给负责您案件的工作人员吗？», with what will be passed on
   * (numbers masked; the first 500 characters of a longer message) and the
   * advice of its kind (`lead`: instead of it).
   */
  function ask(
    session: Session,
    open: Case[],
    raw: string,
    kind: ReporterNoteKind,
    ctx: FlowContext,
    about?: NoteAbout,
    lead: string | undefined = about ? LEAD_ABOUT[about] : LEAD[kind],
    phone?: string,
  ): { session: Session; replies: Reply[] } {
    const caseNos = targets(session, open, raw, ctx);
    const words = noteWords(raw);
    const chars = [...maskPersonalNumbers(words)];
    const preview = chars.length > 80 ? `${chars.slice(0, 80).join('')}…` : chars.join('');
    // A new phone said with it (`老板跑了 而且我电话也换了 139…`): shown as a note of its own, masked, passed on with it.
    const phoneWords = phone !== undefined ? noteWords(phone) : undefined;
    const phoneShown = phoneWords !== undefined ? maskPersonalNumbers(phoneWords) : undefined;
    const two = phoneShown !== undefined ? '这两条消息' : '这条消息';
    const urgent = URGENT_KINDS.has(kind) ? '（会标为紧急，让工作人员先看到）' : '';
    // `算了不追了 怕被开除`: stopping for fear of what the boss may do; that it is unlawful is said with the withdrawal.
    const afraid = kind === 'withdraw' && FEARS_RETALIATION.test(compact(raw)) ? WITHDRAW_FOR_FEAR : '';
    // `工友说老板已经给了`: the advice says who said so (it said 「老板说给了」 whoever had said it).
    if (about === 'claims-paid' && lead === LEAD_ABOUT['claims-paid']) lead = claimsPaidLead(raw);
    const lines = [...(lead ? [lead + afraid] : afraid ? [afraid] : []), `您要转告的话：「${preview}」`];
    if (phoneShown !== undefined) lines.push(`您换了手机号，这个也单独转过去，工作人员核实后会把案件里的联系电话改过来：「${phoneShown}」`);
    if (chars.join('') !== words || (phoneShown !== undefined && phoneShown !== phoneWords)) lines.push(MASKED_NOTE);
    let options;
    if (caseNos.length === 1) {
      const c = open.find((x) => x.caseNo === caseNos[0])!;
      lines.push(`把${two}转给负责您案件 ${named(c)}的工作人员吗？${urgent}`);
      options = [
        { label: '转给工作人员', value: '转给工作人员' },
        { label: '不用了', value: '不用了' },
      ];
    } else {
      lines.push(`把${two}转给负责您哪个案件的工作人员？${urgent}`);
      options = [...caseNos.map((no) => ({ label: `转给 ${named(open.find((x) => x.caseNo === no)!)}`, value: no })), { label: '不用了', value: '不用了' }];
    }
    return {
      session: { ...session, caseNote: { text: words, kind, caseNos, at: ctx.now.toISOString(), ...(phoneWords !== undefined ? { phone: phoneWords } : {}) }, options: [] },
      replies: [{ type: 'text', text: lines.join('\n'), options }],
    };
  }

  /**
   * A complaint about the staff, shown back before it goes anywhere: it
   * goes to the union over the place (`complaintContacts`), never to the
   * one who holds the case, and the person is told so. When nobody answers
   * (`noAnswer`), where the case stands comes first. `lead`: said before.
   */
  async function askComplaint(session: Session, open: Case[], raw: string, noAnswer: boolean, ctx: FlowContext, lead?: string, caseNos = targets(session, open, raw, ctx)): Promise<{ session: Session; replies: Reply[] }> {
    const words = noteWords(raw);
    const chars = [...maskPersonalNumbers(words)];
    const preview = chars.length > 80 ? `${chars.slice(0, 80).join('')}…` : chars.join('');
    const about = caseNos.map((no) => open.find((x) => x.caseNo === no)).filter((c): c is Case => !!c);
    const late = noAnswer ? lateLine(about, ctx) : null;
    const lines = [...(lead ? [lead] : []), noAnswer ? `很抱歉让您久等了。${late ?? ''}` : lead === CHANGE_LEAD ? '' : '很抱歉让您有这样的感受。'].filter((l) => l !== '');
    if (noAnswer) {
      const resolveDays = core.config.RESOLVE_WORKING_DAYS;
      lines.push(`${about.length > 1 ? '您在办的案件现在办到这一步：' : '您的案件现在办到这一步：'}\n${about.slice(0, 3).map((c) => [progressText(ctx.index, c), nextLine(c, resolveDays)].filter(Boolean).join('\n')).join('\n\n')}`);
    }
    lines.push(`您要反映的意见：「${preview}」`);
    if (chars.join('') !== words) lines.push(MASKED_NOTE);
    let options;
    if (about.length === 1) {
      const { union } = await complaintContacts(core, about[0]!);
      lines.push(`把这条意见转给${union}的负责同志吗？${COMPLAINT_PRIVATE}`);
      options = [
        { label: '转给工会负责同志', value: '转给工会负责同志' },
        { label: '不用了', value: '不用了' },
      ];
    } else {
      lines.push(`这条意见是关于哪个案件的？选好后我转给当地工会的负责同志。${COMPLAINT_PRIVATE}`);
      options = [...about.map((c) => ({ label: `关于 ${named(c)}`, value: c.caseNo })), { label: '不用了', value: '不用了' }];
    }
    if (formUnderWay(session)) lines.push(FORM_KEPT);
    return {
      session: { ...session, caseNote: { text: words, kind: 'complaint', caseNos, at: ctx.now.toISOString() }, options: [] },
      replies: [{ type: 'text', text: lines.join('\n'), options }],
    };
  }

  /** The question about a note waiting for a yes, asked again (`w` as it is, for the cases it is for). */
  async function askAgain(session: Session, open: Case[], w: NonNullable<Session['caseNote']>, ctx: FlowContext, lead: string): Promise<{ session: Session; replies: Reply[] }> {
    const out = w.kind === 'complaint' ? await askComplaint(session, open, w.text, false, ctx, undefined, w.caseNos) : ask(session, open, w.text, w.kind as ReporterNoteKind, ctx);
    return { ...out, replies: [text(lead)] };
  }

  /**
   * The answer to «转给…吗？» (or the words after `我想补充一下`); null when
   * the message is something else. A yes with words after it (`对 再加一句
   * 老板姓李`) passes both on; more words instead of a yes (`老板叫李建国`)
   * are put with the first and shown again for a yes.
   */
  async function answerWaiting(
    userKey: string,
    session: Session,
    w: NonNullable<Session['caseNote']>,
    raw: string,
    ctx: FlowContext,
  ): Promise<{ session: Session; replies: Reply[] } | null> {
    if (w.text === '' && w.kind.startsWith(RECEIPT_PART)) return answerPart(userKey, session, w, raw, ctx);
    const open = await casesForNotes(core, userKey);
    const still = open.filter((c) => w.caseNos.includes(c.caseNo));
    if (w.text === '' && (w.kind === 'phone' || w.kind === PHONE_AGAIN)) return answerNewPhone(session, still, w, raw, ctx);
    if (w.text === '' && w.kind.startsWith(BOSS_PHONE)) return answerBossPhone(session, still, w, raw, ctx);
    if (w.text === '' && (w.kind.startsWith(WHOSE_PHONE) || w.kind.startsWith(WHOSE_PHONE_AGAIN))) return answerWhosePhone(session, still, w, raw, ctx);
    if (w.text === '' && w.kind.startsWith(PART_MISMATCH)) return answerMismatch(session, still, w, raw, ctx);
    if (w.text === '' && w.kind.startsWith(KIN_PHONE)) return answerKinPhone(session, still, w, raw, ctx);
    if (w.text === '' && w.kind.startsWith(UNREACHABLE_ASKED)) return answerUnreachable(session, still, w, raw, ctx);
    if (w.text === '' && w.kind.startsWith(WHO_CAME_ASKED)) return answerWhoCame(session, still, w, raw, ctx);
    if (w.text === '' && w.kind.startsWith(SAYS_PAID_ASKED)) return answerSaysPaid(session, still, w, raw, ctx);
    if (w.text === '') {
      // The words after `我想补充一下`: something said, not a command, a greeting, an emoji or another kind of answer.
      if (still.length === 0 || commandOf(raw) || raw === '' || /^\d{1,2}$/.test(raw) || smallTalkOf(raw) !== null) return null;
      if (!/[\p{Script=Han}\p{L}\d]/u.test(raw)) return null;
      const read0 = readCaseMessage(raw);
      // After «哪一项填错了、正确的是什么？»: no correction after all, said so; again nothing of what is wrong, asked a
      // second way, then no more; a figure or a name alone, whether it is the amount or the name asked (askBare).
      const item = w.kind.startsWith(WRONG_ITEM) ? w.kind.slice(WRONG_ITEM.length) : null;
      if (w.kind === WRONG_ASKED || w.kind === WRONG_AGAIN || item !== null) {
        const c = compact(raw);
        // A plain no (`不用了`, `没事了`, `不`); never `不对，金额是8000`, which says what is right.
        if (WRONG_NONE.test(c) || (read0 === null && yesNo(raw) === false && [...c].length <= 3)) return { session, replies: [text('好的，不转了。有要更正的，随时告诉我。')] };
        // `改金额` names the item as `金额` does; `改一下` says again that something is wrong, as `我填错了` does.
        const fixItem = read0?.kind === 'fix' ? FIX_ITEM.exec(c) : null;
        const named = item === null ? (read0 === null ? ITEM_ONLY.exec(c)?.[1] : read0.kind === 'wrong' && read0.item ? (ITEM_ONLY.exec(c)?.[1] ?? read0.item) : fixItem?.[1]) : undefined;
        // `名字`: which item, not what is right: that is asked, and the words next are passed on with the item.
        if (named) {
          const it = named;
          return { session: { ...session, caseNote: { ...w, kind: `${WRONG_ITEM}${it}`, at: ctx.now.toISOString() } }, replies: [text(`${it}应该是${/金额|钱数|工资|人数/u.test(it) ? '多少' : '什么'}？直接说正确的就行，我转给负责的工作人员。`)] };
        }
        if (read0?.kind === 'wrong' || (read0?.kind === 'fix' && !fixItem) || (read0 === null && yesNo(raw) === true) || (item !== null && ITEM_ONLY.test(c))) {
          if (w.kind !== WRONG_ASKED) return { session, replies: [text(WRONG_STOP)] };
          return { session: { ...session, caseNote: { ...w, kind: WRONG_AGAIN, at: ctx.now.toISOString() } }, replies: [text(WRONG_ASKED_AGAIN)] };
        }
        const bare = read0 === null && (item === null || /金额|钱|工资/u.test(item)) ? bareCorrection(raw) : null;
        const wage = still.filter((x) => x.kind === 'wage_arrears');
        if (bare && wage.length > 0) return askBare(session, wage, raw, bare, ctx, false);
        // That it cannot be changed here was just said: not again before the words. The item named before goes with them.
        const words = item !== null && !c.includes(item) ? `${item}应该是：${raw}` : raw;
        if (read0?.kind === 'note') return ask(session, still, words, read0.note, ctx, read0.about, read0.about ? LEAD_ABOUT[read0.about] : read0.note === 'correction' ? '' : LEAD[read0.note]);
        if (read0 === null && [...words].length <= READ_MAX_CHARS) return ask(session, still, words, 'correction', ctx, undefined, '');
      }
      // After `我想补充一下`, `他电话打不通` is what they add (never asked whose phone).
      const read = read0?.kind === 'unreachable' ? null : read0;
      // A complaint, progress or files: answered as such.
      if (read && read.kind !== 'note') return null;
      if ([...raw].length > READ_MAX_CHARS) return null;
      return read?.kind === 'note' ? ask(session, still, raw, read.note, ctx, read.about) : ask(session, still, raw, 'correction', ctx);
    }
    const c = compact(raw);
    const kind0 = w.kind as ReporterNoteKind;
    // `我不想等了 能直接去仲裁吗` at «转给…吗？»: a question the knowledge base answers, not a no (its 不想 is about the
    // waiting): answered, and the question about the note kept — nothing passed on, nothing dropped without a word.
    const asked = still.length > 0 && !ASKS_IF_OK.test(c) && isQuestion(raw) ? knowledgeBase().match(raw) : null;
    if (asked) {
      const note = kind0 === 'complaint' ? '意见' : '话';
      return { session: { ...session, caseNote: { ...w, at: ctx.now.toISOString() } }, replies: [text(withBasis(asked.entry)), text(`刚才那条${note}还没转，${passOrNot(w)}。`)] };
    }
    // `我不想告了` / `不想搞了` at «转给…吗？» about another note: a wish to withdraw is news of its own, not a no
    // to passing that note on (it was answered 「这条没有转」 and the wish went nowhere).
    if (kind0 !== 'withdraw' && still.length > 0) {
      const fresh = readCaseMessage(raw);
      if (fresh?.kind === 'note' && fresh.note === 'withdraw') return ask(session, still, raw, 'withdraw', ctx, undefined, `${NOT_PASSED}${LEAD.withdraw ?? ''}`);
    }
    // `好 不用了`, `是的 不过先别转`, `先不要`: no; `嗯 我再想想`: the question stays (never passed on for the yes they start with).
    const back = takenBack(raw);
    if (back === 'no') return { session, replies: [text('好的，这条没有转。')] };
    if (back === 'hold') {
      const how = w.caseNos.length === 1 ? '回复「转」或「不用了」' : '回复序号选案件，或者回复「不用了」';
      return { session: { ...session, caseNote: { ...w, at: ctx.now.toISOString() } }, replies: [text(`好的，想好了${how}就行。`)] };
    }
    // `可以吗`, `这样行吗` at «转给…吗？»: asking, not words for the note nor a yes; how to answer is said, the question kept.
    if (ASKS_IF_OK.test(c)) {
      const how = w.caseNos.length === 1 ? `要转的话回复「${w.kind === 'complaint' ? '转给工会负责同志' : '转'}」，不转就回复「不用了」` : '回复序号选案件就转过去，不转就回复「不用了」';
      return { session: { ...session, caseNote: { ...w, at: ctx.now.toISOString() } }, replies: [text(`可以的。${how}。`)] };
    }
    // `撤回会怎么样`, `撤回了还能再报吗` while a withdrawal waits: what it means, answered; the question kept, nothing added.
    if (w.kind === 'withdraw' && ASKS_ABOUT_WITHDRAWING.test(c)) {
      return { session: { ...session, caseNote: { ...w, at: ctx.now.toISOString() } }, replies: [text(`${WITHDRAWING_MEANS}${passOrNot(w)}。`)] };
    }
    // `我不想告了 老板说给钱了`, `不想告了` at «转给…吗？» about a withdrawal: the wish said again (its 不 is about the case,
    // not about passing it on: it was 「这条没有转」 and the words went nowhere). Put with it and asked again; the same
    // words again: how to answer, the question kept.
    if (kind0 === 'withdraw' && still.length > 0 && !DONT.test(c)) {
      const again = readCaseMessage(raw);
      if (again?.kind === 'note' && again.note === 'withdraw') {
        if (compact(w.text).includes(c)) {
          return { session: { ...session, caseNote: { ...w, at: ctx.now.toISOString() } }, replies: [text(`好的，知道您的意思了。${passOrNot(w)}。`)] };
        }
        const out = await combined(session, still, w, raw, ctx);
        if (out) return out;
      }
    }
    // `不对 是2000` after `老板给了我3000`: not passed on as it was; what is so instead is put with it and shown again.
    const right = kind0 !== 'complaint' && still.length > 0 ? putsRight(raw) : null;
    if (right !== null && [...`${w.text}；${right}`].length <= NOTE_MAX_CHARS) {
      const out = ask(session, still, `${w.text}；${right}`, kind0, ctx, undefined, '好的，先不转。把您改正的话跟刚才那条放在一起：', w.phone);
      if (out.session.caseNote) out.session.caseNote = { ...out.session.caseNote, caseNos: w.caseNos.filter((no) => still.some((x) => x.caseNo === no)) };
      return out;
    }
    // `对 再加一句 老板姓李`: yes, with more words for the same note.
    const extra = yesBut(raw)?.replace(ADD_JOIN, '').trim() ?? '';
    const more = extra !== '' && !PASS_ON.test(compact(extra)) && /\p{Script=Han}/u.test(extra) ? extra : null;
    const said = more ? `${w.text}；${more}` : w.text;
    const fits = [...said].length <= NOTE_MAX_CHARS;
    let target: Case | undefined;
    if (w.caseNos.length === 1) {
      if (c === '1' || PASS_ON.test(c) || c === '转给工作人员' || TO_UNION.test(c) || yesNo(raw) === true) target = still[0] ?? undefined;
      else if (c === '2' || DONT.test(c) || yesNo(raw) === false) return { session, replies: [text('好的，这条没有转。')] };
      else if (HOLD.test(c)) return { session: { ...session, caseNote: { ...w, at: ctx.now.toISOString() } }, replies: [text('好的，想好了回复「转」或「不用了」就行。')] };
      else return combined(session, still, w, raw, ctx);
      if (!target) return { session, replies: [text(`案件 ${w.caseNos[0]} 已经办结了，留言转不过去了。有新的情况，回复「人工」告诉工作人员。`)] };
      if (more && !fits) return combined(session, still, w, more, ctx);
    } else {
      // By its number in the list, its case number, the employer as filed (`好再来那个`) or `第二个`.
      const no = whichCase(raw, w.caseNos, open);
      if (no === 'none' || DONT.test(c) || yesNo(raw) === false) return { session, replies: [text('好的，这条没有转。')] };
      if (!no) {
        // A plain yes with several cases: which one is still the question (with any words added).
        if (more) return combined(session, still, w, more, ctx);
        if (PASS_ON.test(c) || TO_UNION.test(c) || yesNo(raw) === true) return askAgain(session, open, w, ctx, w.kind === 'complaint' ? '请回复序号，或者说是哪家单位的那件，选这条意见是关于哪个案件的。' : '请回复序号，或者说是哪家单位的那件，选要转给哪个案件的工作人员。');
        if (HOLD.test(c)) return { session: { ...session, caseNote: { ...w, at: ctx.now.toISOString() } }, replies: [text('好的，想好了回复序号选案件，或者回复「不用了」。')] };
        return combined(session, still, w, raw, ctx);
      }
      target = still.find((x) => x.caseNo === no);
      if (!target) return { session, replies: [text(`案件 ${no} 已经办结了，留言转不过去了。有新的情况，回复「人工」告诉工作人员。`)] };
    }
    if (kind0 === 'complaint') return passComplaint(userKey, session, target, said);
    const out = await passOn(userKey, session, target, kind0, said);
    // The new phone said with it: a note of its own, on the same yes (its own line said after).
    if (w.phone === undefined || !out.passed) return out;
    const phone = await addReporterNote(core, target.id, userKey, { kind: 'phone', text: w.phone });
    const line = phone.ok ? `新手机号也单独转过去了，${AFTER.phone ?? ''}` : '新手机号这条没转过去，请回复「人工」告诉工作人员。';
    return { session: out.session, replies: [...out.replies.slice(0, -1), text(`${(out.replies.at(-1) as { text: string }).text}\n${line}`)] };
  }

  /**
   * The answer to «您是说只收到了3,000元，还差3,000元吗？» (`w.kind` `receipt-part:3000`) or to «收到了多少？» (`receipt-part:`),
   * while 收到了 / 没收到 still waits: a yes (or the same sum again) records 没收到 with the sum that arrived, and the staff are
   * told so; another sum less than recovered is asked to be confirmed in its turn; all of it is asked as 收到了; a no asks
   * how much (once). Anything else: null (the message goes on as it would have; nothing recorded).
   */
  async function answerPart(userKey: string, session: Session, w: NonNullable<Session['caseNote']>, raw: string, ctx: FlowContext): Promise<{ session: Session; replies: Reply[] } | null> {
    const c = await pendingReceipt(core, userKey);
    const recovered = c?.outcome?.recovered ?? null;
    if (!c || recovered === null || !w.caseNos.includes(c.caseNo)) return null;
    const rest = w.kind.slice(RECEIPT_PART.length);
    const asked = /^\d+$/.test(rest) ? Number(rest) : null;
    const said = compact(raw);
    const alone = PART_ALONE.exec(said);
    const whole = alone ? sumOf(alone[1]!) : null;
    if (whole !== null && whole >= recovered) return { session, replies: [text(`您是说案件 ${c.caseNo} 追回的${yuan(recovered)}全部收到了吗？收到了请回复「收到了」；只收到一部分，请告诉我收到了多少。`)] };
    const figure = /\d|[一二三四五六七八九十两]+(?:百|千|万)|一半/u.test(said) ? receivedPart(raw, recovered) : null;
    const yes = figure === null && yesNo(raw) === true && !/没(?!错)|不|差|欠/u.test(said);
    if (asked !== null && (yes || figure === asked)) {
      const done = await answerReceipt(core, userKey, 'not_received', asked);
      return done ? { session, replies: [text(done.text)] } : null;
    }
    const keep = (part: number | string) => ({ ...session, caseNote: { ...w, kind: `${RECEIPT_PART}${part}`, at: ctx.now.toISOString() }, options: [] });
    if (figure !== null) return { session: keep(figure), replies: [text(partConfirm(c, recovered, figure))] };
    // `不对` at the sum, `对` at «只收到了一部分吗？»: how much is asked, plainly and once (`?`: asked so; never a third time).
    if (rest !== PART_ASKED_AGAIN && asked !== null && yesNo(raw) === false) return { session: keep(PART_ASKED_AGAIN), replies: [text(`好的，没有记。${PART_HOW_MUCH}`)] };
    if (rest === '' && yesNo(raw) === true) return { session: keep(PART_ASKED_AGAIN), replies: [text(`好的。${PART_HOW_MUCH}`)] };
    return null;
  }

  /**
   * The answer to «新的手机号是多少？»: a mobile number in it is shown back (masked) for a yes to pass
   * it on, as `我电话换了 新号139…` is; a no passes nothing; words with no number ask once more, and a
   * second time say so and stop asking; a command, small talk or other news about the case: null.
   */
  function answerNewPhone(session: Session, still: Case[], w: NonNullable<Session['caseNote']>, raw: string, ctx: FlowContext): { session: Session; replies: Reply[] } | null {
    if (still.length === 0) return null;
    const c = compact(raw);
    const mobiles = mobilesIn(raw.replace(/\s+/g, ''));
    if (mobiles.length > 0) {
      // The old number sent at «新的手机号是多少？»: the new one is still waited for (a number alone next is that), once.
      if (sameNumberOnFile(raw, still.filter((x) => w.caseNos.includes(x.caseNo)))) return { session: { ...session, caseNote: { ...w, kind: PHONE_AGAIN, at: ctx.now.toISOString() } }, replies: [text(SAME_ON_FILE)] };
      // The number alone: said as what it is, for the worker who reads the note.
      const words = /^[+\d\s-]+$/.test(raw.trim()) ? `我的新手机号：${raw.trim()}` : raw;
      const out = ask(session, still, words, 'phone', ctx, undefined, '');
      if (out.session.caseNote && w.caseNos.length >= 1) out.session.caseNote = { ...out.session.caseNote, caseNos: w.caseNos.filter((no) => still.some((x) => x.caseNo === no)) };
      return out;
    }
    if (SAME_NUMBER.test(c)) return { session, replies: [text('好的，号码没变就不用转了。')] };
    if (/^(?:还没有?|没有|还没换|没换|还没办|没办)/.test(c)) return { session, replies: [text('好的，有了新号直接发给我就行。')] };
    if (c === '2' || DONT.test(c) || yesNo(raw) === false) return { session, replies: [text('好的，这条没有转。')] };
    if (HOLD.test(c)) return { session: { ...session, caseNote: { ...w, at: ctx.now.toISOString() } }, replies: [text('好的，想好了直接发新的手机号就行。')] };
    const read = readCaseMessage(raw);
    // Said again (`就是换了号`): not asked a third way; anything else about the case is answered as such.
    if (commandOf(raw) || smallTalkOf(raw) !== null || (read !== null && read.kind !== 'new-phone')) return null;
    // Never a third time: said so, and nothing waits any more.
    if (w.kind === PHONE_AGAIN) return { session, replies: [text('还是没看出手机号。方便时直接把新号发给我就行，也可以回复「人工」请工作人员帮您。')] };
    return { session: { ...session, caseNote: { ...w, kind: PHONE_AGAIN, at: ctx.now.toISOString() } }, replies: [text(ASK_NEW_PHONE_AGAIN)] };
  }

  /**
   * The answer to «谁的电话打不通？»: the words said again with whom they meant (`他电话打不通` → `工作人员电话打不通`,
   * `老板电话打不通`) and answered as those are (a complaint for the union, or news for the case worker: each passed on
   * only after a yes). Anything else: null (the message goes on as it would have).
   */
  async function answerUnreachable(session: Session, still: Case[], w: NonNullable<Session['caseNote']>, raw: string, ctx: FlowContext): Promise<{ session: Session; replies: Reply[] } | null> {
    if (still.length === 0) return null;
    const c = compact(raw).replace(/^(?:是|就是)/u, '').replace(/(?:的|吧|啊|呀)+$/u, '');
    if (c === '' || [...c].length > 12) return null;
    // `都打不通`, `两个都是`: both, for the union's supervisor (a case worker out of reach cannot be told).
    const both = /^(?:两个|俩|他们)?都/u.test(c);
    const staff = both || UNREACHABLE_STAFF.test(c);
    const boss = !staff && UNREACHABLE_BOSS.test(c);
    if (!staff && !boss) return null;
    const said = w.kind.slice(UNREACHABLE_ASKED.length);
    const who = both ? '工作人员和老板' : staff ? '工作人员' : (new RegExp(BOSS_SIDE, 'u').exec(c)?.[0] ?? '老板');
    // The one meant put where the words had 他 (or before them): `他电话打不通` → `老板电话打不通`.
    const pronoun = /他们|她们|他|她/u;
    const words = pronoun.test(said) ? said.replace(pronoun, who) : `${who}${said.replace(/^我/u, '')}`;
    const read = readCaseMessage(words);
    const open = still.filter((x) => w.caseNos.includes(x.caseNo));
    if (staff) return askComplaint(session, open.length > 0 ? open : still, words, true, ctx);
    if (read?.kind === 'note') return ask(session, open.length > 0 ? open : still, words, read.note, ctx, read.about);
    return ask(session, open.length > 0 ? open : still, words, 'absconded', ctx);
  }

  /**
   * The answer to «是谁找您？» (after `有人找我了`): the case worker is good news, said so, nothing passed on; the boss's
   * people or a stranger is news, shown back for a yes with what they said if said with it (`老板的人 让我撤诉`).
   * Anything else: null (the message goes on as it would have).
   */
  function answerWhoCame(session: Session, still: Case[], w: NonNullable<Session['caseNote']>, raw: string, ctx: FlowContext): { session: Session; replies: Reply[] } | null {
    if (still.length === 0) return null;
    const c = compact(raw).replace(/^(?:是|就是)/u, '').replace(/(?:的|吧|啊|呀)+$/u, '');
    if (c === '' || [...c].length > 30) return null;
    const stranger = WHO_CAME_STRANGER.test(c);
    const boss = !stranger && (/^2$/u.test(c) || new RegExp(BOSS_SIDE, 'u').test(c));
    const staff = !stranger && !boss && UNREACHABLE_STAFF.test(c);
    if (staff) return { session, replies: [text(CALLED_ANSWER)] };
    if (!boss && !stranger) return null;
    const said = w.kind.slice(WHO_CAME_ASKED.length);
    const open = still.filter((x) => w.caseNos.includes(x.caseNo));
    const to = open.length > 0 ? open : still;
    // More said with the answer (`老板的人 让我撤诉`): read as it would be, with who came first.
    const read = readCaseMessage(raw);
    const words = /^(?:[123]|工作人员|老板那边的人|不认识的人)$/u.test(c) || read?.kind !== 'note' ? `${said}（${stranger ? '不认识的人' : '老板那边的人'}）` : `${said}：${raw}`;
    if (read?.kind === 'note') return ask(session, to, words, read.note, ctx, read.about);
    return ask(session, to, words, 'other', ctx, 'came');
  }

  /**
   * The answer to «钱您自己收到了吗？» after `老板说已经给了`: received (`收到了`, `是的`, `只收到3000`) is the news that the boss
   * paid (all or part of it), not received (`没收到`, `没有`) the news that he says so and the money is not there; each shown
   * back for a yes with what was said. Anything else: null (the message goes on as it would have).
   */
  function answerSaysPaid(session: Session, still: Case[], w: NonNullable<Session['caseNote']>, raw: string, ctx: FlowContext): { session: Session; replies: Reply[] } | null {
    if (still.length === 0) return null;
    const said = w.kind.slice(SAYS_PAID_ASKED.length);
    const open = still.filter((x) => w.caseNos.includes(x.caseNo));
    const to = open.length > 0 ? open : still;
    // `算了`, `不用了`: nothing passed on (never read as a no to «收到了吗»).
    if (DONT.test(compact(raw)) || BARE_CANCEL.test(compact(raw))) return { session, replies: [text('好的，先不转。钱到没到手，随时告诉我。')] };
    // (The boss's word again, `老板说给了`, answers nothing of what arrived.)
    const loose = looseReceipt(raw);
    const answer = parseReceipt(raw) ?? (loose === 'partly' ? 'partly' : null) ?? (yesNo(raw) === true ? 'received' : yesNo(raw) === false ? 'not_received' : loose === 'claimed' ? null : loose);
    if (answer === null) return null;
    if (answer === 'not_received') return ask(session, to, `${said}，但我没收到`, 'other', ctx, 'claims-paid');
    if (answer === 'partly') return ask(session, to, `${said}，${raw}`, 'partly_paid', ctx);
    // All of it, or part (`老板说给了我3000` of 6,000): as `老板给了我3000` would be read, by the case's amount.
    const done = readCaseMessage(said.replace(SAYS_WORD, ''));
    const sum = done?.kind === 'note' && done.note === 'partly_paid' ? done.paid : undefined;
    const part = done?.kind === 'note' && done.note === 'partly_paid' && !(sum !== undefined && to.length === 1 && !!to[0]!.wage && sum >= to[0]!.wage.amount);
    return ask(session, to, `${said}，我收到了`, part ? 'partly_paid' : 'paid', ctx);
  }

  /**
   * The answer to «直接发给我» after the boss's phone was asked about: a number in it is shown back
   * (masked) for a yes to pass it on, as the boss's; anything else goes on as it would have (never asked again).
   */
  function answerBossPhone(session: Session, still: Case[], w: NonNullable<Session['caseNote']>, raw: string, ctx: FlowContext): { session: Session; replies: Reply[] } | null {
    if (still.length === 0) return null;
    if (mobilesIn(raw.replace(/\s+/g, '')).length === 0 && !LANDLINE.test(compact(raw))) return null;
    // The number alone: said as whose it is, for the worker who reads the note.
    const words = /^[+\d\s-]+$/.test(raw.trim()) ? `${w.kind.slice(BOSS_PHONE.length) || '老板'}的电话：${raw.trim()}` : raw;
    const out = ask(session, still, words, 'correction', ctx, 'boss-phone');
    if (out.session.caseNote) out.session.caseNote = { ...out.session.caseNote, caseNos: w.caseNos.filter((no) => still.some((x) => x.caseNo === no)) };
    return out;
  }

  /**
   * The answer to «这个号码是谁的？» (`w.kind` `whose-phone:` and the words): the person's own new number, the boss's side's,
   * a workmate's or a spare one for the person, each shown back for a yes as it would have been had it been said so; a
   * no passes nothing. The same number again is asked about once more, then not kept; anything else: null (the message
   * goes on as it would have, the number not passed on).
   */
  function answerWhosePhone(session: Session, still: Case[], w: NonNullable<Session['caseNote']>, raw: string, ctx: FlowContext): { session: Session; replies: Reply[] } | null {
    if (still.length === 0) return null;
    const again = w.kind.startsWith(WHOSE_PHONE_AGAIN);
    const said = w.kind.slice(again ? WHOSE_PHONE_AGAIN.length : WHOSE_PHONE.length);
    const read = readCaseMessage(said);
    if (read?.kind !== 'whose-phone') return null;
    const options = whosePhoneOptions(read);
    const c = compact(raw).replace(/^(?:是|就是|这是|那是)/u, '').replace(/(?:的|吧|啊|呀|哦)+$/u, '');
    const to = still.filter((x) => w.caseNos.includes(x.caseNo));
    const open = to.length > 0 ? to : still;
    const pick = /^[1-4]$/u.test(c) ? options[Number(c) - 1]?.value : undefined;
    const bare = BARE_MOBILE.test(compact(said));
    const number = said.trim();
    const keep = (out: { session: Session; replies: Reply[] }) => {
      if (out.session.caseNote) out.session.caseNote = { ...out.session.caseNote, caseNos: open.map((x) => x.caseNo) };
      return out;
    };
    if (pick === '我自己的新号码' || (!read.who && !read.peer && pick === undefined && /^(?:我|俺|本人)(?:自己)?(?:的)?(?:新)?(?:号码?|手机号?|电话)?$|^(?:自己|新号码?|新手机号?)$|^(?:我|俺)(?:的)?新(?:的)?(?:号码?|手机号?|电话)/u.test(c))) {
      if (read.who || read.peer) return null;
      return keep(ask(session, open, bare ? `我的新手机号：${number}` : said, 'phone', ctx));
    }
    if (pick === '老板或包工头那边的' || (pick === undefined && BOSS_WHO.test(c) && [...c].length <= 12)) {
      return keep(ask(session, open, bare ? `老板那边的电话：${number}` : `${said}（老板那边的人）`, 'correction', ctx, 'boss-phone'));
    }
    if (pick === '能作证' || (pick === undefined && /作证|证人|证明/u.test(c) && [...c].length <= 16)) {
      return keep(ask(session, open, `${said}（能给我作证）`, 'correction', ctx, 'witness'));
    }
    if (pick === '工友的' || (pick === undefined && /工友|老乡|同事|一起干活|也被欠|也没拿到|一起的/u.test(c) && [...c].length <= 16)) {
      return keep(ask(session, open, bare ? `工友的电话：${number}` : `${said}（工友）`, 'other', ctx, 'coworker-phone'));
    }
    if (pick === '家人或朋友的' || (pick === undefined && (new RegExp(`^(?:我|俺)?(?:的|家的?)?${KIN}`, 'u').test(c) || /备用|联系不上我/u.test(c)) && [...c].length <= 16)) {
      return keep(ask(session, open, bare ? `联系不上我时可以打：${number}` : `${said}（联系不上我时可以打）`, 'other', ctx, 'other-phone'));
    }
    if (DONT.test(c) || yesNo(raw) === false || BARE_CANCEL.test(c)) return { session, replies: [text('好的，这个号码没有转。')] };
    // The same number again: asked once more, then not kept (never a third time).
    const same = mobilesIn(raw.replace(/\s+/g, ''));
    if (same.length > 0 && same.every((no) => mobilesIn(said.replace(/\s+/g, '')).includes(no))) {
      if (again) return { session, replies: [text('好的，这个号码我先不转。想转的时候，连同是谁的电话一起发给我就行，比如「这是包工头的电话 139…」。')] };
      return {
        session: { ...session, caseNote: { ...w, kind: `${WHOSE_PHONE_AGAIN}${said}`, at: ctx.now.toISOString() } },
        replies: [{ type: 'text', text: '这个号码是谁的，请回复数字选一下；不用转就回复「不用了」。', options }],
      };
    }
    return null;
  }

  /**
   * The answer to «收到的和还差的加起来跟报告对不上» (`w.kind` `part-mismatch:` and the words): the sums said again and still
   * not adding up, or a plain yes, passes both words on for the case worker to check with the person (never asked a third
   * time); a no passes nothing; anything else (sums that add up, a new total): null, read as it would have been.
   */
  function answerMismatch(session: Session, still: Case[], w: NonNullable<Session['caseNote']>, raw: string, ctx: FlowContext): { session: Session; replies: Reply[] } | null {
    if (still.length === 0) return null;
    const said = w.kind.slice(PART_MISMATCH.length);
    const to = still.filter((x) => w.caseNos.includes(x.caseNo));
    const open = to.length > 0 ? to : still;
    const c = compact(raw);
    if (DONT.test(c) || (yesNo(raw) === false && [...c].length <= 3)) return { session, replies: [text('好的，这条没有转。')] };
    const read = readCaseMessage(raw);
    const still1 = read?.kind === 'note' && (read.note === 'partly_paid' || read.note === 'paid') ? partMismatch(raw, open) : null;
    const yes = read === null && yesNo(raw) === true && [...c].length <= 4;
    // `金额应该是8000`: the total put right; passed on with the sums said, for the case worker to see both.
    const total = read?.kind === 'note' && read.note === 'correction' && !read.about;
    // `钱都拿到了` after «比报告里的还多»: all of it came; passed on with the sum said, as paid.
    const allCame = read?.kind === 'note' && read.note === 'paid' && !read.about && !read.phone;
    if (!still1 && !yes && !total && !allCame) return null;
    const words = yes || compact(said) === c ? said : `${said}；${raw}`;
    if ([...words].length > NOTE_MAX_CHARS) return null;
    // `还欠我8000` said first (nothing said to have come): more owed, not part paid.
    const more = partMismatch(said, open)?.got === null;
    const out = allCame
      ? ask(session, open, words, 'paid', ctx)
      : more
      ? ask(session, open, words, 'correction', ctx, 'more', `好的，${LEAD_ABOUT.more}`)
      : ask(session, open, words, 'partly_paid', ctx, undefined, total ? `${LEAD.correction ?? ''}收到的钱和金额的更正一起转过去。` : '好的，数目上对不上的地方，请工作人员跟您核对。');
    if (out.session.caseNote) out.session.caseNote = { ...out.session.caseNote, caseNos: open.map((x) => x.caseNo) };
    return out;
  }

  /** A number after `我老婆的电话也换了`: the relative's, a spare number shown back for a yes; anything else is read as usual. */
  function answerKinPhone(session: Session, still: Case[], w: NonNullable<Session['caseNote']>, raw: string, ctx: FlowContext): { session: Session; replies: Reply[] } | null {
    if (still.length === 0) return null;
    const mobiles = mobilesIn(raw.replace(/\s+/g, ''));
    if (mobiles.length === 0) return null;
    // The person's own number said (`我自己的号也换了 138…`): read as it is, a new phone of theirs.
    if (/(?:我|俺)(?:自己)?(?:的)?(?:手机|电话|号)|(?:我|俺)(?:自己)?(?:也)?(?:换|改)/u.test(compact(raw))) return null;
    const whose = `我${w.kind.slice(KIN_PHONE.length)}的新电话`;
    const out = ask(session, still, /^[+\d\s-]+$/.test(raw.trim()) ? `${whose} ${raw.trim()}` : `${whose}：${raw.trim()}`, 'other', ctx, 'other-phone');
    if (out.session.caseNote) out.session.caseNote = { ...out.session.caseNote, caseNos: w.caseNos.filter((no) => still.some((x) => x.caseNo === no)) };
    return out;
  }

  /**
   * More words while a note waits for its yes: put with it and shown again
   * (the more urgent kind wins), or, when they are no words for a note
   * (a command, a greeting, another service), null: the note is not passed
   * on. Too long together: the new words alone, the first said not passed on.
   */
  async function combined(session: Session, still: Case[], w: NonNullable<Session['caseNote']>, raw: string, ctx: FlowContext): Promise<{ session: Session; replies: Reply[] } | null> {
    if (still.length === 0) return null;
    // `他电话也打不通` after news about the boss: more words for the note (whose phone is asked only when said alone).
    // `我说错了` at a note shown back: about that note, put with it as before (never asked what is wrong with the report).
    const read0 = readCaseMessage(raw);
    // A number while a note waits (`我想让工作人员给我打电话` … `13912345678`): more words for that note, passed on with it as
    // said (never a phone change of its own, whose it is not said).
    const read: CaseMessage | null = read0?.kind === 'unreachable' ? null : read0?.kind === 'wrong' || read0?.kind === 'whose-phone' ? { kind: 'note', note: 'correction' } : read0;
    if (w.kind === 'complaint') {
      // More about the staff goes with the complaint; a note for the case worker is answered as one (and the complaint not passed on).
      if (read && read.kind !== 'complaint') return null;
      // In a form, other words answer its question (`王芳` at the name): never put with the complaint.
      if (!read && (formUnderWay(session) || !addsWords(raw))) return null;
      const together = `${w.text}；${raw}`;
      if ([...together].length > NOTE_MAX_CHARS) return askComplaint(session, still, raw, read?.noAnswer ?? false, ctx, NOT_PASSED);
      return askComplaint(session, still, together, read?.noAnswer ?? false, ctx, '好的，跟刚才那条合在一起转。', w.caseNos);
    }
    // `我怕` at an urgent note (`老板威胁我`): said to, the note still waiting for its yes (never dropped for it).
    if (!read && URGENT_KINDS.has(w.kind as ReporterNoteKind) && AFRAID.test(compact(raw))) {
      const how = w.caseNos.length === 1 ? '回复「转」' : '回复序号选案件';
      return { session: { ...session, caseNote: { ...w, at: ctx.now.toISOString() } }, replies: [text(`别担心，因为反映欠薪报复您是违法的，转过去工作人员会先处理。要转的话${how}，不转就回复「不用了」。`)] };
    }
    if (read && read.kind !== 'note') return null;
    // `金额说错了` … `是8000`: the figure goes with it.
    if (!read && !addsWords(raw) && !FIGURE_ONLY.test(compact(raw))) return null;
    const kind1 = read?.kind === 'note' ? read.note : 'correction';
    const first = w.kind as ReporterNoteKind;
    const together = `${w.text}；${raw}`;
    // Words that are no note of their own (`他电话也打不通`) take no lead of their own (not the correction's 「改不了」).
    // Nor does a plain correction put with news (`新老板姓刘`): it is more words, not the report's contents.
    const lead1 = read?.kind === 'note' ? (read.about ? LEAD_ABOUT[read.about] : kind1 === 'correction' ? undefined : LEAD[kind1]) : undefined;
    // Too long together: the new words alone, with the lead of their kind.
    const alone = read?.kind === 'note' && read.about ? LEAD_ABOUT[read.about] : LEAD[kind1];
    if ([...together].length > NOTE_MAX_CHARS) return ask(session, still, raw, kind1, ctx, undefined, `${NOT_PASSED}${alone ?? ''}`);
    const kind = KIND_RANK.find((k) => k === first || k === kind1) ?? first;
    const lead = `好的，跟刚才那条合在一起转。${kind1 !== first && lead1 ? lead1 : ''}`;
    const out = ask(session, still, together, kind, ctx, undefined, lead, w.phone);
    // The cases the first was for (a case named in the words aside).
    if (out.session.caseNote && w.caseNos.length === 1) out.session.caseNote = { ...out.session.caseNote, caseNos: w.caseNos };
    return out;
  }

  /**
   * Adds a complaint to `target` for the union over the place (never the
   * assignee) and says whom it went to, in role terms. There is no time
   * limit on answering one, so none is promised: as soon as they can, and
   * the hotline.
   */
  async function passComplaint(userKey: string, session: Session, target: Case, words: string): Promise<{ session: Session; replies: Reply[] }> {
    const { to, union } = await complaintContacts(core, target);
    const added = await addReporterNote(core, target.id, userKey, { kind: 'complaint', text: words }, to);
    if (!added.ok) {
      const why =
        added.reason === 'too-many' ? `您今天已经在案件 ${target.caseNo} 上留了很多条言，请直接打职工服务热线12351反映。`
        : added.reason === 'not-open' ? `案件 ${target.caseNo} 已经办结了，意见转不过去了。请打职工服务热线12351反映。`
        : '这条意见是空的，没有转。';
      return { session, replies: [text(why)] };
    }
    const lines =
      added.paged > 0
        ? [`已转给${union}的负责同志，他们会尽快联系您。`, '您的案件照常办理。有急事也可以打职工服务热线12351。']
        : [`已记在案件 ${target.caseNo} 上，工会的负责同志会看到。`, '您的案件照常办理。有急事请打职工服务热线12351。'];
    return { session, replies: [text(lines.join(''))] };
  }

  /** Adds the note to `target` and says so. */
  async function passOn(userKey: string, session: Session, target: Case, kind: ReporterNoteKind, words: string): Promise<{ session: Session; replies: Reply[]; passed?: true }> {
    const added = await addReporterNote(core, target.id, userKey, { kind, text: words });
    if (!added.ok) {
      const why =
        added.reason === 'too-many' ? `您今天已经给案件 ${target.caseNo} 留了很多条言，工作人员会一并看到。有急事请打职工服务热线12351。`
        : added.reason === 'not-open' ? `案件 ${target.caseNo} 已经办结了，留言转不过去了。有新的情况，回复「人工」告诉工作人员。`
        : '这条消息是空的，没有转。';
      return { session, replies: [text(why)] };
    }
    const lines = [`已转给负责您案件 ${target.caseNo} 的工作人员${added.note.urgent ? '，标为紧急' : ''}。`];
    lines.push(added.told ? '他们看到后会跟进，有回复会在这里告诉您。' : '案件还在分派，工作人员接手时会先看到这条留言。');
    const after = AFTER[kind];
    if (after) lines.push(after);
    return { session, replies: [text(lines.join(''))], passed: true };
  }

  /** The person's latest own case that staff resolved and that is not closed yet (it may still wait for their 收到了 or 满意), or null. */
  async function lastResolved(userKey: string): Promise<Case | null> {
    const list = await core.cases.listByUser(userKey, 5);
    return list.find((c) => c.reporter.userKey === userKey && c.kind !== 'enquiry' && c.status === 'resolved') ?? null;
  }

  /**
   * About a case staff resolved (none open): a lead for what was asked (who worked it, their phone, nobody
   * there now, the result disputed), the case as 进度 shows it, and what it still waits for from the person:
   * 收到了 / 没收到, a rating (不满意 has the township union look at it again), or nothing (the hotline).
   */
  async function afterCloseReply(userKey: string, c: Case, about: 'progress' | 'who' | 'phone' | 'pressed' | 'disputed' | 'news', ctx: FlowContext): Promise<string> {
    const receipt = c.receipt?.answer === null;
    const rating = !receipt && c.satisfaction === null && (await ratingPending(core, userKey));
    const team = c.assignee ? teamOf(ctx.index, c.assignee.level, c.assignee.staffId) : null;
    const lead =
      about === 'who'
        ? `案件 ${c.caseNo} ${team ? `由${team}办理，` : ''}已经办结。工作人员的名字和电话不在这里公开。`
        : about === 'phone'
          ? `案件 ${c.caseNo} 已经办结，工作人员的电话不在这里公开；有问题可以打职工服务热线12351。`
          : about === 'pressed' || about === 'disputed'
            ? `案件 ${c.caseNo} 已经办结了，办理结果在下面。`
            : about === 'news'
              ? `案件 ${c.caseNo} 已经办结了，新的情况在这里没法再转给工作人员。`
              : null;
    const next = receipt
      ? '追回的钱还没收到的话，请回复「没收到」，案件会交回工作人员继续跟进；收到了请回复「收到了」。'
      : rating
        ? '您对处理结果满意吗？请回复「满意」「基本满意」或「不满意」；回复「不满意」，案件会重新打开，交镇（街道）工会复查。'
        : c.satisfaction === null && c.outcome?.end?.kind !== 'withdrawn'
          ? '稍后会请您评价处理结果，到时回复「不满意」，案件会重新打开，交镇（街道）工会复查。'
          : '对处理结果有意见，可以打职工服务热线12351反映。';
    // The receipt question is the last line of the case as shown: said once, in the line above.
    const shown = progressText(ctx.index, c).split('\n').filter((l) => !(receipt && l.startsWith('钱收到了吗？'))).join('\n');
    return [...(lead ? [lead] : []), `您的案件：\n\n${shown}`, next].join('\n\n');
  }

  /** The progress of each open case (as `进度` shows it), what comes next, and an honest word on the money. */
  function progressReply(ctx: FlowContext, open: Case[], staffPhone: boolean, lead?: string): string {
    const resolveDays = core.config.RESOLVE_WORKING_DAYS;
    const parts = open.slice(0, 3).map((c) => [progressText(ctx.index, c), nextLine(c, resolveDays)].filter(Boolean).join('\n'));
    const lines = [...(lead ? [lead] : []), `${open.length > 1 ? '您在办的案件：' : '您的案件：'}\n\n${parts.join('\n\n')}`, MONEY_LINE];
    if (staffPhone) lines.push(open.every(reporterForgotten) ? STAFF_PHONE_LINE_FORGOTTEN : STAFF_PHONE_LINE);
    lines.push('有新的情况要告诉工作人员，直接跟我说就行。');
    return lines.join('\n\n');
  }

  /**
   * Whether `session` holds words waiting for the person's yes to pass them
   * on (not `我想补充一下` alone): asked before `command`, which ends the
   * question, so that whatever answers instead can say they were not passed on.
   */
  function noteWaiting(session: Session, now: Date): boolean {
    const w = session.caseNote;
    return !!w && w.text !== '' && now.getTime() - Date.parse(w.at) <= idleMs;
  }

  /**
   * A bare `取消` or `算了` with no form under way from someone with a case open (asked after the booking
   * desk, whose `取消` is about a booking): nothing is cancelled and the case goes on, said so, with how to
   * withdraw it if that is what they meant; null otherwise (the conversation's 「现在没有正在办理的事项」).
   */
  async function cancelWithCase(userKey: string, session: Session, incoming: Incoming, ctx: FlowContext): Promise<{ session: Session; replies: Reply[] } | null> {
    if (incoming.kind !== 'text' || session.flowId !== null || session.mode !== 'idle') return null;
    if (!BARE_CANCEL.test(compact(normalizeMessage(incoming.text)))) return null;
    const open = await casesForNotes(core, userKey);
    if (open.length === 0) return null;
    const which = open.length === 1 ? `您的案件 ${named(open[0]!)}` : `您的${open.length}个案件`;
    const chosen = session.attachTo !== null;
    return {
      session: { ...session, attachTo: null, updatedAt: ctx.now.toISOString() },
      replies: [text(`好的。${chosen ? '材料先不补充了，' : ''}${which}照常办理，不受影响。要是不想反映了，想撤回案件，请回复「撤回」；看其他服务，回复「菜单」。`)],
    };
  }

  return { command, noteWaiting, cancelWithCase };
}
