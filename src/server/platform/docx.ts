/**
 * The pieces of the bureau's Word layout that every generated document shares: 宋体/黑体 with
 * Times New Roman for Latin letters and digits, and tables whose header row is shaded and repeated
 * on each page, columns sharing the text width by weight, numbers aligned right.
 */

import {
  AlignmentType,
  Document,
  type FileChild,
  ImageRun,
  type IParagraphOptions,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import QRCode from 'qrcode';

const LATIN = 'Times New Roman';
export const font = (eastAsia: string) => ({ ascii: LATIN, hAnsi: LATIN, cs: LATIN, eastAsia });

/** 五号 10.5pt, in half-points: the size of table text. */
const TABLE_SIZE = 21;

export interface OfficeTable {
  header: string[];
  rows: string[][];
  /** Columns aligned right (amounts, scores). */
  numeric: boolean[];
  /** Relative column widths. */
  weights: number[];
  /** The text width in twips, which the table fills. */
  width: number;
  /** Line spacing inside the cells, where the document's default is too loose for a table. */
  spacing?: IParagraphOptions['spacing'];
}

function cell(text: string, width: number, header: boolean, numeric: boolean, t: OfficeTable): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    shading: header ? { type: ShadingType.CLEAR, fill: 'E7E6E6', color: 'auto' } : undefined,
    children: [
      new Paragraph({
        spacing: t.spacing,
        alignment: header ? AlignmentType.CENTER : numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [
          new TextRun({ text, size: TABLE_SIZE, bold: header, font: header ? font('黑体') : undefined }),
        ],
      }),
    ],
  });
}

/** A table over the text width; the last column takes what rounding leaves over. */
export function officeTable(t: OfficeTable): Table {
  const total = t.weights.reduce((a, b) => a + b, 0);
  const widths = t.weights.map((w) => Math.floor((w / total) * t.width));
  widths[widths.length - 1] += t.width - widths.reduce((a, b) => a + b, 0);
  return new Table({
    width: { size: t.width, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: t.header.map((h, i) => cell(h, widths[i], true, false, t)),
      }),
      ...t.rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: r.map((c, i) => cell(c, widths[i], false, t.numeric[i], t)),
          }),
      ),
    ],
  });
}

/** A4 with the bureau's margins: the width text and tables may fill, in twips. */
export const A4_TEXT_WIDTH = 11906 - 2 * 1588;

/** A paragraph of a filed document: 宋体, or 黑体 when bold; sizes in half-points. */
export function docPara(text: string, opts: { bold?: boolean; size?: number; center?: boolean } = {}) {
  return new Paragraph({
    alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { line: 360, after: 120 },
    children: [
      new TextRun({ text, bold: opts.bold, size: opts.size, font: opts.bold ? font('黑体') : undefined }),
    ],
  });
}

/**
 * The 电子核验 block that lets anyone check a generated document without a stamp: the lines that
 * identify it, the public verification address and its QR code, and what the check confirms.
 */
export async function verificationBlock(url: string, lines: string[], note: string): Promise<Paragraph[]> {
  const qr = await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 240 });
  return [
    docPara('电子核验', { bold: true, size: 28 }),
    ...lines.map((l) => docPara(l)),
    docPara(`核验地址：${url}`),
    new Paragraph({
      children: [new ImageRun({ type: 'png', data: qr, transformation: { width: 120, height: 120 } })],
    }),
    docPara(note),
  ];
}

/** A one-section A4 document in the bureau's layout (12pt 宋体), as a .docx file. */
export function a4Docx(title: string, children: FileChild[]): Promise<Buffer> {
  const document = new Document({
    title,
    creator: '科创平台',
    styles: {
      default: {
        document: { run: { font: font('宋体'), size: 24, language: { value: 'en-US', eastAsia: 'zh-CN' } } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1440, bottom: 1440, left: 1588, right: 1588 },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
