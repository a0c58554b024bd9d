/**
 * `文书` in the chat (and `文书 QX…` / `文书 YY…`): the person's legal
 * documents with short-lived download links, answered before the engine
 * from anywhere, then back to where they were. Chats cannot attach files,
 * so the reply is text with links (core/documents).
 */
import type { Case } from '../core/cases/index.js';
import type { Core } from '../core/context.js';
import { DOC_TEXTS, documentsOfUser, documentsReply, progressHint } from '../core/documents/index.js';
import type { Reply } from '../core/infra/replies.js';
import type { Engine } from './engine.js';
import { normalizeText } from './parsers/index.js';
import type { Session } from './session.js';
import type { FlowContext, Incoming } from './types.js';

const DOCUMENTS = /^(?:文书|法律文书|我的文书|下载文书|生成文书|要文书|文书下载)\s*((?:QX|YY)\d{8}-\d{4,})?$/i;
/** The documents by name (`仲裁申请书`, `起诉状`), in a worker's words. */
const PAPER = '(?:劳动)?(?:仲裁申请书?|仲裁书|起诉状|起诉书|诉状|申请书|法律文书|文书)';
/**
 * Asking for them in one's own words (`能帮我写个仲裁申请吗`, `起诉状怎么写`,
 * `我要一份仲裁申请书`): the same answer as `文书`, but only for someone who has
 * documents to download; anyone else gets the knowledge answer (how to apply).
 */
const DOCUMENTS_SAID = new RegExp(
  [
    `^(?:你们)?(?:能不能|能|可以|可不可以|请|麻烦)?(?:你们?)?(?:帮我|帮忙|给我|替我|帮)?(?:写|出|生成|弄|做|准备|开)(?:一下)?(?:一?[个份张])?${PAPER}(?:吗|么|嘛|呢|吧)?$`,
    `^(?:我)?(?:要|想要|需要)(?:一?[个份张])?${PAPER}(?:吗|么|嘛|呢|吧)?$`,
    `^${PAPER}(?:怎么写|咋写|要怎么写|怎么填写?|咋填|要怎么填写?|怎么弄|在哪(?:里|儿)?(?:下载|拿|弄|领|找)?|有(?:模板|样本|范本)吗|能给我吗|能给我一份吗|给我一份)$`,
  ].join('|'),
);

export function createDocumentsDesk(core: Core, deps: { engine: Engine }) {
  /** The answer to `文书`, or null when the message is something else. */
  async function command(userKey: string, session: Session, incoming: Incoming, ctx: FlowContext): Promise<{ session: Session; replies: Reply[] } | null> {
    if (incoming.kind !== 'text') return null;
    const said = normalizeText(incoming.text).trim().replace(/[。！!]+$/u, '');
    const m = said.match(DOCUMENTS);
    if (!m && !(DOCUMENTS_SAID.test(said.replace(/[\s，,？?]+/gu, '')) && (await documentsOfUser(core, userKey)).length > 0)) return null;
    const text = await documentsReply(core, userKey, m?.[1] ?? null);
    const o = deps.engine.reprompt(session, ctx);
    return { session: o.session, replies: [{ type: 'text', text }, ...o.followUp] };
  }

  /**
   * A document asked for by name (`我要仲裁申请书`, `起诉状怎么写`) outside a form by someone with none to
   * download: the line saying how to get one here, put with the knowledge answer (flows/service.ts). Null otherwise.
   */
  async function howToGet(userKey: string, session: Session, incoming: Incoming): Promise<string | null> {
    if (incoming.kind !== 'text' || session.flowId !== null) return null;
    const said = normalizeText(incoming.text).trim().replace(/[。！!]+$/u, '');
    if (DOCUMENTS.test(said) || !DOCUMENTS_SAID.test(said.replace(/[\s，,？?]+/gu, ''))) return null;
    return (await documentsOfUser(core, userKey)).length === 0 ? DOC_TEXTS.howToGet : null;
  }

  /** A line under `进度` when a listed case has documents. */
  function hint(cases: readonly Case[]): Reply[] {
    const h = progressHint(cases);
    return h ? [{ type: 'text', text: h }] : [];
  }

  return { command, hint, howToGet };
}
