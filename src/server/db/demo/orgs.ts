import type { OrgKind } from '../../../domain/registry';
import { orgSearchText } from '../../modules/registry/search';
import type { organizations } from '../schema';
import { ENTERPRISE_REGION_WEIGHTS, INSTITUTION_REGION_WEIGHTS, INSTITUTIONS, POPULATION } from './figures';
import type { NameBook } from './names';
import { REGION_FLAVOUR, SERVICE_INDUSTRIES } from './regions';
import { apportion, type Rng } from './rng';

export type OrgRow = typeof organizations.$inferInsert & {
  id: string;
  regionCode: string;
  foundedOn: string;
};

/** Which 规上 history an enterprise has: both years, new in 2016, dropped in 2016, never. */
export type Cohort = 'above' | 'new16' | 'drop' | 'small' | 'demo';

/** Criteria a cultivation-pool enterprise narrowly misses (or 'meet' when it meets them all). */
export type PoolKind = 'meet' | 'rd_intensity' | 'st_staff_share' | 'hitech_revenue_share';

export interface Enterprise {
  org: OrgRow;
  brand: string;
  cohort: Cohort;
  /** Holds a valid 高企 certificate on 2016-12-31. */
  hte: boolean;
  pool: PoolKind | null;
  rd16: boolean;
  core16: boolean;
  /** 2016 figures that the qualification and park steps read (万元 in hundredths). */
  revenue16: number;
}

export interface Institution {
  org: OrgRow;
  brand: string;
}

export interface Institutions {
  universities: Institution[];
  institutes: Institution[];
  newRd: Institution[];
  agencies: Institution[];
  financial: Institution[];
}

/** Region codes for `n` organisations, in exact proportion to the weights, in random order. */
export function regionsFor(rng: Rng, n: number, weights: Record<string, number>): string[] {
  const codes = Object.keys(weights);
  const counts = apportion(
    n,
    codes.map((c) => weights[c]),
  );
  return rng.shuffle(codes.flatMap((c, i) => Array<string>(counts[i]).fill(c)));
}

export function finishRow(row: OrgRow, regionNames: Map<string, string>): OrgRow {
  row.searchText = orgSearchText(row, regionNames.get(row.regionCode));
  return row;
}

function enterprise(
  rng: Rng,
  book: NameBook,
  regionCode: string,
  cohort: Cohort,
  regionNames: Map<string, string>,
): Enterprise {
  const flavour = REGION_FLAVOUR[regionCode];
  const service = cohort === 'small' && rng.chance(0.35);
  const industryCode = rng.weighted(service ? SERVICE_INDUSTRIES : flavour.industries);
  const foundedOn =
    cohort === 'above'
      ? rng.date('1988-01-01', '2013-12-31')
      : cohort === 'new16'
        ? rng.date('2003-01-01', '2014-12-31')
        : cohort === 'drop'
          ? rng.date('1995-01-01', '2012-12-31')
          : rng.chance(0.12)
            ? rng.date('2016-01-01', '2016-11-30')
            : rng.date('2000-01-01', '2015-12-31');
  const { name, brand } = book.enterpriseName(regionCode, industryCode, cohort === 'above');
  const org: OrgRow = {
    id: rng.uuid(),
    uscc: book.uscc('9', '1', regionCode, foundedOn),
    name,
    kind: 'enterprise',
    regionCode,
    parkId: null,
    industryCode,
    aboveSize: cohort === 'above' || cohort === 'new16',
    foundedOn,
    address: book.address(regionCode),
    contactPerson: book.person(),
    contactPhone: book.phone(),
  };
  finishRow(org, regionNames);
  return { org, brand, cohort, hte: false, pool: null, rd16: false, core16: false, revenue16: 0 };
}

/** All generated enterprises (not the accounts' demo enterprise), cohort by cohort. */
export function buildEnterprises(rng: Rng, book: NameBook, regionNames: Map<string, string>): Enterprise[] {
  const cohorts: [Cohort, number][] = [
    ['above', POPULATION.aboveBoth],
    ['new16', POPULATION.newAbove2016],
    ['drop', POPULATION.droppedIn2016],
    ['small', POPULATION.small],
  ];
  return cohorts.flatMap(([cohort, n]) =>
    regionsFor(rng, n, ENTERPRISE_REGION_WEIGHTS).map((code) =>
      enterprise(rng, book, code, cohort, regionNames),
    ),
  );
}

interface InstitutionSpec {
  kind: OrgKind;
  count: number;
  templates: string[];
  registrar: [string, string][];
  industry: string[];
  founded: [string, string];
}

const SPECS: Record<keyof Institutions, InstitutionSpec> = {
  universities: {
    kind: 'university',
    count: INSTITUTIONS.universities,
    templates: ['泉州{b}理工学院', '泉州{b}职业技术学院', '泉州{b}学院', '福建{b}科技职业学院'],
    registrar: [
      ['1', '2'],
      ['5', '2'],
    ],
    industry: ['83'],
    founded: ['1985-01-01', '2008-12-31'],
  },
  institutes: {
    kind: 'institute',
    count: INSTITUTIONS.institutes,
    templates: [
      '泉州{b}轻工研究所',
      '泉州{b}农业科学研究所',
      '泉州{b}纺织科学研究所',
      '泉州{b}机电研究所',
      '泉州{b}检测研究所',
    ],
    registrar: [['1', '2']],
    industry: ['73', '74'],
    founded: ['1970-01-01', '2010-12-31'],
  },
  newRd: {
    kind: 'new_rd_institution',
    count: INSTITUTIONS.newRdInstitutions,
    templates: [
      '泉州{b}智能制造研究院',
      '泉州{b}新材料产业技术研究院',
      '泉州{b}集成电路研究院',
      '福建{b}光电信息研究院',
      '泉州{b}纺织鞋服技术研究院',
      '泉州{b}机器人研究院',
      '泉州{b}石墨烯应用研究院',
      '泉州{b}生物医药研究院',
      '泉州{b}海洋科技研究院',
      '泉州{b}陶瓷技术研究院',
    ],
    registrar: [
      ['5', '2'],
      ['9', '1'],
      ['1', '2'],
    ],
    industry: ['73'],
    founded: ['2012-01-01', '2016-06-30'],
  },
  agencies: {
    kind: 'service_agency',
    count: INSTITUTIONS.serviceAgencies,
    templates: [
      '泉州{b}创业孵化管理有限公司',
      '泉州{b}科技服务有限公司',
      '泉州{b}知识产权代理有限公司',
      '泉州{b}技术转移服务有限公司',
      '泉州{b}众创空间管理有限公司',
      '泉州{b}检测认证有限公司',
    ],
    registrar: [['9', '1']],
    industry: ['75', '74', '72'],
    founded: ['2005-01-01', '2016-03-31'],
  },
  financial: {
    kind: 'financial_institution',
    count: INSTITUTIONS.financialInstitutions,
    templates: [
      '泉州{b}创业投资有限公司',
      '泉州{b}融资担保有限公司',
      '泉州{b}小额贷款股份有限公司',
      '泉州{b}科技融资租赁有限公司',
      '泉州{b}股权投资管理有限公司',
    ],
    registrar: [['9', '1']],
    industry: ['66', '67', '69'],
    founded: ['2003-01-01', '2015-12-31'],
  },
};

/** Universities, institutes, new-type R&D institutions, service agencies and financial institutions. */
export function buildInstitutions(rng: Rng, book: NameBook, regionNames: Map<string, string>): Institutions {
  const build = (key: keyof Institutions): Institution[] => {
    const spec = SPECS[key];
    return regionsFor(rng, spec.count, INSTITUTION_REGION_WEIGHTS).map((regionCode, i) => {
      const { name, brand } = book.named(spec.templates[i % spec.templates.length]);
      const [registrar, cls] = rng.pick(spec.registrar);
      // The first 36 new R&D institutions exist by 2016; the 2017 ones were founded in 2016.
      const foundedOn =
        key === 'newRd' && i >= INSTITUTIONS.newRdInstitutions - 3
          ? rng.date('2016-03-01', '2016-10-31')
          : rng.date(spec.founded[0], spec.founded[1]);
      // Registered by the city's office (编办/民政) when not an enterprise.
      const region6 = registrar === '9' ? regionCode : '350500';
      const org: OrgRow = {
        id: rng.uuid(),
        uscc: book.uscc(registrar, cls, region6, foundedOn),
        name,
        kind: spec.kind,
        regionCode,
        parkId: null,
        industryCode: rng.pick(spec.industry),
        aboveSize: false,
        foundedOn,
        address: book.address(regionCode),
        contactPerson: book.person(),
        contactPhone: book.phone(),
      };
      return { org: finishRow(org, regionNames), brand };
    });
  };
  return {
    universities: build('universities'),
    institutes: build('institutes'),
    newRd: build('newRd'),
    agencies: build('agencies'),
    financial: build('financial'),
  };
}
