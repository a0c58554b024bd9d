/*
 * A first message with two requests in it (helper h21), on real Redis. The lead's rule: a question is answered
 * first; of two things to do, the one named first is begun and the other offered when it is done; nothing said is
 * kept for a flow before its consent.
 *  - `欠薪了 想入会 怎么弄`: the report begun (named first), joining kept for after (its 怎么弄 goes with 想入会).
 *  - `入会要钱吗 老板欠我工资怎么办`: both answered, in order; joining offered (named first), and the report offered
 *    in its place when joining is declined. Reversed, the report is offered.
 *  - `老板欠我工资 想入会`: both kept (`想入会` is a clause of its own, three characters as it is).
 *  - `我想查一下进度 顺便问下入会的事`: the cases shown, then joining offered (not begun, nothing kept).
 * The clock stands at Tuesday 1 December 2026 (injected).
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const { t } = chatOnClock('2026-12-01T10:00:00+08:00');

const someone = (tag: string) => `web:h21-${tag}-${Math.random().toString(36).slice(2, 8)}`;

describe('two requests in a first message', () => {
  it('欠薪了 想入会 怎么弄: the report begun, joining kept for after', async () => {
    await converse(t.chat, someone('two-1'))
      .send('欠薪了 想入会 怎么弄')
      .expect(/先帮您办「反映欠薪」，「加入工会」等这件办完再接着帮您办/)
      .expect(/反映欠薪前，需要您同意/)
      .expectNot(/有几条路/);
  });

  it('平台乱扣钱的事先不说 我想入工会: the first put aside, so joining only', async () => {
    await converse(t.chat, someone('two-aside'))
      .send('平台乱扣钱的事先不说 我想入工会')
      .expect(/加入工会后，您可以/)
      .expectNot(/等这件办完再接着帮您办/)
      .expectNot(/反映欠薪前/);
  });

  it('老板欠我工资 想入会: both kept (a three-character clause is one of its own)', async () => {
    await converse(t.chat, someone('two-6'))
      .send('老板欠我工资 想入会')
      .expect(/「反映欠薪」，「加入工会」等这件办完再接着帮您办/);
  });

  it('入会要钱吗 老板欠我工资怎么办: both answered; joining offered, the report offered when it is declined', async () => {
    await converse(t.chat, someone('two-2'))
      .send('入会要钱吗 老板欠我工资怎么办')
      .expect(/会费/)
      .expect(/有几条路/)
      .expect(/要现在申请入会吗/)
      .check((_, text) => expect(text.indexOf('会费')).toBeLessThan(text.indexOf('有几条路')))
      .send('不用了')
      .expect(/您问的另一件事，可以在这里「反映欠薪」，要现在开始吗/)
      .send('好的')
      .expect(/反映欠薪前，需要您同意/);
  });

  it('老板欠我工资怎么办 入会要钱吗: both answered in order, the report offered', async () => {
    await converse(t.chat, someone('two-3'))
      .send('老板欠我工资怎么办 入会要钱吗')
      .expect(/会费/)
      .expect(/要我帮您登记欠薪/)
      .check((_, text) => expect(text.indexOf('有几条路')).toBeLessThan(text.indexOf('会费')));
  });

  it('a no to the second offer ends it (never offered a third time)', async () => {
    await converse(t.chat, someone('two-4'))
      .sendAll('入会要钱吗 老板欠我工资怎么办', '不用了', '不用了')
      .expect(/有需要随时找我/)
      .expectNot(/另一件事/);
  });

  it('我想查一下进度 顺便问下入会的事: the cases shown, joining offered, begun on a yes', async () => {
    await converse(t.chat, someone('two-5'))
      .send('我想查一下进度 顺便问下入会的事')
      .expect(/您还没有提交过案件/)
      .expect(/「加入工会」，现在就开始吗/)
      .expectNot(/加入工会后，您可以/)
      .send('好的')
      .expect(/加入工会后，您可以/);
  });
});
