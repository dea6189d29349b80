/**
 * A one-table Word document in the bureau's layout (A4, 宋体 body with Times New Roman for Latin
 * letters and digits, 黑体 title, a header row repeated on each page): the ranking and the
 * publicity list (公示名单).
 */
import {
  AlignmentType,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';

const LATIN = 'Times New Roman';
const font = (eastAsia: string) => ({ ascii: LATIN, hAnsi: LATIN, cs: LATIN, eastAsia });
/** Half-points: 二号 22pt title, 小四 12pt body, 五号 10.5pt table. */
const SIZE = { title: 44, body: 24, table: 21 };
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

function cell(text: string, width: number, header: boolean, numeric: boolean): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    shading: header ? { type: ShadingType.CLEAR, fill: 'E7E6E6', color: 'auto' } : undefined,
    children: [
      new Paragraph({
        alignment: header ? AlignmentType.CENTER : numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [
          new TextRun({ text, size: SIZE.table, bold: header, font: header ? font('黑体') : undefined }),
        ],
      }),
    ],
  });
}

export function renderTableDocx(doc: TableDoc): Promise<Buffer> {
  const total = doc.weights.reduce((s, w) => s + w, 0);
  const widths = doc.weights.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  widths[widths.length - 1] += TEXT_WIDTH - widths.reduce((s, w) => s + w, 0);
  const text = (t: string) =>
    new Paragraph({
      alignment: AlignmentType.BOTH,
      indent: { firstLine: 480 },
      spacing: { line: 360, after: 120 },
      children: [new TextRun(t)],
    });
  const table = new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: doc.header.map((h, i) => cell(h, widths[i], true, false)),
      }),
      ...doc.rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: r.map((c, i) => cell(c, widths[i], false, doc.numeric[i])),
          }),
      ),
    ],
  });
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
