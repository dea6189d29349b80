import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { call, describeEachDb, signedIn } from '../../test/harness';
import { checkCells, checkStatedShares, checkSummary, definitionOf, loadStatedShares } from './summary-check';
import {
  areaWord,
  chineseNumeral,
  fmtGrowth,
  fmtMoneyWan,
  fmtNumber,
  fmtShare,
  growthOf,
  shareOf,
} from './summary-format';
import { buildSummaryDoc, type SummaryRow } from './summary-model';
import { type Figures, summarySections } from './summary-text';

/** The seed's 2016 city figures, with last year's where the tests need them. */
const SEED: Figures = {
  hte_valid: { value: 311, lastYear: 291 },
  prov_tech_ent: { value: 259 },
  ip_pilot_ent: { value: 398 },
  above_size_ind: { value: 4438 },
  nc_enterprises: { value: 1300 },
  rd_active_ent: { value: 667 },
  core_tech_ent: { value: 150 },
  muni_eng_center: { value: 189 },
  ind_tech_center: { value: 164 },
  prov_key_lab: { value: 12 },
  new_rd_inst: { value: 36 },
  incubators: { value: 71 },
  incubators_national: { value: 8 },
  startups_served: { value: 498 },
  teams_served: { value: 1028 },
  patent_apps: { value: 54010 },
  patent_grants: { value: 26851 },
  inv_patent_apps: { value: 5871, lastYear: 3938 },
  inv_patent_grants: { value: 1509, lastYear: 1015 },
  inv_per_10k: { value: 4.58 },
  patent_pledges: { value: 36 },
  patent_pledge_amount: { value: 57500 },
  ip_cases: { value: 228, lastYear: 187 },
  tech_contract_amount: { value: 462721.06 },
  insurance_subsidy_ents: { value: 14 },
  insurance_subsidy_amount: { value: 49.52 },
  credit_granted_ents: { value: 25 },
  credit_granted_amount: { value: 19830 },
};
const CITY = { year: 2016, area: '全市' };

function text(f: Figures): string {
  return summarySections(f, CITY)
    .map((s) => `${s.heading}\n${s.paragraphs.join('\n')}`)
    .join('\n');
}

describe('annual summary: numbers the Chinese way', () => {
  it('computes shares from counts with one decimal', () => {
    expect(fmtShare(shareOf(1300, 4438)!)).toBe('29.3%');
    expect(fmtShare(shareOf(667, 4438)!)).toBe('15.0%');
    expect(fmtShare(shareOf(150, 4438)!)).toBe('3.4%');
    expect(shareOf(5, 0)).toBeNull();
    expect(shareOf(null, 4438)).toBeNull();
  });

  it('computes growth from last year and writes it like the bureau', () => {
    expect(fmtGrowth(growthOf(5871, 3938)!)).toBe('增长49.09%');
    expect(fmtGrowth(growthOf(1509, 1015)!)).toBe('增长48.67%');
    expect(fmtGrowth(growthOf(122, 100)!)).toBe('增长22%');
    expect(fmtGrowth(growthOf(90, 100)!)).toBe('下降10%');
    expect(growthOf(5, null)).toBeNull();
    expect(growthOf(5, 0)).toBeNull();
  });

  it('writes counts without separators and money in 万元 or 亿元', () => {
    expect(fmtNumber(54010)).toBe('54010');
    expect(fmtNumber(4.58)).toBe('4.58');
    expect(fmtMoneyWan(49.52)).toBe('49.52万元');
    expect(fmtMoneyWan(19830)).toBe('1.983亿元');
    expect(fmtMoneyWan(57500)).toBe('5.75亿元');
    expect(fmtMoneyWan(462721.06, true)).toBe('462721.06万元');
    expect([1, 10, 11, 23].map(chineseNumeral)).toEqual(['一', '十', '十一', '二十三']);
    expect(['泉州市', '晋江市', '鲤城区', '惠安县', '泉州经济技术开发区'].map(areaWord)).toEqual([
      '全市',
      '全市',
      '全区',
      '全县',
      '全区',
    ]);
  });
});

describe('annual summary: sentences', () => {
  it('reads like the seed for the 2016 figures', () => {
    const s = text(SEED);
    expect(s).toContain(
      '全市有效期内高新技术企业达到311家，比上年增加20家；拥有省级科技型企业备案259家、知识产权试点示范和优势企业398家。',
    );
    expect(s).toContain('全市4438家规上工业企业中，有1300家参与“数控一代”示范工程，占29.3%。');
    expect(s).toContain(
      '全市拥有市级企业工程技术研究中心189家、行业技术开发中心164家、省级企业重点实验室12家；新型研发机构累计达36家。',
    );
    expect(s).toContain(
      '全市已累计建设市级以上众创空间及孵化器71家，其中国家级8家，服务初创企业498家、创业团队1028个。',
    );
    expect(s).toContain(
      '全市4438家规模以上工业企业中，有研发活动的企业667家，占15.0%；拥有关键或核心技术的企业150家，占3.4%。',
    );
    expect(s).toContain(
      '2016年，全市专利申请54010件、授权26851件；发明专利申请5871件、授权1509件，同比分别增长49.09%和48.67%。',
    );
    expect(s).toContain('全市每万人发明专利拥有量4.58件。');
    expect(s).toContain('全市有36项专利权获得质押贷款，授信额度5.75亿元。');
    expect(s).toContain('2016年全市共立案查处各类专利案件228件，同比增长21.93%。');
    expect(s).toContain('2016年，全市技术合同认定登记成交金额462721.06万元。');
    expect(s).toContain('2016年，全市共为14家高新技术企业的科技保险提供补贴，落实补贴资金49.52万元。');
    expect(s).toContain('高新技术企业发展基金为25家高新技术企业提供授信，授信金额1.983亿元。');
    expect(summarySections(SEED, CITY).map((x) => x.heading)).toEqual([
      '一、科技型企业',
      '二、创新平台',
      '三、孵化载体',
      '四、企业创新',
      '五、知识产权',
      '六、技术市场',
      '七、科技金融',
    ]);
  });

  it('omits the clause of a missing figure, and a section with nothing left', () => {
    const f: Figures = {
      ...SEED,
      prov_tech_ent: { value: null },
      patent_apps: { value: null },
      inv_patent_grants: { value: 1509, lastYear: null },
      tech_contract_amount: { value: null },
      hte_valid: { value: 311, lastYear: null },
    };
    const s = text(f);
    expect(s).toContain('全市有效期内高新技术企业达到311家；拥有知识产权试点示范和优势企业398家。');
    expect(s).toContain('2016年，全市专利授权26851件；发明专利申请5871件、授权1509件，申请同比增长49.09%。');
    expect(s).not.toContain('技术市场');
    expect(s).not.toContain('null');
    expect(summarySections(f, CITY).map((x) => x.heading)[5]).toBe('六、科技金融');
  });

  it('leaves the share out when there is no base to compute it from', () => {
    const s = text({
      nc_enterprises: { value: 12 },
      above_size_ind: { value: 0 },
      rd_active_ent: { value: 3 },
    });
    expect(s).toContain('全市有12家规上工业企业参与“数控一代”示范工程。');
    expect(s).toContain('全市有研发活动的规上工业企业3家。');
    expect(s).not.toContain('%');
  });
});

describe('annual summary: stated shares against computed ones', () => {
  it('flags the seed\u2019s 30% and 4.5% and accepts its 15%', () => {
    const checks = checkStatedShares(loadStatedShares('quanzhou'), SEED, 2016, '350500', '350500');
    expect(checks.map((c) => [c.computed, c.entry.statedPercent, c.differs])).toEqual([
      [29.3, 30, true],
      [15, 15, false],
      [3.4, 4.5, true],
    ]);
    expect(checkCells(checks[0]).slice(1)).toEqual(['1300 ÷ 4438 = 29.3%', '-0.7个百分点', '不一致']);
    expect(checkSummary(checks)).toContain('有2项占比与计算结果不一致');
    expect(checkStatedShares(loadStatedShares('quanzhou'), SEED, 2016, '350582', '350500')).toEqual([]);
    expect(
      checkStatedShares(loadStatedShares('quanzhou'), {}, 2016, '350500', '350500')[0].differs,
    ).toBeNull();
  });

  it('explains derived figures by the names of their parts', () => {
    expect(definitionOf('nc_share')).toBe('参与“数控一代”的规上企业 ÷ 规上工业企业 × 100');
    expect(definitionOf('startups_served')).toBe(
      '计入市级以上众创空间及孵化器的载体当年服务的初创企业数之和',
    );
  });

  it('puts every indicator in the table, a missing value as a dash', () => {
    const row = (code: string, value: number | null, lastYear: number | null): SummaryRow => ({
      code,
      name: code,
      value,
      unit: '家',
      lastYear,
      kind: 'reported',
      source: '泉科〔2017〕28号',
      indicator: { decimals: 0 },
    });
    const doc = buildSummaryDoc({
      year: 2016,
      asOf: '2016-12-31',
      generatedOn: '2026-03-01',
      regionCode: '350500',
      regionName: '泉州市',
      cityCode: '350500',
      rows: [row('hte_valid', 311, 291), row('patent_apps', null, 40000)],
      statedShares: [],
    });
    expect(doc.title).toBe('泉州市2016年科技创新工作主要数据');
    expect(doc.subtitle).toBe('数据截至 2016年12月31日，由科创平台根据登记记录自动生成于 2026年3月1日');
    expect(doc.table.rows).toEqual([
      ['hte_valid', '311', '家', '291', '+20', '泉科〔2017〕28号'],
      ['patent_apps', '—', '家', '40000', '—', '—'],
    ]);
    expect(doc.checks).toBeNull();
  });
});

describeEachDb('plan: annual summary document', (ctx) => {
  it('downloads a valid Word document even for a year without data, and refuses enterprises', async () => {
    const leader = await signedIn(ctx, 'leader');
    const res = await call(ctx.app, {
      url: '/api/v1/plan/reports/annual-summary.docx?year=2095',
      cookie: leader.cookie,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('科技创新工作总结-2095.docx')}`,
    );
    const bytes = res.rawPayload;
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('泉州市2095年科技创新工作主要数据');
    expect(xml).toContain('附：口径说明与数据核对');
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toContain('w:eastAsia="宋体"');

    const county = await signedIn(ctx, 'county', { regionCode: '350582' });
    const own = await call(ctx.app, {
      url: '/api/v1/plan/reports/annual-summary.docx?year=2095',
      cookie: county.cookie,
    });
    expect(own.statusCode).toBe(200);
    const ownXml = await (await JSZip.loadAsync(own.rawPayload)).file('word/document.xml')!.async('string');
    expect(ownXml).toContain('晋江市2095年科技创新工作主要数据');
    const other = await call(ctx.app, {
      url: '/api/v1/plan/reports/annual-summary.docx?year=2095&region=350583',
      cookie: county.cookie,
    });
    expect(other.statusCode).toBe(400);

    const ent = await signedIn(ctx, 'enterprise');
    const refused = await call(ctx.app, {
      url: '/api/v1/plan/reports/annual-summary.docx?year=2095',
      cookie: ent.cookie,
    });
    expect(refused.statusCode).toBe(403);
  });
});
