/**
 * The pieces of the bureau's Word layout that every generated document shares: 宋体/黑体 with
 * Times New Roman for Latin letters and digits, and tables whose header row is shaded and repeated
 * on each page, columns sharing the text width by weight, numbers aligned right.
 */
import {
  AlignmentType,
  type IParagraphOptions,
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
