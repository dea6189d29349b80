import { describe, expect, it } from 'vitest';
import type { RegionRow } from '../../platform/region-tree';
import { RegionTree } from '../../platform/region-tree';
import { regionWords, searchTextOf, toTsQuery } from './search';

describe('Chinese search text', () => {
  it('keeps domain words whole and adds single characters', () => {
    const text = searchTextOf(['泉州石墨烯新材料有限公司', '晋江市']).split(' ');
    expect(text).toContain('石墨烯');
    expect(text).toContain('晋江');
    expect(text).toContain('墨');
  });

  it('turns a query into words that match whole or character by character', () => {
    expect(toTsQuery('晋江 鞋')).toBe("('晋江' | ('晋' & '江')) & '鞋'");
    expect(toTsQuery('石墨烯')).toBe("('石墨烯' | ('石' & '墨' & '烯'))");
    expect(toTsQuery('LED')).toBe("'led':*");
    expect(toTsQuery("'); drop table x; --")).toBe("'drop':* & 'table':* & 'x':*");
    expect(toTsQuery('  ')).toBeNull();
  });
});

describe('region words', () => {
  const row = (
    code: string,
    name: string,
    level: RegionRow['level'],
    parentCode: string | null,
  ): RegionRow => ({
    code,
    name,
    nameEn: code,
    level,
    parentCode,
    statsCountyCode: null,
    sort: 0,
    holdsData: true,
  });
  const tree = new RegionTree([
    row('350500', '泉州市', 'city', null),
    row('350582', '晋江市', 'county', '350500'),
    row('350502', '鲤城区', 'county', '350500'),
    row('350500Z1', '泉州经济技术开发区', 'zone', '350502'),
  ]);

  it('names counties in full and short, with their zones, and never the city', () => {
    const words = regionWords(tree);
    expect(words.get('晋江')).toEqual(['350582']);
    expect(words.get('晋江市')).toEqual(['350582']);
    expect(words.get('鲤城')).toEqual(['350502', '350500Z1']);
    expect(words.has('泉州')).toBe(false);
    expect(words.has('泉州市')).toBe(false);
  });
});
