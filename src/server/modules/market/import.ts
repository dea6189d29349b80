/**
 * Excel import of achievements (蓝火计划 batches arrive as spreadsheets): every row checked, each
 * error named by row and column in both languages; nothing is written unless every row is right
 * (one import is one transaction). Imported achievements are published: staff vetted the batch.
 */
import ExcelJS from 'exceljs';
import type { ImportResult } from '../../../domain/contracts/market';
import { validatePatentNumber, validateUscc } from '../../../domain/identifiers';
import {
  MARKET_FIELD_CODES,
  MARKET_FIELD_NAMES,
  MATURITY_CODES,
  MATURITY_NAMES,
  SOURCE_CODES,
  SOURCE_NAMES,
  TRANSFER_MODE_CODES,
  TRANSFER_MODE_NAMES,
} from '../../../domain/market';
import { type Msg, msg } from '../../../domain/message';
import type { marketAchievements } from '../../db/schema';
import { invalid } from '../../platform/errors';
import { checkZip } from '../../platform/zip-guard';
import { achievementVector, vectorLength } from './text';

/** The template's columns, in order: the header the bureau's spreadsheets use. */
export const IMPORT_COLUMNS = [
  { key: 'title', header: '成果名称', required: true },
  { key: 'uscc', header: '成果单位统一社会信用代码', required: true },
  { key: 'inventors', header: '完成人' },
  { key: 'field', header: '技术领域', required: true },
  { key: 'maturity', header: '成熟度', required: true },
  { key: 'modes', header: '转化方式', required: true },
  { key: 'price', header: '价格（万元）' },
  { key: 'patents', header: '专利申请号' },
  { key: 'abstract', header: '成果简介' },
  { key: 'keywords', header: '关键词' },
  { key: 'source', header: '来源' },
  { key: 'batch', header: '批次' },
] as const;
type Key = (typeof IMPORT_COLUMNS)[number]['key'];

export const MAX_IMPORT_ROWS = 5000;

const list = (s: string) =>
  s
    .split(/[、,，;；\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

function byName<C extends string>(codes: readonly C[], names: Record<C, Msg>, text: string): C | undefined {
  return codes.find(
    (c) => c === text || names[c].zh === text || names[c].en.toLowerCase() === text.toLowerCase(),
  );
}

export interface ParsedRow {
  row: number;
  uscc: string;
  values: Omit<typeof marketAchievements.$inferInsert, 'ownerOrgId' | 'regionCode'>;
  vector: Map<string, number>;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v)
    return v.richText
      .map((p) => p.text)
      .join('')
      .trim();
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '').trim();
  if (typeof v === 'object' && 'text' in v) return String(v.text).trim();
  return String(v).trim();
}

/** Reads and checks the sheet; the rows and every error found. */
export async function parseAchievementSheet(file: Buffer, today: string) {
  await checkZip(file);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw invalid(
      'file',
      msg('文件不是有效的 Excel (.xlsx) 文件', 'The file is not a valid Excel (.xlsx) workbook'),
    );
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw invalid('file', msg('文件中没有工作表', 'The workbook has no sheet'));
  const header = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => header.set(cellText(cell.value), col));
  const missing = IMPORT_COLUMNS.filter((c) => 'required' in c && !header.has(c.header)).map((c) => c.header);
  if (missing.length > 0) {
    throw invalid('file', msg(`缺少列：${missing.join('、')}`, `Missing columns: ${missing.join(', ')}`));
  }
  if (sheet.rowCount - 1 > MAX_IMPORT_ROWS) {
    throw invalid(
      'file',
      msg(`一次最多导入 ${MAX_IMPORT_ROWS} 行`, `At most ${MAX_IMPORT_ROWS} rows per import`),
    );
  }
  const errors: ImportResult['errors'] = [];
  const rows: ParsedRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const get = (key: Key) => {
      const col = header.get(IMPORT_COLUMNS.find((c) => c.key === key)!.header);
      return col ? cellText(row.getCell(col).value) : '';
    };
    if (IMPORT_COLUMNS.every((c) => get(c.key) === '')) continue;
    const fail = (key: Key, zh: string, en: string) =>
      errors.push({
        row: r,
        column: IMPORT_COLUMNS.find((c) => c.key === key)!.header,
        message: msg(zh, en),
      });
    const before = errors.length;
    const title = get('title');
    if (!title) fail('title', '成果名称必填', 'The title is required');
    else if (title.length > 120)
      fail('title', '成果名称不超过 120 字', 'The title is at most 120 characters');
    const usccCheck = validateUscc(get('uscc'));
    if (!usccCheck.ok) fail('uscc', usccCheck.reason.zh, usccCheck.reason.en);
    const field = byName(MARKET_FIELD_CODES, MARKET_FIELD_NAMES, get('field'));
    if (!field)
      fail('field', `技术领域“${get('field')}”不在目录中`, `Field "${get('field')}" is not in the list`);
    const maturity = byName(MATURITY_CODES, MATURITY_NAMES, get('maturity'));
    if (!maturity)
      fail(
        'maturity',
        '成熟度应为 实验室/小试/中试/产业化',
        'Maturity must be lab, small trial, pilot or industrialised',
      );
    const modes = list(get('modes')).map((m) => byName(TRANSFER_MODE_CODES, TRANSFER_MODE_NAMES, m));
    if (modes.length === 0 || modes.some((m) => !m)) {
      fail(
        'modes',
        '转化方式应为 转让、许可、作价入股、合作开发、技术服务 中的一项或多项',
        'Transfer modes: transfer, licence, equity, joint development, service',
      );
    }
    const priceText = get('price');
    const price = priceText === '' || priceText === '面议' ? null : priceText;
    if (price !== null && !/^\d{1,12}(\.\d{1,2})?$/.test(price)) {
      fail(
        'price',
        '价格应为最多两位小数的万元数，或“面议”',
        'Price: 10k yuan with at most two decimals, or 面议',
      );
    }
    const patents: string[] = [];
    for (const no of list(get('patents'))) {
      const p = validatePatentNumber(no);
      if (p.ok) patents.push(p.value);
      else fail('patents', `专利申请号 ${no}：${p.reason.zh}`, `Patent number ${no}: ${p.reason.en}`);
    }
    const source = get('source') ? byName(SOURCE_CODES, SOURCE_NAMES, get('source')) : 'lanhuo';
    if (!source)
      fail(
        'source',
        '来源应为 蓝火计划/燎原计划/自主发布',
        'Source: Blue Fire, Prairie Fire or own submission',
      );
    if (errors.length > before) continue;
    const values = {
      title,
      inventors: list(get('inventors')).slice(0, 20),
      field: field!,
      maturity: maturity!,
      transferModes: modes as string[],
      price,
      patentNos: patents,
      abstract: get('abstract').slice(0, 4000),
      keywords: list(get('keywords')).slice(0, 12),
      source: source!,
      sourceBatch: get('batch') || null,
      status: 'published' as const,
      publishedOn: today,
    };
    const vector = achievementVector(values);
    rows.push({
      row: r,
      uscc: usccCheck.ok ? usccCheck.value : '',
      values: { ...values, termCount: vectorLength(vector) },
      vector,
    });
  }
  return { rows, errors };
}

/** The empty template, with its header and one example row. */
export async function importTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('科技成果');
  ws.addRow(IMPORT_COLUMNS.map((c) => c.header));
  ws.addRow([
    '石墨烯改性导热膜制备技术',
    '91350500MA2XJ0D1XX',
    '张三、李四',
    '石墨烯',
    '中试',
    '转让、许可',
    '面议',
    '201810123456.3',
    '（成果简介）',
    '石墨烯、导热膜',
    '蓝火计划',
    '第二周期第1批',
  ]);
  ws.columns.forEach((c) => {
    c.width = 20;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
