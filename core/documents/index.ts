/**
 * Legal documents (法律文书) pre-filled from a wage case or a legal-aid
 * booking, as .docx: 劳动人事争议仲裁申请书, 民事起诉状（追索劳动报酬）,
 * 支持起诉申请书, 强制执行申请书 and 证据清单. Generated on demand from the
 * records; nothing is stored. The worker's name and phone go into the
 * worker's own documents (they are theirs), never into logs.
 *
 * - `documentsFor(core, caseOrBooking)`: which documents apply;
 * - `render(core, kind, caseOrBooking)`: the .docx bytes;
 * - `documentFile`: both checked, with file names, for a download;
 * - `documentsOfUser`, `linkedDocuments`, `openLink`: the chat's signed links.
 */
import { helpOffered, type Case } from '../cases/index.js';
import type { Core } from '../context.js';
import { createBookings } from '../legal-aid/index.js';
import { blocksOf } from './content.js';
import { factsOf, isCase, refOf, type Facts, type Subject } from './facts.js';
import { DOCUMENT_NAMES, DOCX_TYPE, documentName, fileNames, isDocumentKind, type DocumentKind } from './kinds.js';
import { pack } from './layout.js';
import { LINK_TTL_SECONDS, documentLinkUrl, signDocumentLink, verifyDocumentLink } from './links.js';
import { DOC_TEXTS, type Listed } from './texts.js';

export { DOCUMENT_KINDS, DOCUMENT_NAMES, DOCX_TYPE, documentName, isDocumentKind, type DocumentKind } from './kinds.js';
export { rmbCapitals } from './money.js';
export { LINK_TTL_SECONDS, signDocumentLink, verifyDocumentLink, type LinkCheck, type LinkTarget } from './links.js';
export { DOC_TEXTS, type Listed } from './texts.js';
export { isCase, ownerOf, refOf, type Facts, type Subject } from './facts.js';

export interface DocumentInfo {
  kind: DocumentKind;
  /** As a person reads it: `劳动仲裁申请书`. */
  title: string;
  /** `劳动仲裁申请书-QX20261121-0001.docx` */
  fileName: string;
}

/**
 * Which documents apply, in the order a worker uses them. A wage matter
 * with no award yet: arbitration (not for household service, which goes
 * straight to court), the complaint, 支持起诉 when a procurator is involved
 * (a 支持起诉 case, a referral not declined, a booking with a procurator),
 * and the evidence list. An award or judgment that was not paid: the
 * enforcement application. A 人工 request, or wages recovered in full: none.
 */
export function kindsFor(f: Facts): DocumentKind[] {
  if (f.matter === null || f.settled) return [];
  const decided = f.award !== null && f.award.state !== 'none';
  const out: DocumentKind[] = [];
  if (f.matter === 'wage' && !decided) {
    if (!f.household) out.push('arbitration');
    out.push('complaint');
    if (f.procurator) out.push('support');
  }
  if (f.award?.state === 'unpaid') out.push('enforcement');
  if (f.matter === 'wage' && !decided) out.push('evidence');
  return out;
}

function info(kind: DocumentKind, f: Facts): DocumentInfo {
  return { kind, title: documentName(kind, f.household), fileName: fileNames(kind, f.ref, f.household).name };
}

/** The documents that apply to a case or a booking. */
export async function documentsFor(core: Core, s: Subject): Promise<DocumentInfo[]> {
  const f = await factsOf(core, s, { phone: false });
  return kindsFor(f).map((k) => info(k, f));
}

export interface RenderOptions {
  /** The worker's phone number in the parties (default): their own copy, and staff who call back. */
  phone?: boolean;
}

async function build(core: Core, kind: DocumentKind, s: Subject, f: Facts): Promise<Buffer> {
  const bytes = await pack(DOCUMENT_NAMES[kind], blocksOf(kind, f, core.clock.now()));
  // Record ids and the kind only: never the name or the phone.
  core.log.info({ recordId: s.id, kind }, 'document generated');
  return bytes;
}

/** The .docx of one document for a case or a booking (whether it applies is `documentFile`'s question). */
export async function render(core: Core, kind: DocumentKind, s: Subject, opts: RenderOptions = {}): Promise<Buffer> {
  return build(core, kind, s, await factsOf(core, s, { phone: opts.phone ?? true }));
}

export interface DocumentFile {
  bytes: Buffer;
  /** The Chinese file name, and an ASCII one for clients that cannot read RFC 5987. */
  fileName: string;
  asciiName: string;
  contentType: typeof DOCX_TYPE;
}

/** A document for download, or null when `kind` is not one of those that apply to `s`. */
export async function documentFile(core: Core, s: Subject, kind: string, opts: RenderOptions = {}): Promise<DocumentFile | null> {
  if (!isDocumentKind(kind)) return null;
  const f = await factsOf(core, s, { phone: opts.phone ?? true });
  if (!kindsFor(f).includes(kind)) return null;
  const names = fileNames(kind, f.ref, f.household);
  return { bytes: await build(core, kind, s, f), fileName: names.name, asciiName: names.ascii, contentType: DOCX_TYPE };
}

// --- the chat: the person's documents, with signed links ----------------------------------------

/**
 * Everything a person can download, newest first: their cases (not 人工
 * requests), and bookings about no case of theirs (a booking about a case
 * adds to that case's documents). Only those with documents.
 */
export async function documentsOfUser(core: Core, userKey: string): Promise<{ subject: Subject; documents: DocumentInfo[] }[]> {
  const cases = (await core.cases.listByUser(userKey, 10)).filter((c) => c.kind !== 'enquiry');
  const caseIds = new Set(cases.map((c) => c.id));
  const bookings = (await createBookings(core).listByUser(userKey, 10)).filter(
    (b) => b.status !== 'cancelled' && !(b.linkedCaseId && caseIds.has(b.linkedCaseId)) && !(b.referralCaseId && caseIds.has(b.referralCaseId)),
  );
  const subjects: Subject[] = [...cases, ...bookings].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const out: { subject: Subject; documents: DocumentInfo[] }[] = [];
  for (const s of subjects) {
    const documents = await documentsFor(core, s);
    if (documents.length > 0) out.push({ subject: s, documents });
  }
  return out;
}

/** The documents of one subject with fresh signed download links. */
export function withLinks(core: Core, s: Subject, documents: readonly DocumentInfo[]): Listed {
  const now = core.clock.now().getTime();
  return {
    subject: s,
    documents: documents.map((d) => ({
      title: d.title,
      url: documentLinkUrl(core, signDocumentLink(core.config.TOKEN_SECRET, { type: isCase(s) ? 'case' : 'booking', id: s.id, kind: d.kind }, now)),
    })),
  };
}

/** What `文书` answers: links for one case or booking, a choice among several, or why there are none. */
export async function documentsReply(core: Core, userKey: string, no: string | null): Promise<string> {
  const mine = await documentsOfUser(core, userKey);
  if (no !== null) {
    const n = no.toUpperCase();
    const hit = mine.find((m) => refOf(m.subject) === n);
    if (hit) return DOC_TEXTS.links(withLinks(core, hit.subject, hit.documents), LINK_TTL_SECONDS / 60);
    // Theirs, but nothing to generate (or about a case listed on its own).
    const c = await core.cases.getByNo(n);
    const b = c ? null : await createBookings(core).getByNo(n);
    const own = c ? c.reporter.userKey === userKey : b ? b.userKey === userKey : false;
    if (!own) return DOC_TEXTS.notFound(n);
    const docs = await documentsFor(core, (c ?? b)!);
    return docs.length > 0 ? DOC_TEXTS.links(withLinks(core, (c ?? b)!, docs), LINK_TTL_SECONDS / 60) : DOC_TEXTS.nothingFor(n);
  }
  if (mine.length === 0) return DOC_TEXTS.none;
  if (mine.length === 1) return DOC_TEXTS.links(withLinks(core, mine[0]!.subject, mine[0]!.documents), LINK_TTL_SECONDS / 60);
  return DOC_TEXTS.choose(mine.map((m) => ({ subject: m.subject, documents: m.documents.map((d) => ({ title: d.title, url: '' })) })));
}

export type LinkResult = { ok: true; file: DocumentFile } | { ok: false; reason: 'invalid' | 'expired' | 'gone' };

/**
 * A signed link opened: the document, rendered now from the record (with
 * the owner's own name and phone), or why not. `gone`: the record or the
 * document no longer exists.
 */
export async function openLink(core: Core, token: string): Promise<LinkResult> {
  const v = verifyDocumentLink(core.config.TOKEN_SECRET, token, core.clock.now().getTime());
  if (!v.ok) return v;
  const s: Subject | null = v.type === 'case' ? await core.cases.get(v.id) : await createBookings(core).get(v.id);
  if (!s) return { ok: false, reason: 'gone' };
  const file = await documentFile(core, s, v.kind, { phone: true });
  return file ? { ok: true, file } : { ok: false, reason: 'gone' };
}

/** The line under `进度` when a listed case may have documents (not a 人工 request, not paid in full, withdrawn or settled). */
export function progressHint(cases: readonly Case[]): string | null {
  return cases.some((c) => c.kind !== 'enquiry' && helpOffered(c)) ? DOC_TEXTS.hint : null;
}
