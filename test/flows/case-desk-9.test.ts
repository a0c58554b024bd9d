/**
 * After a wage report is sent, at «把这条消息转给…吗？» and just after
 * (probe round 9, desk): a yes taken back in the same message is no yes,
 * a no in other words is a no, a no that puts the words right shows them
 * again, a figure sent next goes with a correction, and a bare 取消 or 算了
 * says the case goes on.
 */
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../core/infra/clock.js';
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

const someone = (tag: string) => `web:cd9-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const withCase = async (tag: string) => {
  const user = someone(tag);
  const c = await createWageCase(t.core, { userKey: user, amount: 6000, employer: '好再来饭店' });
  return { user, c };
};
const notes = async (id: string) => (await t.core.cases.get(id))!.reporterNotes;

describe('a yes taken back in the same message (A)', () => {
  it.each(['好 不用了', '好吧 还是不转了', '是的 不过先别转', '转 不对 先别转', '好的 不对'])('%s passes nothing on', async (said) => {
    const { user, c } = await withCase('no');
    await converse(t.chat, user)
      .send('老板跑路了')
      .expect(/把这条消息转给负责您案件/)
      .send(said)
      .expect(/^好的，这条没有转。$/)
      .expectNot(/已转给/);
    expect(await notes(c.id)).toEqual([]);
  });

  it.each(['嗯 我再想想', '行 等我问问'])('%s keeps the question; a later 转 passes the words as they were', async (said) => {
    const { user, c } = await withCase('hold');
    await converse(t.chat, user)
      .send('老板跑路了')
      .expect(/把这条消息转给负责您案件/)
      .send(said)
      .expect(/想好了回复「转」或「不用了」就行/)
      .expectNot(/已转给/)
      .send('转')
      .expect(/已转给负责您案件/);
    expect((await notes(c.id)).map((n) => n.text)).toEqual(['老板跑路了']);
  });
});

describe('a no in other words (B)', () => {
  it.each(['先不要', '没必要', '先别转'])('%s is a no, not more words for the note', async (said) => {
    const { user, c } = await withCase('nn');
    await converse(t.chat, user)
      .send('老板跑路了')
      .send(said)
      .expect(/^好的，这条没有转。$/)
      .expectNot(/合在一起/);
    expect(await notes(c.id)).toEqual([]);
  });
});

describe('a no that puts the words right (B)', () => {
  it('不对 是2000 after 老板给了我3000 shows both again for a yes', async () => {
    const { user, c } = await withCase('fix');
    await converse(t.chat, user)
      .send('老板给了我3000')
      .expect(/您要转告的话：「老板给了我3000」/)
      .send('不对 是2000')
      .expect(/先不转/)
      .expect(/您要转告的话：「老板给了我3000；不对 是2000」/)
      .expectNot(/这条没有转/)
      .send('对')
      .expect(/已转给负责您案件/);
    expect((await notes(c.id)).map((n) => n.text)).toEqual(['老板给了我3000；不对 是2000']);
  });

  it('不是 我不想转 stays a plain no', async () => {
    const { user, c } = await withCase('fixno');
    await converse(t.chat, user).send('老板跑路了').send('不是 我不想转').expect(/^好的，这条没有转。$/);
    expect(await notes(c.id)).toEqual([]);
  });
});

describe('the figure sent after 金额说错了 (B)', () => {
  it.each(['是8000', '8000', '八千块'])('%s is put with the correction, not dropped', async (said) => {
    const { user, c } = await withCase('fig');
    await converse(t.chat, user)
      .send('金额说错了')
      .expect(/您要转告的话：「金额说错了」/)
      .send(said)
      .expect(new RegExp(`您要转告的话：「金额说错了；${said}」`))
      .expectNot(/没有转|没太明白/)
      .send('1')
      .expect(/已转给负责您案件/);
    expect((await notes(c.id)).map((n) => n.text)).toEqual([`金额说错了；${said}`]);
  });

  it('more news put with a note takes no correction lead (C)', async () => {
    const { user } = await withCase('lead');
    await converse(t.chat, user)
      .send('老板跑路了')
      .send('他电话也打不通')
      .expect(/您要转告的话：「老板跑路了；他电话也打不通」/)
      .expectNot(/改不了/);
  });
});

describe('a bare 取消 or 算了 with a case open (B)', () => {
  it.each(['取消', '算了', '算了吧'])('%s says the case goes on and how to withdraw, not 「没有正在办理」', async (said) => {
    const { user, c } = await withCase('cancel');
    await converse(t.chat, user)
      .send(said)
      .expect(new RegExp(`${c.caseNo}（好再来饭店）照常办理`))
      .expect(/回复「撤回」/)
      .expectNot(/没有正在办理|没太明白/);
    const after = (await t.core.cases.get(c.id))!;
    expect(after.status).toBe(c.status);
    expect(after.reporterNotes).toEqual([]);
  });

  it('取消 right after 补充材料 too', async () => {
    const { user, c } = await withCase('files');
    await converse(t.chat, user)
      .send('补充材料')
      .expect(/直接发过来就行/)
      .send('取消')
      .expect(new RegExp(`${c.caseNo}（好再来饭店）照常办理`))
      .expectNot(/没有正在办理/);
  });

  it('with no case open, 取消 is answered as before', async () => {
    await converse(t.chat, someone('none')).send('取消').expect(/现在没有正在办理的事项/);
  });
});

describe('how long, asked alone (B)', () => {
  it.each(['要多久', '还要多久啊', '得多长时间'])('%s shows the progress and the time limits, not 「答不上来」', async (said) => {
    const { user, c } = await withCase('long');
    await converse(t.chat, user)
      .send(said)
      .expect(new RegExp(`您的案件：[\\s\\S]*${c.caseNo}`))
      .expect(/个工作日内办结/)
      .expectNot(/答不上来|没太明白/);
    expect(await notes(c.id)).toEqual([]);
  });
});

describe('the employer changed hands (B)', () => {
  it.each(['老板换了', '换了个老板', '饭店转让了'])('%s is news for the case worker, shown back for a yes', async (said) => {
    const { user, c } = await withCase('chg');
    await converse(t.chat, user)
      .send(said)
      .expect(/欠您的工资不会因此就不算了/)
      .expect(new RegExp(`您要转告的话：「${said}」`))
      .expectNot(/没太明白/)
      .send('新老板姓刘')
      .expect(new RegExp(`您要转告的话：「${said}；新老板姓刘」`))
      .expectNot(/改不了/)
      .send('转')
      .expect(/已转给负责您案件/);
    expect((await notes(c.id)).map((n) => [n.kind, n.text])).toEqual([['other', `${said}；新老板姓刘`]]);
  });

  it('only feared or asked about, it is no news', async () => {
    const { user, c } = await withCase('chgq');
    await converse(t.chat, user).send('要是老板换了怎么办').expectNot(/您要转告的话/);
    expect(await notes(c.id)).toEqual([]);
  });
});
