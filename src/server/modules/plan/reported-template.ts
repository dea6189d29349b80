/**
 * The Excel template of the reported-values import: the data sheet with its eight columns (required
 * ones marked red, drop-down lists for indicator and region) and a second sheet listing the reported
 * indicators with their units and the regions a value may be entered for.
 */
import ExcelJS from 'exceljs';
import type { RegionTree } from '../../platform/region-tree';
import { CATALOGUE } from './catalogue';

export interface ImportColumn {
  key: 'indicatorCode' | 'year' | 'region' | 'value' | 'source' | 'sourceDate' | 'vintage' | 'note';
  header: string;
  en: string;
  required: boolean;
  width: number;
  help: string;
}

export const IMPORT_COLUMNS: ImportColumn[] = [
  {
    key: 'indicatorCode',
    header: '指标代码',
    en: 'indicator code',
    required: true,
    width: 24,
    help: '填报类指标的代码（见「指标与区域」表），也可填指标名称',
  },
  { key: 'year', header: '年度', en: 'year', required: true, width: 8, help: '统计年度，如 2016' },
  {
    key: 'region',
    header: '区域',
    en: 'region',
    required: true,
    width: 20,
    help: '区域名称或代码，如 泉州市、晋江市、350582',
  },
  {
    key: 'value',
    header: '数值',
    en: 'value',
    required: true,
    width: 16,
    help: '按指标单位填写，不带单位，最多4位小数',
  },
  {
    key: 'source',
    header: '来源',
    en: 'source',
    required: true,
    width: 40,
    help: '来源文件或发布机构，如 泉州市统计局《2016年统计公报》',
  },
  {
    key: 'sourceDate',
    header: '来源日期',
    en: 'source date',
    required: false,
    width: 14,
    help: '如 2017-02-15',
  },
  {
    key: 'vintage',
    header: '版本/口径',
    en: 'vintage',
    required: false,
    width: 24,
    help: '如 快报、年报、经济普查修订',
  },
  { key: 'note', header: '备注', en: 'note', required: false, width: 30, help: '' },
];

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const LISTS = '指标与区域';
const DATA_ROWS = 5001;

export async function buildReportedTemplate(regions: RegionTree): Promise<Buffer> {
  const reported = CATALOGUE.filter((i) => i.kind === 'reported');
  const places = regions.rows.filter((r) => r.holdsData);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kechuang 科创';
  const ws = wb.addWorksheet('填报数据', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = IMPORT_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    style: c.key === 'sourceDate' ? { numFmt: 'yyyy-mm-dd' } : c.key === 'value' ? {} : { numFmt: '@' },
  }));
  ws.getRow(1).eachCell((cell, n) => {
    const c = IMPORT_COLUMNS[n - 1];
    cell.font = { bold: true, color: { argb: c.required ? 'FFC00000' : 'FF000000' } };
    cell.fill = HEADER_FILL;
    if (c.help) cell.note = c.help;
  });
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: object): void } })
    .dataValidations;
  const list = (col: string, range: string) =>
    validations.add(`${col}2:${col}${DATA_ROWS}`, {
      type: 'list',
      allowBlank: true,
      showErrorMessage: false,
      formulae: [`'${LISTS}'!${range}`],
    });
  list('A', `$A$2:$A$${reported.length + 1}`);
  list('C', `$H$2:$H$${places.length + 1}`);

  const info = wb.addWorksheet(LISTS);
  info.columns = [
    { header: '指标代码', width: 26 },
    { header: '指标名称', width: 34 },
    { header: '单位', width: 10 },
    { header: '小数位', width: 8 },
    { header: '县区可加总', width: 11 },
    { header: '', width: 4 },
    { header: '区域代码', width: 12 },
    { header: '区域名称', width: 22 },
    { header: '层级', width: 10 },
  ];
  info.getRow(1).font = { bold: true };
  const level = { city: '市', county: '县(市、区)', zone: '功能区' } as Record<string, string>;
  for (let i = 0; i < Math.max(reported.length, places.length); i++) {
    const ind = reported[i];
    const reg = places[i];
    info.addRow([
      ind?.code ?? null,
      ind?.name ?? null,
      ind?.unit ?? null,
      ind?.decimals ?? null,
      ind ? (ind.additive ? '是' : '否') : null,
      null,
      reg?.code ?? null,
      reg?.name ?? null,
      reg ? (level[reg.level] ?? reg.level) : null,
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
