/*
 * Evidence in a worker's words. At the evidence question, whether a kind counts (`截图行不行`, `录音算证据吗`)
 * got the knowledge base's list of what to keep from now on; now: yes, and how to send it, nothing taken. After
 * submitting, `我还有照片没发` and `有聊天记录还没给你们` got 「没太明白」 and the menu; now how to add it to the case.
 * A fixed clock (Tuesday 1 December 2026, 10:00).
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse, reportSubmitted } from '../support/converse.js';
import { readCaseMessage } from '../../flows/case-desk.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t } = chatOnClock(NOW);

const someone = (tag: string) => `web:evidence-words-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const TO_EVIDENCE = ['老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年9月到11月', '6000', '就我一个', '还在干', '都跳过'];

describe('evidence in a worker\'s words', () => {
  it.each([
    ['截图行不行', '截图'],
    ['录音算证据吗？', '录音'],
    ['聊天记录能用吗', '聊天记录'],
  ])('%s at the evidence question: yes, and how to send; nothing taken, the question stays', async (said, kind) => {
    const chat = converse(t.chat, someone('counts')).sendAll(...TO_EVIDENCE);
    await chat.expect(/有工资条、考勤记录/);
    await chat.send(said).expect(new RegExp(`可以，${kind}也能当证据`)).expect(/点输入框旁边的「\+」/).expectNot(/从今天起留好/);
    // Still at the evidence question: 完成 goes on to the name, with no evidence recorded.
    await chat.send('完成').expect(/怎么称呼您/);
  });

  it.each(['我还有照片没发', '有聊天记录还没给你们', '我有工资条没发呢'])('%s after submitting: how to add it to the case', async (said) => {
    const { chat, c } = await reportSubmitted(t, someone('after'));
    await chat.send(said).expect(/直接发过来就行/).expect(new RegExp(c.caseNo)).expectNot(/没太明白/);
  });

  // guard: evidence shown to someone else, or said useless, is no file to add.
  it.each(['我有欠条没给老板看', '有照片没有用'])('guard: %s is not about sending files', (said) => {
    expect(readCaseMessage(said)?.kind).not.toBe('files');
  });
});
