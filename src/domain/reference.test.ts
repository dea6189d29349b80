import { describe, expect, it } from 'vitest';
import city from '../../config/quanzhou/city.json';
import regions from '../../config/quanzhou/regions.json';
import hitechFields from '../../config/reference/hitech-fields-2016.json';
import industries from '../../config/reference/industries-gbt4754-2017.json';
import qualificationTypes from '../../config/reference/qualification-types.json';
import seiAreas from '../../config/reference/sei-areas-2018.json';
import {
  citySchema,
  classificationsSchema,
  industriesSchema,
  qualificationTypesSchema,
  regionsSchema,
} from './reference';

function expectUniqueCodes(rows: { code: string }[]) {
  const codes = rows.map((r) => r.code);
  expect(new Set(codes).size).toBe(codes.length);
}

describe('Quanzhou configuration', () => {
  const parsedCity = citySchema.parse(city);
  const rows = regionsSchema.parse(regions);
  const byCode = new Map(rows.map((r) => [r.code, r]));

  it('describes the city', () => {
    expect(parsedCity).toMatchObject({ code: '350500', provinceCode: '35' });
    expect(parsedCity.code.startsWith(parsedCity.provinceCode)).toBe(true);
  });

  it('has the city, 12 county-level rows (金门 holds no data) and 2 zones, with unique codes', () => {
    expectUniqueCodes(rows);
    expect(rows).toHaveLength(15);
    expect(rows.filter((r) => r.level === 'city').map((r) => r.code)).toEqual([parsedCity.code]);
    const counties = rows.filter((r) => r.level === 'county');
    expect(counties).toHaveLength(12);
    expect(counties.filter((r) => r.holdsData)).toHaveLength(11);
    expect(byCode.get('350527')?.holdsData).toBe(false);
    expect(rows.filter((r) => r.level === 'zone').map((r) => r.code)).toEqual(['350500Z1', '350500Z2']);
  });

  it('links every row to an existing parent: city at the root, counties under it', () => {
    for (const r of rows) {
      if (r.level === 'city') {
        expect(r.parentCode).toBeNull();
        expect(r.statsCountyCode).toBeNull();
        continue;
      }
      expect(r.parentCode, r.code).not.toBeNull();
      const parent = byCode.get(r.parentCode ?? '');
      expect(parent, r.code).toBeDefined();
      expect(parent?.level).toBe(r.level === 'county' ? 'city' : 'county');
    }
  });

  it('gives counties GB/T 2260 codes within the city and rolls them up into themselves', () => {
    for (const r of rows.filter((x) => x.level === 'county')) {
      expect(r.code).toMatch(/^3505\d\d$/);
      expect(r.statsCountyCode).toBe(r.code);
    }
  });

  it('rolls zones into the county the yearbook counts them in, which is also their parent', () => {
    expect(byCode.get('350500Z1')?.statsCountyCode).toBe('350502');
    expect(byCode.get('350500Z2')?.statsCountyCode).toBe('350521');
    for (const z of rows.filter((x) => x.level === 'zone')) {
      expect(byCode.get(z.statsCountyCode ?? '')?.level).toBe('county');
      expect(z.parentCode).toBe(z.statsCountyCode);
    }
  });

  it('sorts rows uniquely', () => {
    expect(new Set(rows.map((r) => r.sort)).size).toBe(rows.length);
  });
});

describe('GB/T 4754-2017 industries', () => {
  const rows = industriesSchema.parse(industries);
  const sections = rows.filter((r) => r.level === 'section');
  const divisions = rows.filter((r) => r.level === 'division');

  it('has sections A–T and divisions 01–97 with unique codes', () => {
    expectUniqueCodes(rows);
    expect(sections.map((r) => r.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    expect(divisions.map((r) => r.code)).toEqual(
      Array.from({ length: 97 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
  });

  it('puts sections at the root and every division under an existing section', () => {
    const sectionCodes = new Set(sections.map((r) => r.code));
    for (const s of sections) expect(s.parentCode).toBeNull();
    for (const d of divisions) expect(sectionCodes.has(d.parentCode ?? ''), d.code).toBe(true);
  });

  it('names the divisions that matter most in Quanzhou as the standard does', () => {
    const name = (code: string) => divisions.find((d) => d.code === code)?.name;
    expect(name('17')).toBe('纺织业');
    expect(name('18')).toBe('纺织服装、服饰业');
    expect(name('19')).toBe('皮革、毛皮、羽毛及其制品和制鞋业');
    expect(name('30')).toBe('非金属矿物制品业');
    expect(name('33')).toBe('金属制品业');
    expect(name('39')).toBe('计算机、通信和其他电子设备制造业');
    expect(divisions.filter((d) => d.parentCode === 'C').map((d) => d.code)).toHaveLength(31);
  });
});

describe('high-tech fields and strategic emerging industries', () => {
  it('has the 8 fields of 2016', () => {
    const rows = classificationsSchema.parse(hitechFields);
    expectUniqueCodes(rows);
    expect(rows.map((r) => r.name)).toEqual([
      '电子信息',
      '生物与新医药',
      '航空航天',
      '新材料',
      '高技术服务',
      '新能源与节能',
      '资源与环境',
      '先进制造与自动化',
    ]);
  });

  it('has the 9 areas of 2018', () => {
    const rows = classificationsSchema.parse(seiAreas);
    expectUniqueCodes(rows);
    expect(rows).toHaveLength(9);
    expect(rows[0].name).toBe('新一代信息技术产业');
    expect(rows[8].name).toBe('相关服务业');
  });
});

describe('qualification types', () => {
  const rows = qualificationTypesSchema.parse(qualificationTypes);

  it('has the configured types with unique codes and no repeated levels', () => {
    expectUniqueCodes(rows);
    expect(rows.map((r) => r.code).sort()).toEqual(
      [
        'gazelle',
        'hte',
        'ip_advantage',
        'ip_pilot',
        'ip_standard',
        'little_giant',
        'nc_demo',
        'nc_participant',
        'prov_tech_ent',
        'tech_sme',
        'unicorn',
      ].sort(),
    );
    for (const r of rows) expect(new Set(r.levels).size, r.code).toBe(r.levels.length);
  });

  it('follows the national rules for 高企 and 科技型中小企业', () => {
    const byCode = new Map(rows.map((r) => [r.code, r]));
    expect(byCode.get('hte')?.validity).toEqual({ kind: 'years', years: 3 });
    expect(byCode.get('hte')?.basis).toContain('国科发火〔2016〕32号');
    expect(byCode.get('tech_sme')?.validity).toEqual({ kind: 'calendar-year' });
    expect(byCode.get('tech_sme')?.basis).toContain('国科发政〔2017〕115号');
  });

  it('rejects malformed entries', () => {
    const bad = { ...rows[0], validity: { kind: 'years' } };
    expect(qualificationTypesSchema.safeParse([bad]).success).toBe(false);
  });
});
