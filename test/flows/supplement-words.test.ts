/*
 * The supplementary questions (the unit's address, the contractors, the trade) as workers answer them:
 * `没有了`, `没了`, `没地址` are the 没有 they mean (left empty, the next question), never a re-ask in a loop;
 * words about evidence (`有工资条 还有微信聊天记录`) are told that the evidence is asked for later, and are
 * never the answer. At the evidence question, `都在老板那` (nothing in their own hands) goes on with a word
 * that staff can ask the unit; `合同被公司收走了` (taken away) is no sign that the person left.
 */
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../core/infra/clock.js';
import { findStillEmployed } from '../../flows/nlu/facts.js';
import { converse } from '../support/converse.js';
import { startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';

const clock = manualClock('2026-12-01T10:00:00+08:00');
const t = useFixture(() => startTestCore({ clock }));
const TO_SUPPLEMENT = ['老板拖了我三个月工资', '1', '对', '好再来饭店', '东龙', '新塘', '不是', '6000', '就我一个', '还在干'];

async function atAddress(tag: string) {
  const user = `web:sw-${tag}-${Math.random().toString(36).slice(2, 8)}`;
  const chat = converse(t.chat, user);
  await chat.sendAll(...TO_SUPPLEMENT).expect(/单位的地址在哪里/);
  return { user, chat };
}

describe('supplementary questions in workers’ words', () => {
  it.each(['没有了', '没了', '没地址', '没有具体地址'])('%s at the address: left empty, on to the trade', async (said) => {
    const { user, chat } = await atAddress('none');
    await chat.send(said).expect(/您做的是什么工种/);
    expect((await t.chat.sessions.load(user, clock.now())).answers.employerAddress).toBeNull();
  });

  it('evidence said at the address: told it comes later, the address asked again, nothing kept', async () => {
    const { user, chat } = await atAddress('evidence');
    await chat.send('有工资条 还有微信聊天记录').expect(/证据过一会儿会专门问您/).expect(/地址大概在哪里/);
    expect((await t.chat.sessions.load(user, clock.now())).answers.employerAddress).toBeUndefined();
    await chat.send('东龙镇工业园2号').expect(/您做的是什么工种/);
    expect((await t.chat.sessions.load(user, clock.now())).answers.employerAddress).toBe('东龙镇工业园2号');
  });
});

describe('evidence with the employer', () => {
  it.each(['都在老板那', '考勤表在厂里 我没有', '合同被公司收走了'])('%s: on to the name, said that staff can ask the unit; nothing held, no change of 在职 offered', async (said) => {
    const user = `web:sw-held-${Math.random().toString(36).slice(2, 8)}`;
    const chat = converse(t.chat, user);
    await chat.sendAll(...TO_SUPPLEMENT, '都跳过').expect(/有工资条、考勤记录、欠条、聊天记录之类的证据吗/);
    await chat.send(said).expect(/材料在单位那边也没关系/).expect(/怎么称呼您/).expectNot(/是否还在职/);
    const a = (await t.chat.sessions.load(user, clock.now())).answers;
    expect(a.evidenceHeld).toBeUndefined();
    expect(a.stillEmployed).toBe(true);
  });

  it.each([
    ['合同被公司收走了', null],
    ['身份证被老板拿走了', null],
    ['工具被带走了 我还在干', true],
    ['我早走了', false],
    ['上个月走的', false],
    ['偷偷走了', false],
  ] as const)('%s: still employed %s', (said, still) => {
    expect(findStillEmployed(said)).toBe(still);
  });
});
