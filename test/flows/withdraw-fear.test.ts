/*
 * Stopping for fear (`算了不追了 怕被开除`): the withdrawal is still only passed on when the worker says so,
 * and now the bot says that firing or paying someone back for reporting is unlawful, and that they can talk
 * to the case worker before deciding. A withdrawal without fear gets no such line.
 */
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../core/infra/clock.js';
import { converse } from '../support/converse.js';
import { startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';
import { SUBMITTED_REPORT } from '../support/wage-script.js';

const NOW = new Date('2026-12-01T10:00:00+08:00');
const t = useFixture(() => startTestCore({ clock: manualClock(NOW) }));

const reported = (user: string) => {
  const chat = converse(t.chat, user);
  for (const said of SUBMITTED_REPORT) chat.send(said);
  return chat.expect(/提交成功/);
};

describe('stopping for fear of the boss', () => {
  it('算了不追了 怕被开除: unlawful said, nothing passed before the yes', async () => {
    await reported('web:wf1').send('算了不追了 怕被开除').expect(/因为反映欠薪就开除或报复您，是违法的/).expect(/把这条消息转给/);
    const [c] = await t.core.cases.listByUser('web:wf1', 20);
    expect(c!.reporterNotes).toHaveLength(0);
  });

  it('不想追了 担心老板报复 too; 不想追了 alone gets no such line', async () => {
    await reported('web:wf2').send('不想追了 担心老板报复').expect(/是违法的/);
    await reported('web:wf3').send('不想追了').expect(/把这条消息转给/).expectNot(/是违法的/);
  });
});
