import { describe, expect, it } from 'vitest';
import { searchTextOf, toTsQuery } from './search';

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
