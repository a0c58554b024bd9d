/*
 * What people say, third probe (.scratch/probe-3.md B1, B9, B13, C1), as transcripts on real Redis:
 *  - unpaid wages told as a story, in dialect, Cantonese or pinyin, start the wage report (its consent),
 *    never 「没太明白」 and the menu, whose 1 would start 入会;
 *  - a friend's debt is answered as what it is, not as unpaid wages;
 *  - questions in the middle of the report are answered and the question asked again;
 *  - 收到 is acknowledged, not thanked for; 唔知 at the village question is 不清楚;
 *  - 我想仲裁 says how to apply and offers a lawyer; 我想入汇 starts joining.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { T } from '../../flows/texts.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

/** A wage report about 河西物业 in 河西街道, not construction, up to the period question. */
const toPeriod = (user: string) =>
  converse(t.chat, user).sendAll('老板欠我工资', '1', '河西物业', '河西', '不清楚').send('2').expect(/哪段时间/);

describe('B1: unpaid wages told as a story start the report', () => {
  it.each([
    ['web:b3s1', '我在宏达建筑干了三个月只拿了一个月的钱'],
    ['web:b3s2', '我干了半年老板就给了两千块生活费'],
    ['web:b3s3', '一个月四千五欠了俩月'],
    ['web:b3s4', '老板么得钱给我们'],
    ['web:b3s5', '我哋老细冇俾人工'],
  ])('%s: %s → the consent of 反映欠薪, and 1 agrees to it', async (user, text) => {
    await converse(t.chat, user)
      .send(text)
      .expectNot(/没太明白/)
      .expect(/反映欠薪前，需要您同意/)
      .send('1')
      .expectNot(/加入工会后/);
    expect((await session(user)).flowId).toBe('wage');
  });

  it('web:b3s6: 我替老乡反映 他叫张三 电话13912345678 欠他八千 → whose wages first (B19), then the consent of 反映欠薪', async () => {
    await converse(t.chat, 'web:b3s6')
      .send('我替老乡反映 他叫张三 电话13912345678 欠他八千')
      .expectNot(/没太明白/)
      .expect(/被欠工资的是您本人，还是您替老乡反映？/)
      .send('2')
      .expect(/反映欠薪前，需要您同意/)
      .send('1')
      .expect(/被欠工资的人「张三」/)
      .expectNot(/加入工会后/);
    expect((await session('web:b3s6')).flowId).toBe('wage');
  });

  it('pinyin: wo yao tao xin starts the wage report; nothing is taken from it', async () => {
    await converse(t.chat, 'web:b3p1').send('wo yao tao xin').expect(/反映欠薪前，需要您同意/).send('1').expect(/欠您工资的单位叫什么名字/);
    const s = await session('web:b3p1');
    expect(s.flowId).toBe('wage');
    expect(s.answers).toEqual({ consent: true });
  });

  it('pinyin: wo yao ru hui starts joining; cha jin du shows the progress', async () => {
    await converse(t.chat, 'web:b3p2').send('wo yao ru hui').expect(/办理入会需要/);
    await converse(t.chat, 'web:b3p3').send('cha jin du').expect(/还没有提交过/);
  });

  it('near miss: English the bot does not know is still 「没太明白」 and the menu', async () => {
    await converse(t.chat, 'web:b3p4').send('I want to join').expect(/没太明白/).expect(/加入工会/);
  });

  it('a friend\'s debt: this service is for wages; a civil debt goes to court or legal aid', async () => {
    await converse(t.chat, 'web:b3f1').send('朋友赖账不还钱').expect(/民间借贷/).expect(/12348/).expectNot(/登记欠薪/);
    expect((await session('web:b3f1')).flowId).toBeNull();
    await converse(t.chat, 'web:b3f2').send('朋友欠我三千块钱不还').expect(/民间借贷/).expectNot(/需要您同意/);
  });
});

describe('B9: questions in the middle of the report', () => {
  it.each([
    ['web:b3q1', '会不会被老板知道', /单位一般会知道是谁的工资/],
    ['web:b3q2', '你们是政府的吗', /我们是工会，不是政府部门/],
    ['web:b3q3', '真的有用吗', /不能保证.*工格员/],
    ['web:b3q4', '我不识字能打电话吗', /12351/],
  ])('%s: %s is answered, then the period asked again', async (user, text, answer) => {
    await toPeriod(user).send(text).expectNot(/答不上来/).expect(answer).expect(/我们接着填「反映欠薪」/).expect(/哪段时间/);
    expect((await session(user)).fieldId).toBe('period');
  });
});

describe('B13 and C1: other words for what is meant', () => {
  it('收到 mid-flow is acknowledged, not thanked for', async () => {
    await toPeriod('web:b3c1').send('收到').expectNot(/不客气/).expect(/好的/).expect(/哪段时间/);
  });

  it('唔知 at the village question is 不清楚; the report goes on', async () => {
    await converse(t.chat, 'web:b3c2')
      .sendAll('老板欠我工资', '1', '河西物业', '河西')
      .send('唔知')
      .expectNot(/没有叫「唔知」/)
      .expect(/是工程建设项目吗/);
    expect((await session('web:b3c2')).answers).toMatchObject({ community: { community: null, gridId: null } });
  });

  it('系 at a yes/no question is yes', async () => {
    await converse(t.chat, 'web:b3c3').sendAll('老板欠我工资', '1', '河西物业', '河西', '不清楚').send('系').expect(/项目或工地叫什么名字/);
    expect((await session('web:b3c3')).answers).toMatchObject({ construction: true });
  });

  it('我想仲裁 says how to apply and offers a lawyer; 好的 starts the booking', async () => {
    await converse(t.chat, 'web:b3c4').send('我想仲裁').expect(/仲裁委员会/).expect(/预约工会律师/).send('1').expect(/预约法律援助|法律援助/);
    expect((await session('web:b3c4')).flowId).toBe('legal');
  });

  it('我想入汇 and 帮我查一下进度 (in traditional characters too)', async () => {
    await converse(t.chat, 'web:b3c5').send('我想入汇').expect(/办理入会需要/);
    await converse(t.chat, 'web:b3c6').send('幫我查一下進度').expect(/还没有提交过/);
  });
});

/** What the engine says of what the understanding marks (`heard`, `maybe`): T.heardPinyin, T.maybeMeant. */
describe('B1: what was understood is said back, and asked when loose', () => {
  it('pinyin: what was read is said before the consent', async () => {
    await converse(t.chat, 'web:b3e1').send('wo yao tao xin').expect(/您打的是拼音，我理解为「我要讨薪」/).expect(/反映欠薪前，需要您同意/);
  });

  it('money and work said loosely: 「您是想反映欠薪吗？」, and 1 is yes to that, never 入会', async () => {
    await converse(t.chat, 'web:b3e2')
      .send('公司不出钱给我们培训')
      .expect(/您是想反映欠薪吗？/)
      .expectNot(/加入工会/)
      .send('1')
      .expect(/反映欠薪前，需要您同意/)
      .expectNot(/加入工会后/);
    expect((await session('web:b3e2')).flowId).toBe('wage');
  });

  it('不是: nothing starts', async () => {
    await converse(t.chat, 'web:b3e3').send('老板那边钱的事一直不清不楚').expect(/您是想反映欠薪吗？/).send('不是').expect(/有需要随时找我/);
    expect((await session('web:b3e3')).flowId).toBeNull();
  });

  it('near miss: words with nothing of money still get 「没太明白」 and the menu', async () => {
    await converse(t.chat, 'web:b3e4').send('今天天气不错').expect(/没太明白/).expectNot(/您是想/);
  });
});
