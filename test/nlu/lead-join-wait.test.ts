/*
 * How long joining takes (`入会要多久`, `入会审核要多长时间`) got 「这个问题我还答不上来」, at the menu and mid-form:
 * now union-join-wait (reviewed within a working day, the card sent here). Its neighbours keep their own answers.
 */
import { describe, expect, it } from 'vitest';
import { knowledgeBase } from '../../flows/knowledge/kb.js';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';

const entryOf = (text: string) => knowledgeBase().match(text)?.entry.id ?? null;

describe('how long joining takes', () => {
  it.each(['入会要多久', '加入工会要等几天', '入会审核要多长时间', '申请入会多久能批下来', '入工会什么时候能办下来'])('%s → union-join-wait', (said) => {
    expect(entryOf(said)).toBe('union-join-wait');
  });

  it.each([
    ['入会以后信息保存多久', 'union-join-wait'],
    ['入会会费多久交一次', 'union-join-wait'],
    ['反映欠薪要等多久', 'union-join-wait'],
  ])('%s is no question of how long joining takes', (said, not) => {
    expect(entryOf(said)).not.toBe(not);
  });
});

describe('asked while joining', () => {
  const { t } = chatOnClock('2026-12-01T10:00:00+08:00');
  it('`入会审核要多长时间` at the ID question: answered, and the form goes on', async () => {
    await converse(t.chat, 'web:lj1')
      .sendAll('我要入会', '同意', '同意', '同意', '王芳')
      .send('入会审核要多长时间')
      .expect(/一般1个工作日内审核完/)
      .expect(/身份证号码/)
      .expectNot(/答不上来/);
  });
});
