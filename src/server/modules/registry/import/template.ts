/**
 * The Excel template of each import kind: the header row (required columns marked *), one example
 * row the import ignores, drop-down lists, and a sheet 「填写说明」 explaining every column and code.
 */
import ExcelJS from 'exceljs';
import type { Msg } from '../../../../domain/message';
import type { QualificationValidity } from '../../../../domain/reference';
import {
  CARRIER_KIND_NAMES,
  LEVEL_NAMES,
  ORG_KIND_NAMES,
  PLATFORM_KIND_NAMES,
} from '../../../../domain/registry';
import type { Deps } from '../../../platform/deps';
import { type ColumnSpec, type ColumnType, headerText, type ImportKind, KINDS } from './columns';
import { industriesByCode } from './reference-repo';
import { loadRefs, type QualType } from './refs';

/** Rows that get the drop-down lists. */
const LIST_ROWS = 10_001;
/** Excel's limit on an inline list. */
const MAX_LIST_CHARS = 255;
const TEXT_COLUMNS = new Set<ColumnType>(['uscc', 'industry', 'text']);

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

function validity(v: QualificationValidity): string {
  if (v.kind === 'years') return `自认定（发证）之日起 ${v.years} 年`;
  if (v.kind === 'calendar-year') return '当年有效，至 12 月 31 日';
  return '无固定期限';
}

const names = (m: Record<string, Msg>) => Object.values(m).map((n) => n.zh);

interface CodeTable {
  title: string;
  header: string[];
  rows: (string | null)[][];
}

export async function buildTemplate(deps: Deps, kind: ImportKind): Promise<Buffer> {
  const refs = await loadRefs(deps.db, deps.regions);
  const regions = deps.regions.rows.filter((r) => r.level !== 'city' && r.holdsData);
  const lists: Partial<Record<ColumnType, string[]>> = {
    orgKind: names(ORG_KIND_NAMES),
    platformKind: names(PLATFORM_KIND_NAMES),
    carrierKind: names(CARRIER_KIND_NAMES),
    level: names(LEVEL_NAMES),
    bool: ['是', '否'],
    region: regions.map((r) => r.name),
    qualType: refs.qualTypes.map((q) => q.name),
  };
  const spec = KINDS[kind];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kechuang 科创';
  const ws = wb.addWorksheet(spec.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = spec.columns.map((c) => ({
    header: headerText(c),
    key: c.key,
    width: c.width,
    style: TEXT_COLUMNS.has(c.type) ? { numFmt: '@' } : {},
  }));
  const header = ws.getRow(1);
  header.eachCell((cell, n) => {
    const c = spec.columns[n - 1];
    cell.font = { bold: true, color: { argb: c.required ? 'FFC00000' : 'FF000000' } };
    cell.fill = HEADER_FILL;
    cell.note = c.help || c.header;
  });
  const example = ws.addRow(spec.columns.map((c) => c.example || null));
  example.font = { italic: true, color: { argb: 'FF808080' } };
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: object): void } })
    .dataValidations;
  spec.columns.forEach((c, i) => {
    const list = lists[c.type];
    const formula = list && `"${list.join(',')}"`;
    if (!formula || formula.length > MAX_LIST_CHARS) return;
    const letter = ws.getColumn(i + 1).letter;
    validations.add(`${letter}2:${letter}${LIST_ROWS}`, {
      type: 'list',
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: c.header,
      error: `请从下拉列表中选择（也可填代码）`,
    });
  });
  await writeGuide(wb, deps, kind, spec.columns, refs.qualTypes, regions);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function writeGuide(
  wb: ExcelJS.Workbook,
  deps: Deps,
  kind: ImportKind,
  columns: ColumnSpec[],
  qualTypes: QualType[],
  regions: Deps['regions']['rows'],
) {
  const ws = wb.addWorksheet('填写说明');
  ws.columns = [{ width: 26 }, { width: 16 }, { width: 60 }, { width: 40 }, { width: 60 }];
  const bold = (r: ExcelJS.Row) => {
    r.font = { bold: true };
  };
  bold(ws.addRow([`${KINDS[kind].name.zh}导入模板填写说明`]));
  for (const line of [
    '1. 数据填在第一个工作表，第 1 行为表头（列名带 * 的为必填列），请勿修改列名；列的顺序可以调整。',
    '2. 第 2 行为填写示例，导入时自动忽略，也可删除。',
    '3. 上传后系统先逐行校验并列出错误（行号、列名、原因），确认后再导入；文件不超过 20 MB、20 万行。',
    '4. 日期填 2016-01-31 或 2016/1/31，也可用 Excel 日期格式；金额单位为万元，最多两位小数。',
    '5. “新增并更新”时，空白的选填单元格保留系统中的原值，不会清空。',
  ]) {
    ws.addRow([line]);
  }
  ws.addRow([]);
  bold(ws.addRow(['列名', '是否必填', '填写说明', '示例']));
  for (const c of columns) ws.addRow([c.header, c.required ? '必填' : '选填', c.help, c.example]);

  const tables: CodeTable[] = [];
  const nameTable = (title: string, m: Record<string, Msg>): CodeTable => ({
    title,
    header: ['名称', '代码'],
    rows: Object.entries(m).map(([code, n]) => [n.zh, code]),
  });
  if (kind === 'organizations') {
    tables.push(nameTable('单位类型', ORG_KIND_NAMES));
    tables.push({
      title: '所属区域（填名称或代码均可）',
      header: ['名称', '代码', '说明'],
      rows: regions.map((r) => [r.name, r.code, r.level === 'zone' ? '功能区' : '县(市、区)']),
    });
    const inds = await industriesByCode(deps.db);
    tables.push({
      title: '行业代码（GB/T 4754-2017 门类和大类；也可填以大类开头的中类、小类代码）',
      header: ['代码', '名称', '层级'],
      rows: inds.map((i) => [i.code, i.name, i.level === 'section' ? '门类' : '大类']),
    });
  }
  if (kind === 'qualifications') {
    tables.push({
      title: '资质类型',
      header: ['名称', '代码', '可选级别', '有效期（“有效期至”不填时按此计算）', '依据'],
      rows: qualTypes.map((q) => [
        q.name,
        q.code,
        q.levels.map((l) => LEVEL_NAMES[l as keyof typeof LEVEL_NAMES]?.zh ?? l).join('、'),
        validity(q.validity),
        q.basis,
      ]),
    });
  }
  if (kind === 'platforms') tables.push(nameTable('平台类型', PLATFORM_KIND_NAMES));
  if (kind === 'carriers') tables.push(nameTable('载体类型', CARRIER_KIND_NAMES));
  if (kind === 'qualifications' || kind === 'platforms' || kind === 'carriers')
    tables.push(nameTable('级别', LEVEL_NAMES));
  for (const t of tables) {
    ws.addRow([]);
    bold(ws.addRow([t.title]));
    bold(ws.addRow(t.header));
    for (const r of t.rows) ws.addRow(r);
  }
}
