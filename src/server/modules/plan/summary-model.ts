/**
 * Everything the annual summary says, assembled from the indicator values of a year (as
 * `indicatorValues` returns them) — title, sections, the value table and the appendix — as plain
 * text, so the Word layout (summary-docx.ts) only arranges it. Pure.
 */
import type { IndicatorKind } from '../../../domain/indicators';
import {
  checkCells,
  checkStatedShares,
  checkSummary,
  definedIndicators,
  definitionOf,
  SHARE_TOLERANCE,
  type StatedShare,
} from './summary-check';
import { areaWord, chineseNumeral, fmtDate, fmtNumber, roundTo } from './summary-format';
import { type Figures, type SummarySection, summarySections, summaryTitle } from './summary-text';

/** The part of an indicator value row the summary reads. */
export interface SummaryRow {
  code: string;
  name: string;
  value: number | null;
  unit: string;
  lastYear: number | null;
  kind: IndicatorKind;
  source?: string | null;
  indicator: { decimals: number };
}

export interface SummaryInput {
  year: number;
  asOf: string;
  /** Today, the day the document is generated. */
  generatedOn: string;
  regionCode: string;
  regionName: string;
  cityCode: string;
  rows: readonly SummaryRow[];
  statedShares: readonly StatedShare[];
}

export interface SummaryTable {
  header: string[];
  rows: string[][];
  /** Per column: right-aligned numbers. */
  numeric: boolean[];
}

export interface SummaryDoc {
  title: string;
  subtitle: string;
  intro: string;
  sections: SummarySection[];
  tableHeading: string;
  table: SummaryTable;
  appendixHeading: string;
  notesHeading: string;
  notes: string[];
  definitions: [string, string][];
  checksHeading: string;
  checksIntro: string;
  checks: SummaryTable | null;
  checksSummary: string | null;
}

const SOURCE_OF_KIND: Record<IndicatorKind, string> = {
  computed: '平台登记记录',
  derived: '由相关指标计算',
  reported: '—',
};

/** A table number: percentages keep their decimals (15.0), other figures drop trailing zeros. */
function cellNumber(v: number, row: SummaryRow): string {
  return row.unit === '%'
    ? roundTo(v, row.indicator.decimals).toFixed(row.indicator.decimals)
    : fmtNumber(v, row.indicator.decimals);
}

function fmtChangeCell(row: SummaryRow): string {
  if (row.value === null || row.lastYear === null) return '—';
  const d = roundTo(row.value - row.lastYear, row.indicator.decimals);
  if (d === 0) return '0';
  return `${d > 0 ? '+' : '-'}${cellNumber(Math.abs(d), row)}`;
}

/** The table of all indicator values: 指标, 数值, 单位, 上年, 增减, 来源. */
export function valueTable(rows: readonly SummaryRow[], year: number): SummaryTable {
  return {
    header: ['指标', `${year}年`, '单位', `${year - 1}年`, '增减', '来源'],
    numeric: [false, true, false, true, true, false],
    rows: rows.map((r) => [
      r.name,
      r.value === null ? '—' : cellNumber(r.value, r),
      r.unit,
      r.lastYear === null ? '—' : cellNumber(r.lastYear, r),
      fmtChangeCell(r),
      r.kind === 'reported' ? (r.value === null ? '—' : (r.source ?? '—')) : SOURCE_OF_KIND[r.kind],
    ]),
  };
}

export function buildSummaryDoc(input: SummaryInput): SummaryDoc {
  const { year, rows } = input;
  const figures: Figures = Object.fromEntries(
    rows.map((r) => [r.code, { value: r.value, lastYear: r.lastYear }]),
  );
  const area = areaWord(input.regionName);
  const sections = summarySections(figures, { year, area });
  const checks = checkStatedShares(input.statedShares, figures, year, input.regionCode, input.cityCode);
  const documents = [
    ...new Set(
      checks.map((c) => (c.entry.title ? `《${c.entry.title}》（${c.entry.document}）` : c.entry.document)),
    ),
  ];
  return {
    title: summaryTitle(input.regionName, year),
    subtitle: `数据截至 ${fmtDate(input.asOf)}，由科创平台根据登记记录自动生成于 ${fmtDate(input.generatedOn)}`,
    intro: `本文汇总${year}年${area}科技创新工作主要数据。各项数据均由科创平台从登记记录按统一口径计算，统计、知识产权等部门发布的数据注明来源；文中占比均由相应数量计算得出，未掌握数据的事项不作表述。`,
    sections,
    tableHeading: `${chineseNumeral(sections.length + 1)}、主要指标一览`,
    table: valueTable(rows, year),
    appendixHeading: '附：口径说明与数据核对',
    notesHeading: '（一）口径说明',
    notes: [
      `计算类指标按截止日（${fmtDate(input.asOf)}）有效的登记记录计数：资质在有效期内且未被撤销的计入（高新技术企业证书自认定之日起三年内有效），平台、载体已认定且未关闭的计入；县（市、区）数据含其所辖功能区，全市数据为各县（市、区）之和。`,
      '填报类指标取统计、知识产权、技术市场等部门发布或填报的数值，来源见主要指标一览表；“上年”一栏为上年末的同口径数值。',
      '占比一律由分子、分母两项数量计算，四舍五入保留一位小数；同比增长率由本年与上年数值计算。',
    ],
    definitions: definedIndicators().map((i) => [i.name, definitionOf(i.code)]),
    checksHeading: '（二）数据核对',
    checksIntro:
      checks.length === 0
        ? `${year}年${area}没有已登记的公开文件占比表述，无需核对。`
        : `下列占比引自${documents.join('、')}，与按登记记录计算的结果对照，相差${SHARE_TOLERANCE}个百分点及以上的标注为“不一致”。`,
    checks:
      checks.length === 0
        ? null
        : {
            header: ['公开文件表述', '按数量计算', '差异', '结论'],
            numeric: [false, false, true, false],
            rows: checks.map(checkCells),
          },
    checksSummary: checks.length === 0 ? null : checkSummary(checks),
  };
}
