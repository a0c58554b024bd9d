/**
 * Misreadings found by held-out set N (test/nlu/heldout-n: dates and numbers in every shape) in legal aid and joining,
 * fixed in the readers for the class of words, never the one sentence. Each test here failed before its fix; `guard:`
 * lines keep what already worked. The clock is fixed at Tuesday 1 December 2026, 10:00 Beijing.
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { readAt as read, takenBy as taken } from './evaluate.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t } = chatOnClock(NOW);

const TO_LIMIT = ['我想约个律师', '同意', '欠薪'];
const TO_MEMBER_REVIEW = ['我要入会', '同意', '1', '1', '张三', '450102198503122412', '13800001111', '1', '青溪纺织有限公司', '1', '东龙镇'];

describe('held-out set N, legal aid: the leaving day', () => {
  it('26年7月3号: a two-digit year is read (was the month alone, the day lost); 27年 is a day to come, never 1927', async () => {
    expect(taken(read('legal', 'limit', '26年7月3号')).limit).toEqual({ leftOn: '2026-07-03' });
    await converse(t.chat, 'hn-more-two-digit-year').sendAll(...TO_LIMIT, '27年1月3号').expect(/不能在今天以后/).expectNot(/1927/);
  });

  it('今天早上刚被赶走: sent away today', () => {
    expect(taken(read('legal', 'limit', '今天早上刚被赶走')).limit).toEqual({ leftOn: '2026-12-01' });
  });

  it('同意 欠了我两万 10月8号走的 at the consent: the matter (欠了我) with the day', async () => {
    const p = taken(read('legal', 'consent', '同意 欠了我两万 10月8号走的'));
    expect(p.matter).toBe('wage');
    expect(p.limit).toEqual({ leftOn: '2026-10-08' });
    await converse(t.chat, 'hn-more-consent').sendAll('我想约个律师', '同意 欠了我两万 10月8号走的').expect(/咨询的事「欠薪」、在职情况「2026年10月8日离开/);
  });
});

describe('held-out set N, joining', () => {
  it('7 开叉车的 at the occupation question: 其他 picked, never 单位职工 proposed against it', async () => {
    const p = read('membership', 'occupation', '7 开叉车的', { employment: 'new_form' });
    expect(taken(p).employment).toBeUndefined();
    expect(taken(p)).toMatchObject({ occupation: 'other', occupationOther: '开叉车' });
    await converse(t.chat, 'hn-more-forklift')
      .sendAll('我要入会', '同意', '1', '1', '张三', '450102198503122412', '13800001111', '2', '7 开叉车的')
      .expect(/职业「其他」、具体工作「开叉车」/)
      .expectNot(/单位职工/);
    // guard: the work alone (no pick) is still proposed as 单位职工, for a yes.
    expect(taken(read('membership', 'occupation', '开叉车的', { employment: 'new_form' })).employment).toBe('employee');
  });

  it('身份证最后一位是x 不是2 at the summary: the ID number to be typed again (a check character alone cannot be changed)', async () => {
    expect(read('membership', 'review', '身份证最后一位是x 不是5', { idNumber: '450102198703150165' }).intent).toBe('correction');
    await converse(t.chat, 'hn-more-id-last')
      .sendAll(...TO_MEMBER_REVIEW, '身份证最后一位是x 不是2')
      .expect(/最后一位是校验码/)
      .expect(/请输入您的18位身份证号码/)
      .expectNot(/只能包含数字/)
      .send('45010219870315016X')
      .expect(/身份证号：4501\*{10}016X/);
  });

  // guard: 等下 去拿身份证 at the ID question pauses kindly (the label's `unclear` is what the chat does: the question stays).
  it('等下 去拿身份证: the chat waits, the question stays', async () => {
    await converse(t.chat, 'hn-more-id-later').sendAll('我要入会', '同意', '1', '1', '张三', '等下 去拿身份证').expect(/不着急/).expect(/18位身份证号码/);
  });
});
