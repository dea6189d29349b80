/**
 * A one-table Word document in the bureau's layout (A4, 宋体 body with Times New Roman for Latin
 * letters and digits, 黑体 title, a header row repeated on each page): the ranking and the
 * publicity list (公示名单).
 */
import { AlignmentType, Document, Packer, PageOrientation, Paragraph, TextRun } from 'docx';
import { font, officeTable } from '../../../platform/docx';

/** Half-points: 二号 22pt title, 小四 12pt body (tables are 五号, see platform/docx). */
const SIZE = { title: 44, body: 24 };
/** A4 landscape in twips, with the margins of a Chinese office document. */
const PAGE = { width: 16838, height: 11906, margin: 1440 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

export interface TableDoc {
  title: string;
  paragraphs: string[];
  header: string[];
  rows: string[][];
  /** Relative column widths. */
  weights: number[];
  /** Columns aligned right (amounts, scores). */
  numeric: boolean[];
  closing?: string[];
}

export function renderTableDocx(doc: TableDoc): Promise<Buffer> {
  const text = (t: string) =>
    new Paragraph({
      alignment: AlignmentType.BOTH,
      indent: { firstLine: 480 },
      spacing: { line: 360, after: 120 },
      children: [new TextRun(t)],
    });
  const table = officeTable({ ...doc, width: TEXT_WIDTH });
  const document = new Document({
    title: doc.title,
    creator: '科创平台',
    styles: {
      default: {
        document: {
          run: { font: font('宋体'), size: SIZE.body, language: { value: 'en-US', eastAsia: 'zh-CN' } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.height, height: PAGE.width, orientation: PageOrientation.LANDSCAPE },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [new TextRun({ text: doc.title, size: SIZE.title, font: font('黑体') })],
          }),
          ...doc.paragraphs.map(text),
          table,
          ...(doc.closing ?? []).map(text),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
