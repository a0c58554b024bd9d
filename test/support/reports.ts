import type { Case } from '../../core/cases/index.js';
import type { Core } from '../../core/context.js';
import { renderText } from '../../core/infra/replies.js';
import type { ChatService } from '../../flows/service.js';
import { converse } from './converse.js';
import { eventually } from './core.js';

/**
 * A person's report sent message by message until 提交成功, then read back
 * once routing has given it an assignee. With `employer`, the report is the
 * person's one about that employer (two reports filed at the same manual
 * clock time have no order); otherwise their newest.
 */
export async function submittedAndRouted(core: Core, chat: ChatService, user: string, steps: readonly string[], employer?: string): Promise<Case> {
  await converse(chat, user).sendAll(...steps).expect(/提交成功/);
  const listed = await core.cases.listByUser(user, 10);
  const mine = employer === undefined ? listed[0] : listed.find((c) => c.wage?.employer === employer);
  return eventually(async () => {
    const c = await core.cases.get(mine!.id);
    return c?.assignee ? c : null;
  }, 8000, 'the report routed');
}

/** Everything a staff member has been sent (their WeChat inbox), as text. */
export async function staffNotices(core: Core, staffId: string): Promise<string> {
  const r = await core.inbox.read(`staff:${staffId}`);
  return r.items.flatMap((i) => i.replies.map(renderText)).join('\n\n');
}
