import { describe, expect, it } from 'vitest';
import type { Industry } from '../../../../domain/reference';
import { industryLabel } from './industry-cascader';

const industries = [
  { code: 'C', name: '制造业', nameEn: 'Manufacturing', level: 'section', parentCode: null },
  {
    code: '19',
    name: '皮革、毛皮、羽毛及其制品和制鞋业',
    nameEn: 'Leather, Fur, Feather and Related Products and Footwear',
    level: 'division',
    parentCode: 'C',
  },
] as Industry[];

describe('industry labels', () => {
  it('shows a division with its section letter and name, as the statistics system does', () => {
    expect(industryLabel('19', industries, 'zh')).toBe('C19 皮革、毛皮、羽毛及其制品和制鞋业');
    expect(industryLabel('1951', industries, 'zh')).toBe('C1951 皮革、毛皮、羽毛及其制品和制鞋业');
    expect(industryLabel('C', industries, 'zh')).toBe('C 制造业');
    expect(industryLabel('19', industries, 'en')).toMatch(/^C19 Leather/);
  });

  it('shows a code it cannot name as it is, and nothing as a dash', () => {
    expect(industryLabel('99', industries, 'zh')).toBe('99');
    expect(industryLabel(null, industries, 'zh')).toBe('—');
  });
});
