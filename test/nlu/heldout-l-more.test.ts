/**
 * Moves in the middle of a conversation found by held-out set L (test/nlu/heldout-l: corrections at 「…对吗？」 and at
 * the summary, answers to another question, pauses) in joining, legal aid and the commands, fixed in the flows' own
 * readers. Each test here failed before its fix; `guard:` lines keep what already worked. The clock is fixed at
 * Tuesday 1 December 2026, 10:00 Beijing.
 */
import { describe, expect, it } from 'vitest';
import { commandOf } from '../../flows/nlu/talk.js';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { readAt as read, takenBy as taken } from './evaluate.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t } = chatOnClock(NOW);

/** Joining, up to 「您现在是怎么工作的？」. */
const TO_WORK = ['我想入会', '同意', '王大军', '对', '同意', '确认', '11010519491231002X', '13700001111'];

describe('held-out set L: the day the worker left, corrected by its day of the month', () => {
  it('不是25号 是20号 at 「在职情况「2026年10月25日离开…」。对吗？」 is 10月20日, never 11月20日', async () => {
    await converse(t.chat, 'hl-limit-1')
      .sendAll('我10月25号离职的 老板欠工资 想约律师', '同意')
      .expect(/2026年10月25日离开/)
      .send('不是25号 是20号')
      .expect(/2026年10月20日离开/)
      .expectNot(/11月20日/);
  });

  it('在职情况改成20号 at the summary: 10月20日, never 「还在干」 read from the answer’s own name (在职)', async () => {
    await converse(t.chat, 'hl-limit-2')
      .sendAll('想约律师', '同意', '欠薪', '10月25号走的', '1', '2', '河西街道', '1', '陈秀英', '13766554433')
      .expect(/请核对您的预约/)
      .send('在职情况改成20号')
      .expect(/在职情况：2026年10月20日离开/)
      .expectNot(/还在干/);
    // guard: 在职 said as the answer is still there; 20号 at the question asked again from the summary is that month's.
    expect(taken(read('legal', 'limit', '还在职', { consent: true, matter: 'wage' })).limit).toEqual({ employed: true });
    await converse(t.chat, 'hl-limit-3')
      .sendAll('想约律师', '同意', '欠薪', '10月25号走的', '1', '2', '河西街道', '1', '陈秀英', '13766554433', '改2', '20号')
      .expect(/记为2026年10月20日离开/);
  });

  it('离开日期改成11月3号 and 改2 20号 at the summary change the day left (never 「请告诉我具体哪天」, never the time)', async () => {
    const booked = ['想约律师', '同意', '欠薪', '10月25号走的', '1', '2', '河西街道', '1', '陈秀英', '13766554433'];
    await converse(t.chat, 'hl-limit-4').sendAll(...booked, '离开日期改成11月3号').expect(/在职情况已改为「2026年11月3日离开/);
    await converse(t.chat, 'hl-limit-5').sendAll(...booked, '改2 20号').expect(/在职情况已改为「2026年10月20日离开/).expectNot(/重新选时间/);
    // guard: a day alone after 改成 is still a new time wished for.
    await converse(t.chat, 'hl-limit-6').sendAll(...booked, '改成2号').expect(/重新选时间/);
  });
});

describe('held-out set L: the work corrected at the platform question', () => {
  it('顺丰 刚才选错了 我是快递员 (货车司机 picked): both confirmed, never 货车司机 kept with 顺丰', async () => {
    await converse(t.chat, 'hl-plat-1')
      .sendAll(...TO_WORK, '2', '1', '顺丰 刚才选错了 我是快递员')
      .expect(/职业「快递员」、接单平台「顺丰」。对吗？/);
    const p = read('membership', 'platform', '顺丰 刚才选错了 我是快递员', { employment: 'new_form', occupation: 'truck_driver' });
    expect(taken(p)).toMatchObject({ occupation: 'courier', platform: '顺丰' });
    expect(p.direct.platform).toBeUndefined();
    // guard: a platform alone is the answer, the work kept.
    expect(read('membership', 'platform', '顺丰', { employment: 'new_form', occupation: 'courier' }).direct).toEqual({ platform: '顺丰' });
  });

  it('刚才选错了 我是送外卖的 美团 (快递员 picked): the work changed and 美团 kept, never asked again', async () => {
    await converse(t.chat, 'hl-plat-2')
      .sendAll(...TO_WORK, '2', '2', '刚才选错了 我是送外卖的 美团')
      .expect(/外卖配送员/)
      .expect(/您在美团是专送还是众包/)
      .expectNot(/您主要在哪个平台接单/);
    expect(taken(read('membership', 'occupation', '我是送外卖的 美团', { employment: 'new_form' }))).toMatchObject({ occupation: 'food_delivery', platform: '美团' });
    // guard: a platform named as not, or no longer, theirs is not taken.
    expect(taken(read('membership', 'occupation', '送外卖的 不是美团', { employment: 'new_form' })).platform).toBeUndefined();
  });
});

describe('held-out set L: the work corrected at the summary', () => {
  const NEW_FORM = [...TO_WORK, '2', '2', '顺丰', '1', '1', '河西街道'];

  it('不对 我是送外卖的 (快递员 on the summary): the work changed, never read as the township answered last', async () => {
    await converse(t.chat, 'hl-rev-1').sendAll(...NEW_FORM).expect(/请核对您的入会申请/).send('不对 我是送外卖的').expect(/职业已改为「外卖配送员」/).expectNot(/这个镇或街道/);
    const known = { consent: true, idConsent: true, name: '王大军', phone: '13700001111', employment: 'new_form', occupation: 'courier', platform: '顺丰', placeKind: 'residence', residence: 't08' };
    expect(read('membership', 'review', '不对 我是开网约车的', known).direct).toEqual({ occupation: 'ride_hailing' });
  });

  it('不对 我是送外卖的 美团: the work and its platform, proposed together', async () => {
    await converse(t.chat, 'hl-rev-2')
      .sendAll(...NEW_FORM, '不对 我是送外卖的 美团')
      .expect(/职业「外卖配送员」、接单平台「美团」，对吗？/)
      .expectNot(/这个镇或街道/)
      .send('对')
      .expect(/您在美团是专送还是众包/);
  });
});

describe('held-out set L: the legal booking’s who and how said together', () => {
  it('律师 电话咨询 at the way question: the lawyer too (after 检察官面对面, both proposed as a change)', async () => {
    expect(taken(read('legal', 'mode', '律师 电话咨询'))).toMatchObject({ help: 'lawyer', mode: 'phone' });
    await converse(t.chat, 'hl-mode-1')
      .sendAll('我想法律援助', '同意', '欠薪', '还在干', '2', '律师 电话咨询')
      .expect(/预约类型「工会律师咨询」、方式「电话咨询」/)
      .send('对')
      .expect(/您在哪个镇或街道/);
    // guard: a lawyer mentioned in passing books none.
    expect(taken(read('legal', 'mode', '律师说电话咨询也行')).help).toBeUndefined();
  });
});

describe('held-out set L: commands and pauses in the middle', () => {
  it('找人工吧 说不清楚: a person, never the unit’s name', async () => {
    expect(commandOf('找人工吧 说不清楚')).toBe('human');
    expect(commandOf('太麻烦了 转人工')).toBe('human');
    await converse(t.chat, 'hl-human-1').sendAll('我想反映欠薪', '同意', '找人工吧 说不清楚').expect(/转给工作人员/).expectNot(/单位或老板的名字/);
    // guard: why alone asks for nobody.
    expect(commandOf('说不清楚')).not.toBe('human');
  });

  it('等下 我看下我新号码 at the phone question: a pause, never 「手机号只能包含数字」', async () => {
    await converse(t.chat, 'hl-pause-1')
      .sendAll('想约律师', '同意', '欠薪', '还在干', '2', '河西街道', '1', '陈秀英', '等下 我看下我新号码')
      .expect(/不着急/)
      .expectNot(/只能包含数字/)
      .send('继续')
      .expect(/手机号是多少/);
  });
});
