/*
 * After a wage report, whether anyone has been in touch yet, asked in everyday words (`有人联系我了吗`,
 * `有没有人联系我`, `网格员给我打过电话了吗`): the case's progress is shown. These got 「这个问题我还答不上来」.
 * Words that go on with news (`有人找我了 让我撤诉`) stay news to pass on, and nothing is passed on unasked.
 * Someone unnamed pressing to withdraw (`有人找我了 让我撤诉`, `来了个人叫我别告了`) is pressure, said to be the
 * person's own choice, never taken for their wish to withdraw (「撤回要由工作人员跟您确认」).
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { reportSubmitted } from '../support/converse.js';
import { readCaseMessage } from '../../flows/case-desk.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t } = chatOnClock(NOW);

const someone = (tag: string) => `web:contacted-${tag}-${Math.random().toString(36).slice(2, 8)}`;

describe('whether anyone has been in touch, after a report', () => {
  it.each(['你好 有人联系我了吗', '有人联系我了吗？', '有没有人联系我', '网格员给我打过电话了吗', '工会的人找过我没有'])('%s: the progress of the case', async (said) => {
    const { chat, c } = await reportSubmitted(t, someone('asked'));
    await chat.send(said).expect(/您的案件：/).expect(new RegExp(c.caseNo)).expectNot(/答不上来/).expectNot(/您要转告的话/);
    expect((await t.core.cases.get(c.id))!.reporterNotes).toEqual([]);
  });

  it.each(['有人找我了 让我撤诉', '老板找我了吗', '有人联系我说要给钱', '我想让工作人员给我打电话', '让网格员给我打电话'])('guard: %s is not asked as progress', (said) => {
    expect(readCaseMessage(said)?.kind).not.toBe('progress');
  });
});

describe('someone unnamed pressing to withdraw', () => {
  it.each(['有人找我了 让我撤诉', '来了个人叫我别告了'])('%s: pressure, not the wish to withdraw', async (said) => {
    expect(readCaseMessage(said)).toMatchObject({ kind: 'note', note: 'other', about: 'pressed' });
    const { chat, c } = await reportSubmitted(t, someone('pressed'));
    await chat.send(said).expect(/撤不撤由您自己决定，老板和别人都不能逼您撤/).expectNot(/撤回要由工作人员跟您确认/).expect(new RegExp(`您要转告的话：「${said}」`));
    expect((await t.core.cases.get(c.id))!.status).not.toBe('withdrawn');
  });

  it('guard: 我不想告了 is still the wish to withdraw', () => {
    expect(readCaseMessage('我不想告了')).toMatchObject({ kind: 'note', note: 'withdraw' });
  });
});
