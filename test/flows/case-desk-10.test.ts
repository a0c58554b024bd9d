/**
 * The case desk after a wage report went in (probe round w10):
 *  - a withdrawal said with a no (`我不撤回`, `不是不想告`, `我不是要撤回`): nothing offered for passing on,
 *    no withdraw note kept; said while a withdrawal waits for 「转给…吗？」, that note is not passed on;
 *    `能不能撤回` is still a wish to withdraw, asked for a yes;
 *  - a sum given said without the boss named (`钱到账了 给了4000`): read against the case's amount, part of
 *    what is owed is never noted as all of it;
 *  - `老板知道是我报的怎么办`: answered (who sees the number, retaliation is illegal), not the fallback;
 *  - `老板还没给钱`, `老板给钱了吗`: the case's progress, not another report nor the fallback;
 *  - `老板说给钱但是到现在也没给`: a promise not kept, passed on without the «答应给钱是好事» advice;
 *  - `我搬家了`: answered (the case goes on by phone), not the fallback;
 *  - `我怕` while a threat waits for 「转给…吗？」: said to, the threat still passed on after a yes.
 */
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../core/infra/clock.js';
import { converse, reportSubmitted } from '../support/converse.js';
import { startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';

const NOW = new Date('2026-12-01T10:00:00+08:00');
const clock = manualClock(NOW);
const t = useFixture(() => {
  clock.set(NOW);
  return startTestCore({ clock });
});

const someone = (tag: string) => `web:cd10-${tag}-${Math.random().toString(36).slice(2, 8)}`;

const submitted = (user: string) => reportSubmitted(t, user);
const notesOf = async (id: string) => (await t.core.cases.get(id))!.reporterNotes.map((n) => [n.kind, n.text]);

describe('a withdrawal said with a no', () => {
  it.each(['我不撤回', '不是不想告', '我不想撤回了', '我不是要撤回'])('%s: the case goes on, nothing offered to pass on', async (said) => {
    const user = someone('keeps');
    const { chat, c } = await submitted(user);
    await chat.send(said).expect(/案件照常办理，不会撤回/).expectNot(/撤回要由工作人员|转给负责您案件|没太明白/);
    await chat.send('1').expectNot(/已转给/);
    expect(await notesOf(c.id)).toEqual([]);
  });

  it('我还是不撤回了 while a withdrawal waits for its yes: that note is not passed on', async () => {
    const user = someone('takeback');
    const { chat, c } = await submitted(user);
    await chat.send('不想告了').expect(/撤回要由工作人员跟您确认后再办/).expect(/转给负责您案件/);
    await chat.send('我还是不撤回了').expect(/没有转/).expect(/案件照常办理，不会撤回/).expectNot(/合在一起/);
    await chat.send('1').expectNot(/已转给/);
    expect(await notesOf(c.id)).toEqual([]);
  });

  it.each(['能不能撤回', '我想撤回'])('%s: still a wish to withdraw, passed on after a yes', async (said) => {
    const user = someone('wants');
    const { chat, c } = await submitted(user);
    await chat.send(said).expect(/撤回要由工作人员跟您确认后再办/).expectNot(/不会撤回/);
    await chat.send('1').expect(/已转给负责您案件/);
    expect(await notesOf(c.id)).toEqual([['withdraw', said]]);
  });
});

describe('a sum given, the boss not named', () => {
  it('钱到账了 给了4000 (6,000 owed): part of it, never all of it', async () => {
    const user = someone('part');
    const { chat, c } = await submitted(user);
    await chat.send('钱到账了 给了4000').expect(/拿到一部分也是进展/).expectNot(/太好了|办结/);
    await chat.send('1').expect(/剩下的钱工作人员会接着帮您要/).expectNot(/办结案件/);
    expect(await notesOf(c.id)).toEqual([['partly_paid', '钱到账了 给了4000']]);
  });

  it('钱到账了 给了6000 (6,000 owed): all of it', async () => {
    const user = someone('all');
    const { chat, c } = await submitted(user);
    await chat.send('钱到账了 给了6000').expect(/太好了/);
    await chat.send('1').expect(/已转给/);
    expect(await notesOf(c.id)).toEqual([['paid', '钱到账了 给了6000']]);
  });
});

describe('fear the boss learns who reported', () => {
  it.each(['老板知道是我报的怎么办', '老板问是不是我报的', '老板会不会知道是我报的'])('%s: answered, nothing passed on', async (said) => {
    const user = someone('exposed');
    const { chat, c } = await submitted(user);
    await chat.send(said).expect(/手机号只有负责的工作人员能看到/).expect(/违法/).expectNot(/答不上来|没太明白|转给负责您案件/);
    expect(await notesOf(c.id)).toEqual([]);
  });
});

describe('the money not come yet', () => {
  it.each(['老板还没给钱', '钱还没到账', '老板给钱了吗'])('%s: the progress, nothing passed on', async (said) => {
    const user = someone('notyet');
    const { chat, c } = await submitted(user);
    await chat.send(said).expect(/QX\d{8}-\d{4}/).expect(/钱什么时候能到手/).expectNot(/另一件|答不上来|没太明白|转给负责您案件/);
    expect(await notesOf(c.id)).toEqual([]);
  });

  it('老板说给钱但是到现在也没给: a promise not kept, no advice for a promise', async () => {
    const user = someone('broken');
    const { chat, c } = await submitted(user);
    await chat.send('老板说给钱但是到现在也没给').expect(/转给负责您案件/).expectNot(/答应给钱是好事/);
    await chat.send('1').expect(/已转给/);
    expect(await notesOf(c.id)).toEqual([['other', '老板说给钱但是到现在也没给']]);
  });
});

describe('a move, and fear at an urgent note', () => {
  it('我搬家了: answered, nothing passed on', async () => {
    const user = someone('moved');
    const { chat, c } = await submitted(user);
    await chat.send('我搬家了').expect(/搬家不影响案件办理/).expectNot(/没太明白|加入工会/);
    expect(await notesOf(c.id)).toEqual([]);
  });

  it('我怕 at 他说要开除我: the threat is not dropped, a yes passes it on', async () => {
    const user = someone('afraid');
    const { chat, c } = await submitted(user);
    await chat.send('他说要开除我').expect(/会标为紧急/);
    await chat.send('我怕').expect(/别担心/).expect(/回复「转」/).expectNot(/没有转|没太明白|加入工会/);
    await chat.send('转').expect(/已转给/).expect(/标为紧急/);
    expect(await notesOf(c.id)).toEqual([['retaliation', '他说要开除我']]);
  });
});
