import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indicatorCatalogueSchema } from '../../../domain/indicators';
import { translate } from '../../app/i18n/locale-store';
import {
  changeOf,
  describeTarget,
  exactMoney,
  formatChange,
  formatValue,
  groupDigits,
  groupRows,
  markedCodes,
  warningsFirst,
} from './format';

const count = { decimals: 0, unit: '家', unitEn: 'enterprises' };
const money = { decimals: 2, unit: '万元', unitEn: '10k yuan' };
const share = { decimals: 2, unit: '%', unitEn: '%' };
const zhT = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
  translate('zh', key, vars);

describe('plan figures', () => {
  it('carry their unit and the catalogue decimals', () => {
    expect(formatValue(311, count, 'zh')).toBe('311 家');
    expect(formatValue(311, count, 'en')).toBe('311 enterprises');
    // Money by its size: 亿元 from 10,000 万元 up, the exact 万元 figure kept for the tooltip.
    expect(formatValue(462721.06, money, 'zh')).toBe('46.2721 亿元');
    expect(formatValue(15_200_000, money, 'zh')).toBe('1,520 亿元');
    expect(formatValue(9_999.5, money, 'zh')).toBe('9,999.50 万元');
    expect(formatValue(462721.06, money, 'zh', true)).toBe('462,721.06 万元');
    expect(exactMoney(15_200_000, money, 'zh')).toBe('15,200,000.00 万元');
    expect(exactMoney(49.52, money, 'zh')).toBeUndefined();
    expect(formatValue(1.3, share, 'zh')).toBe('1.30%');
    expect(formatValue(null, count, 'zh')).toBe('—');
  });

  it('group exact decimal text without a float', () => {
    expect(groupDigits('12345678901234.56')).toBe('12,345,678,901,234.56');
    expect(groupDigits('4.58')).toBe('4.58');
  });

  it('give a share’s change in percentage points, a count’s with its relative change', () => {
    const points = changeOf(1.3, 1.16, share)!;
    expect(points.diff).toBe(0.14);
    expect(formatChange(points, share, zhT)).toBe('+0.14 个百分点');
    const grown = changeOf(326, 311, count)!;
    expect(formatChange(grown, count, zhT)).toBe('+15 (+4.8%)');
    expect(changeOf(5, null, count)).toBeNull();
  });

  it('word a target as the plan does', () => {
    expect(describeTarget('increase_pct', '15', count, 'zh', zhT)).toBe('比上年增长 15%');
    expect(describeTarget('absolute', '5.3', { decimals: 2, unit: '件', unitEn: 'per 10k' }, 'zh', zhT)).toBe(
      '达到 5.30 件',
    );
    expect(describeTarget('rising', null, share, 'zh', zhT)).toBe('比上年逐步提高');
  });

  it('list warnings most severe first, then furthest behind', () => {
    const rows = [
      { code: 'a', warning: 'behind' as const, progress: 80 },
      { code: 'b', warning: 'achieved' as const, progress: 100 },
      { code: 'c', warning: 'seriously_behind' as const, progress: 29 },
      { code: 'd', warning: 'behind' as const, progress: 60 },
      { code: 'e', warning: null, progress: null },
    ];
    expect(warningsFirst(rows).map((r) => r.code)).toEqual(['c', 'd', 'a']);
  });

  it('place every catalogue indicator in a section, so none is hidden or shown twice', () => {
    const file = path.resolve(import.meta.dirname, '../../../../config/reference/indicators.json');
    const catalogue = indicatorCatalogueSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
    const indicators = new Map(catalogue.map((i) => [i.code, i]));
    const grouped = groupRows([...catalogue].reverse(), indicators);
    expect(grouped.flatMap((g) => g.rows.map((r) => r.code))).toEqual(catalogue.map((i) => i.code));
    expect(grouped.map((g) => g.key)).toEqual([
      'enterprises',
      'platforms',
      'ip',
      'input',
      'keyWorks',
      'finance',
      'agri',
    ]);
    // A code the catalogue does not know is still shown, last.
    expect(groupRows([{ code: 'unknown' }, { code: 'hte_valid' }], indicators).map((g) => g.key)).toEqual([
      'enterprises',
      'other',
    ]);
  });

  it('take the headline indicators and key figures in the order the catalogue numbers them', () => {
    const file = path.resolve(import.meta.dirname, '../../../../config/reference/indicators.json');
    const catalogue = indicatorCatalogueSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
    const indicators = new Map(catalogue.map((i) => [i.code, i]));
    expect(markedCodes(indicators, 'headline')).toEqual([
      'rd_gdp_ratio',
      'new_hte_giant',
      'inv_per_10k',
      'hitech_va_share',
      'htz_output',
    ]);
    expect(markedCodes(indicators, 'keyFigure')).toHaveLength(9);
    expect(markedCodes(indicators, 'keyFigure')[0]).toBe('hte_valid');
  });
});
