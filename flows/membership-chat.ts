import { cardReplies } from '../core/membership/index.js';
import type { Core } from '../core/context.js';
import { unionById } from '../core/directory/index.js';
import { applicantStatusText } from '../core/membership/index.js';
import { forgetApplicant, previousAnswers, recordOfIdNumber, submitApplication } from '../core/membership/index.js';
import { currentOf, membersOf, type Membership } from '../core/membership/index.js';
import type { Reply } from '../core/infra/replies.js';
import type { Outcome } from './engine.js';
import { ELIGIBILITY_TOPICS, ID_HELD_ASK, MIN_MEMBER_AGE, answersFromApplication, applicationFromAnswers, membershipFlow, pronounOf, type Eligibility } from './membership.js';
import { CONSENT_OPTIONS } from './define.js';
import { elsewhereText } from './membership-work.js';
import { NO_FLOW, type Session } from './session.js';
import { MENU } from './texts.js';
import { knowledgeBase, withBasis } from './knowledge/kb.js';
import type { Effect, FlowContext } from './types.js';

/**
 * The chat side of joining the union, around the pure flow in
 * flows/membership.ts: what needs Redis. Someone already a member (same ID
 * number, by keyed hash) gets their card instead of a second application;
 * someone waiting sees the status; a rejected applicant starts again with
 * the last answers filled in. Submission writes the sealed record and queues
 * the review.
 */
export function createMembershipChat(core: Core) {
  const members = membersOf(core);
  const text = (t: string): Reply => ({ type: 'text', text: t });
  const moreMenu: Reply = { type: 'text', text: '还可以办理：', options: MENU };

  /** Leaves the membership flow for the main menu (nothing was stored). */
  function toMenu(s: Session): Session {
    return { ...s, ...NO_FLOW, answers: {}, trail: [], options: MENU, draft: s.draft?.flowId === membershipFlow.id ? null : s.draft };
  }

  /** What someone who already has a record is told instead of applying again. */
  async function existingReplies(m: Membership): Promise<Reply[]> {
    if (m.status === 'approved') {
      return [text(`您已经是${m.union.name}的会员了，不用再申请。这是您的电子会员卡：`), ...(await cardReplies(core, m))];
    }
    return [text(`您已经提交过入会申请，正在审核，不用重复申请。\n${applicantStatusText(m)}\n审核有结果会第一时间通知您。`)];
  }

  /**
   * Whether the person typing is the one on record: the same chat only. A
   * name and an ID number are no proof (ID cards are copied everywhere), so
   * another chat never sees the record's status, union or card, and is told
   * the same thing whatever name it typed (no oracle for name and ID).
   */
  const isSamePerson = (m: Membership, userKey: string) => m.userKey === userKey;
  /** What any other chat is told about an ID number on record. */
  const OTHER_CHAT =
    '这个身份证号已经有入会记录，不能在这里再申请。如果是您本人换了微信，请回复「人工」，工作人员电话核实后帮您处理；如果不是您的身份证号，请核对后回复「我要入会」重新填写。刚才的回答没有保存。';

  /**
   * Checks the engine's outcome against the records: when the flow has just
   * started, and when an ID number has just been given. May replace the
   * outcome (leaving the flow) or fill in a rejected application's answers.
   */
  async function guard(userKey: string, prev: Session, outcome: Outcome, ctx: FlowContext): Promise<Outcome> {
    const out = ownAnswers(outcome);
    const s = out.session;
    const other = offeredForSomeoneElse(out);
    if (other) return other;
    if (s.flowId !== membershipFlow.id) return out;
    const started = s.runId !== '' && s.runId !== prev.runId && prev.draft?.runId !== s.runId;
    if (started) {
      const cur = currentOf(await members.listByUser(userKey));
      if (cur && (cur.status === 'approved' || cur.status === 'pending')) {
        return { session: toMenu(s), replies: await existingReplies(cur), effects: [], followUp: [moreMenu] };
      }
      const said = s.pending?.values ?? {};
      // `帮我老婆申请入会`: joining is by one's own wish, so the person applies, from their own WeChat.
      if (typeof said.forSomeoneElse === 'string') {
        return { session: toMenu(s), replies: [text(onBehalfText(said.forSomeoneElse))], effects: [], followUp: [moreMenu] };
      }
      // `我16岁能入会吗`, `我在家带孩子没工作能入会吗`: the question answered first, then joining offered
      // (not after 好的 to an offer: that one was answered already).
      const asked = said.eligibility ? membershipFlow.schema.shape.eligibility.safeParse(said.eligibility) : null;
      if (asked?.success && asked.data && prev.mode !== 'offer') {
        const reply = eligibilityReply(asked.data);
        // Nothing is offered, and nothing kept, for a question about someone else: they apply themselves.
        if (!reply.offer || asked.data.who) return { session: toMenu(s), replies: [text(reply.text)], effects: [], followUp: [moreMenu] };
        // What else the question said opens the flow if they go on, confirmed after the consent as ever.
        const { eligibility: _e, elsewhere: _w, forSomeoneElse: _o, ...facts } = said;
        const offer = [
          { label: '好的', value: 'offer:yes' },
          { label: '不用了，只是问问', value: 'offer:no' },
        ];
        const next: Session = {
          ...toMenu(s),
          mode: 'offer',
          offer: membershipFlow.id,
          offerFacts: Object.keys(facts).length > 0 ? { facts, given: {} } : null,
          options: offer,
        };
        return { session: next, replies: [{ type: 'text', text: `${reply.text}\n\n${reply.offer}`, options: offer }], effects: [], followUp: [] };
      }
      // `我想入会但是我在东莞上班`: only this area is served, said before any personal data is asked.
      if (typeof said.elsewhere === 'string') out.replies.unshift(text(elsewhereText(said.elsewhere, ctx)));
      // `我想入会但是老板不让`: joining is the worker's own right; neither the boss nor the unit has to agree.
      if (said.bossAgainst === true) {
        out.replies.unshift(text('加入工会是您自己的权利，不需要老板或单位同意，申请和审核都不经过老板；任何单位和个人都不能阻挠、限制职工入会（《工会法》第三条）。我们接着办：'));
      }
      if (cur?.status === 'rejected') {
        const before = answersFromApplication(previousAnswers(core, cur), ctx);
        // What the opening message said wins over last time's answers.
        s.answers = { ...before, ...s.answers, previousAppNo: cur.appNo };
        out.replies.unshift(
          text(
            `您上次的入会申请 ${cur.appNo} 没有通过，原因：${cur.decision?.reason ?? '未说明'}。\n` +
              '这次已为您带出上次填写的内容，同意下面的说明后会显示出来，您只要改有问题的部分再提交。',
          ),
        );
      }
      return out;
    }
    const held = idHeldTillConsent(prev, out);
    if (held) return held;
    const id = membershipFlow.read(s.answers).idNumber;
    const before = prev.flowId === membershipFlow.id && membershipFlow.check(prev.answers) ? membershipFlow.read(prev.answers).idNumber : undefined;
    if (!id || s.runId !== prev.runId || before?.id === id.id) return out;
    const existing = await recordOfIdNumber(core, id.id);
    if (!existing) return out;
    if (isSamePerson(existing, userKey)) {
      return { session: toMenu(s), replies: await existingReplies(existing), effects: [], followUp: [moreMenu] };
    }
    // Another chat (the person on a new WeChat, someone else, a typo): nothing about the record.
    return { session: toMenu(s), replies: [text(OTHER_CHAT)], effects: [], followUp: [moreMenu] };
  }

  /**
   * An ID number typed where its consent was asked (`430521199003152318` for 同意): never taken, confirmed or kept
   * as an answer before the consent. It waits with the facts held for the consent (the session's `pending`, which a
   * refusal drops), the consent is asked once more, plainly, and a yes goes on with that number (confirmed in one
   * line after the declaration, as a number said before its question is), never asked for again. Null otherwise.
   */
  function idHeldTillConsent(prev: Session, out: Outcome): Outcome | null {
    const s = out.session;
    if (prev.flowId !== membershipFlow.id || prev.mode !== 'ask' || prev.fieldId !== 'idConsent') return null;
    if (s.flowId !== membershipFlow.id || s.runId !== prev.runId || 'idConsent' in s.answers || out.effects.length > 0) return null;
    const said = { ...(s.pending?.values ?? {}) };
    // Taken as an answer by the engine (it never is today): held instead.
    if ('idNumber' in s.answers && !('idNumber' in prev.answers)) said.idNumber = s.answers.idNumber;
    const typed = said.idNumber;
    const known = prev.pending?.values.idNumber ?? prev.answers.idNumber;
    if (typed === undefined || JSON.stringify(typed) === JSON.stringify(known)) return null;
    const { idNumber: _taken, ...answers } = s.answers;
    const kept = 'idNumber' in prev.answers ? { ...answers, idNumber: prev.answers.idNumber } : answers;
    const session: Session = {
      ...s,
      answers: kept,
      mode: 'ask',
      fieldId: 'idConsent',
      back: 'ask',
      misses: 0,
      pending: { values: { ...(prev.pending?.values ?? {}), ...said }, previous: {} },
      options: CONSENT_OPTIONS.map(({ label, value }) => ({ label, value })),
    };
    return { session, replies: [{ type: 'text', text: ID_HELD_ASK, options: CONSENT_OPTIONS }], effects: [], followUp: [] };
  }

  /**
   * A question answered from the knowledge base at the menu, about someone else (`我老公是送外卖的能入会吗`):
   * joining is not offered to the asker with that person's facts. The answer stays; in place of the offer,
   * the person is asked to apply themselves. Null for any other outcome.
   */
  function offeredForSomeoneElse(out: Outcome): Outcome | null {
    const s = out.session;
    if (s.mode !== 'offer' || s.offer !== membershipFlow.id || s.flowId !== null) return null;
    const facts = s.offerFacts?.facts ?? {};
    const asked = membershipFlow.schema.shape.eligibility.safeParse(facts.eligibility);
    const who = asked.success && asked.data?.who ? asked.data.who : typeof facts.forSomeoneElse === 'string' ? facts.forSomeoneElse : null;
    if (!who) return null;
    const last = out.replies.at(-1);
    if (!last || last.type !== 'text' || !last.options) return null;
    // The knowledge base's answer, without its offer (the text after the last blank line).
    const cut = last.text.lastIndexOf('\n\n');
    const answer = cut > 0 ? last.text.slice(0, cut) : last.text;
    const replies: Reply[] = [...out.replies.slice(0, -1), text(`${answer}\n\n${applyThemselves(who)}`)];
    return { ...out, session: { ...s, mode: 'idle', offer: null, offerFacts: null, options: MENU }, replies, followUp: [moreMenu] };
  }

  /**
   * A question answered from the knowledge base inside this flow: where the
   * general answer says how long wage cases are kept, the membership's own
   * retention is said instead (the consent says it: as long as the membership lasts).
   */
  function ownAnswers(out: Outcome): Outcome {
    const general = knowledgeBase().byId('privacy')?.answer;
    if (!general || out.session.flowId !== membershipFlow.id) return out;
    const replies = out.replies.map((r) => (r.type === 'text' && r.text.startsWith(general) ? { ...r, text: r.text.replace(general, MEMBERSHIP_PRIVACY) } : r));
    return { ...out, replies };
  }

  async function submit(userKey: string, effect: Extract<Effect, { kind: 'submit' }>, ctx: FlowContext): Promise<Reply[]> {
    const app = applicationFromAnswers(effect.answers, ctx);
    const union = app.union;
    if (!union) {
      core.log.warn({ module: 'membership', runId: effect.runId }, 'no union for a membership application');
      return [text('抱歉，暂时没法确定由哪个工会审核您的申请。请回复「人工」，工作人员会帮您办理。')];
    }
    const res = await submitApplication(core, {
      runId: effect.runId,
      at: ctx.now,
      userKey,
      name: app.name,
      idNumber: app.id.id,
      phone: app.phone,
      employment: app.employment,
      place: app.place,
      union: { id: union.id, name: union.name, districtId: union.districtId },
      previousAppNo: app.previousAppNo,
      declaredAt: app.declaredAt,
    });
    if (res.result === 'duplicate') {
      if (isSamePerson(res.record, userKey)) return existingReplies(res.record);
      return [text(OTHER_CHAT.replace('刚才的回答没有保存。', '申请没有提交。'))];
    }
    const m = res.record;
    const days = core.config.ACCEPT_WORKING_DAYS;
    const current = unionById(ctx.index, m.union.id);
    return [
      text(
        `入会申请已提交，申请编号 ${m.appNo}。\n` +
          (current?.autoApprove
            ? `${m.union.name}已开通自动审核，电子会员卡马上发给您。`
            : `将由「${m.union.name}」审核，一般在${days}个工作日内完成（遇节假日顺延）。审核通过后，电子会员卡会发到这里；回复「我的会员卡」可以查看审核情况。`),
      ),
    ];
  }

  /** 我的会员卡; `filling`: an application to join is being filled in here (`form`), or kept to finish (`draft`). */
  async function showCard(userKey: string, ctx: FlowContext, filling: 'form' | 'draft' | null = null): Promise<Reply[]> {
    const cur = currentOf(await members.listByUser(userKey));
    if (!cur && filling) {
      const resume = filling === 'draft' ? '回复「继续」就能接着填。' : '';
      return [text(`您的入会申请还没有提交，所以还没有会员卡。填完提交、工会审核通过后，电子会员卡会发到这里。${resume}`)];
    }
    if (!cur) return [text('您还不是工会会员。回复「我要入会」，或在主菜单回复「1」，就可以申请加入工会。')];
    if (cur.status === 'approved') return cardReplies(core, cur);
    return [text(applicantStatusText(cur))];
  }

  /** For 进度: the person's membership application, if any. */
  async function progress(userKey: string): Promise<string[]> {
    const cur = currentOf(await members.listByUser(userKey));
    return cur ? [applicantStatusText(cur)] : [];
  }

  /** 删除我的信息 (core/membership/apply.ts). */
  const forget = (userKey: string) => forgetApplicant(core, userKey);

  return { guard, submit, showCard, progress, forget, flow: membershipFlow };
}

export type MembershipChat = ReturnType<typeof createMembershipChat>;

/** Who sees the membership data and how long it is kept (as the consent says). */
export const MEMBERSHIP_PRIVACY =
  '入会信息只用于办理入会、管理会籍和会员服务，只有审核您申请的工会工作人员能看到；手机号、身份证号加密保存，不会公开，也不会告诉老板。会籍存续期间一直保存，退会或您要求删除时一并删除，随时可以回复「删除我的信息」。';


/** The person asked about, as the answer names them: `您儿子`, `您爱人`, `他`. */
function nameOf(who: string): string {
  if (who === '他' || who === '她') return who;
  if (who === '别人') return '对方';
  const polite: Record<string, string> = {
    老婆: '爱人', 媳妇: '爱人', 妻子: '爱人', 老公: '爱人', 丈夫: '爱人', 爸: '父亲', 爸爸: '父亲', 老爸: '父亲', 妈: '母亲', 妈妈: '母亲', 老妈: '母亲',
    闺女: '女儿', 小孩: '孩子', 娃: '孩子', 家里人: '家人', 老丈人: '岳父', 丈母娘: '岳母',
  };
  return `您${polite[who] ?? who}`;
}

/** Joining is by one's own wish: the person asked about applies from their own WeChat. */
function applyThemselves(who: string): string {
  const them = pronounOf(who);
  return `入会要本人自愿、本人申请，别人不能代办。${them}想入会的话，请让${them}用自己的微信来找我，回复「我要入会」就可以办理。`;
}

function onBehalfText(who: string): string {
  const them = pronounOf(who);
  return (
    `入会要本人自愿、本人申请，别人不能代办。请让${them}用自己的微信来找我，回复「我要入会」就可以办理，身份证号等信息由${them}自己填写。` +
    '您本人想入会的话，也回复「我要入会」。'
  );
}

/** Who may join, as the law says it (quoted after each answer). */
const ELIGIBILITY_BASIS = '（依据：《工会法》第三条、《中国工会章程》第一条）';

/**
 * The answer to a question whether the person may join (membership.ts `eligibilityAsked`): members
 * are workers who live mainly on their wages (工会法 第三条, 章程 第一条), from 16, the lowest
 * working age (劳动法 第十五条), with no upper age; `offer` asks whether to apply now.
 */
export function eligibilityReply(e: Eligibility): { text: string; offer: string | null } {
  if (e.who) return { text: eligibilityAbout(e, e.who), offer: null };
  const now = '要现在申请入会吗？';
  switch (e.kind) {
    case 'under_age':
      return {
        text:
          `加入工会要年满${MIN_MEMBER_AGE}周岁（法律规定${MIN_MEMBER_AGE}周岁才能参加工作）。您现在还不满${MIN_MEMBER_AGE}岁，暂时不能入会；` +
          `等满了${MIN_MEMBER_AGE}周岁、参加工作以后，欢迎再来申请。（依据：《劳动法》第十五条、《工会法》第三条）`,
        offer: null,
      };
    case 'of_age':
      return {
        text: `可以。年满${MIN_MEMBER_AGE}周岁、靠工资收入生活的劳动者都可以加入工会，在单位上班、在平台接单或者打零工都行。${ELIGIBILITY_BASIS}`,
        offer: now,
      };
    case 'older':
      return {
        text:
          `可以。入会没有年龄上限：${e.age !== null ? `${e.age}岁` : '年纪大一些的'}只要还在工作、靠工资收入生活，就可以加入工会。` +
          `已经退休、不再工作的，一般不再新办入会（原来是会员的，会籍可以保留）。${ELIGIBILITY_BASIS}`,
        offer: '您还在工作的话，要现在申请入会吗？',
      };
    case 'jobless':
      return {
        text:
          '入会要在工作：工会会员是靠工资收入生活的劳动者，现在没有工作的，暂时还不能办理（原来是会员的，会籍可以保留）。' +
          `如果您在打零工、做家政或者在平台接单，可以按新就业形态劳动者（灵活就业）入会，由您住的地方的镇、街道工会审核；找到工作后也欢迎再来。${ELIGIBILITY_BASIS}`,
        offer: '您在打零工或接单的话，要现在申请入会吗？',
      };
    case 'retired':
      return {
        text:
          '工会会员是在职、靠工资收入生活的劳动者，已经退休的一般不再新办入会；退休前已经是会员的，会籍可以保留，请找原单位的工会。' +
          `退休后又在上班或在平台接单的，可以申请。${ELIGIBILITY_BASIS}`,
        offer: '您现在还在工作的话，要现在申请入会吗？',
      };
    case 'flexible':
      return {
        text:
          '可以。打零工、没有固定单位的，可以按新就业形态劳动者（灵活就业）入会，由您住的地方（常住地或户籍地）的镇、街道工会审核。' +
          `申请时工作方式选「新就业形态劳动者」就行。${ELIGIBILITY_BASIS}`,
        offer: now,
      };
    case 'worker':
    case 'disabled': {
      // The knowledge base's own answer (flows/knowledge/knowledge.json), with the offer it makes.
      const id = ELIGIBILITY_TOPICS.find(([kind]) => kind === e.kind)?.[1];
      const entry = id ? knowledgeBase().byId(id) : undefined;
      if (!entry) return { text: `可以。年满${MIN_MEMBER_AGE}周岁、靠工资收入生活的劳动者都可以加入工会。${ELIGIBILITY_BASIS}`, offer: now };
      return { text: withBasis(entry), offer: entry.nextPrompt ?? now };
    }
    case 'student':
      return {
        text: `在校学生还不算职工，一般不能入会，毕业参加工作后欢迎再来。已经不上学、在工作了的，可以申请。${ELIGIBILITY_BASIS}`,
        offer: '您已经在工作的话，要现在申请入会吗？',
      };
  }
}

/**
 * The answer to a question whether someone else may join (`我帮我儿子问一下 他15岁能入会吗`): about them,
 * never as if the asker were that age or out of work; then how they apply (themselves), or nothing for under 16.
 */
function eligibilityAbout(e: Eligibility, who: string): string {
  const name = nameOf(who);
  const them = pronounOf(who);
  if (e.kind === 'under_age') {
    return (
      `加入工会要年满${MIN_MEMBER_AGE}周岁（法律规定${MIN_MEMBER_AGE}周岁才能参加工作）。${name}还不满${MIN_MEMBER_AGE}岁，暂时不能入会；` +
      `等${them}满了${MIN_MEMBER_AGE}周岁、参加工作以后，欢迎${them}自己来申请。（依据：《劳动法》第十五条、《工会法》第三条）`
    );
  }
  // The general answer, said of them (`如果她在打零工…由她住的地方…`), then how they apply.
  const general = eligibilityReply({ kind: e.kind, age: e.age }).text.replaceAll('您', them);
  return `${general}\n\n${applyThemselves(who)}`;
}
