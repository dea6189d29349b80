/**
 * The Word layout of the annual summary: A4, 宋体 body (Times New Roman for Latin letters and
 * digits), 黑体 headings, first-line indent of two characters, tables with a repeated header row,
 * page numbers in the footer. It arranges the text of a SummaryDoc and computes nothing.
 */
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  type Table,
  TextRun,
} from 'docx';
import { font, officeTable } from '../../platform/docx';
import type { SummaryDoc, SummaryTable } from './summary-model';

const SONG = '宋体';
const HEI = '黑体';

/** Sizes in half-points: 二号 22pt, 三号 16pt, 四号 14pt, 小四 12pt, 五号 10.5pt. */
const SIZE = { title: 44, h1: 32, h2: 28, body: 24, small: 21 };

/** A4 in twips, with the margins of a Chinese office document. */
const PAGE = { width: 11906, height: 16838, top: 1440, bottom: 1440, left: 1588, right: 1474 };
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

function body(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.BOTH,
    indent: { firstLineChars: 200, firstLine: 480 },
    children: [new TextRun(text)],
  });
}

function heading(text: string, level: 1 | 2): Paragraph {
  return new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    children: [new TextRun(text)],
  });
}

/** A table over the text width; `weights` share the width out among the columns. */
function table(t: SummaryTable, weights: number[]): Table {
  return officeTable({ ...t, weights, width: TEXT_WIDTH, spacing: { line: 260, before: 0, after: 0 } });
}

function centred(text: string, size: number, eastAsia = SONG): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 120 },
    children: [new TextRun({ text, size, font: font(eastAsia) })],
  });
}

const spacer = () => new Paragraph({ spacing: { after: 0, line: 240 }, children: [] });

function children(doc: SummaryDoc): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.title)] }),
    centred(doc.subtitle, SIZE.small, '楷体'),
    spacer(),
    body(doc.intro),
  ];
  for (const s of doc.sections) {
    out.push(heading(s.heading, 1));
    for (const p of s.paragraphs) out.push(body(p));
  }
  out.push(heading(doc.tableHeading, 1), table(doc.table, [32, 12, 9, 12, 10, 25]));
  out.push(
    new Paragraph({
      pageBreakBefore: true,
      heading: HeadingLevel.HEADING_1,
      children: [new TextRun(doc.appendixHeading)],
    }),
    heading(doc.notesHeading, 2),
    ...doc.notes.map((n, i) => body(`${i + 1}. ${n}`)),
    body(`${doc.notes.length + 1}. 计算类及派生指标的定义如下：`),
    ...doc.definitions.map(
      ([name, def]) =>
        new Paragraph({
          alignment: AlignmentType.BOTH,
          indent: { left: 480 },
          spacing: { line: 300 },
          children: [
            new TextRun({ text: `${name}：`, bold: true, font: font(HEI), size: SIZE.small }),
            new TextRun({ text: def, size: SIZE.small }),
          ],
        }),
    ),
    heading(doc.checksHeading, 2),
    body(doc.checksIntro),
  );
  if (doc.checks) out.push(table(doc.checks, [40, 26, 16, 12]), spacer());
  if (doc.checksSummary) out.push(body(doc.checksSummary));
  return out;
}

/** Packs the summary into a .docx. */
export function renderSummaryDocx(doc: SummaryDoc): Promise<Buffer> {
  const headingStyle = (size: number, before: number, after: number) => ({
    run: { font: font(HEI), size, bold: false, color: '000000' },
    paragraph: { spacing: { before, after, line: 360 }, keepNext: true, keepLines: true },
  });
  const document = new Document({
    title: doc.title,
    creator: '科创平台',
    description: doc.subtitle,
    styles: {
      default: {
        document: {
          run: { font: font(SONG), size: SIZE.body, language: { value: 'en-US', eastAsia: 'zh-CN' } },
          paragraph: { spacing: { line: 360, before: 0, after: 0 } },
        },
        title: {
          run: { font: font(HEI), size: SIZE.title, bold: false, color: '000000' },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240, line: 360 } },
        },
        heading1: headingStyle(SIZE.h1, 240, 120),
        heading2: headingStyle(SIZE.h2, 160, 80),
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: SIZE.small })],
              }),
            ],
          }),
        },
        children: children(doc),
      },
    ],
  });
  return Packer.toBuffer(document);
}
