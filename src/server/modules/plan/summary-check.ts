/**
 * The appendix of the annual summary: shares as the bureau's published summary states them, held
 * against the shares computed from the counts (the seed calls 1300 of 4438 "30%"; it is 29.3%),
 * and the definitions behind the figures. The stated shares are facts of a published document,
 * kept in configuration (`config/<city>/stated-shares.json`), never typed into code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { BY_CODE, CATALOGUE } from './catalogue';
import { fmtNumber, fmtShare, roundTo, shareOf } from './summary-format';
import type { Figures } from './summary-text';

const statedShareSchema = z
  .object({
    year: z.number().int(),
    /** The region the statement is about; the city when not given. */
    region: z.string().optional(),
    /** The document's number, e.g. 泉科〔2017〕28号. */
    document: z.string(),
    /** The document's title. */
    title: z.string().optional(),
    numerator: z.string(),
    denominator: z.string(),
    statedPercent: z.number(),
    /** The words of the document, e.g. 占全市规上工业企业数的30%. */
    text: z.string(),
  })
  .strict();
export type StatedShare = z.infer<typeof statedShareSchema>;

const CONFIG_DIR = path.resolve(import.meta.dirname, '../../../../config');

/** The stated shares configured for a city; none when the city has no such file. */
export function loadStatedShares(city: string): StatedShare[] {
  const file = path.join(CONFIG_DIR, city, 'stated-shares.json');
  if (!fs.existsSync(file)) return [];
  const entries = z.array(statedShareSchema).parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  for (const e of entries) {
    for (const code of [e.numerator, e.denominator]) {
      if (!BY_CODE.has(code)) throw new Error(`stated-shares.json: unknown indicator ${code}`);
    }
  }
  return entries;
}

/** A difference of this many percentage points (after rounding to one decimal) is a disagreement. */
export const SHARE_TOLERANCE = 0.1;

export interface ShareCheck {
  entry: StatedShare;
  numeratorName: string;
  denominatorName: string;
  numerator: number | null;
  denominator: number | null;
  /** Computed share, rounded to one decimal as printed; null when a count is missing. */
  computed: number | null;
  /** computed − stated, in percentage points. */
  diff: number | null;
  /** null when it cannot be checked. */
  differs: boolean | null;
}

/** Holds each stated share of the year and region against the share computed from the counts. */
export function checkStatedShares(
  entries: readonly StatedShare[],
  figures: Figures,
  year: number,
  region: string,
  city: string,
): ShareCheck[] {
  return entries
    .filter((e) => e.year === year && (e.region ?? city) === region)
    .map((entry) => {
      const numerator = figures[entry.numerator]?.value ?? null;
      const denominator = figures[entry.denominator]?.value ?? null;
      const raw = shareOf(numerator, denominator);
      const computed = raw === null ? null : roundTo(raw, 1);
      const diff = computed === null ? null : roundTo(computed - entry.statedPercent, 1);
      return {
        entry,
        numeratorName: BY_CODE.get(entry.numerator)?.name ?? entry.numerator,
        denominatorName: BY_CODE.get(entry.denominator)?.name ?? entry.denominator,
        numerator,
        denominator,
        computed,
        diff,
        differs: diff === null ? null : Math.abs(diff) >= SHARE_TOLERANCE - 1e-9,
      };
    });
}

/** The cells of one check as the appendix prints them: 表述, 计算, 差异, 结论. */
export function checkCells(c: ShareCheck): [string, string, string, string] {
  const computed =
    c.computed === null
      ? `${c.numeratorName} ÷ ${c.denominatorName}：数据缺失`
      : `${fmtNumber(c.numerator!)} ÷ ${fmtNumber(c.denominator!)} = ${fmtShare(c.computed)}`;
  const diff = c.diff === null ? '—' : `${c.diff > 0 ? '+' : ''}${c.diff.toFixed(1)}个百分点`;
  const verdict = c.differs === null ? '无法核对' : c.differs ? '不一致' : '一致';
  return [`“${c.entry.text}”`, computed, diff, verdict];
}

/** A sentence summing the checks up, for the paragraph above their table. */
export function checkSummary(checks: readonly ShareCheck[]): string {
  const bad = checks.filter((c) => c.differs === true);
  if (bad.length === 0) return '经核对，公开文件所述占比与按登记记录计算的结果一致。';
  const list = bad
    .map(
      (c) =>
        `${c.numeratorName}占${c.denominatorName}的比重按数量计算为${fmtShare(c.computed!)}，文件表述为${c.entry.statedPercent}%`,
    )
    .join('；');
  return `经核对，有${bad.length}项占比与计算结果不一致：${list}。引用时宜以计算值为准。`;
}

/** Catalogue definitions with indicator codes replaced by their Chinese names. */
export function definitionOf(code: string): string {
  const def = BY_CODE.get(code)?.definition ?? '';
  return def
    .replace(/\b[a-z][a-z0-9_]*\b/g, (w) => BY_CODE.get(w)?.name ?? w)
    .replace(/([\u4e00-\u9fff“”）])\s+(?=[\u4e00-\u9fff“”（])/g, '$1');
}

/** The indicators whose definitions the appendix explains: all computed from records or others. */
export function definedIndicators() {
  return CATALOGUE.filter((i) => i.kind !== 'reported');
}
