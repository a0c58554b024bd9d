/*
 * Months of something other than pay held back, no pay named (`班长拖了我三个月不给请假`): it started the wage
 * report (the months would have been proposed as arrears). Now no report is started and no months are kept;
 * with pay named too (`老板拖了我三个月社保和工资都没给`) the report starts as before.
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);
const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

describe('a delay of something else', () => {
  it('班长拖了我三个月不给请假: no report started, nothing kept', async () => {
    await converse(t.chat, 'web:od1').send('班长拖了我三个月不给请假').expectNot(/反映欠薪前，需要您同意/);
    const s = await session('web:od1');
    expect(s.flowId).toBeNull();
    expect(JSON.stringify(s.answers ?? {})).not.toContain('period');
  });

  it('老板拖了我三个月社保和工资都没给: pay named, the report starts', async () => {
    await converse(t.chat, 'web:od2').send('老板拖了我三个月社保和工资都没给').expect(/反映欠薪前，需要您同意/);
  });
});
