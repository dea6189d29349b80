/**
 * Streaming read of an uploaded .xlsx: the first worksheet, its header row mapped to the kind's
 * columns, then the data rows one by one — 100,000 rows never sit in memory together.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { msg } from '../../../../domain/message';
import { AppError, invalid } from '../../../platform/errors';
import { checkZip } from '../../../platform/zip-guard';
import { type Raw, rawOf, readDate, textOf } from './cells';
import { type ColumnSpec, headerText, type ImportKind, KINDS, normHeader } from './columns';
import { readerFirst } from './zip-order';

/** Beyond this a file is split by the user: one import is one transaction. */
export const MAX_ROWS = 200_000;
/** The header may sit below a title row or two. */
const HEADER_SEARCH_ROWS = 10;

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

export const notXlsx = () =>
  invalid('file', msg('文件不是有效的 Excel (.xlsx) 文件', 'The file is not a valid Excel (.xlsx) workbook'));

export type Cell = Raw | { error: string };
export interface SheetRow {
  /** The row number as Excel shows it. */
  row: number;
  cells: Map<string, Cell>;
}

export interface Sheet {
  kind: ImportKind;
  /** The kind's columns found in the file, by key. */
  present: Set<string>;
  rows: AsyncGenerator<SheetRow>;
}

interface ExcelRow {
  number: number;
  cellCount: number;
  getCell(col: number): { value: unknown };
}

type Reader = AsyncIterable<AsyncIterable<ExcelRow>>;

function newReader(file: Buffer): Reader {
  // `styles: 'ignore'` is faster, and date columns read Excel's day numbers themselves.
  return new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([readerFirst(file)]), {
    sharedStrings: 'cache',
    styles: 'ignore',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  }) as unknown as Reader;
}

function rowTexts(r: ExcelRow): string[] {
  const out: string[] = [];
  for (let c = 1; c <= r.cellCount; c++) {
    const raw = rawOf(r.getCell(c).value);
    out[c] = raw !== null && typeof raw === 'object' ? '' : textOf(raw);
  }
  return out;
}

/** The example row of the template is left in by many users; it is never imported. */
function isExampleRow(columns: ColumnSpec[], cells: Map<string, Cell>): boolean {
  return columns
    .filter((c) => c.required)
    .every((c) => {
      const raw = cells.get(c.key) ?? null;
      if (raw !== null && typeof raw === 'object') return false;
      if (c.type === 'date') {
        const d = readDate(raw);
        return d.ok && d.value === c.example;
      }
      return textOf(raw) === c.example;
    });
}

function missingHeaders(kind: ImportKind, missing: ColumnSpec[]): AppError {
  const names = missing.map((c) => c.header).join('、');
  return invalid(
    'file',
    msg(
      `缺少必填列：${names}。请使用「${KINDS[kind].name.zh}」导入模板，不要修改列名`,
      `Required column(s) missing: ${missing.map((c) => c.header).join(', ')}. Use the ${KINDS[kind].name.en} template`,
    ),
  );
}

/**
 * Opens the first worksheet and checks the header before any row is read: a file that is not an
 * .xlsx, or lacks a required column, is refused at once.
 */
export async function openSheet(bytes: Uint8Array | null, kind: ImportKind): Promise<Sheet> {
  if (!bytes) {
    throw new AppError(
      410,
      'file_gone',
      msg('上传的文件已不存在，请重新上传', 'The uploaded file is no longer kept: upload it again'),
    );
  }
  // The bytea column reads back as a Uint8Array on PGlite (copied: it may be a view on memory the
  // driver reuses) and as a Buffer of its own on PostgreSQL.
  const file = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes);
  if (file.subarray(0, 4).equals(OLE_MAGIC)) {
    throw invalid(
      'file',
      msg(
        '这是旧版 Excel (.xls) 文件，请在 Excel 中另存为 .xlsx 后再上传',
        'This is a legacy .xls workbook: save it as .xlsx in Excel and upload again',
      ),
    );
  }
  if (!file.subarray(0, 4).equals(ZIP_MAGIC)) throw notXlsx();
  await checkZip(file);
  const spec = KINDS[kind];
  let rowsIt: AsyncIterator<ExcelRow>;
  const byColumn: (ColumnSpec | undefined)[] = [];
  let header: string[] | null = null;
  try {
    const sheet = await newReader(file)[Symbol.asyncIterator]().next();
    if (sheet.done) throw notXlsx();
    rowsIt = sheet.value[Symbol.asyncIterator]();
    for (let i = 0; i < HEADER_SEARCH_ROWS && !header; i++) {
      const next = await rowsIt.next();
      if (next.done) break;
      const texts = rowTexts(next.value);
      const known = new Map(spec.columns.map((c) => [normHeader(c.header), c]));
      if (texts.some((t) => t && known.has(normHeader(t)))) {
        header = texts;
        texts.forEach((t, idx) => {
          byColumn[idx] = t ? known.get(normHeader(t)) : undefined;
        });
      }
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    // The reader's own error is kept as the cause, so a background job logs it.
    throw Object.assign(notXlsx(), { cause: e });
  }
  const present = new Set(byColumn.filter((c) => c !== undefined).map((c) => c.key));
  const missing = spec.columns.filter((c) => c.required && !present.has(c.key));
  if (missing.length > 0) throw missingHeaders(kind, missing);

  async function* rows(): AsyncGenerator<SheetRow> {
    let count = 0;
    for (;;) {
      const next = await rowsIt.next().catch((e) => {
        throw Object.assign(damaged(), { cause: e });
      });
      if (next.done) return;
      const r = next.value;
      const cells = new Map<string, Cell>();
      for (let c = 1; c < byColumn.length; c++) {
        const column = byColumn[c];
        if (!column || cells.has(column.key)) continue;
        const raw = rawOf(r.getCell(c).value);
        if (raw !== null && !(typeof raw === 'string' && textOf(raw) === '')) cells.set(column.key, raw);
      }
      if (cells.size === 0 || isExampleRow(spec.columns, cells)) continue;
      if (++count > MAX_ROWS) throw tooManyRows();
      yield { row: r.number, cells };
    }
  }
  return { kind, present, rows: rows() };
}

const damaged = () =>
  invalid(
    'file',
    msg(
      '文件内容已损坏，无法读完：请在 Excel 中打开并另存为 .xlsx 后重新上传',
      'The file is damaged and cannot be read to the end: open it in Excel, save it as .xlsx and upload again',
    ),
  );

const tooManyRows = () =>
  new AppError(
    400,
    'too_many_rows',
    msg(
      `一次最多导入 ${MAX_ROWS.toLocaleString('en')} 行，请拆分文件后分批导入`,
      `At most ${MAX_ROWS.toLocaleString('en')} rows per import: split the file`,
    ),
  );

/** The header row of a kind's template, as written. */
export const templateHeaders = (kind: ImportKind) => KINDS[kind].columns.map(headerText);
