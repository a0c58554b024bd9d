/*
 * What a message means where it is said (fifth part), as transcripts on the real chat service and real Redis:
 *  - U1: the consent said with a fact (`同意 13812345678`, `同意，我叫王大军`) at the consent of the wage report
 *    and of legal aid: the consent is given, the fact confirmed once right after it (and never asked for again);
 *    a yes or no is never read as the person's name (「联系人「同意」」 was proposed). `不同意 138…` keeps nothing.
 *  - U2: someone else's wages said at an unrelated question (`不是我 是我爸被欠的` at the unit's address) after
 *    「代为反映…对吗？」 was answered: after a yes, it is what is recorded (said so, the question asked again);
 *    after a 不对, asked once more (only a yes makes the report someone else's), then never again (said so).
 *    It was read as a correction of the answer before (「没看明白有多少人…」, the amount asked again).
 *  - U3: the opening message with a monthly wage and the months owed (`拖了我两个月工资 每个月六千`) proposes
 *    the total (12,000) with the period; a bare figure beside the months (`欠了两个月 6000`: the total or a
 *    month's?) is not taken: the amount question asks for the total.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));
const PHONE = '13812345678';
const AS_NAME = /联系人「同意|联系人「可以|联系人「好的/;

describe('U1: the consent said with a fact', () => {
  it(`wage report, 同意 ${PHONE}: consent given, the phone confirmed once, never 同意 as a name; not asked for again`, async () => {
    await converse(t.chat, 'web:u1a')
      .send('我要反映欠薪')
      .expect(/您同意吗/)
      .send(`同意 ${PHONE}`)
      .expect(/^我理解的是：手机号「13812345678」。对吗？/)
      .expectNot(AS_NAME);
    const held = await session('web:u1a');
    expect(held.answers).toMatchObject({ consent: true });
    expect(held.answers).not.toHaveProperty('contactName');
    expect(held.answers).not.toHaveProperty('phone');
    expect(held.pending?.values).toEqual({ phone: PHONE });

    await converse(t.chat, 'web:u1a')
      .send('对')
      .expect(/欠您工资的单位叫什么名字/)
      .sendAll('宏达建筑', '东龙', '不清楚', '不是', '今年8月到10月', '8000', '就我一个', '还在干', '都跳过', '没有')
      .expect(/怎么称呼您/)
      .send('王大军')
      .expectNot(/手机号是多少/)
      .expect(/请核对您要反映的欠薪情况/)
      .expect(/联系人：王大军\n\d+\. 手机号：13812345678/);
    const a = (await session('web:u1a')).answers;
    expect(a).toMatchObject({ consent: true, phone: PHONE, contactName: '王大军' });
  });

  it(`legal aid, 同意 ${PHONE}: the same; the booking's summary has the phone, never asked for`, async () => {
    await converse(t.chat, 'web:u1b')
      .send('预约律师')
      .expect(/您同意吗/)
      .send(`同意 ${PHONE}`)
      .expect(/^我理解的是：手机号「13812345678」。对吗？/)
      .expectNot(AS_NAME)
      .send('对')
      .expect(/您想咨询什么事/)
      .sendAll('1', '1', '2', '东龙')
      .send('1')
      .expect(/怎么称呼您/)
      .send('王大军')
      .expectNot(/手机号是多少/)
      .expect(/请核对您的预约/)
      .expect(/联系人：王大军\n\d+\. 手机号：13812345678/);
    const a = (await session('web:u1b')).answers;
    expect(a).toMatchObject({ consent: true, phone: PHONE, contactName: '王大军' });
  });

  for (const [flow, start, next] of [
    ['wage report', '我要反映欠薪', /欠您工资的单位叫什么名字/],
    ['legal aid', '预约律师', /您想咨询什么事/],
  ] as const) {
    it(`${flow}, 同意，我叫王大军: consent given, the name confirmed once`, async () => {
      const user = `web:u1c-${start}`;
      await converse(t.chat, user).send(start).send('同意，我叫王大军').expect(/^我理解的是：联系人「王大军」。对吗？/).send('对').expect(next);
      expect((await session(user)).answers).toMatchObject({ consent: true, contactName: '王大军' });
    });

    for (const said of [`${PHONE} 同意`, `可以 ${PHONE}`, `好的，${PHONE}`]) {
      it(`${flow}, 「${said}」: the yes is the consent, the phone confirmed, no name`, async () => {
        const user = `web:u1d-${start}-${said}`;
        await converse(t.chat, user).send(start).send(said).expect(/^我理解的是：手机号「13812345678」。对吗？/).expectNot(AS_NAME);
        const s = await session(user);
        expect(s.answers).toMatchObject({ consent: true });
        expect(s.pending?.values).toEqual({ phone: PHONE });
      });
    }

    it(`${flow}, 不同意 ${PHONE}: nothing kept`, async () => {
      const user = `web:u1e-${start}`;
      await converse(t.chat, user).send(start).send(`不同意 ${PHONE}`).expect(/没有您的同意我们不会(?:收集|记录)任何信息/);
      const s = await session(user);
      expect(s).toMatchObject({ flowId: null, pending: null });
      expect(JSON.stringify(s)).not.toContain(PHONE);
    });
  }
});

describe('U2: someone else\'s wages said again at an unrelated question', () => {
  /** A report up to the amount question, 「代为反映「替父亲反映」。对吗？」 raised there. */
  const behalfAsked = (user: string) =>
    converse(t.chat, user)
      .send('老板拖了我三个月工资')
      .sendAll('1', '对', '宏达建筑', '东龙', '不清楚', '不是')
      .expect(/您自己一共被拖欠了多少钱/)
      .send('这是帮我爸报的')
      .expect(/我理解的是：代为反映「替父亲反映」。对吗？/);
  const ADDRESS = /单位的地址在哪里/;
  const OUT_OF_PLACE = /没看明白有多少人|一共被拖欠了多少钱|之前填的是/;

  it('after a yes, at the address: what is recorded said back, the address asked again; nothing changed', async () => {
    await behalfAsked('web:u2a')
      .send('对')
      .send('王大军')
      .sendAll('8000', '就他一个', '还在干')
      .expect(ADDRESS)
      .send('不是我 是我爸被欠的')
      .expect(/^好的，已经记下了，是替父亲王大军反映。\n/)
      .expect(ADDRESS)
      .expectNot(OUT_OF_PLACE)
      .expectNot(/对吗/);
    const s = await session('web:u2a');
    expect(s).toMatchObject({ fieldId: 'employerAddress', pending: null });
    expect(s.answers).toMatchObject({ onBehalf: { relation: '爸' }, workerName: '王大军', amount: { yuan: 8000 }, headcount: { count: 1 }, stillEmployed: true });
    expect(s.answers).not.toHaveProperty('employerAddress');
  });

  it('after a yes, at the headcount question (the amount answered last): said back, the headcount asked, the amount not asked again', async () => {
    await behalfAsked('web:u2b')
      .sendAll('对', '王大军')
      .send('8000')
      .expect(/一共有多少人被拖欠/)
      .send('不是我 是我爸被欠的')
      .expect(/^好的，已经记下了，是替父亲王大军反映。\n/)
      .expect(/一共有多少人被拖欠/)
      .expectNot(OUT_OF_PLACE);
    expect((await session('web:u2b')).answers).toMatchObject({ amount: { yuan: 8000 }, onBehalf: { relation: '爸' } });
  });

  it('after 不对, at the address: asked once more; a yes makes it his father\'s report', async () => {
    await behalfAsked('web:u2c')
      .send('不对')
      .sendAll('8000', '就我一个', '还在干')
      .expect(ADDRESS)
      .send('不是我 是我爸被欠的')
      .expect(/^我理解的是：代为反映「替父亲反映」。对吗？/)
      .expectNot(OUT_OF_PLACE);
    // Nothing changes before the yes; the question is marked asked.
    const held = await session('web:u2c');
    expect(held.answers).toMatchObject({ behalfDenied: true, behalfReasked: true });
    expect(held.answers).not.toHaveProperty('onBehalf');
    await converse(t.chat, 'web:u2c').send('对').expect(/按替别人反映来记/).expect(/被欠工资的人叫什么名字/);
    expect((await session('web:u2c')).answers).toMatchObject({ onBehalf: { relation: '爸' } });
  });

  it('after 不对, asked once more and 不对 again: the report stays the person\'s own, never asked a third time (said so)', async () => {
    await behalfAsked('web:u2d')
      .send('不对')
      .sendAll('8000', '就我一个', '还在干')
      .send('不是我 是我爸被欠的')
      .expect(/对吗/)
      .send('不对')
      .expect(ADDRESS)
      .send('不是我 是我爸被欠的')
      .expect(/^您前面说过不是替别人反映，我先按您本人的情况记。如果弄错了，可以回复「人工」请工作人员帮您改。\n/)
      .expect(ADDRESS)
      .expectNot(/对吗|代为反映|替父亲/)
      .expectNot(OUT_OF_PLACE);
    const a = (await session('web:u2d')).answers;
    expect(a).toMatchObject({ behalfDenied: true, behalfReasked: true, headcount: { count: 1 } });
    expect(a).not.toHaveProperty('onBehalf');
    expect(a).not.toHaveProperty('employerAddress');
  });

  it('after 不对, asked once more and the person goes on: never asked a third time', async () => {
    await behalfAsked('web:u2e')
      .send('不对')
      .send('8000')
      .expect(/一共有多少人被拖欠/)
      .send('不是我 是我爸被欠的')
      .expect(/^我理解的是：代为反映「替父亲反映」。对吗？/)
      .expectNot(OUT_OF_PLACE)
      .send('就我一个')
      .expect(/代为反映「替父亲反映」还没跟您核对，先没有记。/)
      .send('对')
      .expect(/还在这家单位干吗/)
      .send('这是帮我爸报的')
      .expect(/^您前面说过不是替别人反映/)
      .expect(/还在这家单位干吗/)
      .expectNot(/代为反映|替父亲/);
    const a = (await session('web:u2e')).answers;
    expect(a).toMatchObject({ amount: { yuan: 8000 }, headcount: { count: 1 }, behalfReasked: true });
    expect(a).not.toHaveProperty('onBehalf');
  });
});

describe('U3: a monthly wage and the months owed, in the opening message', () => {
  for (const said of ['拖了我两个月工资 每个月六千', '欠我两个月 一个月6000']) {
    it(`「${said}」: the period and 12,000 proposed together`, async () => {
      const user = `web:u3a-${said}`;
      await converse(t.chat, user)
        .send(said)
        .expect(/您同意吗/)
        .send('同意')
        .expect(/^我理解的是：拖欠时间「2026年10月至2026年11月（2个月）」、拖欠金额「12,000元（6,000元×2个月）」。对吗？/)
        .send('对')
        .expect(/欠您工资的单位叫什么名字/);
      expect((await session(user)).answers).toMatchObject({ period: { start: '2026-10', end: '2026-11', months: 2 }, amount: { yuan: 12000, approx: false } });
    });
  }

  it('工资被拖了两个月 一共一万二: the total said is the total (as before)', async () => {
    await converse(t.chat, 'web:u3b').sendAll('工资被拖了两个月 一共一万二').send('同意').expect(/拖欠时间「2026年10月至2026年11月（2个月）」、拖欠金额「12,000元」。对吗？/);
  });

  // Was: not taken, the amount asked later as if never said. Now read as the total and proposed in words that say
  // so (h43), so a month's wage is not stored silently as the total.
  it('欠了两个月 6000 (the total or a month\'s?): proposed as what the two months come to, in words that say so', async () => {
    await converse(t.chat, 'web:u3c')
      .send('欠了两个月 6000')
      .send('同意')
      .expect(/^我理解的是：拖欠时间「2026年10月至2026年11月（2个月）」、拖欠金额「6,000元（2个月一共）」。对吗？/)
      .send('不对 是每个月6000')
      .expect(/按每月6,000元、2个月算，一共12,000元/);
  });
});
