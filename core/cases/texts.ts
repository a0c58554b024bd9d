import { yuan } from '../infra/money.js';
import { chinaDay, chinaTime, dayLabel, monthText, shortTime } from '../infra/time.js';
import { headcountText, type Case, type CloseOutcome, type NextStep, type ReporterNote, type ReporterNoteKind } from './record.js';
import { teamOf } from './routing.js';
import { progressName } from './state.js';
import type { DirectoryIndex } from '../directory/index.js';
import { maskPhone } from '../infra/privacy.js';
import { isAudio } from './voice.js';
import { exceedsClaim } from './closing.js';

const PRIORITY: Record<Case['priority'], string> = { normal: '普通', high: '优先（群体欠薪）', urgent: '加急' };

function place(index: DirectoryIndex, c: Case): string {
  return knownPlace(index, c) || '未说明';
}

/** The case's township and community as far as they are known ('' when neither is). */
function knownPlace(index: DirectoryIndex, c: Case): string {
  const tw = c.location.townshipId ? index.townshipById.get(c.location.townshipId)?.township.name : null;
  return [tw, c.location.community].filter(Boolean).join(' ');
}


/** The claimed amount as said: `28,500元`, `约200,000元`, `约20,000至30,000元`. */
export function claimedAmount(w: NonNullable<Case['wage']>): string {
  if (w.amountUpTo !== null) return `约${yuan(w.amount).replace(/元$/, '')}至${yuan(w.amountUpTo)}`;
  return `${w.amountApprox ? '约' : ''}${yuan(w.amount)}`;
}

/** What else the reporter told of a wage report (the clue platform's fields), when they knew it. */
function clueLines(w: NonNullable<Case['wage']>): string[] {
  const out: string[] = [];
  const line = (label: string, v: string | null | undefined) => {
    if (v) out.push(`${label}：${v}`);
  };
  line('单位地址', w.employerAddress);
  if (w.construction) {
    line('项目地址', w.projectAddress);
    line('总包单位', w.generalContractor);
    line('分包单位', w.subcontractor);
    line('包工头', w.labourContractor);
  }
  line('工种', w.trade);
  if (w.workStart) line('开始干活', monthText(w.workStart));
  if (w.roster) {
    const parts = [w.roster.entries.length > 0 ? `${w.roster.entries.length}人` : '', w.roster.files.length > 0 ? `照片或表格${w.roster.files.length}份` : ''];
    line('工友名单', `${parts.filter(Boolean).join('，')}（详见案件详情）`);
  }
  if (w.account) line('经过', [...w.account].length > 200 ? `${[...w.account].slice(0, 200).join('')}…` : w.account);
  if (w.evidenceHeld) line('说到但没发来的证据', w.evidenceHeld);
  return out;
}

/** Words for a relation as staff write them: 爸 → 父亲, 老公 → 丈夫; others as said (老乡, 哥哥). */
export function relationTitle(relation: string | null): string {
  if (relation === null) return '他人';
  const titles: [RegExp, string][] = [
    [/^(?:爸爸|爸|父亲|老爸|老爹|爹)$/u, '父亲'],
    [/^(?:妈妈|妈|母亲|老妈|娘)$/u, '母亲'],
    [/^(?:老公|丈夫)$/u, '丈夫'],
    [/^(?:媳妇|老婆|妻子)$/u, '妻子'],
    [/^(?:哥|哥哥)$/u, '哥哥'],
    [/^(?:弟|弟弟)$/u, '弟弟'],
    [/^(?:姐|姐姐)$/u, '姐姐'],
    [/^(?:妹|妹妹)$/u, '妹妹'],
    [/^(?:闺女|女儿)$/u, '女儿'],
    [/^(?:叔|叔叔)$/u, '叔叔'],
    [/^(?:舅|舅舅)$/u, '舅舅'],
    [/^(?:姑|姑姑)$/u, '姑姑'],
  ];
  return titles.find(([re]) => re.test(relation))?.[1] ?? relation;
}

/** Reported on behalf of someone: 「替父亲王大军反映」 (the name gone after 删除我的信息: 「替父亲反映」). */
export function behalfText(b: { relation: string | null; workerName: string | null }): string {
  return `替${relationTitle(b.relation)}${b.workerName ?? ''}反映`;
}

/**
 * What a staff member reads about a case. The phone number is complete only
 * for the assignee, who has to call back (or `phoneWhole`: a supervisor
 * paged to call about a safety alert); anyone else sees it masked.
 */
export function staffCaseText(index: DirectoryIndex, c: Case, opts: { phone: string | null; isAssignee: boolean; phoneWhole?: boolean }): string {
  const lines = [`案件编号：${c.caseNo}`];
  if (c.wage) {
    const w = c.wage;
    lines.push(
      c.kind === 'legal_aid' ? '类型：支持起诉（检察官面对面咨询后转来）' : `类型：反映欠薪${w.employerKind === 'household' ? '（个人或家庭雇用，一般按民事纠纷处理）' : ''}`,
      `${w.employerKind === 'household' ? '雇主' : '用人单位'}：${w.employer}${w.construction ? `（工程建设${w.project ? `：${w.project}` : ''}）` : ''}`,
      `地点：${place(index, c)}`,
      `金额：${claimedAmount(w)}${w.groupAmount !== null ? `（大家一共约${yuan(w.groupAmount)}）` : ''}`,
      `人数：${headcountText(w.headcount)}`,
      `拖欠时间：${w.period.end === w.period.start ? monthText(w.period.start) : `${monthText(w.period.start)}至${w.period.end ? monthText(w.period.end) : '今'}`}`,
      w.stillEmployed ? '在职情况：仍在职' : `在职情况：${w.leftSince ? monthText(w.leftSince) : ''}已离职${w.nearArbitrationLimit ? '（仲裁时效将到，请尽快处理）' : ''}`,
    );
    // The reporter speaks for the worker owed: staff call the reporter, and may need to check with the worker.
    if (w.onBehalf) lines.push(`【代为反映】${behalfText(w.onBehalf)}（联系人是反映人，不是本人）`);
    lines.push(...clueLines(w));
    if (c.evidence.length > 0) lines.push(`证据材料：${c.evidence.length}份`);
  } else {
    const voices = c.evidence.filter(isAudio).length;
    lines.push(c.kind === 'legal_aid' ? '类型：支持起诉（检察官面对面咨询后转来）' : `类型：求助人工${voices > 0 ? '（语音留言）' : ''}`, `地点：${place(index, c)}`);
    if (c.enquiry?.question) lines.push(`问题：${c.enquiry.question}`);
    if (voices > 0) lines.push(`语音留言：${voices}条，请在案件详情中下载收听，${opts.phone ? '然后回电。' : '对方没留电话，请在对话里答复。'}`);
  }
  lines.push(`优先级：${PRIORITY[c.priority]}`);
  lines.push(...noteLines(c, opts.isAssignee));
  if (c.reporter.name) lines.push(`联系人：${c.reporter.name}`);
  if (opts.phone) lines.push(`电话：${opts.isAssignee || opts.phoneWhole ? opts.phone : maskPhone(opts.phone)}`);
  return lines.join('\n');
}

/** What each kind of reporter note says, after 「报告人」. */
const NOTE_WHAT: Record<ReporterNoteKind, string> = {
  correction: '更正或补充了情况',
  paid: '说工资已经拿到了',
  partly_paid: '说拿到了一部分工资',
  withdraw: '想撤回反映',
  retaliation: '说受到了威胁或打击报复',
  absconded: '说老板跑了或联系不上',
  phone: '换了联系电话',
  violence: '说遭到了殴打',
  safety: '在对话中说了轻生或过激的话',
  threat: '在对话中扬言要伤害他人',
  complaint: '对工作人员有意见',
  other: '留言',
};

/** What the assignee is asked to do about a note. */
function noteAdvice(c: Case, n: ReporterNote): string {
  switch (n.kind) {
    case 'paid':
      return `请跟本人核实到手的金额，再办结：办结 ${c.caseNo} 追回 金额。`;
    case 'partly_paid':
      return '请核实已付和还欠的金额，剩下的继续追讨。';
    case 'correction':
      // The case's facts change only by staff's 更正 (work.ts amendCase), after checking with the person.
      return c.wage ? `跟本人核实后，要改案件里的金额、单位或电话，请发：更正 ${c.caseNo} 金额 新金额（单位、电话同样写）。` : '';
    case 'phone':
      return `跟本人核实后，请发：更正 ${c.caseNo} 电话 新号码，案件里的联系电话就改过来了。`;
    case 'withdraw':
      return `撤回不能在对话里直接办：请先打电话跟本人核实是不是自己的意愿、有没有受到压力。核实是本人意愿的，请发「办结 ${c.caseNo} 撤回 原因」；跟老板私下和解的，请发「办结 ${c.caseNo} 和解 金额」（不清楚的写 金额未知）。`;
    case 'retaliation':
      return '请优先处理：因反映欠薪被开除或打击报复是违法的，已提醒本人保留证据。';
    case 'violence':
      return '已提醒本人打110、留好伤情照片和就医记录。请尽快联系本人。';
    case 'safety':
      return '请立即打电话联系本人，先稳住情绪；联系不上或情况危急，请报警110。本人已收到110和心理援助热线12356。';
    case 'threat':
      return '请立即打电话联系本人，劝其冷静、不要做过激的事；如果已经带了凶器或去找对方，请马上报警110。本人已收到冷静劝告、110和心理援助热线12356。';
    case 'complaint':
      return '请核实情况，并尽快打电话联系本人；这条意见没有发给案件负责人。';
    case 'absconded':
      return '请尽快核实用人单位的下落，必要时移交人社或住建部门。';
    case 'other':
      // The boss pressing for a withdrawal (flows/case-desk.ts PRESSED_TO_WITHDRAW, same words): the person was told not to withdraw before the money is in hand.
      return /(?:让|叫|要|逼|劝|求|喊)(?:我|俺)[^，。]{0,4}(?:撤|别告|不要告|不告|别反映|别投诉|别举报)|(?:只要|要是|如果)(?:我|俺)?(?:撤|不告|别告)/.test(n.text)
        ? '请注意：本人说老板要求撤回反映。已提醒本人钱到手前不要撤、不要签放弃的字据；请核实本人有没有受到压力。'
        : '';
    default:
      return '';
  }
}

/**
 * Notes from the reporter in staff views: urgent ones first, then the
 * latest; numbers masked (the note's text is stored so). Complaints about
 * the staff are not for the one who holds the case (`isAssignee`).
 */
function noteLines(c: Case, isAssignee: boolean): string[] {
  const shown = [...c.reporterNotes]
    .map((n, i) => ({ n, i }))
    .filter(({ n }) => !(isAssignee && n.kind === 'complaint'))
    .sort((a, b) => Number(b.n.urgent) - Number(a.n.urgent) || b.i - a.i).slice(0, 3);
  return shown.map(({ n }) => `${n.urgent ? '⚠ 紧急·' : ''}当事人留言（${shortTime(n.at)}，${NOTE_WHAT[n.kind]}）：${n.text}`);
}

/**
 * The assignee's notice of a reporter's note: urgent ones marked first;
 * numbers in it whole only for the assignee. A safety alert on a case
 * nobody holds yet goes to the supervisors on duty, who are the ones to
 * call: the reporter's phone and the numbers in the words are whole for
 * them too. An alert on a case someone holds is copied to the supervisor
 * on duty: the assignee was asked to call, so the phone stays masked.
 */
export function reporterNoteNotice(
  c: Case,
  n: ReporterNote,
  opts: {
    isAssignee: boolean;
    phones: string[];
    reporterPhone: string | null;
    /** Who holds the case (`河西街道第一网格 张三`), for a complaint or an alert's copy. */
    holder?: string;
    /** The one whose approval the case's close waits for (not its assignee): told to weigh the words in the review. */
    reviewing?: boolean;
  },
): string {
  if (n.kind === 'complaint') return complaintNotice(c, n, opts);
  const alert = n.kind === 'safety' || n.kind === 'threat';
  const paged = alert && !c.assignee;
  if (alert && !paged && !opts.isAssignee) return alertCopyNotice(c, n, opts);
  const head = n.urgent ? '【紧急·当事人留言】' : '【当事人留言】';
  const lines = [`${head}案件 ${c.caseNo} 的报告人${NOTE_WHAT[n.kind]}${alert ? '，原话' : ''}：「${n.text}」`];
  if (paged) lines.push('案件还没有分派，请您先联系本人。');
  if ((opts.isAssignee || paged) && opts.phones.length > 0) lines.push(`留言里的电话：${opts.phones.join('、')}`);
  if (alert && opts.reporterPhone) lines.push(`本人电话：${opts.isAssignee || paged ? opts.reporterPhone : maskPhone(opts.reporterPhone)}`);
  const advice = opts.reviewing
    ? `案件的办结正等您审批，请核实后再决定：同意请回复「同意 ${c.caseNo}」；不同意请回复「退回 ${c.caseNo} 原因」。`
    : noteAdvice(c, n);
  if (advice) lines.push(advice);
  // Only the assignee can answer in the chat (core/cases/work.ts replyToReporter); a paged supervisor calls.
  if (opts.isAssignee) lines.push(`答复本人请发：回复 ${c.caseNo} 内容`);
  return lines.join('\n');
}

/**
 * A supervisor's copy of a safety or threat alert on a case someone holds:
 * the words, who was asked to call, the phone masked (they are not the
 * one to call) and what to do if the assignee cannot be reached.
 */
function alertCopyNotice(c: Case, n: ReporterNote, opts: { reporterPhone: string | null; holder?: string }): string {
  const lines = [`【紧急·抄送】案件 ${c.caseNo} 的报告人${NOTE_WHAT[n.kind]}，原话：「${n.text}」`];
  lines.push(`已请负责人${opts.holder ? ` ${opts.holder} ` : ''}立即打电话联系本人。`);
  if (opts.reporterPhone) lines.push(`本人电话：${maskPhone(opts.reporterPhone)}`);
  lines.push('请您关注：负责人联系不上或情况危急，请督促处理，必要时报警110。');
  return lines.join('\n');
}

/**
 * A complaint about the staff, for the supervisor it went to (never the
 * assignee): who holds the case and where it stands, the words, and the
 * phones whole, since they are the one to call back (only the assignee
 * can answer in the chat).
 */
function complaintNotice(c: Case, n: ReporterNote, opts: { phones: string[]; reporterPhone: string | null; holder?: string }): string {
  const lines = [`【当事人投诉】案件 ${c.caseNo} 的报告人${NOTE_WHAT.complaint}：「${n.text}」`];
  lines.push(c.assignee ? `案件负责人：${opts.holder ?? '工作人员'}；状态：${progressName(c.status)}` : `案件还没有分派；状态：${progressName(c.status)}`);
  if (opts.phones.length > 0) lines.push(`留言里的电话：${opts.phones.join('、')}`);
  if (opts.reporterPhone) lines.push(`本人电话：${opts.reporterPhone}`);
  lines.push(c.assignee ? noteAdvice(c, n) : '请核实情况，并尽快打电话联系本人。');
  return lines.join('\n');
}

export function staffAssignedNotice(index: DirectoryIndex, c: Case, phone: string | null): string {
  const head = c.priority === 'normal' ? '【新案件】' : c.priority === 'urgent' ? '【加急案件】' : '【群体欠薪·优先】';
  const lines = [`${head}${c.assignee?.onCall ? '（值班）' : ''}您有一件新案件，请尽快处理。`, staffCaseText(index, c, { phone, isAssignee: true })];
  if (c.acceptBy) {
    const later = c.acceptFrom && c.assignee && Date.parse(c.acceptFrom) > Date.parse(c.assignee.assignedAt);
    lines.push(`\n请在${shortTime(c.acceptBy)}前接单${later ? `（现在是非工作时间，接单时限从${shortTime(c.acceptFrom)}起算）` : ''}。`);
  }
  lines.push(`${c.acceptBy ? '' : '\n'}接单请回复：接单 ${c.caseNo}${c.kind === 'enquiry' ? `\n答复对方请发：回复 ${c.caseNo} 内容` : ''}`);
  return lines.join('\n');
}

/** A supervisor's copy: the phone number masked, since they are not the one to call. */
export function staffCopiedNotice(index: DirectoryIndex, c: Case, assigneeName: string, phone: string | null): string {
  return `【抄送】${c.priority === 'urgent' ? '加急' : '群体欠薪'}案件已分派给${assigneeName}，请关注。\n${staffCaseText(index, c, { phone, isAssignee: false })}`;
}

export function reporterAssignedNotice(c: Case, team: string): string {
  return `您的案件 ${c.caseNo} 已交给${team}处理，工作人员会尽快联系您。回复「进度」可以随时查看。`;
}

/** The step 删除我的信息 adds to each of the reporter's cases (submit.ts `forgetReporter`). */
export const REPORTER_FORGOTTEN = '报告人已删除个人信息';

/** A step of the case as the reporter reads it (进度, the mini-program's 我的案件): their own deletion as theirs, not as staff word it. */
export function reporterStepNote(note: string): string {
  return note === REPORTER_FORGOTTEN ? '您已删除个人信息' : note;
}

/** Whether the reporter deleted their details (删除我的信息): staff have no phone to call them, so no notice promises a call. */
export function reporterForgotten(c: Pick<Case, 'history'>): boolean {
  return c.history.some((h) => h.note === REPORTER_FORGOTTEN);
}

/** The step a grid worker's 退回 adds (work.ts `declineCase`): the reporter is told with the next assignment. */
export const DECLINED_STEP = '原来的工作人员不能继续办理，正在换一位工作人员';

/** The step a supervisor's 改派 adds before the case goes to the one named (work.ts `reassignCase`). */
export function reassignedStep(team: string): string {
  return `${team}已改派，正在交给新的工作人员`;
}

/**
 * Whether nobody else is left to take the case should its assignee let the
 * accept limit pass: it is with the district union, and every other
 * district supervisor let it lapse already (routing then gives it to one of
 * them again: routing.ts `candidateTiers`).
 */
export function lastInLine(index: DirectoryIndex, c: Case): boolean {
  return c.assignee?.level === 'district' && nobodyElse(index, c, c.assignee.staffId);
}

/** Whether `staffId` is a district supervisor of the case's district and every other one let it lapse (lastInLine). */
function nobodyElse(index: DirectoryIndex, c: Case, staffId: string): boolean {
  const sups = index.directory.districts.find((d) => d.id === c.location.districtId)?.supervisors.filter((s) => s.role === 'district_supervisor') ?? [];
  return sups.some((s) => s.id === staffId) && sups.every((s) => s.id === staffId || c.lapsed.includes(s.id));
}

/**
 * The reporter's notice of the case handed on (a 退回, a supervisor's 改派,
 * an accept limit passed): why when staff said so, who has it now and, while
 * they have not taken it yet, by when they will call (after 删除我的信息: by
 * when they take it, and that news comes here). One notice: the release's
 * own is not sent (due.ts `toldWithNewAssignment`).
 */
function reassignedNotice(c: Case, seq: number): string {
  const h = c.history[seq]!;
  const before = c.history[seq - 1]?.note ?? '';
  const byTeam = before.match(/^(.+)已改派，正在交给新的工作人员$/u)?.[1];
  const what = before === DECLINED_STEP ? `原来的工作人员不能继续办理，现${h.note}` : byTeam ? `${byTeam}已把案件${h.note.replace(/^已/u, '')}` : h.note;
  const waiting = c.status === 'assigned' && c.assignee?.assignedAt === h.at && c.acceptBy;
  const when = waiting ? shortTime(c.acceptBy) : '';
  const next = !waiting ? '' : reporterForgotten(c) ? `，会在${when}前接手办理；您的联系方式已删除，有消息会在这里告诉您` : `，工作人员会在${when}前联系您`;
  return `您的案件 ${c.caseNo} ${what}${next}。回复「进度」可查看全部记录。`;
}

/** The progress view (进度) of one case: its steps (staff replies among them), the time limit, and what the reporter can do next. */
export function progressText(index: DirectoryIndex, c: Case): string {
  const kind = c.kind === 'wage_arrears' ? '反映欠薪' : c.kind === 'enquiry' ? '人工求助' : c.kind === 'legal_aid' ? '支持起诉' : c.kind;
  // The reporter reads their own deletion as theirs, not as staff word it.
  const steps = c.history.map((h) => `  ${shortTime(h.at)} ${reporterStepNote(h.note)}`).join('\n');
  // A place nobody gave (a request for a person, before any place was said) is left out: 「（人工求助，未说明）」 reads as if the problem was not said.
  const where = knownPlace(index, c);
  const lines = [`${c.caseNo}（${kind}${where ? `，${where}` : ''}）`, `状态：${progressName(c.status)}`, steps];
  // Waiting to be taken: by when someone calls, and what happens if nobody does (`催一下`, `怎么还没人联系我` come here).
  // After 删除我的信息 staff have no phone to call: the case is still taken on time, and news comes here.
  const forgotten = reporterForgotten(c);
  if (c.status === 'assigned' && c.acceptBy) {
    // With the district union and nobody left there who has not let it lapse: it is not handed to anyone new, only chased.
    const ifNot = lastInLine(index, c) ? `系统会继续催${teamOf(index, 'district', c.assignee!.staffId)}办理` : '系统会催办并改派给其他工作人员';
    lines.push(
      forgotten
        ? `工作人员会在${shortTime(c.acceptBy)}前接手办理；您的联系方式已删除，工作人员没法打电话给您，有进展会在这里告诉您。`
        : `工作人员会在${shortTime(c.acceptBy)}前联系您；到时还没人接，${ifNot}。`,
    );
  }
  // Waiting for the procuratorate to take it up: by when it answers (its only time limit; none once it has taken the case).
  if (c.status === 'referred' && c.referral?.status === 'pending') lines.push(`检察机关会在${latestAt(new Date(c.referral.decideBy))}前答复是否受理。`);
  if ((c.status === 'accepted' || c.status === 'closing') && c.resolveBy) lines.push(`办结期限：${dayLabel(chinaDay(new Date(c.resolveBy)))}`);
  // The next step is in the close's own line above.
  if (c.status === 'resolved' && c.receipt && c.receipt.answer === null) lines.push('钱收到了吗？收到了请回复「收到了」，还没收到请回复「没收到」。');
  return lines.join('\n');
}

// --- closes: what the reporter is told, what staff read -------------------------------------

/** How a procuratorate's step that does not close the case starts in the case's history (recordReferralOutcome, work.ts). */
export const REFERRAL_PROGRESS = '检察机关进展：';

/**
 * The liaison's answer to a 结果 recorded as a step (the case still with
 * the procuratorate): what to send once there is a final result.
 */
export function referralProgressAnswer(c: Case, paidSoFar: number | null = null): string {
  // The reporter reads the words too (masked of personal numbers): the liaison is told so.
  const lines = [`已记下进展，已告诉工会和报告人。案件 ${c.caseNo} 还在检察审查中，没有办结。`];
  if (paidSoFar !== null) lines.push(`如果已付的${yuan(paidSoFar)}就是最终结果，请发：结果 ${c.caseNo} 追回 ${paidSoFar}`);
  lines.push('有最终结果时请发：', `· 钱已追回：结果 ${c.caseNo} 追回 金额`, `· 检察这边已办完：结果 ${c.caseNo} 已出具支持起诉意见书`);
  return lines.join('\n');
}

/** The hotlines a worker can call: 人社 (labour inspection, arbitration), the union, legal aid. */
export const HOTLINES = '人社服务热线12333、职工服务热线12351、法律援助热线12348';

/** 先行清偿: the general contractor pays first for a subcontractor's arrears (保障农民工工资支付条例 第三十条). */
export const CONSTRUCTION_FIRST_PAYER =
  '您反映的是工程建设项目的欠薪。按照《保障农民工工资支付条例》，分包单位拖欠农民工工资的，由施工总承包单位先行清偿，再由它向分包单位追偿。' +
  '您可以直接找施工总承包单位要，也可以向住建部门反映或打12333投诉。';

/** The receiving unit, with its kind when the name does not say it: `青溪区劳动保障监察大队`, `区里（住建部门）`. */
function unitText(step: Extract<NextStep, { kind: 'transfer' }>): string {
  if (step.agency === 'labour_inspection' && !/人社|人力资源|劳动/.test(step.unit)) return `${step.unit}（人社部门）`;
  if (step.agency === 'housing_construction' && !/住建|住房|建设/.test(step.unit)) return `${step.unit}（住建部门）`;
  return step.unit;
}

const mdOf = (day: string) => dayLabel(day);

/** One line for staff and for 进度: `已移交青溪区劳动保障监察大队，工会11月30日（周一）跟进`. */
export function nextStepShort(step: NextStep): string {
  switch (step.kind) {
    case 'transfer':
      return `已移交${unitText(step)}，工会${mdOf(step.followUpOn)}跟进`;
    case 'arbitration':
      return '申请劳动仲裁（可预约律师帮忙）';
    case 'court':
      return '向人民法院起诉（可预约律师帮忙）';
    case 'procuratorate':
      return `检察机关：${step.outcome}`;
  }
}

/** The next step in plain words for the reporter. */
function nextStepForReporter(c: Case, step: NextStep): string {
  const book = `工会可以免费为您预约律师帮忙，回复「预约 ${c.caseNo}」即可。`;
  switch (step.kind) {
    case 'transfer': {
      return `我们已把您的案件移交给${unitText(step)}处理，工会会在${mdOf(step.followUpOn)}向他们了解进展，有消息会告诉您。${step.agency === 'labour_inspection' ? '您也可以打人社服务热线12333查询。' : ''}`;
    }
    case 'arbitration':
      return `建议您申请劳动仲裁：到干活地或用人单位所在地的劳动人事争议仲裁委员会申请，不收费，一般要在离职后一年内提出。${book}`;
    case 'court':
      return `建议您向人民法院起诉（有老板写的欠条的，可以直接起诉）。${book}`;
    case 'procuratorate':
      return `检察机关的意见：${step.outcome}。需要律师帮忙的话，回复「预约 ${c.caseNo}」即可。`;
  }
}

/** What the reporter reads when the case is resolved: the result, the next step, the hotlines; money recovered asks 收到了 / 没收到. */
export function resolvedNotice(c: Case): string {
  const o = c.outcome;
  if (!o) return `您的案件 ${c.caseNo} 已办结。回复「进度」可查看全部记录。`;
  const lines: string[] = [];
  // Withdrawn or settled: said plainly, without the advice for wages not recovered.
  if (o.end) {
    lines.push(
      o.end.kind === 'withdrawn'
        ? `您的案件 ${c.caseNo} 已按您的意思撤回，不再办理。`
        : `您的案件 ${c.caseNo} 已办结：您和老板已经自己谈妥了${o.end.amount !== null ? `（${yuan(o.end.amount)}）` : ''}。`,
    );
    lines.push(`以后${o.end.kind === 'settled' ? '老板不按说好的给钱，或者' : ''}再遇到欠薪，随时可以再来反映。有问题可以打职工服务热线12351。`);
    return lines.join('\n');
  }
  if (o.recovered !== null) {
    const more = c.wage && o.recovered > c.wage.amount;
    lines.push(`您的案件 ${c.caseNo} 已办结：追回工资${yuan(o.recovered)}${(!o.full || more) && c.wage ? `（您反映的是${claimedAmount(c.wage)}）` : ''}。`);
    lines.push('钱到手了吗？收到了请回复「收到了」；还没收到请回复「没收到」，我们会继续跟进。');
    if (!o.full && c.wage) {
      lines.push(o.nextStep ? `剩下的部分，${nextStepForReporter(c, o.nextStep)}` : `剩下的部分，可以申请劳动仲裁或向法院起诉，工会可以免费为您预约律师帮忙，回复「预约 ${c.caseNo}」即可。`);
    }
  } else if (o.nextStep?.kind === 'procuratorate') {
    lines.push(`您的案件 ${c.caseNo} 已办结。`, nextStepForReporter(c, o.nextStep));
  } else {
    lines.push(`您的案件 ${c.caseNo} 已办结，这次没能追回工资${o.reason ? `，原因是：${o.reason}` : ''}。`);
    if (o.nextStep) lines.push(`下一步：${nextStepForReporter(c, o.nextStep)}`);
  }
  if (!o.full && c.wage?.construction && c.wage.employerKind !== 'household') lines.push(CONSTRUCTION_FIRST_PAYER);
  lines.push(o.full ? '有问题可以打职工服务热线12351。' : `需要帮助可以打：${HOTLINES}。`);
  return lines.join('\n');
}

/** A withdrawal or a settlement as staff read it: `报告人撤回：原因`, `报告人与用人单位和解（5,000元）`. */
export function endSummary(o: Pick<CloseOutcome, 'reason' | 'end'>): string {
  if (!o.end) return '';
  if (o.end.kind === 'withdrawn') return `报告人撤回${o.reason ? `：${o.reason}` : ''}`;
  const amount = o.end.amount !== null ? yuan(o.end.amount) : '金额未知';
  return `报告人与用人单位和解（${amount}）${o.reason ? `：${o.reason}` : ''}`;
}

/** A close as staff read it: `追回28,500元` / `未追回：原因；下一步：…` / `报告人撤回：原因`. */
export function closeSummary(
  o: { recovered: number | null; reason: string | null; full: boolean; nextStep: NextStep | null; end?: CloseOutcome['end'] },
  c?: Pick<Case, 'wage'>,
): string {
  if (o.end) return endSummary(o);
  // More than reported (confirmed by the official) is said as more, never as 全额 (closing.ts exceedsClaim).
  const mark = c?.wage && exceedsClaim(c, o.recovered) ? `（比报告人反映的${claimedAmount(c.wage)}多）` : o.full ? '（全额）' : '';
  const head = o.recovered !== null ? `追回${yuan(o.recovered)}${mark}` : `未追回：${o.reason ?? ''}`;
  return o.nextStep ? `${head}；下一步：${nextStepShort(o.nextStep)}` : head;
}

/** Why a close waits for approval. */
export function approvalReason(c: Case): string {
  const why = [
    c.wage && (c.wage.headcount.count >= 10 || c.groupId) ? '群体欠薪' : null,
    c.wage?.construction ? '工程建设领域' : null,
  ].filter(Boolean);
  return why.join('、') || '需审批';
}

export interface SubmittedTimes {
  /** Who has it: `东龙镇第一网格`, or `东龙镇的网格团队`. */
  team: string;
  contactBy: Date;
  /** Working days until `contactBy` (0: today). */
  contactDays: number;
  resolveBy: Date;
  resolveDays: number;
  /** The rule: working days from acceptance (the limit set then, never later than `resolveBy`). */
  resolveAfterAccept: number;
}

/** `东龙镇的网格团队` said as consent and the advice say it: the 工格员 (a named grid stays as it is). */
function teamText(team: string): string {
  return team.replace(/的网格团队$/u, '的工格员');
}

/**
 * The last moment of a limit as a person reads it: the day (`12月7日（周一）`) when the limit runs to its end,
 * with the time when it ends earlier (`12月2日（周三）10:00`). Never 「12月7日前」, which reads as before that day
 * began, or the day alone for a limit that ends at 09:00.
 */
export function latestAt(d: Date): string {
  const time = chinaTime(d);
  return time === '23:59' ? dayLabel(chinaDay(d)) : `${dayLabel(chinaDay(d))}${time}`;
}

/**
 * What the reporter reads right after submitting: the number, who has it,
 * the time limits in working days, the union hotline. The resolve limit is
 * set at acceptance (that many working days on): said as that rule with the
 * latest day, so an earlier day after an early 接单 agrees with it.
 */
export function submittedText(c: Case, t: SubmittedTimes): string {
  const contact = t.contactDays > 0 ? `${t.contactDays}个工作日内联系您，最晚${latestAt(t.contactBy)}` : '今天联系您';
  return (
    `提交成功！您的案件编号是 ${c.caseNo}。\n` +
    `已交给${teamText(t.team)}处理${c.priority === 'normal' ? '' : '（已标为优先处理）'}，工作人员会在${contact}；接单后${t.resolveAfterAccept}个工作日内办结，最晚${latestAt(t.resolveBy)}。\n` +
    (c.wage?.construction && c.wage.employerKind !== 'household' ? '工程建设项目的欠薪，按《保障农民工工资支付条例》由施工总承包单位先行清偿，工作人员会据此帮您追讨。\n' : '') +
    '回复「进度」可以随时查看办理情况。有急事可以打职工服务热线12351。'
  );
}

export type CaseNoticeName =
  | 'staff-case-assigned'
  | 'staff-case-copied'
  | 'reporter-case-assigned'
  | 'reporter-update'
  | 'reporter-survey'
  | 'reporter-message'
  | 'staff-accept-reminder'
  | 'staff-resolve-reminder'
  | 'staff-overdue'
  | 'staff-referral'
  | 'staff-referral-reminder'
  | 'staff-referral-result'
  | 'staff-enquiry-voice'
  | 'staff-enquiry-phone'
  | 'staff-case-evidence'
  | 'staff-reporter-note'
  | 'reporter-resolved'
  | 'reporter-receipt'
  | 'reporter-extended'
  | 'staff-close-approval'
  | 'staff-close-reviewed'
  | 'staff-extension'
  | 'staff-receipt-missing'
  | 'staff-transfer-follow-up'
  | 'staff-close-approval-reminder'
  | 'staff-case-lapsed'
  | 'staff-case-chased';

export interface NoticeContext {
  index: DirectoryIndex;
  c: Case;
  /** Who receives a staff notice. */
  staffId: string | undefined;
  /** Which history entry, reply or assignment the notice is about. */
  seq: number | undefined;
  /** The reporter's phone, unsealed: shown whole only to the assignee. */
  phone: string | null;
  /** Opens a sealed number (a reporter note's): only the notice for the assignee, a complaint's for the supervisor it went to, or an alert's for a supervisor paged to call, calls it. */
  unsealPhone?: (sealed: string) => string;
  /** When the notice is sent (the app's clock): a reminder sent after its limit says 已超期. */
  now?: Date;
}

const NOTICES: Record<CaseNoticeName, (r: NoticeContext) => string> = {
  'reporter-case-assigned': ({ index, c }) => reporterAssignedNotice(c, teamOf(index, c.assignee!.level, c.assignee!.staffId)),
  'reporter-update': ({ c, seq }) => {
    const at = seq !== undefined && c.history[seq] ? seq : c.history.length - 1;
    const h = c.history[at]!;
    // Routed again (the first assignment has its own notice): who has it now, by when they call.
    if (h.status === 'assigned' && /^已(?:改派给|再次交给)/u.test(h.note)) return reassignedNotice(c, at);
    // Sent to the procuratorate: by when it answers whether it takes the case up (still waiting for that answer).
    if (h.status === 'referred' && c.referral?.status === 'pending' && c.referral.at === h.at) {
      return `您的案件 ${c.caseNo} 有新进展：已转给检察机关，审查是否支持起诉，最晚${latestAt(new Date(c.referral.decideBy))}答复是否受理。回复「进度」可查看全部记录。`;
    }
    // The liaison's own words (结果 while the procuratorate still works it): not 「有新进展：检察机关进展：」.
    if (h.note.startsWith(REFERRAL_PROGRESS)) {
      return `您的案件 ${c.caseNo} 检察机关有新进展：${h.note.slice(REFERRAL_PROGRESS.length).replace(/[。.！!]+$/, '')}。回复「进度」可查看全部记录。`;
    }
    return `您的案件 ${c.caseNo} 有新进展：${h.note}。回复「进度」可查看全部记录。`;
  },
  'reporter-message': ({ index, c, seq }) => {
    const r = c.replies[seq ?? c.replies.length - 1] ?? c.replies.at(-1)!;
    const team = c.assignee ? teamOf(index, c.assignee.level, c.assignee.staffId) : '工会';
    return `【${team}工作人员回复】关于 ${c.caseNo}：${r.text}`;
  },
  'reporter-survey': ({ c }) =>
    // Settled by the person with the employer: the result is theirs, so the staff's handling is what is asked about.
    `您的案件 ${c.caseNo} 已经办结${c.outcome?.end?.kind === 'settled' ? '（您和老板自己谈妥了）。您对工作人员的办理满意吗？' : '。您对处理结果满意吗？'}请回复「满意」「基本满意」或「不满意」。如果不满意，我们会请镇（街道）工会重新处理。`,
  'staff-case-assigned': ({ index, c, staffId, phone }) => staffAssignedNotice(index, c, c.assignee?.staffId === staffId ? phone : null),
  'staff-case-copied': ({ index, c, phone }) => staffCopiedNotice(index, c, c.assignee ? (index.staffById.get(c.assignee.staffId)?.staff.name ?? '') : '', phone),
  'staff-accept-reminder': ({ index, c, staffId }) =>
    c.status === 'assigned' && c.acceptBy && c.assignee?.staffId === staffId
      ? // Nobody left who has not let it lapse (lastInLine): it is not handed on, only chased.
        `【催办】案件 ${c.caseNo} 还没有接单，请在${shortTime(c.acceptBy)}前回复「接单 ${c.caseNo}」${lastInLine(index, c) ? '；已没有别人可以改派，超时仍由区总工会办理，系统会继续催办' : '，超时将改派他人'}。`
      : // Sent late (the process was down, the clock jumped): accepted meanwhile, or lapsed to someone else.
        c.assignee?.staffId === staffId
        ? `案件 ${c.caseNo} 您已接单，不用再接单。`
        : `【催办】案件 ${c.caseNo} 的接单期限已过，案件已改派。`,
  'staff-resolve-reminder': ({ c, now }) =>
    // Sent late (the process was down, the clock jumped): the limit has passed, and 延期 is no longer possible.
    now && c.resolveBy && now.getTime() >= Date.parse(c.resolveBy)
      ? `【催办】案件 ${c.caseNo} 的办结期限（${shortTime(c.resolveBy)}）已过，已超期。请尽快办结：回复「办结 ${c.caseNo} 追回 金额」；办不了的请向镇（街道）工会说明情况。`
      : `【催办】案件 ${c.caseNo} 的办结期限是${shortTime(c.resolveBy)}，请抓紧办理；办结请回复「办结 ${c.caseNo} 追回 金额」。`,
  'staff-overdue': ({ index, c }) => {
    const who = c.status === 'referred' ? '检察联络员' : (index.staffById.get(c.assignee?.staffId ?? '')?.staff.name ?? '工作人员');
    // A case its assignee still works can be chased from WeChat (催办); one with the procuratorate cannot.
    const chase = c.status === 'accepted' && c.assignee ? `\n催办请回复「催办 ${c.caseNo} 要说的话」，会转告${who}。` : '';
    return `【超期】案件 ${c.caseNo} 已超过${c.status === 'referred' ? '转检察答复' : '办结'}期限，负责人：${who}。请督促办理。${chase}`;
  },
  'staff-referral': ({ index, c, phone }) =>
    `【转检察】工会申请支持起诉，请在${shortTime(c.referral?.decideBy ?? null)}前答复。\n理由：${c.referral?.reason ?? ''}\n${staffCaseText(index, c, { phone, isAssignee: true })}\n受理请回复「受理 ${c.caseNo}」，不予支持请回复「不予支持 ${c.caseNo} 理由」。`,
  'staff-referral-reminder': ({ c }) => `【催办】转检察案件 ${c.caseNo} 已超过答复期限，请尽快回复「受理 ${c.caseNo}」或「不予支持 ${c.caseNo} 理由」。`,
  'staff-referral-result': ({ c, seq }) => {
    // A step recorded while the procuratorate still works the case (法院已立案，尚未判决): `seq` is its history entry.
    const line = seq !== undefined ? c.history[seq]?.note : undefined;
    if (line?.startsWith(REFERRAL_PROGRESS)) {
      return `【检察进展】案件 ${c.caseNo}：${line.slice(REFERRAL_PROGRESS.length)}。案件还在检察机关办理，没有办结；有最终结果会再告诉您。`;
    }
    return c.referral?.status === 'declined'
      ? `【检察答复】案件 ${c.caseNo} 检察机关暂不支持起诉：${c.referral.declineReason ?? ''}。案件回到您手上继续办理。`
      : `【检察结果】案件 ${c.caseNo}：${c.referral?.outcome ?? ''}。案件已办结。`;
  },
  'staff-enquiry-voice': ({ c }) =>
    `【新语音】求助 ${c.caseNo} 的求助人又发来语音留言，现在一共${c.evidence.filter(isAudio).length}条。请在案件详情中下载收听。`,
  'staff-case-evidence': ({ c, seq }) => {
    const f = c.evidence[(seq ?? c.evidence.length) - 1] ?? c.evidence.at(-1);
    return `【补充材料】案件 ${c.caseNo} 的报告人补充了材料${f ? `「${f.name}」` : ''}，现在一共${c.evidence.length}份。请在案件详情中查看。`;
  },
  'staff-reporter-note': ({ index, c, seq, staffId, phone, unsealPhone }) => {
    const n = c.reporterNotes[seq ?? c.reporterNotes.length - 1] ?? c.reporterNotes.at(-1);
    if (!n) return `【当事人留言】案件 ${c.caseNo} 的报告人留言了，请在案件详情中查看。`;
    const isAssignee = !!staffId && c.assignee?.staffId === staffId;
    // A complaint goes to a supervisor, who calls back; so does an alert on a case nobody holds: the numbers whole for them.
    const pagedAlert = (n.kind === 'safety' || n.kind === 'threat') && !c.assignee;
    const phones = (isAssignee || n.kind === 'complaint' || pagedAlert) && unsealPhone ? n.phonesSealed.map(unsealPhone) : [];
    const holder = c.assignee ? `${teamOf(index, c.assignee.level, c.assignee.staffId)} ${index.staffById.get(c.assignee.staffId)?.staff.name ?? ''}`.trim() : undefined;
    const reviewing = !isAssignee && !!staffId && c.status === 'closing' && c.closeRequest?.approverId === staffId;
    return reporterNoteNotice(c, n, { isAssignee, phones, reporterPhone: phone, holder, reviewing });
  },
  'reporter-resolved': ({ c }) => resolvedNotice(c),
  'reporter-receipt': ({ c }) =>
    `您的案件 ${c.caseNo} 追回的工资${c.outcome?.recovered != null ? yuan(c.outcome.recovered) : ''}收到了吗？收到了请回复「收到了」，还没收到请回复「没收到」，我们会继续跟进。`,
  'reporter-extended': ({ c, seq }) => {
    const e = c.extensions[seq ?? c.extensions.length - 1] ?? c.extensions.at(-1)!;
    return `您的案件 ${c.caseNo} 办理期限延长了${e.days}个工作日，现在最晚${latestAt(new Date(e.to))}办结。原因：${e.reason}。给您添麻烦了，回复「进度」可以查看办理情况，有急事可以打职工服务热线12351。`;
  },
  'staff-close-approval': ({ index, c, phone }) => {
    const r = c.closeRequest;
    const closer = index.staffById.get(r?.by ?? '')?.staff.name ?? '工作人员';
    return (
      `【办结待审批】${closer}申请办结案件 ${c.caseNo}（${approvalReason(c)}，办结需要您同意）。\n结果：${r ? closeSummary(r, c) : ''}\n` +
      `${staffCaseText(index, c, { phone, isAssignee: false })}\n\n同意请回复「同意 ${c.caseNo}」；不同意请回复「退回 ${c.caseNo} 原因」，案件会回到${closer}手上继续办理。`
    );
  },
  'staff-close-reviewed': ({ index, c, seq }) => {
    const r = c.closeReviews[seq ?? c.closeReviews.length - 1] ?? c.closeReviews.at(-1)!;
    const who = index.staffById.get(r.by)?.staff.name ?? '镇（街道）工会';
    return r.approved
      ? `【办结已同意】案件 ${c.caseNo} 的办结已经${who}同意，案件已办结。`
      : `【办结退回】案件 ${c.caseNo} 的办结没有通过${who}的审核：${r.reason ?? ''}。案件回到您手上继续办理，办结期限是${shortTime(c.resolveBy)}。`;
  },
  'staff-extension': ({ index, c, seq }) => {
    const e = c.extensions[seq ?? c.extensions.length - 1] ?? c.extensions.at(-1)!;
    const who = index.staffById.get(e.by)?.staff.name ?? '工作人员';
    return `【延期】案件 ${c.caseNo}（负责人：${who}）办结期限延长${e.days}个工作日，从${shortTime(e.from)}延到${shortTime(e.to)}。原因：${e.reason}。`;
  },
  'staff-receipt-missing': ({ c }) => {
    const part = c.receipt?.part;
    // Part of it arrived (the reporter said how much and confirmed it): said so, never that nothing arrived.
    const said = part
      ? `【没收全】案件 ${c.caseNo} 的报告人说追回的${yuan(part.recovered)}只收到了${yuan(part.received)}，还差${yuan(part.recovered - part.received)}`
      : `【没收到钱】案件 ${c.caseNo} 的报告人说还没收到追回的工资`;
    return `${said}，案件已回到您手上，请在${shortTime(c.resolveBy)}前跟进落实；落实后再回复「办结 ${c.caseNo} 追回 金额」。`;
  },
  'staff-close-approval-reminder': ({ index, c }) => {
    const r = c.closeRequest;
    const closer = index.staffById.get(r?.by ?? '')?.staff.name ?? '工作人员';
    const approver = index.staffById.get(r?.approverId ?? '')?.staff.name ?? '镇（街道）工会';
    return `【催办】${closer}申请办结案件 ${c.caseNo}（${r ? closeSummary(r, c) : ''}），等${approver}审批已超过1个工作日。请回复「同意 ${c.caseNo}」或「退回 ${c.caseNo} 原因」；区总工会也可以审批。`;
  },
  'staff-transfer-follow-up': ({ c }) => {
    const step = c.outcome?.nextStep;
    return step?.kind === 'transfer'
      ? `【跟进】案件 ${c.caseNo} 已移交${step.unit}，今天是约定的跟进日。请了解办理进展，并回复「备注 ${c.caseNo} 内容」记下。`
      : `【跟进】案件 ${c.caseNo} 今天要跟进，请了解办理进展。`;
  },
  'staff-case-lapsed': ({ index, c, staffId }) => {
    // For whoever let the accept limit pass (`seq`: that assignment); by the time this is sent the case has usually been routed again.
    // Back with them (every district supervisor let it lapse: routing.ts `candidateTiers`): never 「您不用再处理」.
    if (c.assignee?.staffId === staffId) return `案件 ${c.caseNo} 已超过接单期限；没有别人可以改派，案件仍交给您办理，请尽快处理。`;
    // Not routed yet, and it will go back to one of them (maybe this one): no 「您不用再处理」.
    if (!c.assignee && staffId && nobodyElse(index, c, staffId)) return `案件 ${c.caseNo} 已超过接单期限；已没有别人可以改派，案件会再交给区总工会，交给您时会另行通知。`;
    const to = !c.assignee ? '正在改派给其他工作人员' : index.staffById.get(c.assignee.staffId)?.staff.role === 'grid_worker' ? '已改派给其他工格员' : '已改派给其他工作人员';
    return `案件 ${c.caseNo} 已超过接单期限，${to}，您不用再处理。`;
  },
  'staff-case-chased': ({ index, c, seq, now }) => chaseNotice(index, c, seq, now),
  'staff-enquiry-phone': ({ c, staffId, phone }) =>
    phone
      ? `【补充电话】求助 ${c.caseNo} 的求助人留了手机号：${c.assignee?.staffId === staffId ? phone : maskPhone(phone)}。${c.evidence.some(isAudio) ? '听完语音后请回电。' : '请回电。'}`
      : `【补充电话】求助 ${c.caseNo} 的求助人已删除联系方式。`,
};

/** What a supervisor's 催办 note starts with (`notes`): the chase itself, its words after `：`. */
export const CHASE_NOTE = '催办';

/** The note of a 催办 (`seq`: index in `notes`), or null when that note is no chase. */
export function chaseNoteAt(c: Case, seq: number | undefined): { at: string; staffId: string; words: string } | null {
  const n = seq !== undefined ? c.notes[seq] : undefined;
  if (!n || !(n.text === CHASE_NOTE || n.text.startsWith(`${CHASE_NOTE}：`))) return null;
  return { at: n.at, staffId: n.staffId, words: n.text.slice(CHASE_NOTE.length + 1) };
}

/** The limit the assignee of an open case is running against, as a line: 办结期限：12月22日 10:00（已超期）. */
export function chaseLimitLine(c: Case, now: Date | undefined): string {
  const [label, at] = c.status === 'assigned' ? ['接单期限', c.acceptBy] : ['办结期限', c.resolveBy];
  if (!at) return '';
  return `${label}：${shortTime(at)}${now && now.getTime() >= Date.parse(at) ? '（已超期）' : ''}`;
}

/** 【催办】 for the assignee: who chases, their words, the case's limit, and what to send. */
function chaseNotice(index: DirectoryIndex, c: Case, seq: number | undefined, now: Date | undefined): string {
  const n = chaseNoteAt(c, seq);
  const by = n ? index.staffById.get(n.staffId) : undefined;
  const team = by?.staff.role === 'district_supervisor' ? '区总工会' : '镇（街道）工会';
  const who = by ? `${team}${by.staff.name}` : team;
  const limit = chaseLimitLine(c, now);
  const todo =
    c.status === 'assigned'
      ? `请尽快回复「接单 ${c.caseNo}」。`
      : `办结请回复「办结 ${c.caseNo} 追回 金额」；有困难请回复「备注 ${c.caseNo} 情况」说明。`;
  return [`【催办】${who}催您办理案件 ${c.caseNo}。`, n?.words ? `留言：${n.words}` : '', limit, todo].filter(Boolean).join('\n');
}

/** A notice about a case, rendered from the record when it is sent. */
export function caseNotice(name: CaseNoticeName, r: NoticeContext): string {
  return NOTICES[name](r);
}
