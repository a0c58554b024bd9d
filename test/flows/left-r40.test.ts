/*
 * Known misunderstandings left from earlier sessions (round 40), read as meant, as transcripts on real Redis:
 *  1. `入会什么时候有人联系我` at the menu: joining's wait (the knowledge base's union-join-wait) and the offer to join
 *     (guard: so already). Said with the wish to join (`我想入会，什么时候有人联系我`, `我想入会 要等几天`): that
 *     answer, then the application's consent (the question was dropped, only the consent shown).
 *  2. A trade said bare at 「您做的是哪种工作？」 (`保安`, `门卫`, `电焊工`, `我是搬运工`): read as `当保安的` is,
 *     其他 with the trade, for a yes (was 「没认出「保安」是哪种工作」). `司机` asks which drivers (never 其他「司机」);
 *     a status or any other bare word (`临时工`, `学生`, `蓝色`) is still not a job.
 *  3. `上个月底被开除了` at 「您想咨询什么事？」: the day they left read from the words and confirmed (guard: so
 *     already); said with the boss (`上个月底老板把我开除了`, `上个月底被老板开了`, `上个月底老板把我辞了`) the day
 *     was asked again, and `老板把我开了` / `老板把我辞了` were no matter at all (「请回复数字选择」).
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { ZHANG } from '../membership/support.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session } = chatOnClock(NOW);

describe('1. when someone is in touch about joining', () => {
  // guard: at the menu the question was joining's wait, with the offer to join, already.
  it('guard: 「入会什么时候有人联系我」 at the menu: joining\'s wait, the offer to join; 好的 starts joining', async () => {
    const user = 'web:r40-join-wait';
    await converse(t.chat, user)
      .send('入会什么时候有人联系我')
      .expect(/入会由工会审核批准/)
      .expect(/一般1个工作日内审核完/)
      .expect(/要现在申请入会吗？/)
      .expectNot(/工格员|一个工作日内接单/)
      .send('好的')
      .expect(/加入工会后，您可以/)
      .expect(/您同意吗？/);
    expect((await session(user)).flowId).toBe('membership');
  });

  it.each(['我想入会，什么时候有人联系我', '我想入会 要等几天', '我想加入工会，多久能批下来'])(
    '「%s」: joining\'s wait answered, then the application\'s consent',
    async (words) => {
      const user = 'web:r40-join-and-wait';
      await converse(t.chat, user)
        .send(words)
        .expect(/入会由工会审核批准。在这里提交申请后，一般1个工作日内审核完/)
        .expect(/加入工会后，您可以/)
        .expect(/您同意吗？/)
        .expectNot(/工格员|一个工作日内接单/);
      expect((await session(user)).flowId).toBe('membership');
    },
  );

  // guard: the dues asked with the wish are the dues' answer, as before; the wish alone has no answer before it.
  it('guard: 「我想入会，要交会费吗」 is the dues; 「我想入会」 alone is the consent only', async () => {
    await converse(t.chat, 'web:r40-join-dues').send('我想入会，要交会费吗').expect(/会员要按月交会费/).expectNot(/审核批准/).expect(/您同意吗？/);
    await converse(t.chat, 'web:r40-join-bare').send('我想入会').expectNot(/审核批准|会员要按月交会费/).expect(/您同意吗？/);
  });
});

describe('2. a trade said bare at 「您做的是哪种工作？」', () => {
  const toOccupation = (user: string) =>
    converse(t.chat, user).sendAll('我想参加工会', '同意', '同意', '1', ZHANG.name, ZHANG.id, ZHANG.phone, '2').expect(/您做的是哪种工作？/);

  it.each([
    ['保安', '保安'],
    ['门卫', '门卫'],
    ['电焊工', '电焊工'],
    ['我是搬运工', '搬运工'],
    ['清洁阿姨', '清洁阿姨'],
    ['木工', '木工'],
  ])('「%s」: 其他 with 「%s」, for a yes', async (words, trade) => {
    const user = 'web:r40-trade';
    await toOccupation(user)
      .send(words)
      .expect(new RegExp(`我理解的是：职业「其他」、具体工作「${trade}」。对吗？`))
      .expectNot(/没认出/)
      .send('对')
      .expect(/您主要在哪个平台接单？/);
    const a = (await session(user)).answers;
    expect(a.occupation).toBe('other');
    expect(a.occupationOther).toBe(trade);
  });

  // guard: 当保安的 was read so already; the bare word now reads the same.
  it('guard: 「当保安的」: 其他 with 「保安」, for a yes', async () => {
    await toOccupation('web:r40-trade-verb').send('当保安的').expect(/我理解的是：职业「其他」、具体工作「保安」。对吗？/);
  });

  it('「司机」: which drivers asked (货车 1, 网约车 4), nothing stored', async () => {
    const user = 'web:r40-driver';
    await toOccupation(user).send('司机').expect(/您开的是什么车？开货车的回复1，开网约车的回复4/).expectNot(/具体工作「司机」|没认出/);
    expect((await session(user)).answers.occupation).toBeUndefined();
    await converse(t.chat, user).send('1').expect(/您主要在哪个平台接单？例如：满帮、货拉拉/);
    expect((await session(user)).answers.occupation).toBe('truck_driver');
  });

  // guard: a status or any other bare word was no job before, and is none now (precision first).
  it.each(['临时工', '学生', '兼职', '蓝色', '老板', '开工', '对手', '员工'])('guard: 「%s」 is no job: asked again, nothing stored', async (words) => {
    const user = 'web:r40-not-trade';
    await toOccupation(user).send(words).expect(/没认出/).expectNot(/具体工作/);
    expect((await session(user)).answers.occupation).toBeUndefined();
  });
});

describe('3. the day they left, said at 「您想咨询什么事？」', () => {
  const toMatter = (user: string) => converse(t.chat, user).sendAll('我想找律师咨询', '同意').expect(/您想咨询什么事？/);

  // guard: 上个月底被开除了 was read so already (the day confirmed, then the award question).
  it('guard: 「上个月底被开除了」: 劳动合同, the day (30 November) for a yes, never asked again', async () => {
    const user = 'web:r40-left-end';
    await toMatter(user)
      .send('上个月底被开除了')
      .expect(/在职情况「2026年11月30日离开，仲裁时效到2027年11月30日」。对吗？/)
      .expectNot(/是哪天离开的/)
      .send('对')
      .expect(/裁决书/);
    const a = (await session(user)).answers;
    expect(a.matter).toBe('contract');
    expect(a.limit).toEqual({ leftOn: '2026-11-30' });
  });

  it.each(['上个月底老板把我开除了', '上个月底老板把我开了', '上个月底被老板开了', '上个月底老板把我辞了'])(
    '「%s」: 劳动合同, the day (30 November) for a yes, never asked again',
    async (words) => {
      const user = 'web:r40-left-boss';
      await toMatter(user)
        .send(words)
        .expect(/在职情况「2026年11月30日离开，仲裁时效到2027年11月30日」。对吗？/)
        .expectNot(/是哪天离开的|请回复数字选择/)
        .send('对')
        .expect(/裁决书/);
      const a = (await session(user)).answers;
      expect(a.matter).toBe('contract');
      expect(a.limit).toEqual({ leftOn: '2026-11-30' });
    },
  );

  it.each(['老板把我开了', '老板把我辞了'])('「%s」: 劳动合同, and the day they left asked (never 「请回复数字选择」)', async (words) => {
    const user = 'web:r40-left-no-day';
    await toMatter(user).send(words).expect(/您说已经离开这家单位了，是哪天离开的？/).expectNot(/请回复数字选择/);
    const a = (await session(user)).answers;
    expect(a.matter).toBe('contract');
    expect(a.limit).toBeUndefined();
  });
});
