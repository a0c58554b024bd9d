/**
 * The legal documents we can pre-fill, as people and courts call them. The
 * ids are what URLs carry (`…/documents/arbitration`).
 */
export const DOCUMENT_KINDS = ['arbitration', 'complaint', 'support', 'enforcement', 'evidence'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export function isDocumentKind(s: string): s is DocumentKind {
  return (DOCUMENT_KINDS as readonly string[]).includes(s);
}

/** The title printed on the document. */
export const DOCUMENT_TITLES: Record<DocumentKind, string> = {
  arbitration: '劳动人事争议仲裁申请书',
  complaint: '民事起诉状',
  support: '支持起诉申请书',
  enforcement: '强制执行申请书',
  evidence: '证据清单',
};

/** What a person reads in a list and in the file name (`劳动仲裁申请书-QX20261121-0001.docx`). */
export const DOCUMENT_NAMES: Record<DocumentKind, string> = {
  arbitration: '劳动仲裁申请书',
  complaint: '民事起诉状（追索劳动报酬）',
  support: '支持起诉申请书',
  enforcement: '强制执行申请书',
  evidence: '证据清单',
};

/** The media type of a .docx file. */
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** What a person reads in a list: the complaint about household service claims 劳务报酬. */
export function documentName(kind: DocumentKind, household = false): string {
  return kind === 'complaint' && household ? '民事起诉状（追索劳务报酬）' : DOCUMENT_NAMES[kind];
}

/** `劳动仲裁申请书-QX20261121-0001.docx`; the ASCII name for old clients: `arbitration-QX20261121-0001.docx`. */
export function fileNames(kind: DocumentKind, ref: string, household = false): { name: string; ascii: string } {
  return { name: `${documentName(kind, household)}-${ref}.docx`, ascii: `${kind}-${ref.replace(/[^A-Za-z0-9-]/g, '')}.docx` };
}
