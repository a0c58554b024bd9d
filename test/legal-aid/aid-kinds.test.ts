/*
 * 预约法律援助, issue 8: a union lawyer's consultation told apart from formal
 * legal aid (法律援助中心, the financial check and the migrant workers'
 * exemption, 12348) while the booking goes on; the one-year limit to apply
 * for work-injury recognition (工伤认定), asked for injury matters and urgent
 * like the arbitration limit when close; the conditions of 支持起诉 when a
 * procurator is booked. Transcripts on real Redis with the workers running.
 *
 * Dates are computed from the scenario clock (10:00 on the suite's first day
 * on which lawyer-2 has no hours at 东龙, as in booking-flow.test.ts), so the
 * suite reads the same on any day (vitest.config.ts runs it on two more).
 */
import { describe, expect, it } from 'vitest';
import type { ManualClock } from '../../core/infra/clock.js';
import { createBookings } from '../../core/legal-aid/store.js';
import { addDays, chinaDay, slotLabel } from '../../core/legal-aid/slots.js';
import { FORMAL_AID_LINE, SUPPORT_SUIT_LINE } from '../../core/legal-aid/texts.js';
import { injuryLimitEndsOn } from '../../flows/legal-aid.js';
import { scenarioClock } from '../support/clock.js';
import { converse } from '../support/converse.js';
import { startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';
import { FENGQI, chineseDay, donglongOpen, donglongSlots, freeSlots, literally, nth, typedDay, waitInbox } from './helpers.js';

let clock: ManualClock;
const t = useFixture(async () => {
  clock = scenarioClock('2026-11-21', '10:00', (d) => !donglongOpen(d));
  return startTestCore({ workers: true, clock });
});

const store = () => createBookings(t.core);
const today = () => chinaDay(clock.now());
/** The same day one year earlier (`YYYY-MM-DD`); null when there is none (29 February). */
function yearBefore(day: string): string {
  const d = `${Number(day.slice(0, 4)) - 1}${day.slice(4)}`;
  if (new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) !== d) throw new Error(`${d} is not a day: pick another offset for this test`);
  return d;
}

describe('a union lawyer’s consultation and formal legal aid (法律援助)', () => {
  it('the difference is explained once the matter is known, with the exemption for migrant workers’ wages and 12348, and the booking goes on', async () => {
    await converse(t.chat, 'web:a1')
      .sendAll('我想找律师', '1')
      .expect(/您想咨询什么事/)
      .send('1')
      .expect(/说明：工会律师咨询是免费的，律师帮您分析情况、出主意、写材料/)
      .expect(/需要律师代理您去仲裁或打官司，可以另外向法律援助中心申请法律援助，一般要符合经济困难条件/)
      .expect(/农民工（进城务工人员）讨要工资、工伤赔偿的，不用审查经济困难条件（《法律援助法》第四十二条）/)
      .expect(/两样可以都办：先把咨询约上/)
      .expect(/12348/)
      // The booking goes on at once.
      .expect(/您还在这家单位干吗/);
  });

  it('a contract matter hears of the financial check without the migrant workers’ exemption; 其他 hears nothing of it', async () => {
    await converse(t.chat, 'web:a2')
      .sendAll('我想找律师', '1')
      .send('3')
      .expect(/向法律援助中心申请法律援助，一般要符合经济困难条件/)
      .expectNot(/不用审查经济困难条件/)
      .expect(/您还在这家单位干吗/);
    await converse(t.chat, 'web:a3').sendAll('我想找律师', '1').send('5').expectNot(/法律援助中心/).expect(/您想找谁帮忙|怎么咨询/);
  });

  it('the confirmation of a lawyer’s booking says again that representation is applied for at the legal aid centre', async () => {
    const first = nth(await donglongSlots(t.core), 0, 'lawyer-2 at 东龙');
    await converse(t.chat, 'web:a4')
      .sendAll('我想找律师', '1', '1', '还在', '1', '东龙', '1')
      .expect(literally(`1. ${slotLabel(first)}`))
      .sendAll('1', '张三', '13800138000', '确认')
      .expect(/预约成功/)
      .expect(literally(FORMAL_AID_LINE))
      .expectNot(/支持起诉/);
  });
});

describe('the work-injury recognition limit (工伤认定)', () => {
  it('ending in 3 days: the worker is warned, the booking is urgent, the earliest time comes first, and the lawyer sees why', async () => {
    const endsOn = addDays(today(), 3);
    const on = yearBefore(endsOn);
    expect(injuryLimitEndsOn(on)).toBe(endsOn);
    const first = nth(await donglongSlots(t.core), 0, 'lawyer-2 at 东龙');
    await converse(t.chat, 'web:i1')
      .sendAll('我想找律师', '1')
      .send('2')
      .expect(/不用审查经济困难条件/)
      .expect(/您是哪天受伤的？职业病就说哪天确诊的/)
      .expect(/1\. 工伤已经认定了/)
      .send(`${typedDay(on)}在工地摔伤的`)
      // This year's day is still to come: last year's is confirmed, with what it means, before it counts (probe 1.12).
      .expect(literally(`您说的应该是${chineseDay(on)}`))
      .expect(literally(`⚠ 您自己申请工伤认定的期限还有3天，${chineseDay(endsOn)}就到期了！我们会标为加急`))
      .expect(/单位没有申请的，请尽快带上身份证和受伤、看病的材料到人社部门申请/)
      .expect(/对吗？/)
      .send('对')
      .expect(/您还在这家单位干吗/)
      .sendAll('还在', '1', '东龙', '1')
      .expect(literally(`⚠ 您的工伤认定申请期限${chineseDay(endsOn)}就到期了，已为您加急，建议约最早的时间（第1个）`))
      .expect(literally(`1. ${slotLabel(first)}`))
      .sendAll('1', '王五', '13900139000')
      .expect(literally(`2. 受伤日期：${chineseDay(on)}受伤，工伤认定申请期限到${chineseDay(endsOn)}（加急）`))
      .expect(/在职情况：还在干/)
      .send('确认')
      .expect(/预约成功/)
      .expect(/已标为加急：您的工伤认定申请期限快到了，接待人员会优先处理/)
      .expectNot(/仲裁时效/);
    const [b] = await store().listByUser('web:i1');
    expect(b).toMatchObject({ matter: 'injury', urgent: true, limitEndsOn: null, injury: { recognized: false, on, limitEndsOn: endsOn, urgent: true } });
    const notice = await waitInbox(t.core, 'staff:lawyer-2', /^【新预约】【加急】/);
    expect(notice).toContain(`工伤认定：${on}受伤，本人申请期限${endsOn}截止，7天内到期，请优先处理`);
    expect(notice).not.toContain('仲裁时效');

    // 改约 keeps the answer: the summary shows it again and the booking stays urgent.
    await converse(t.chat, 'web:i1')
      .send(`改约 ${b!.bookingNo}`)
      .expect(/原来的预约一直保留/)
      .send('2')
      .expect(literally(`受伤日期：${chineseDay(on)}受伤，工伤认定申请期限到${chineseDay(endsOn)}（加急）`))
      .send('确认')
      .expect(/改约成功/)
      .expect(/已标为加急：您的工伤认定申请期限快到了/);
    expect((await store().listByUser('web:i1'))[0]).toMatchObject({ urgent: true, injury: { on, urgent: true } });
  });

  it('within the employer’s 30 days, the rule is said and nothing is urgent; more than a year ago, it may have passed', async () => {
    const recent = addDays(today(), -5);
    await converse(t.chat, 'web:i2')
      .sendAll('我想找律师', '1', '2')
      .send(typedDay(recent))
      .expect(/提醒：申请工伤认定，单位应在受伤（或确诊职业病）之日起30日内提出；单位没有申请的，您本人、近亲属或工会可以在1年内自己向人社部门申请（《工伤保险条例》第十七条）/)
      .expect(/现在还在单位申请的30日内，可以先问问单位有没有申请/)
      .expect(literally(`您自己申请的期限到${chineseDay(injuryLimitEndsOn(recent))}`))
      .expectNot(/加急/);
    const old = yearBefore(addDays(today(), -20));
    await converse(t.chat, 'web:i3')
      .sendAll('我想找律师', '1', '2')
      .send(`${Number(old.slice(0, 4))}年${typedDay(old)}`)
      .expect(literally(`受伤已经超过1年，自己申请工伤认定的期限（到${chineseDay(injuryLimitEndsOn(old))}）可能已经过了`))
      .expect(/律师会帮您看看还有什么办法/)
      .expectNot(/加急/);
  });

  it('a day in the future is refused; 已经认定 and 跳过 need no day', async () => {
    await converse(t.chat, 'web:i4')
      .sendAll('我想找律师', '1', '2')
      .send(`${Number(addDays(today(), 30).slice(0, 4)) + 1}年1月1日`)
      .expect(/受伤的日子不能在今天以后/)
      .send('工伤已经认定下来了')
      .expect(/您还在这家单位干吗/)
      .sendAll('还在', '1', '东龙', '1', '1', '赵六', '13900139001')
      .expect(/受伤日期：已经认定工伤/)
      .send('确认')
      .expect(/预约成功/);
    const [b] = await store().listByUser('web:i4');
    expect(b).toMatchObject({ urgent: false, injury: { recognized: true, on: null, limitEndsOn: null, urgent: false } });
    expect(await waitInbox(t.core, 'staff:lawyer-2', /赵六/)).toContain('工伤认定：已经认定');
  });

  it('the day said in the opening message is taken (confirmed after consent), and a matter other than injury is never asked it', async () => {
    const on = addDays(today(), -40);
    await converse(t.chat, 'web:i5')
      .send(`我${typedDay(on)}在工地摔伤了，想找律师`)
      .send('1')
      .expect(literally(`受伤日期「${chineseDay(on)}受伤，工伤认定申请期限到${chineseDay(injuryLimitEndsOn(on))}」`))
      .send('对')
      .expect(/您还在这家单位干吗/);
    await converse(t.chat, 'web:i6').sendAll('我想找律师', '1', '1').expectNot(/哪天受伤/).expect(/您还在这家单位干吗/);
  });
});

describe('支持起诉 when a procurator is booked', () => {
  it('picking the procurator explains the conditions: a vulnerable party who has difficulty suing, a civil case in scope, support not suing for them', async () => {
    await converse(t.chat, 'web:p1')
      .send('预约法律援助')
      .sendAll('1', '1', '还在')
      .expect(/您想找谁帮忙/)
      .send('2')
      .expect(/检察官面对面：和检察官当面谈，看检察机关能不能支持您起诉/)
      .expect(/检察机关支持起诉，一般要同时满足/)
      .expect(/1\. 您是弱势的一方，自己打官司有困难，例如被拖欠工资的农民工/)
      .expect(/2\. 是民事纠纷（例如追讨工资、工伤赔偿），属于检察机关支持起诉的范围/)
      .expect(/3\. 检察机关是支持您起诉（帮您收集证据、向法院出具支持起诉意见），不是替您起诉，原告还是您本人/)
      .expect(/您想怎么咨询/);
  });

  it('a procurator asked for by name is not told about lawyers; the confirmation says what 支持起诉 is and is not', async () => {
    const p = nth(await freeSlots(t.core, { help: 'procurator', pointId: FENGQI }), 0, 'liaison-1 at 凤栖');
    await converse(t.chat, 'web:p2')
      .sendAll('预约检察官', '1')
      .send('1')
      .expectNot(/工会律师咨询是免费的/)
      .expect(/您还在这家单位干吗/)
      .sendAll('还在', '1', '凤栖', '1')
      .expect(literally(`1. ${slotLabel(p)}`))
      .sendAll('1', '李四', '13800138001', '确认')
      .expect(/预约成功/)
      .expect(/接待：姚春兰（检察官）/)
      .expect(literally(SUPPORT_SUIT_LINE))
      .expect(/不替您起诉，原告还是您本人/)
      .expectNot(/法律援助中心/);
  });
});
