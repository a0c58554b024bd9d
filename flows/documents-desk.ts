/**
 * `文书` in the chat (and `文书 QX…` / `文书 YY…`): the person's legal
 * documents with short-lived download links, answered before the engine
 * from anywhere, then back to where they were. Chats cannot attach files,
 * so the reply is text with links (core/documents).
 */
import type { Case } from '../core/cases/index.js';
import type { Core } from '../core/context.js';
import { documentsReply, progressHint } from '../core/documents/index.js';
import type { Reply } from '../core/infra/replies.js';
import type { Engine } from './engine.js';
import { normalizeText } from './parsers/index.js';
import type { Session } from './session.js';
import type { FlowContext, Incoming } from './types.js';

const DOCUMENTS = /^(?:文书|法律文书|我的文书|下载文书|生成文书|要文书|文书下载)\s*((?:QX|YY)\d{8}-\d{4,})?$/i;

export function createDocumentsDesk(core: Core, deps: { engine: Engine }) {
  /** The answer to `文书`, or null when the message is something else. */
  async function command(userKey: string, session: Session, incoming: Incoming, ctx: FlowContext): Promise<{ session: Session; replies: Reply[] } | null> {
    if (incoming.kind !== 'text') return null;
    const m = normalizeText(incoming.text).trim().replace(/[。！!]+$/u, '').match(DOCUMENTS);
    if (!m) return null;
    const text = await documentsReply(core, userKey, m[1] ?? null);
    const o = deps.engine.reprompt(session, ctx);
    return { session: o.session, replies: [{ type: 'text', text }, ...o.followUp] };
  }

  /** A line under `进度` when a listed case has documents. */
  function hint(cases: readonly Case[]): Reply[] {
    const h = progressHint(cases);
    return h ? [{ type: 'text', text: h }] : [];
  }

  return { command, hint };
}
