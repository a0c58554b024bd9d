/*
 * What a worker says after submitting a wage report, as the seventh probe typed it (A5, B2–B7, B10, C5, C6),
 * on real Redis; the clock fixed at Tuesday 1 December 2026, 10:00 Beijing (later where a test says so).
 *  - Threats and abuse from the boss in other words (`老板今天打电话骂我 说我再告就不给了`, `说要找人收拾我`,
 *    `不让我再来要钱`): urgent `retaliation` notes with the evidence advice; the boss pressing for a withdrawal
 *    (`老板说给我钱让我撤了`): advice not to withdraw before the money is in hand, never a promise to pay.
 *  - Progress in everyday words (`几天了还没消息`, `有没有消息`, `还要等多久啊`, Cantonese `我嘅案件點樣呀`) and
 *    `一个星期了 还没人给我打电话` (not the working-hours law): the progress view, or once late the supervisor offered.
 *  - An answer to what the case worker wrote (`好的 我晚上发`): shown back and passed on to them after a yes.
 *  - Evidence and witnesses (`我有聊天记录和工资条`, `我把考勤表拍下来了`, `我还有证人 工友李四可以作证`).
 *  - The staff named by name (`那个林志强不接电话`), someone else asked for (`我要换个人处理`), who handles the
 *    case and their phone (`工作人员叫什么名字`, `负责的人电话多少`).
 *  - A new number written with dashes (`号码改一下139-1234-5678`); speech recognition's homophones
 *    (`预约法律园助`, `查下进读`, `欠新三个月了`); a workmate owed too (`我还有一个工友也被欠了 他叫李四`).
 */
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../core/infra/clock.js';
import { readCaseMessage } from '../../flows/case-desk.js';
import { normalizeMessage } from '../../flows/nlu/normalize.js';
import { createWageCase } from '../support/cases.js';
import { converse } from '../support/converse.js';
import { startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';

const NOW = new Date('2026-12-01T10:00:00+08:00');
const clock = manualClock(NOW);
const t = useFixture(() => {
  clock.set(NOW);
  return startTestCore({ clock });
});

/** A wage report submitted by `user` today (not yet taken by anyone), owed 6,000 yuan. */
const reported = (user: string) => createWageCase(t.core, { userKey: user, amount: 6000, employer: `好再来饭店${user.slice(-3)}` });
/** A report taken by 林志强 (gw-001, 东龙镇第一网格), who wrote `replies` to the person just now. */
async function taken(user: string, replies: string[] = []) {
  const c = await reported(user);
  const at = clock.now().toISOString();
  await t.core.cases.update(c.id, 'test', (cur) => ({
    record: {
      ...cur,
      status: 'accepted',
      assignee: { staffId: 'gw-001', level: 'grid', assignedAt: at, onCall: false },
      acceptedAt: at,
      resolveBy: new Date(NOW.getTime() + 21 * 86_400_000).toISOString(),
      replies: replies.map((text) => ({ at, staffId: 'gw-001', text })),
    },
    action: 'test',
    detail: '',
  }));
  return c;
}
const notesOf = async (id: string) => (await t.core.cases.get(id))!.reporterNotes.map((n) => [n.kind, n.text, n.urgent]);

describe('threats and abuse from the boss, in other words', () => {
  it('老板今天打电话骂我 说我再告就不给了: urgent retaliation with the evidence advice, not a plain correction', async () => {
    const c = await reported('web:a71');
    await converse(t.chat, 'web:a71')
      .send('老板今天打电话骂我 说我再告就不给了')
      .expect(/请把老板说的话留好证据/)
      .expect(/会标为紧急/)
      .expectNot(/原来的内容改不了|更正/)
      .send('1')
      .expect(/标为紧急/);
    expect(await notesOf(c.id)).toEqual([['retaliation', '老板今天打电话骂我 说我再告就不给了', true]]);
  });

  it.each(['老板说要找人收拾我', '老板不让我再来要钱', '包工头在电话里骂我', '老板威胁我'])('%s is a threat', (said) => {
    expect(readCaseMessage(said)).toEqual({ kind: 'note', note: 'retaliation' });
  });

  it.each(['怕老板找人收拾我', '老板会不会开除我', '老板不会开除我吧', '要是老板找人收拾我怎么办', '我再去找他他也不给', '还找了几次都不给'])('%s is feared, asked or no threat, none told', (said) => {
    const read = readCaseMessage(said);
    expect(read?.kind === 'note' ? read.note : null).not.toBe('retaliation');
  });

  it('老板说给我钱让我撤了: pressure to withdraw, told not to withdraw before the money is in hand; passed on after a yes', async () => {
    const c = await reported('web:a72');
    await converse(t.chat, 'web:a72')
      .send('老板说给我钱让我撤了')
      .expect(/钱真正到手之前，先别撤/)
      .expectNot(/老板答应给钱是好事/)
      .send('转给工作人员')
      .expect(new RegExp(`已转给负责您案件 ${c.caseNo} 的工作人员`));
    expect(await notesOf(c.id)).toEqual([['other', '老板说给我钱让我撤了', false]]);
    expect(readCaseMessage('老板叫我别告了')).toEqual({ kind: 'note', note: 'other', about: 'pressed' });
    // Advice from someone else is no pressure from the boss.
    expect(readCaseMessage('律师让我先撤诉')).not.toMatchObject({ about: 'pressed' });
  });
});

describe('progress in everyday words', () => {
  it.each(['几天了还没消息', '都三天了', '有没有消息', '结果出来了吗', '还要等多久啊', '咋回事啊 咋没人给俺打电话', '我嘅案件點樣呀', '有冇人理呀'])(
    '%s gets the progress view',
    async (said) => {
      const user = `web:b7${Buffer.from(said).toString('hex').slice(0, 8)}`;
      const c = await reported(user);
      await converse(t.chat, user)
        .send(said)
        // The desk's view (您的案件：… what comes next), or the 进度 command's for pressing (咋没人给俺打电话).
        .expect(new RegExp(`您(?:最近)?的案件：[\\s\\S]*${c.caseNo}[\\s\\S]*(?:现在正在安排工作人员|正在分派)`))
        .expectNot(/没太明白|答不上来/);
    },
  );

  it('一个星期了 还没人给我打电话: the case, not the working-hours law; a week on, sorry and the supervisor offered', async () => {
    const c = await reported('web:b73');
    await converse(t.chat, 'web:b73')
      .send('一个星期了 还没人给我打电话')
      .expect(new RegExp(`您的案件：[\\s\\S]*${c.caseNo}`))
      .expectNot(/每天干8小时|加班费|要我帮您登记吗/);
    clock.set(new Date(NOW.getTime() + 7 * 86_400_000));
    await converse(t.chat, 'web:b73')
      .send('一个星期了 还没人给我打电话')
      .expect(/很抱歉让您久等了。按说最晚.+就该有工作人员联系您，现在已经过了。/)
      .expect(/转给东龙镇总工会的负责同志吗/)
      .expectNot(/每天干8小时|加班费/);
  });
});

describe('an answer to what the case worker wrote', () => {
  it('好的 我晚上发, after 请把工资条发给我: shown back with how to send files, and passed on to the worker after a yes', async () => {
    const c = await taken('web:b74', ['您好 请把工资条发给我']);
    await converse(t.chat, 'web:b74')
      .send('好的 我晚上发')
      .expect(/这是回复工作人员的吧？照片或文件直接发到这里就行/)
      .expect(/您要转告的话：「好的 我晚上发」/)
      .expectNot(/没太明白/)
      .send('1')
      .expect(new RegExp(`已转给负责您案件 ${c.caseNo} 的工作人员`));
    expect(await notesOf(c.id)).toEqual([['other', '好的 我晚上发', false]]);
  });

  it('two days later the same words are not taken as an answer; 好的 and 谢谢 stay small talk', async () => {
    await taken('web:b75', ['您好 请把工资条发给我']);
    await converse(t.chat, 'web:b75').send('谢谢').expect(/不客气/).expectNot(/转告/);
    clock.set(new Date(NOW.getTime() + 2 * 86_400_000));
    await converse(t.chat, 'web:b75').send('好的 我晚上发').expectNot(/这是回复工作人员的吧/);
  });
});

describe('evidence and witnesses', () => {
  it('我有聊天记录和工资条 and 我把考勤表拍下来了: how to send them, never another report', async () => {
    const c = await reported('web:b76');
    await converse(t.chat, 'web:b76')
      .send('我有聊天记录和工资条')
      .expect(new RegExp(`照片或文件直接发过来就行，会补充到案件 ${c.caseNo}`))
      .expectNot(/另一件欠薪/)
      .send('我把考勤表拍下来了')
      .expect(/照片或文件直接发过来就行/);
  });

  it('我还有证人 工友李四可以作证: a note for the case worker, passed on after a yes', async () => {
    const c = await reported('web:b77');
    await converse(t.chat, 'web:b77')
      .send('我还有证人 工友李四可以作证')
      .expect(/有人愿意作证很有用/)
      .expect(/您要转告的话：「我还有证人 工友李四可以作证」/)
      .send('转')
      .expect(/已转给负责您案件/);
    expect(await notesOf(c.id)).toEqual([['correction', '我还有证人 工友李四可以作证', false]]);
  });
});

describe('the staff, named or asked about', () => {
  it('那个林志强不接电话: a complaint for the supervisor, with where the case stands', async () => {
    const c = await taken('web:b78');
    await converse(t.chat, 'web:b78')
      .send('那个林志强不接电话')
      .expect(/很抱歉让您久等了/)
      .expect(new RegExp(`您的案件现在办到这一步：[\\s\\S]*${c.caseNo}`))
      .expect(/把这条意见转给东龙镇总工会的负责同志吗？/)
      .send('不用了')
      .expect(/这条没有转/);
  });

  it('我要换个人处理 and 能不能换个人: for the union’s supervisor to arrange', async () => {
    await taken('web:b79');
    await converse(t.chat, 'web:b79').send('我要换个人处理').expect(/^换人处理要由工会的负责同志来安排/).expect(/转给东龙镇总工会的负责同志吗/).send('不用了');
    await converse(t.chat, 'web:b79').send('能不能换个人').expect(/换人处理要由工会的负责同志来安排/).expectNot(/答不上来/);
  });

  it('工作人员叫什么名字 and 负责的人电话多少: the team and that they call, no name or number given out', async () => {
    await taken('web:b7a');
    await converse(t.chat, 'web:b7a')
      .send('工作人员叫什么名字')
      .expect(/由东龙镇第一网格负责。工作人员的名字和电话不在这里公开/)
      .expectNot(/林志强|13800000001|答不上来/)
      .send('负责的人电话多少')
      .expect(/工作人员会打您留的电话联系您，他们的电话不在这里公开/)
      .expectNot(/12333：|13800000001/);
  });
});

describe('numbers and words as voice input writes them', () => {
  it('号码改一下139-1234-5678: a new phone, shown back masked for a yes', async () => {
    const c = await reported('web:b7b');
    await converse(t.chat, 'web:b7b')
      .send('号码改一下139-1234-5678')
      .expect(/换了号码要让工作人员知道/)
      .expect(/139\*\*\*\*5678/)
      .send('1')
      .expect(/工作人员会用新号码联系您/);
    expect((await notesOf(c.id)).map(([kind]) => kind)).toEqual(['phone']);
  });

  it.each([
    ['我想预约法律园助', '我想预约法律援助'],
    ['预约法律援主', '预约法律援助'],
    ['我想查下进读', '我想查下进度'],
    ['欠新三个月了', '欠薪三个月了'],
    ['还欠新来的工人工资', '还欠新来的工人工资'],
  ])('%s reads as %s', (said, read) => {
    expect(normalizeMessage(said)).toBe(read);
  });

  it('我想预约法律园助 starts the booking; 我想查下进读 shows the progress', async () => {
    await reported('web:b7c');
    await converse(t.chat, 'web:b7c').send('我想查下进读').expect(/您最近的案件/).send('我想预约法律园助').expect(/这次预约律师是为了这件案子吗/).send('2').expect(/预约法律援助前，需要您同意/);
  });
});

describe('a workmate owed too', () => {
  it('我还有一个工友也被欠了 他叫李四: he can report himself or be reported for, never a correction', async () => {
    const c = await reported('web:c76');
    await converse(t.chat, 'web:c76')
      .send('我还有一个工友也被欠了 他叫李四')
      .expect(/您的工友可以自己加我，发「反映欠薪」登记/)
      .expect(/要现在替他反映吗？/)
      .expectNot(/更正/);
    expect(await notesOf(c.id)).toEqual([]);
  });
});
