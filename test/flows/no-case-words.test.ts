/*
 * What someone with no case says, read as they meant it (probe round 5): the case number or whether a
 * report went through (none yet: said so, with how to start), deleting their data in other words
 * (撤回我的个人信息, 注销: the deletion question, never a case withdrawal or a bankruptcy answer), and
 * another boss to report (the wage report starts).
 */
import { describe, it } from 'vitest';
import { manualClock } from '../../core/infra/clock.js';
import { converse } from '../support/converse.js';
import { startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';

const t = useFixture(() => startTestCore({ clock: manualClock('2026-12-01T10:00:00+08:00') }));

describe('words of someone with no case', () => {
  for (const said of ['案件编号多少', '我忘了我的编号', '上次那个提交成功了吗']) {
    it(`${said}: no case yet, said so, and how to start`, async () => {
      await converse(t.chat, `web:nc-${said}`).send(said).expect(/^您还没有提交过案件。/).expect(/回复「反映欠薪」可以开始/);
    });
  }

  for (const said of ['撤回我的个人信息', '注销', '我不想用了 把我的东西都删了']) {
    it(`${said}: the deletion question, nothing deleted yet`, async () => {
      await converse(t.chat, `web:nf-${said}`).send(said).expect(/^确定要删除您的个人信息吗？/).expectNot(/破产|撤回要由工作人员/);
    });
  }

  it('我还要再反映一个老板: the wage report starts', async () => {
    await converse(t.chat, 'web:nw').send('我还要再反映一个老板').expect(/^反映欠薪前，需要您同意我们收集一些信息/);
  });
});
