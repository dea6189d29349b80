/**
 * Excel import of reported values: every row is checked first (each problem named by row and
 * column); only a file without any problem is written, all rows in one transaction with one audit
 * entry. A row for a figure that already has a current value corrects it (the old value stays as
 * history).
 */
import ExcelJS from 'exceljs';
import type { ImportRowError } from '../../../domain/contracts/plan';
import { type Msg, msg } from '../../../domain/message';
import type { Actor } from '../../platform/actor';
import { type AuditContext, writeAudit } from '../../platform/audit';
import type { Deps } from '../../platform/deps';
import { invalid } from '../../platform/errors';
import { CONTROL_IN_TEXT } from '../../platform/input-guard';
import { type Scope, scopeOf } from '../../platform/scope';
import { checkZip, XLSX_LIMITS } from '../../platform/zip-guard';
import { CATALOGUE } from './catalogue';
import {
  indicatorProblem,
  type ReportedBody,
  regionProblem,
  valueProblem,
  writeReported,
} from './reported-service';
import { IMPORT_COLUMNS, type ImportColumn } from './reported-template';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
const MAX_ROWS = 5000;
const MAX_ERRORS = 500;
/** The whole workbook is loaded in memory: 5,000 rows inflate to a few megabytes. */
const ZIP_LIMITS = { ...XLSX_LIMITS, maxTotalBytes: 64 * 1024 * 1024 };
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

type Key = ImportColumn['key'];
type Cells = Partial<Record<Key, unknown>>;

const norm = (s: string) => s.replace(/[\s\u3000*＊]/g, '');

/** A cell as plain text ('' when empty); dates as YYYY-MM-DD. */
function textOf(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText))
      return (o.richText as { text?: string }[]).map((p) => p.text ?? '').join('');
    if ('result' in o) return textOf(o.result);
    if (typeof o.text === 'string') return o.text;
    return '';
  }
  return String(v)
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .trim();
}

function readDate(v: unknown): string | null | Msg {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number' && v > 0 && v < 100000) {
    return new Date(Date.UTC(1899, 11, 30) + Math.round(v) * 86_400_000).toISOString().slice(0, 10);
  }
  const s = textOf(v);
  if (s === '') return null;
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  const iso = m && `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  if (
    !iso ||
    Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) ||
    new Date(iso).toISOString().slice(0, 10) !== iso
  )
    return msg(`「${s}」不是有效日期（如 2017-02-15）`, `"${s}" is not a valid date (e.g. 2017-02-15)`);
  return iso;
}

function readValue(v: unknown): string | Msg {
  // A number cell is rounded to 4 decimals: Excel arithmetic leaves float noise (0.1 + 0.2).
  const s =
    typeof v === 'number' && Math.abs(v) < 1e16
      ? String(Number(v.toFixed(4)))
      : textOf(v).replace(/[,，\s]/g, '');
  if (!/^-?\d{1,16}(\.\d{1,4})?$/.test(s))
    return msg(
      `「${textOf(v)}」不是数值（最多4位小数，不带单位）`,
      `"${textOf(v)}" is not a number (≤ 4 decimals, no unit)`,
    );
  return valueProblem(s) ?? s;
}

/** The indicator by code or Chinese name. */
function indicatorCodeOf(text: string): string {
  return CATALOGUE.find((i) => i.code === text || i.name === text)?.code ?? text;
}

function readRow(deps: Deps, scope: Scope, cells: Cells): { body?: ReportedBody; errors: [Key, Msg][] } {
  const errors: [Key, Msg][] = [];
  // Refused before anything else reads the cell: PostgreSQL refuses NUL, and messages echo text.
  const control = IMPORT_COLUMNS.filter((c) => CONTROL_IN_TEXT.test(textOf(cells[c.key])));
  if (control.length > 0) {
    const m = msg(
      '含有不允许的控制字符（如 NUL）',
      'contains a control character (such as NUL) that is not allowed',
    );
    return { errors: control.map((c) => [c.key, m]) };
  }
  for (const c of IMPORT_COLUMNS)
    if (c.required && textOf(cells[c.key]) === '') errors.push([c.key, msg('必填', 'is required')]);
  const code = indicatorCodeOf(textOf(cells.indicatorCode));
  const codeProblem = code ? indicatorProblem(code) : null;
  if (codeProblem) errors.push(['indicatorCode', codeProblem]);
  const yearText = textOf(cells.year);
  const year = Number(yearText);
  if (yearText && !(Number.isInteger(year) && year >= 2000 && year <= 2100))
    errors.push([
      'year',
      msg(`「${yearText}」不是 2000—2100 的年份`, `"${yearText}" is not a year 2000–2100`),
    ]);
  const regionText = textOf(cells.region);
  const region = regionText ? deps.regions.find(regionText) : undefined;
  if (regionText && !region)
    errors.push(['region', msg(`区域「${regionText}」不存在`, `No region "${regionText}"`)]);
  const rp = region ? regionProblem(deps.regions, scope, region.code) : null;
  if (rp) errors.push(['region', rp]);
  const value = textOf(cells.value) === '' ? null : readValue(cells.value);
  if (value !== null && typeof value !== 'string') errors.push(['value', value]);
  const source = textOf(cells.source);
  if (source && (source.length < 2 || source.length > 300))
    errors.push(['source', msg('来源应为 2—300 个字符', 'The source must be 2–300 characters')]);
  const sourceDate = readDate(cells.sourceDate);
  if (sourceDate !== null && typeof sourceDate !== 'string') errors.push(['sourceDate', sourceDate]);
  const vintage = textOf(cells.vintage) || null;
  if (vintage && vintage.length > 100)
    errors.push(['vintage', msg('长度不得超过 100 个字符', 'must be at most 100 characters')]);
  const note = textOf(cells.note) || null;
  if (note && note.length > 500)
    errors.push(['note', msg('长度不得超过 500 个字符', 'must be at most 500 characters')]);
  if (errors.length > 0) return { errors };
  return {
    errors,
    body: {
      indicatorCode: code,
      year,
      regionCode: region!.code,
      value: value as string,
      source,
      sourceDate: sourceDate as string | null,
      vintage,
      note,
    },
  };
}

/** Reads and checks the whole file; answers the rows to write, or every problem found. */
export async function readReportedFile(deps: Deps, actor: Actor, file: Buffer) {
  if (!file.subarray(0, 4).equals(ZIP_MAGIC))
    throw invalid(
      'file',
      msg('文件不是有效的 Excel (.xlsx) 文件', 'The file is not a valid Excel (.xlsx) workbook'),
    );
  await checkZip(file, ZIP_LIMITS);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as never);
  } catch {
    throw invalid(
      'file',
      msg('文件不是有效的 Excel (.xlsx) 文件', 'The file is not a valid Excel (.xlsx) workbook'),
    );
  }
  const ws = wb.worksheets[0];
  if (!ws) throw invalid('file', msg('文件中没有工作表', 'The workbook has no worksheet'));
  let headerRow = 0;
  const colOf = new Map<Key, number>();
  for (let r = 1; r <= Math.min(ws.rowCount, 5) && headerRow === 0; r++) {
    ws.getRow(r).eachCell((cell, n) => {
      const c = IMPORT_COLUMNS.find((x) => norm(x.header) === norm(textOf(cell.value)));
      if (c) colOf.set(c.key, n);
    });
    if (colOf.has('indicatorCode')) headerRow = r;
    else colOf.clear();
  }
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !colOf.has(c.key));
  if (headerRow === 0 || missing.length > 0) {
    const names = (missing.length ? missing : IMPORT_COLUMNS.filter((c) => c.required)).map((c) => c.header);
    throw invalid(
      'file',
      msg(
        `缺少必填列：${names.join('、')}。请使用导入模板`,
        `Missing column(s): ${names.join(', ')}. Use the template`,
      ),
    );
  }
  const scope = scopeOf(actor, deps.regions);
  const rows: ReportedBody[] = [];
  const errors: ImportRowError[] = [];
  const seen = new Map<string, number>();
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: Cells = {};
    for (const [key, n] of colOf) cells[key] = row.getCell(n).value;
    if (IMPORT_COLUMNS.every((c) => textOf(cells[c.key]) === '')) continue;
    if (rows.length + errors.length >= MAX_ROWS)
      throw invalid('file', msg(`一次最多导入 ${MAX_ROWS} 行`, `At most ${MAX_ROWS} rows per import`));
    const read = readRow(deps, scope, cells);
    const column = (k: Key) => IMPORT_COLUMNS.find((c) => c.key === k)!.header;
    for (const [k, m] of read.errors) errors.push({ row: r, column: column(k), message: m });
    if (!read.body) continue;
    const key = `${read.body.indicatorCode}|${read.body.year}|${read.body.regionCode}`;
    const first = seen.get(key);
    if (first) {
      errors.push({
        row: r,
        column: column('indicatorCode'),
        message: msg(
          `与第 ${first} 行的指标、年度、区域重复`,
          `Same indicator, year and region as row ${first}`,
        ),
      });
    } else seen.set(key, r);
    rows.push(read.body);
  }
  if (rows.length === 0 && errors.length === 0)
    throw invalid('file', msg('文件中没有数据行', 'The file holds no data rows'));
  return { rows, errors: errors.slice(0, MAX_ERRORS), errorCount: errors.length };
}

/** Writes the checked rows in one transaction with one audit entry. */
export async function commitReported(deps: Deps, ctx: AuditContext, actor: Actor, rows: ReportedBody[]) {
  return deps.db.transaction(async (tx) => {
    const { inserted, superseded } = await writeReported(tx, rows, actor.username);
    await writeAudit(tx, ctx, {
      action: 'plan.reported-value.import',
      targetType: 'reported_value',
      before: { superseded: superseded.map((r) => [r.id, r.indicatorCode, r.year, r.regionCode, r.value]) },
      after: {
        imported: inserted.length,
        rows: inserted.map((r) => [r.id, r.indicatorCode, r.year, r.regionCode, r.value, r.source]),
      },
    });
    return { imported: inserted.length, superseded: superseded.length };
  });
}
