/** Streaming read of a patent spreadsheet: the first worksheet, its header found, rows one by one. */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { msg } from '../../../domain/message';
import { AppError, invalid } from '../../platform/errors';
import { checkZip } from '../../platform/zip-guard';
import { type Raw, rawOf, textOf } from '../registry/import/cells';
import { readerFirst } from '../registry/import/zip-order';
import { COLUMNS, type ColumnKey, headerMap, REQUIRED } from './import-rows';

interface ExcelRow {
  number: number;
  cellCount: number;
  getCell(col: number): { value: unknown };
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
export const MAX_ROWS = 200_000;

const notXlsx = () =>
  invalid('file', msg('文件不是有效的 Excel (.xlsx) 文件', 'The file is not a valid Excel (.xlsx) workbook'));

const cellRaw = (r: ExcelRow, c: number): Raw => {
  const raw = rawOf(r.getCell(c).value);
  return raw !== null && typeof raw === 'object' ? null : raw;
};

export interface PatentSheetRow {
  row: number;
  cell: (key: ColumnKey) => Raw;
}

/** Opens the sheet and finds its header in the first ten rows; refuses a file without the columns. */
export async function openPatentSheet(file: Buffer): Promise<AsyncGenerator<PatentSheetRow>> {
  if (!file.subarray(0, 4).equals(ZIP_MAGIC)) throw notXlsx();
  await checkZip(file);
  let rowsIt: AsyncIterator<ExcelRow>;
  let columns: Map<ColumnKey, number> | null = null;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([readerFirst(file)]), {
      sharedStrings: 'cache',
      styles: 'ignore',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    }) as unknown as AsyncIterable<AsyncIterable<ExcelRow>>;
    const sheet = await reader[Symbol.asyncIterator]().next();
    if (sheet.done) throw notXlsx();
    rowsIt = sheet.value[Symbol.asyncIterator]();
    for (let i = 0; i < 10 && !columns; i++) {
      const next = await rowsIt.next();
      if (next.done) break;
      const texts: string[] = [];
      for (let c = 1; c <= next.value.cellCount; c++) texts[c] = textOf(cellRaw(next.value, c));
      columns = headerMap(texts);
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw Object.assign(notXlsx(), { cause: e });
  }
  if (!columns) {
    const names = REQUIRED.map((k) => COLUMNS[k][0]).join('、');
    throw invalid(
      'file',
      msg(`未找到表头：必须包含 ${names} 列`, `No header row found: the columns ${names} are required`),
    );
  }
  const found = columns;
  async function* rows(): AsyncGenerator<PatentSheetRow> {
    let count = 0;
    for (;;) {
      const next = await rowsIt.next();
      if (next.done) return;
      const r = next.value;
      const get = (key: ColumnKey): Raw => {
        const c = found.get(key);
        return c === undefined ? null : cellRaw(r, c);
      };
      if (REQUIRED.every((k) => textOf(get(k)) === '')) continue;
      if (++count > MAX_ROWS) {
        throw invalid(
          'file',
          msg(
            `一次最多导入 ${MAX_ROWS} 行，请拆分文件`,
            `At most ${MAX_ROWS} rows per import: split the file`,
          ),
        );
      }
      yield { row: r.number, cell: get };
    }
  }
  return rows();
}
