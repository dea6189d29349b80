import fs from 'node:fs';
import path from 'node:path';
import { itemKey, type RankingItem, type RankingScheme, rankingSchemesSchema } from '../../../domain/ranking';
import { readConfig } from '../../config';
import { CATALOGUE, indicatorOf } from './catalogue';
import { COMPUTED } from './computed-sql';

/** A figure a scheme may rank on that is not in the indicator catalogue. */
export interface ExtraFigure {
  name: string;
  nameEn: string;
  unit: string;
  unitEn: string;
}

/**
 * A park's own yearly report (park_annual): 工业总产值 and its growth on last year, the enterprises
 * it counts and the 高企 among them.
 */
export const PARK_FIGURES = {
  park_output: { name: '园区工业总产值', nameEn: 'Park industrial output', unit: '万元', unitEn: '10k yuan' },
  park_output_growth: {
    name: '园区工业总产值增长率',
    nameEn: 'Growth of park industrial output',
    unit: '%',
    unitEn: '%',
  },
  park_enterprises: {
    name: '园区企业数',
    nameEn: 'Enterprises in the park',
    unit: '家',
    unitEn: 'enterprises',
  },
  park_hte_count: {
    name: '园区高新技术企业数（填报）',
    nameEn: 'High-tech enterprises in the park (reported)',
    unit: '家',
    unitEn: 'enterprises',
  },
} as const satisfies Record<string, ExtraFigure>;

/** Sums of computed indicators, for a county or a park alike. */
export const COMPOSITES: Record<string, ExtraFigure & { parts: string[] }> = {
  rd_platforms: {
    name: '市级以上研发平台',
    nameEn: 'R&D platforms (municipal or above)',
    unit: '个',
    unitEn: 'platforms',
    parts: ['muni_eng_center', 'ind_tech_center', 'prov_key_lab', 'national_platforms', 'new_rd_inst'],
  },
};

/** The catalogue indicator or extra figure a code names, for labels in answers and exports. */
export function figureOf(code: string): ExtraFigure | undefined {
  return indicatorOf(code) ?? COMPOSITES[code] ?? (PARK_FIGURES as Record<string, ExtraFigure>)[code];
}

const PER_NAMES = {
  population: { zh: '每万人', en: 'per 10k residents' },
  enterprises: { zh: '占企业数', en: 'per enterprise' },
} as const;

export function itemName(item: RankingItem): { name: string; nameEn: string; unit: string } {
  const f = figureOf(item.indicator)!;
  if (!item.per) return { name: item.name ?? f.name, nameEn: item.nameEn ?? f.nameEn, unit: f.unit };
  const per = PER_NAMES[item.per];
  return {
    name: item.name ?? `${f.name}（${per.zh}）`,
    nameEn: item.nameEn ?? `${f.nameEn} ${per.en}`,
    unit: item.per === 'population' ? `${f.unit}/万人` : `${f.unit}/家`,
  };
}

/** The codes a scheme over this subject can rank on. */
export function knownCodes(subject: RankingScheme['subject']): Set<string> {
  const composite = Object.keys(COMPOSITES);
  if (subject === 'county') return new Set([...CATALOGUE.map((i) => i.code), ...composite]);
  return new Set([...Object.keys(COMPUTED), ...composite, ...Object.keys(PARK_FIGURES)]);
}

/** Parses and checks schemes: shape by the domain schema, codes against what can be evaluated. */
export function parseSchemes(json: unknown): RankingScheme[] {
  const schemes = rankingSchemesSchema.parse(json);
  for (const s of schemes) {
    const known = knownCodes(s.subject);
    for (const item of s.items) {
      if (!known.has(item.indicator)) {
        throw new Error(`ranking scheme ${s.code}: ${itemKey(item)} cannot be evaluated for a ${s.subject}`);
      }
    }
  }
  return schemes;
}

function load(): RankingScheme[] {
  const file = path.resolve(
    import.meta.dirname,
    '../../../../config',
    readConfig().city,
    'ranking-schemes.json',
  );
  return parseSchemes(JSON.parse(fs.readFileSync(file, 'utf8')));
}

/** The configured schemes, read and validated when the server starts. */
export const SCHEMES: readonly RankingScheme[] = load();

export function schemeOf(code: string): RankingScheme | undefined {
  return SCHEMES.find((s) => s.code === code);
}
