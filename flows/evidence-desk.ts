/**
 * Files a worker sends after submitting a wage report (the payslip found at
 * home the next day). While no flow is under way, a photo or file goes to
 * the person's open report: checked first (type, size on the bytes, the
 * report's cap of MAX_EVIDENCE_FILES), written encrypted only then, and the
 * assignee is told. With more than one report open, nothing is guessed: the
 * person says which first (`补充 QX…`), and files go there for the idle
 * time after. Anything else (no open report, a flow asking something) is
 * left to the conversation as before.
 */
import { addReporterEvidence, checkEvidence, openReports, type Case, type EvidenceStore, type FileMeta } from '../core/cases/index.js';
import type { Core } from '../core/context.js';
import type { Reply } from '../core/infra/replies.js';
import type { Engine } from './engine.js';
import { normalizeText } from './parsers/index.js';
import type { Session } from './session.js';
import type { FlowContext, Incoming } from './types.js';
import { MAX_EVIDENCE_FILES } from './wage.js';

/** `补充 QX20261201-0001`, `补充材料 QX…`, `补证据 QX…`. */
const ATTACH = /^(?:补充|补充材料|补材料|补充证据|补证据|追加材料)\s*(QX\d{8}-\d{4,})$/i;

const text = (t: string): Reply => ({ type: 'text', text: t });

/** A report as the person knows it: its number and whom it is about. */
const named = (c: Case) => `${c.caseNo}${c.wage ? `（${c.wage.employer.slice(0, 20)}）` : ''}`;

export function createEvidenceDesk(core: Core, deps: { engine: Engine; evidence: EvidenceStore }) {
  const idleMs = core.config.SESSION_IDLE_MINUTES * 60_000;

  /** `补充 QX…`: files go to that report next; null when the message is something else. */
  async function command(userKey: string, session: Session, incoming: Incoming, ctx: FlowContext): Promise<{ session: Session; replies: Reply[] } | null> {
    if (incoming.kind !== 'text') return null;
    const m = normalizeText(incoming.text).trim().replace(/[。！!]+$/u, '').match(ATTACH);
    if (!m) return null;
    const caseNo = m[1]!.toUpperCase();
    const open = await openReports(core, userKey);
    const c = open.find((x) => x.caseNo === caseNo);
    const o = deps.engine.reprompt(session, ctx);
    if (!c) {
      const list = open.length > 0 ? `您在办的案件：${open.map(named).join('、')}。` : '您现在没有在办的欠薪案件。';
      return { session: o.session, replies: [text(`没有找到您在办的案件 ${caseNo}，材料补充不了。${list}`), ...o.followUp] };
    }
    o.session.attachTo = { caseNo, at: ctx.now.toISOString() };
    const where = session.flowId ? '（正在办理的事情办完以后再发）' : '';
    return { session: o.session, replies: [text(`好的，请发要补充到案件 ${named(c)}${c.wage ? '' : ' '}的照片或文件${where}。`), ...o.followUp] };
  }

  /**
   * A file while no flow is under way: added to the report named by
   * `补充 QX…` (lately), or to the one open report. Null when it is not for
   * a report (the conversation answers as before); `save`: the session
   * changed (a lapsed or used `attachTo`).
   */
  async function file(
    userKey: string,
    session: Session,
    input: { meta: FileMeta; load: () => Promise<Buffer> },
    ctx: FlowContext,
  ): Promise<{ replies: Reply[]; save: boolean } | null> {
    if (session.flowId !== null || (session.mode !== 'idle' && session.mode !== 'offer')) return null;
    const open = await openReports(core, userKey);
    const chosen = session.attachTo && ctx.now.getTime() - Date.parse(session.attachTo.at) <= idleMs ? session.attachTo.caseNo : null;
    const lapsed = session.attachTo !== null && chosen === null;
    if (lapsed) session.attachTo = null;
    const target = chosen ? open.find((c) => c.caseNo === chosen) : open.length === 1 ? open[0] : undefined;
    if (!target) {
      if (open.length > 1) {
        const example = open[0]!.caseNo;
        return {
          replies: [text(`您有${open.length}个在办的案件：${open.map(named).join('、')}。材料要补充到哪一个？请先回复「补充 案件编号」，例如「补充 ${example}」，再把文件发一次。`)],
          save: lapsed,
        };
      }
      // None open (or the one named has closed meanwhile): not for a report.
      if (chosen) session.attachTo = null;
      return chosen ? { replies: [text(`案件 ${chosen} 已经办结，材料就不再补充了。有新的情况，回复「人工」告诉工作人员。`)], save: true } : null;
    }
    const max = core.config.MAX_UPLOAD_MB * 1048576;
    // Size 0 here means "not known yet" (chunked upload); it is checked again on the bytes.
    const check = checkEvidence({ ...input.meta, size: input.meta.size || 1 }, max);
    if (!check.ok) return { replies: [text(check.reason)], save: lapsed };
    if (target.evidence.length >= MAX_EVIDENCE_FILES) return { replies: [text(full(target))], save: lapsed };
    const bytes = await input.load();
    const recheck = checkEvidence({ ...input.meta, size: bytes.length }, max);
    if (!recheck.ok) return { replies: [text(recheck.reason)], save: lapsed };
    const name = input.meta.name.slice(0, 80);
    const id = deps.evidence.save(bytes, ctx.now);
    let added;
    try {
      added = await addReporterEvidence(core, target.id, userKey, { id, name, mediaType: check.mediaType, size: bytes.length }, MAX_EVIDENCE_FILES);
    } catch (err) {
      deps.evidence.remove(id);
      throw err;
    }
    if (!added.ok) {
      // Closed or filled meanwhile: nothing holds the file.
      deps.evidence.remove(id);
      return { replies: [text(added.reason === 'full' ? full(target) : `案件 ${target.caseNo} 已经办结，材料就不再补充了。`)], save: lapsed };
    }
    if (chosen) session.attachTo = { caseNo: chosen, at: ctx.now.toISOString() };
    const n = added.case.evidence.length;
    const more = n < MAX_EVIDENCE_FILES ? '还有可以接着发。' : `已经${MAX_EVIDENCE_FILES}份了，不能再多了。`;
    return { replies: [text(`收到「${name}」，已补充到案件 ${target.caseNo}，现在一共${n}份材料，负责的工作人员能看到。${more}`)], save: lapsed || chosen !== null };
  }

  return { command, file };
}

function full(c: Case): string {
  return `案件 ${c.caseNo} 已经有${MAX_EVIDENCE_FILES}份材料了，收不下更多。还有重要的材料，请回复「人工」告诉工作人员。`;
}
