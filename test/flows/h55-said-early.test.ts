/*
 * What a worker says early in the wage report about things asked later (helper h55), other than amounts and months:
 *  - evidence held, said in the first message (`好再来饭店老板欠我6000 我有欠条`), beside another answer (`有聊天记录` at
 *    the employer question) or at a 「…对吗？」 of something else (`有工资条和考勤`): nothing of it was carried, and
 *    at a confirmation the words were dropped as unreadable. Now noted, said back at the evidence question
 *    (「您之前说过有欠条。…」) and kept there as `evidenceHeld`, as `有欠条` typed there is; an IOU said written for them
 *    (`老板给我打了欠条`) is only an inference: kept with a yes only. A photo is still welcome.
 *  - precision: `欠条怎么写`, `没有欠条怎么办`, `我没有欠条`, `欠条丢了` are no evidence held.
 *  - whether they still work there and the headcount said beside another answer: confirmed, never lost (guards).
 */
import { describe, expect, it } from 'vitest';
import { evidenceSaidEarly, type WageAnswers } from '../../flows/wage.js';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const { t, session: load } = chatOnClock('2026-12-01T10:00:00+08:00');
const session = async (user: string) => ({ answers: (await load(user)).answers as WageAnswers });
const someone = (tag: string) => `web:h55-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
/** After the opening message: to the supplementary questions, all skipped, so the evidence question is next. */
const AFTER_OPENING = ['1', '对', '好再来饭店', '东龙', '新塘', '不是', '6000', '就我一个', '还在干', '都跳过'];
const EVIDENCE_ASKED = /有工资条、考勤记录、欠条、聊天记录之类的证据吗/;

describe('evidence said early: said back and kept at the evidence question', () => {
  it('`好再来饭店老板欠我6000 我有欠条` (first message): 「您之前说过有欠条」 at the evidence question; 完成 keeps it held', async () => {
    const user = someone('first');
    const chat = converse(t.chat, user);
    await chat
      .sendAll('好再来饭店老板欠我6000 我有欠条', '同意', '对', '东龙', '新塘', '不是', '3个月', '对', '就我一个', '还在干', '都跳过')
      .expect(/您之前说过有欠条。可以直接发照片或文件/)
      .expectNot(EVIDENCE_ASKED)
      .send('完成')
      .expect(/记下了您手上有欠条/)
      .expect(/怎么称呼您/);
    const a = (await session(user)).answers;
    expect(a.evidenceHeld).toBe('我有欠条');
    expect(a.evidence).toEqual([]);
  });

  it('`有聊天记录` at the employer question: noted, the question again; at the evidence question a photo is still taken', async () => {
    const user = someone('beside');
    const chat = converse(t.chat, user);
    await chat.sendAll('老板拖了我三个月工资', '1', '对').send('有聊天记录').expect(/您说有聊天记录，我记下了/).expect(/单位叫什么名字/);
    expect((await session(user)).answers.employer).toBeUndefined();
    await chat
      .sendAll('好再来饭店', '东龙', '新塘', '不是', '6000', '就我一个', '还在干', '都跳过')
      .expect(/您之前说过有聊天记录/)
      .sendFile('chat.jpg', JPEG, 'image/jpeg')
      .expect(/收到「chat\.jpg」，共1份/)
      .send('完成')
      .expect(/怎么称呼您/);
    const a = (await session(user)).answers;
    expect(a.evidence).toHaveLength(1);
    expect(a.evidenceHeld).toBe('有聊天记录');
  });

  it('`有工资条和考勤` at 「拖欠时间…对吗？」: noted, the same confirmation again (the period neither dropped nor set aside)', async () => {
    const user = someone('confirm');
    const chat = converse(t.chat, user);
    await chat
      .sendAll('老板拖了我三个月工资', '1')
      .expect(/拖欠时间「2026年9月至2026年11月（3个月）」。对吗？/)
      .send('有工资条和考勤')
      .expect(/您说有工资条、考勤记录，我记下了/)
      .expect(/拖欠时间「2026年9月至2026年11月（3个月）」。对吗？/)
      .send('对')
      .expect(/单位叫什么名字/);
    expect((await session(user)).answers.period?.months).toBe(3);
    await chat.sendAll(...AFTER_OPENING.slice(2)).expect(/您之前说过有工资条、考勤记录/).send('跳过').expect(/怎么称呼您/);
    expect((await session(user)).answers.evidenceHeld).toBe('有工资条和考勤');
  });

  it('`有欠条` at the unit\'s 「…对吗？」 (as in 老板欠我工资|同意|好再来饭店|…): noted, asked again, not dropped as unreadable', async () => {
    const user = someone('unit');
    await converse(t.chat, user)
      .sendAll('好再来饭店老板欠我工资', '同意')
      .expect(/用人单位「好再来饭店」。对吗？/)
      .send('有欠条')
      .expect(/您说有欠条，我记下了/)
      .expect(/用人单位「好再来饭店」。对吗？/)
      .expectNot(/请回复「对」或「不对」/);
    expect((await session(user)).answers.evidenceSaid?.kinds).toEqual(['欠条']);
  });

  it('`有工资条 还有微信聊天记录` at the unit\'s address: noted (it was only told to wait), said back at the evidence question', async () => {
    const user = someone('address');
    await converse(t.chat, user)
      .sendAll(...['老板拖了我三个月工资', ...AFTER_OPENING.slice(0, -1)])
      .send('有工资条 还有微信聊天记录')
      .expect(/您说有工资条、聊天记录，我记下了，证据过一会儿会专门问您/)
      .expect(/地址大概在哪里/)
      .send('都跳过')
      .expect(/您之前说过有工资条、聊天记录/)
      .send('完成')
      .expect(/记下了您手上有工资条、聊天记录/);
    const a = (await session(user)).answers;
    expect(a.employerAddress).toBeNull();
    expect(a.evidenceHeld).toBe('有工资条，还有微信聊天记录');
  });

  it('`没有` at the evidence question after `我有欠条`: no longer held, nothing kept', async () => {
    const user = someone('gone');
    await converse(t.chat, user)
      .sendAll('老板拖了我三个月工资 我有欠条', ...AFTER_OPENING)
      .expect(/您之前说过有欠条/)
      .send('没有')
      .expect(/怎么称呼您/);
    expect((await session(user)).answers.evidenceHeld).toBeUndefined();
  });

  it('`老板给我打了欠条` (inferred): asked whether it is in their hands; 完成 alone keeps nothing, `有` keeps it', async () => {
    const asked = /您之前说过「老板给我打了欠条」。欠条在您手上吗？/;
    const u1 = someone('iou1');
    await converse(t.chat, u1).sendAll('老板拖了我三个月工资 老板给我打了欠条', ...AFTER_OPENING).expect(asked).send('完成').expect(/怎么称呼您/);
    expect((await session(u1)).answers.evidenceHeld).toBeUndefined();
    const u2 = someone('iou2');
    await converse(t.chat, u2).sendAll('老板拖了我三个月工资 老板给我打了欠条', ...AFTER_OPENING).expect(asked).send('有').expect(/记下了您手上有欠条/);
    expect((await session(u2)).answers.evidenceHeld).toBe('老板给我打了欠条');
  });
});

describe('precision: a question about an IOU, or none held, is no evidence held', () => {
  it.each(['欠条怎么写', '没有欠条怎么办', '我没有欠条', '欠条丢了', '老板不肯打欠条', '有欠条吗', '有欠条有用吗', '有欠条的话能要回来吗', '欠条在老板那', '老板说给我打欠条', '工友也有欠条', '我有点担心合同', '考勤有问题'])('%s: nothing', (said) => {
    expect(evidenceSaidEarly(said)).toBeNull();
  });

  it.each([
    ['好再来饭店老板欠我6000 我有欠条', ['欠条'], false],
    ['有聊天记录', ['聊天记录'], false],
    ['有工资条和考勤', ['工资条', '考勤记录'], false],
    ['欠条我有 能要回来吗', ['欠条'], false],
    ['老板给我打了欠条', ['欠条'], true],
    ['群里有微信聊天记录', ['聊天记录'], false],
    ['合同我也有', ['劳动合同'], false],
  ] as const)('%s: %j (inferred %s)', (said, kinds, inferred) => {
    expect(evidenceSaidEarly(said)).toMatchObject({ kinds, inferred });
  });

  // guard: the evidence question is asked plainly when nothing was said before it.
  it('`老板欠我工资 没有欠条怎么办`: the plain evidence question later', async () => {
    const user = someone('none');
    await converse(t.chat, user).sendAll('老板拖了我三个月工资 没有欠条怎么办', '1', ...AFTER_OPENING).expect(EVIDENCE_ASKED).expectNot(/您之前说过/);
    expect((await session(user)).answers.evidenceSaid).toBeUndefined();
  });
});

describe('still working there, and the headcount, said beside another answer', () => {
  // guard: confirmed with the unit, never kept unasked.
  it('`好再来饭店 我已经不干了` at the employer question: confirmed with it', async () => {
    const user = someone('left');
    await converse(t.chat, user).sendAll('老板拖了我三个月工资', '1', '对').send('好再来饭店 我已经不干了').expect(/用人单位「好再来饭店」、是否还在职「已经离开」。对吗？/);
    expect((await session(user)).answers.stillEmployed).toBeUndefined();
  });

  // guard: set aside at a confirmation, confirmed at its own question.
  it('`我们十几个人都没拿到` at 「拖欠时间…对吗？」: said to wait, then confirmed at the headcount', async () => {
    const user = someone('count');
    await converse(t.chat, user)
      .sendAll('老板拖了我三个月工资', '1')
      .send('我们十几个人都没拿到')
      .expect(/被拖欠人数「10多人」）等问到时再跟您核对/)
      .sendAll('好再来饭店', '东龙', '新塘', '不是', '对', '6000')
      .expect(/被拖欠人数「10多人」。对吗？/);
    expect((await session(user)).answers.headcount).toBeUndefined();
  });
});
