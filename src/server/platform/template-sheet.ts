/**
 * The first sheet of an uploaded import template, with the column each of the template's headers
 * stands in: an unreadable file, a workbook without a sheet or a missing column is refused naming
 * `file` (the header's order may differ from the template's).
 */
import ExcelJS from 'exceljs';
import { msg } from '../../domain/message';
import { rawOf, textOf } from '../modules/registry/import/cells';
import { invalid } from './errors';

export async function openTemplateSheet<C extends string>(file: Buffer, columns: readonly C[]) {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw invalid(
      'file',
      msg('无法读取该文件：请上传 .xlsx 工作簿', 'Cannot read the file: upload an .xlsx workbook'),
    );
  }
  const ws = wb.worksheets[0];
  if (!ws) throw invalid('file', msg('工作簿没有工作表', 'The workbook has no sheet'));
  const header = (ws.getRow(1).values as unknown[]).slice(1).map((v) => textOf(rawOf(v) as string));
  const index = new Map<C, number>();
  for (const col of columns) {
    const i = header.indexOf(col);
    if (i < 0)
      throw invalid(
        'file',
        msg(`缺少列「${col}」：请使用导入模板`, `Column "${col}" is missing: use the template`),
      );
    index.set(col, i + 1);
  }
  return { ws, index };
}
