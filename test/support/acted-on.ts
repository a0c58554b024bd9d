import type { Core } from '../../core/context.js';
import type { Clock } from '../../core/infra/clock.js';
import type { ChatService } from '../../flows/service.js';
import { staffChat } from '../staff/support.js';
import { reportSubmitted } from './converse.js';

/**
 * The report of SUBMITTED_REPORT (6,000 yuan, 河西街道), accepted by a grid worker of the town (set directly, as
 * routing would leave it), then the staff's `command` lines (`办结 {no} 追回 6000`) run in their WeChat chat: the
 * person's chat and the case as it is after them.
 */
export async function actedOn(t: { chat: ChatService; core: Core }, clock: Clock, user: string, command: (no: string) => string[]) {
  const { chat, c } = await reportSubmitted(t, user);
  const grid = [...t.core.directory.index().gridById.values()].find((g) => g.grid.id.startsWith(`${c.location.townshipId}-`))!.grid;
  const staffId = grid.workers[0]!.id;
  await t.core.cases.update(c.id, 'test', (cur) => ({
    record: { ...cur, location: { ...cur.location, gridId: grid.id }, status: 'accepted', assignee: { staffId, level: 'grid', assignedAt: clock.now().toISOString() } },
    action: 'test',
    detail: '',
  }));
  const say = await staffChat(t.core, staffId);
  for (const line of command(c.caseNo)) await say(line);
  return { chat, c: (await t.core.cases.get(c.id))! };
}
