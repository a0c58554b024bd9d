/**
 * The page as arbitration commissions and courts publish their templates:
 * A4, the title centred in 宋体, the body in 仿宋 with two-character first-line
 * indents, parties one field a line, 此致 and the addressee, the signature and
 * date lines on the right, attachments, then a separate page of notes for
 * the worker (填写说明) that is not handed in. Blanks are underscores.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ParagraphChild,
} from 'docx';

/** Half-points: 四号 (14 pt) body, 小二 (18 pt) title. */
const BODY = 28;
const TITLE = 36;
/** One character of body text in twips (14 pt). */
const CHAR = 280;
const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋' };
const TITLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' };

/** A blank to fill in by hand, `n` underscores wide. */
export const blank = (n = 10): string => '_'.repeat(n);
/** A date to fill in by hand. */
export const DATE_BLANK = `${blank(6)}年${blank(3)}月${blank(3)}日`;

/** A piece of text; `bold` for labels. */
export type Piece = string | { text: string; bold?: boolean };
export type Block = Paragraph | Table;

function runs(pieces: readonly Piece[]): ParagraphChild[] {
  return pieces.map((p) => (typeof p === 'string' ? new TextRun(p) : new TextRun({ text: p.text, bold: p.bold ?? false })));
}

const spacing = { line: 440, before: 0, after: 0 };

export function title(text: string, sub?: string): Block[] {
  const out: Block[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: sub ? 120 : 360 },
      children: [new TextRun({ text, bold: true, size: TITLE, font: TITLE_FONT })],
    }),
  ];
  if (sub) out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 360 }, children: [new TextRun(sub)] }));
  return out;
}

/** A line of its own, flush left (parties, labels). */
export function line(...pieces: Piece[]): Paragraph {
  return new Paragraph({ spacing, children: runs(pieces) });
}

/** A party's field: `标签：值`. */
export function field(label: string, value: string): Paragraph {
  return line({ text: `${label}：`, bold: false }, value);
}

/** A section heading (`仲裁请求：`). */
export function heading(text: string): Paragraph {
  return new Paragraph({ spacing: { ...spacing, before: 200 }, children: [new TextRun({ text, bold: true })] });
}

/** Body text with a two-character first-line indent. */
export function para(...pieces: Piece[]): Paragraph {
  return new Paragraph({ spacing, indent: { firstLine: 2 * CHAR }, alignment: AlignmentType.JUSTIFIED, children: runs(pieces) });
}

/** 此致 (indented), then the addressee flush left. */
export function addressee(to: string): Paragraph[] {
  return [
    new Paragraph({ spacing: { ...spacing, before: 360 }, indent: { firstLine: 2 * CHAR }, children: [new TextRun('此致')] }),
    new Paragraph({ spacing, children: [new TextRun(to)] }),
  ];
}

/** The signature and the date, on the right. */
export function signature(who: string): Paragraph[] {
  return [
    new Paragraph({ spacing: { ...spacing, before: 480 }, alignment: AlignmentType.RIGHT, children: [new TextRun(`${who}（签名）：${blank(12)}`)] }),
    new Paragraph({ spacing: { ...spacing, before: 120 }, alignment: AlignmentType.RIGHT, children: [new TextRun(DATE_BLANK)] }),
  ];
}

/** `附：` and the numbered attachments. */
export function attachments(items: readonly string[]): Paragraph[] {
  return [
    new Paragraph({ spacing: { ...spacing, before: 360 }, children: [new TextRun('附：')] }),
    ...items.map((t, i) => new Paragraph({ spacing, indent: { left: 2 * CHAR }, children: [new TextRun(`${i + 1}. ${t}`)] })),
  ];
}

/** A new page headed 填写说明, for the worker only, with numbered notes. */
export function notes(lines: readonly string[]): Paragraph[] {
  return [
    new Paragraph({ children: [new PageBreak()] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: '填写说明（提交时请不要附上这一页）', bold: true })],
    }),
    ...lines.map((t, i) => new Paragraph({ spacing, indent: { left: 2 * CHAR, hanging: 2 * CHAR }, children: [new TextRun({ text: `${i + 1}. ${t}`, size: 24 })] })),
  ];
}

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder };

/** A ruled table, the first row a bold header; `widths` in percent. */
export function table(header: readonly string[], rows: readonly (readonly string[])[], widths: readonly number[]): Table {
  const cell = (text: string, i: number, bold = false) =>
    new TableCell({
      width: { size: widths[i] ?? 10, type: WidthType.PERCENTAGE },
      borders,
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: 60, bottom: 60, left: 80, right: 80 },
      children: [new Paragraph({ alignment: bold || i === 0 ? AlignmentType.CENTER : AlignmentType.LEFT, children: [new TextRun({ text, bold, size: 24 })] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, i, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((t, i) => cell(t, i)) })),
    ],
  });
}

/** A .docx of the blocks: A4, margins as printed forms use. */
export async function pack(docTitle: string, blocks: readonly Block[]): Promise<Buffer> {
  const doc = new Document({
    creator: '工友助手',
    lastModifiedBy: '工友助手',
    title: docTitle,
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1588, right: 1588 } } },
        children: [...blocks],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
