/*
 * The engine, what the person meant (third part, probe round 3), as transcripts on real Redis:
 *  - words that say another question's answer (`还在干`, `没走` at the employer question) are that answer,
 *    confirmed; never also the employer (「还在」), which no one was shown;
 *  - `不是X是Y` where X is an earlier answer changes that answer (said back) and asks the open question again;
 *    a place word inside a unit's name (`河西物业`) is no place answer;
 *  - at 「哪一项不对？」 the right value said alone is taken, the others kept; `不清楚` there confirms the values
 *    one at a time, none dropped in bulk; a unit's name is never the person's name;
 *  - the summary takes `改6 12000`, `改六`, `不是8000是8500`, `改 13 王大君`; `时间不对是去年的` asks the period only;
 *  - `算了`, `等一下我问问老乡`, `我先去问问再来` at a question are a wish to stop or a pause: the draft is kept;
 *  - `0` at the amount question is no menu: nothing owed is said kindly, and the amount asked again;
 *  - a long (dictated) message is read, never refused whole; a long account keeps its first 500 characters, said so;
 *  - `。。。` or a yes (`对头`) at the village question is no village; the first message pasted again is known already;
 *    pasted again while the consent is asked, its facts wait for the consent.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { isQuestion } from '../../flows/nlu/talk.js';
import { parseEmployer } from '../../flows/wage.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

/** A wage report up to the period question (the probe's W). */
const W = ['老板欠我工资', '1', '河西物业', '河西', '不清楚', '2'];
/** Up to the summary (the probe's WN, with a name and phone): 6 is 拖欠金额, 13 is 联系人. */
const WN = [...W, '今年9月到11月', '8000', '就我一个', '还在干', '都跳过', '没有', '王强', '13812345678'];
/** A first message whose facts wait for the consent, then at 「我理解的是…对吗？」. */
const OPENING = '老板欠我工资三个月了一共一万二我在东龙镇宏达建筑干活';

describe('A1: words that answer another question are never the employer', () => {
  it('还在干 at the employer question: 是否还在职 is confirmed, the employer asked again, 「还在」 never stored', async () => {
    await converse(t.chat, 'web:e3a1')
      .sendAll('老板欠我工资', '1')
      .send('还在干')
      .expect(/我理解的是：是否还在职「还在干」。对吗？/)
      .send('对')
      .expectNot(/「还在」/)
      .expect(/欠您工资的单位叫什么名字/);
    let s = await session('web:e3a1');
    expect(s.answers).not.toHaveProperty('employer');
    expect(s.answers).toMatchObject({ stillEmployed: true });
    await converse(t.chat, 'web:e3a1').send('宏达建筑').expect(/哪个镇或街道/);
    s = await session('web:e3a1');
    expect(s.answers).toMatchObject({ employer: '宏达建筑', stillEmployed: true });
    expect(parseEmployer('还在干').ok).toBe(false);
  });

  it.each(['没走', '我在职', '回老家了'])('%s at the employer question is that answer, confirmed; no employer made of its words', async (said) => {
    const user = `web:e3a2-${said}`;
    await converse(t.chat, user).sendAll('老板欠我工资', '1').send(said).expect(/我理解的是：是否还在职「(?:还在干|已经离开)」。对吗？/).send('对').expect(/欠您工资的单位叫什么名字/);
    expect((await session(user)).answers).not.toHaveProperty('employer');
  });

  it('near misses: a unit named with the same words (`宏达建筑 还在干`) is confirmed with them; a plain name is taken', async () => {
    await converse(t.chat, 'web:e3a3').sendAll('老板欠我工资', '1').send('宏达建筑 还在干').expect(/用人单位「宏达建筑」、是否还在职「还在干」。对吗？/).send('对').expect(/哪个镇或街道/);
    expect((await session('web:e3a3')).answers).toMatchObject({ employer: '宏达建筑', stillEmployed: true });
    await converse(t.chat, 'web:e3a4').sendAll('老板欠我工资', '1').send('宏达建筑').expectNot(/对吗/).expect(/哪个镇或街道/);
  });
});

describe('A9: 不是X是Y corrects the answer X was; a place in a unit\'s name is no place', () => {
  it('不是宏达建筑是河西物业 at the township question: the unit changed, said, and the township asked again (not 河西街道)', async () => {
    await converse(t.chat, 'web:e3b1')
      .sendAll('老板欠我工资', '1', '宏达建筑')
      .send('不是宏达建筑是河西物业')
      .expect(/用人单位已改为「河西物业」/)
      .expect(/哪个镇或街道/)
      .expectNot(/村或社区/);
    let s = await session('web:e3b1');
    expect(s.answers).toMatchObject({ employer: '河西物业' });
    expect(s.answers).not.toHaveProperty('location');
    await converse(t.chat, 'web:e3b1').send('河西').expect(/在河西街道的哪个村或社区/);
    s = await session('web:e3b1');
    expect(s.answers).toMatchObject({ employer: '河西物业', location: { townshipId: 't08' } });
  });

  it('with a comma too (`不是宏达建筑，是河西物业`); 不是X where X was no answer changes nothing', async () => {
    await converse(t.chat, 'web:e3b2').sendAll('老板欠我工资', '1', '宏达建筑').send('不是宏达建筑，是河西物业').expect(/用人单位已改为「河西物业」/);
    await converse(t.chat, 'web:e3b3').sendAll('老板欠我工资', '1', '宏达建筑').send('不是东龙是白沙').expectNot(/已改为/);
    expect((await session('web:e3b3')).answers).toMatchObject({ employer: '宏达建筑' });
  });

  it('在河西物业那边 at the township question is not taken as 河西街道 (asked); 在河西干 and 河西 are', async () => {
    await converse(t.chat, 'web:e3b4').sendAll('老板欠我工资', '1', '宏达建筑').send('在河西物业那边').expect(/您是说「河西街道」吗/);
    expect((await session('web:e3b4')).answers).not.toHaveProperty('location');
    await converse(t.chat, 'web:e3b5').sendAll('老板欠我工资', '1', '宏达建筑').send('在河西干').expect(/在河西街道的哪个村或社区/);
  });
});

describe('B7: at 「哪一项不对？」', () => {
  it('the right value said alone (`宏发电子厂`) replaces the unit; the others are kept, as the question promised', async () => {
    await converse(t.chat, 'web:e3c1')
      .sendAll(OPENING, '1')
      .send('不对')
      .expect(/哪一项不对/)
      .send('宏发电子厂')
      .expect(/用人单位已改为「宏发电子厂」/)
      .expectNot(/哪一项不对/);
    expect((await session('web:e3c1')).answers).toMatchObject({
      employer: '宏发电子厂',
      location: { townshipId: 't01' },
      period: { start: '2026-09', end: '2026-11' },
      amount: { yuan: 12000 },
    });
  });

  it('a number said alone (`13000`) replaces the amount, the others kept', async () => {
    await converse(t.chat, 'web:e3c2').sendAll(OPENING, '1', '不对').send('13000').expect(/拖欠金额已改为「13,000元」/);
    expect((await session('web:e3c2')).answers).toMatchObject({ employer: '宏达建筑', amount: { yuan: 13000 } });
  });

  it('不清楚 there: each value is confirmed on its own, this one now and each other at its turn; none dropped in bulk', async () => {
    await converse(t.chat, 'web:e3c3')
      .sendAll(OPENING, '1', '不对')
      .send('不清楚')
      .expectNot(/先不记/)
      .expect(/一项一项跟您核对/)
      .expect(/我理解的是：用人单位「宏达建筑」。对吗？/)
      .send('对')
      .expect(/我理解的是：干活的地方「东龙镇」。对吗？/)
      .send('对')
      .expect(/村或社区/);
    const s = await session('web:e3c3');
    expect(s.answers).toMatchObject({ employer: '宏达建筑', location: { townshipId: 't01' } });
    expect(s.later).toMatchObject({ period: { start: '2026-09' }, amount: { yuan: 12000 } });
  });

  it('a unit\'s name is never taken as the person\'s name (马坪电子厂 with 联系人 waiting)', async () => {
    await converse(t.chat, 'web:e3c4')
      .sendAll('那个就是我在马坪镇一个厂里面打工然后老板呢一直拖着工资嗯反正欠了我差不多八千多块钱吧我叫李小红', '1', '不对')
      .send('马坪电子厂')
      .expectNot(/联系人已改为/);
    const s = await session('web:e3c4');
    expect(s.answers.contactName).not.toBe('马坪电子厂');
    expect(s.later.contactName ?? s.answers.contactName ?? s.pending?.values.contactName).not.toBe('马坪电子厂');
  });
});

describe('B8, C8: changes at the summary', () => {
  it('改6 12000: the item and its value at once', async () => {
    await converse(t.chat, 'web:e3d1').sendAll(...WN).send('改6 12000').expect(/拖欠金额已改为「12,000元」/).expect(/6\. 拖欠金额：12,000元/);
  });

  it('改六 asks item 6', async () => {
    await converse(t.chat, 'web:e3d2').sendAll(...WN).send('改六').expect(/被拖欠了多少钱/).expect(/之前填的是：8,000元/);
  });

  it('不是8000是8500 changes the amount', async () => {
    await converse(t.chat, 'web:e3d3').sendAll(...WN).send('不是8000是8500').expect(/拖欠金额已改为「8,500元」/).expect(/6\. 拖欠金额：8,500元/);
  });

  it('改 13 王大君 changes the name; 不是王强是王大君 too', async () => {
    await converse(t.chat, 'web:e3d4').sendAll(...WN).send('改 13 王大君').expect(/联系人已改为「王大君」/).expect(/13\. 联系人：王大君/);
    await converse(t.chat, 'web:e3d5').sendAll(...WN).send('不是王强是王大君').expect(/联系人已改为「王大君」/);
  });

  it('不是8000是8500 at the amount question asked again from the summary is its answer', async () => {
    await converse(t.chat, 'web:e3d10').sendAll(...WN, '改6').send('不是8000是8500').expect(/拖欠金额已改为「8,500元」/).expect(/请核对/);
  });

  it('near misses: 改 2 still asks item 2; a value the item cannot take asks it with why; no item 99', async () => {
    await converse(t.chat, 'web:e3d6').sendAll(...WN).send('改 2').expect(/哪个镇或街道/);
    await converse(t.chat, 'web:e3d7').sendAll(...WN).send('改6为abc').expect(/数字/).expectNot(/已改为/).send('9000').expect(/6\. 拖欠金额：9,000元/);
    await converse(t.chat, 'web:e3d8').sendAll(...WN).send('改 99 王大君').expect(/没有第99项/);
    expect((await session('web:e3d8')).answers).toMatchObject({ contactName: '王强' });
  });

  it('时间不对是去年的 asks which months of 2025, never with the list of answers to pick from', async () => {
    await converse(t.chat, 'web:e3d9')
      .sendAll(...WN)
      .send('时间不对是去年的')
      .expect(/是2025年的哪几个月/)
      .expectNot(/要改哪一项|回复序号/)
      .send('去年9月到11月')
      .expect(/拖欠时间：2025年9月至2025年11月（3个月）/);
  });
});

describe('B10: stopping or pausing at a question is never an answer', () => {
  it('算了 at the township question asks whether to stop; the draft is kept and 继续 goes on', async () => {
    await converse(t.chat, 'web:e3e1')
      .sendAll('老板欠我工资', '1', '宏达建筑')
      .send('算了')
      .expectNot(/没找到/)
      .expect(/刚才填的「反映欠薪」先帮您保存着，还没有提交。要先停在这里吗？/)
      .send('继续')
      .expect(/哪个镇或街道/);
    expect((await session('web:e3e1')).answers).toMatchObject({ employer: '宏达建筑' });
  });

  it.each(['等一下我问问老乡', '我先去问问再来', '我问问老乡再说', '回头再填'])('%s at the township question: a pause, the draft kept; the answer later goes on', async (said) => {
    const user = `web:e3e2-${said}`;
    await converse(t.chat, user)
      .sendAll('老板欠我工资', '1', '宏达建筑')
      .send(said)
      .expectNot(/没找到/)
      .expect(/不着急，弄清楚了再来。刚才填的「反映欠薪」先帮您保存着/)
      .send('东龙')
      .expect(/在东龙镇的哪个村或社区/);
    expect((await session(user)).answers).toMatchObject({ employer: '宏达建筑', location: { townshipId: 't01' } });
  });

  it('等我想想 at the membership name question: a pause; the name typed next goes on', async () => {
    await converse(t.chat, 'web:e3e4').sendAll('我要入会', '1', '1', '1').send('等我想想').expect(/不着急/).send('张小明').expect(/身份证号/);
    expect((await session('web:e3e4')).answers).toMatchObject({ name: '张小明' });
  });

  it('我先去问问再来 at the employer question is never the employer', async () => {
    await converse(t.chat, 'web:e3e3').sendAll('老板欠我工资', '1').send('我先去问问再来').expect(/不着急/).send('继续').expect(/欠您工资的单位叫什么名字/);
    expect((await session('web:e3e3')).answers).not.toHaveProperty('employer');
  });
});

describe('B12: 0 at the amount question', () => {
  it('is no menu: nothing owed is said kindly, the amount asked again, nothing lost', async () => {
    await converse(t.chat, 'web:e3f1')
      .sendAll(...W, '今年9月到11月')
      .send('0')
      .expectNot(/主菜单/)
      .expect(/0元就是没有被拖欠/)
      .send('8000')
      .expect(/一共有多少人被拖欠/);
    expect((await session('web:e3f1')).answers).toMatchObject({ employer: '河西物业', amount: { yuan: 8000 } });
    await converse(t.chat, 'web:e3f2').sendAll(...W, '今年9月到11月').send('没欠').expect(/0元就是没有被拖欠/);
  });

  it('near miss: 0 at a question not answered with a number is still the menu, the draft kept', async () => {
    await converse(t.chat, 'web:e3f3').sendAll('老板欠我工资', '1').send('0').expect(/已回到主菜单/).expect(/已保存/);
  });
});

describe('B11: long messages are read', () => {
  const story = '那个我跟你说啊就是我们那个工地上面的事情嗯老板一开始说好的每个月按时发但是后来就一直拖然后我们去找他他就说没钱等甲方给了钱再说反正就是各种理由推';

  it('a 600-character opening message starts the wage report with its facts (never the menu, never 入会)', async () => {
    const long = OPENING + story.repeat(9);
    expect([...long].length).toBeGreaterThan(600);
    await converse(t.chat, 'web:e3g1').send(long).expectNot(/太长了/).expect(/反映欠薪前/).send('1').expect(/我理解的是：用人单位「宏达建筑」、干活的地方「东龙镇」/).expectNot(/入会/);
  });

  it('a 600-character account is kept to its first 500 characters, and that is said', async () => {
    const long = story.repeat(9);
    await converse(t.chat, 'web:e3g2')
      .sendAll(...W, '今年9月到11月', '8000', '就我一个', '还在干', '不知道', '不知道')
      .send(long)
      .expectNot(/太长了/)
      .expect(/事情经过先记下前500个字/)
      .expect(/证据/);
    const s = await session('web:e3g2');
    expect([...(s.answers.account as string)].length).toBe(500);
  });

  it('beyond 2000 characters, the beginning is read, and that is said', async () => {
    await converse(t.chat, 'web:e3g3').send(OPENING + story.repeat(40)).expect(/太长了，我先看了前2000个字/).expect(/反映欠薪前/);
  });
});

describe('C3, C4, C7: the village question and the first message pasted again', () => {
  it('。。。 and 对头 at the village question are no village name, never quoted back or matched to 岭头村', async () => {
    await converse(t.chat, 'web:e3h1').sendAll('老板欠我工资', '1', '宏达建筑', '东龙').send('。。。').expectNot(/「。。。」/).expect(/东龙镇的哪个村或社区/);
    await converse(t.chat, 'web:e3h2').sendAll('老板欠我工资', '1', '宏达建筑', '东龙').send('对头').expectNot(/岭头村」吗/);
    expect((await session('web:e3h2')).answers).not.toHaveProperty('community');
  });

  it('the first message pasted again at the village question is known already; never quoted as a village', async () => {
    const first = '老板欠我工资三个月了一共一万二我在东龙镇';
    await converse(t.chat, 'web:e3h3').sendAll(first, '1', '对', '宏达建筑').send(first).expectNot(/没找到「老板|叫「老板/).expect(/已经记下了/).expect(/哪个村或社区/);
  });

  it('pasted again while the consent is asked: its facts wait for the consent, which is asked once', async () => {
    await converse(t.chat, 'web:e3h4')
      .send(OPENING)
      .expect(/您同意吗/)
      .send(OPENING)
      .expectNot(/我理解的是/)
      .expect(/同意后再跟您核对/)
      .send('1')
      .expect(/我理解的是：用人单位「宏达建筑」/)
      .send('对')
      .expectNot(/您同意吗/)
      .expect(/哪个村或社区/);
  });
});

describe('C1: 收到 mid-flow', () => {
  it('is an acknowledgement, not thanks; the question follows', async () => {
    await converse(t.chat, 'web:e3i1').sendAll('老板欠我工资', '1', '宏达建筑', '东龙').send('收到').expectNot(/不客气/).expect(/哪个村或社区/);
  });
});

describe('on leave, or still working said with 呢, at the employer question (left from replay 3)', () => {
  it('`请假了`, `我请假了 还没走`, `还在干呢`: 是否还在职 confirmed, never an employer, never 「答不上来」', async () => {
    for (const [i, said] of ['请假了', '我请假了 还没走', '还在干呢'].entries()) {
      const user = `web:lv${i}`;
      await converse(t.chat, user)
        .sendAll('老板欠我工资', '1')
        .send(said)
        .expect(/我理解的是：是否还在职「还在干」。对吗？/)
        .expectNot(/用人单位/)
        .expectNot(/答不上来/);
      expect((await session(user)).answers).not.toHaveProperty('employer');
    }
  });

  it('`宏达建筑 还在干` still gives both; a question with 呢 (`老板在哪呢`) is still a question', async () => {
    await converse(t.chat, 'web:lv9').sendAll('老板欠我工资', '1').send('宏达建筑 还在干').expect(/用人单位「宏达建筑」、是否还在职「还在干」/);
    expect(isQuestion('老板在哪呢')).toBe(true);
    expect(isQuestion('你们在干嘛呢')).toBe(true);
    expect(isQuestion('还在干呢')).toBe(false);
    expect(isQuestion('干着呢')).toBe(false);
  });
});
