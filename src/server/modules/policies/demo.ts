/**
 * Demo data: a few documents of Quanzhou's 2016 "1+X" innovation policy set (one framework
 * opinion plus supporting measures). Titles, numbers and texts are invented for the demonstration.
 */

import type { EligibilityRule } from '../../../domain/contracts/policy-items';
import type { Db } from '../../db/client';
import type { policyDocuments } from '../../db/schema';
import { clock } from '../../platform/clock';
import type { RegionTree } from '../../platform/region-tree';
import {
  documentsByNo,
  eligibleRows,
  firstCallOf,
  insertBatch,
  insertItems,
  insertPayments,
  insertRuleVersion,
} from './items-repo';
import { insertPolicies } from './repo';

const CITY = '350500';
const BUREAU = '泉州市科学技术局';
const GOVERNMENT = '泉州市人民政府';

type Demo = Omit<typeof policyDocuments.$inferInsert, 'regionCode'>;

const DOCUMENTS: Demo[] = [
  {
    title: '关于加快推进创新驱动发展 建设产业创新高地的若干意见',
    documentNo: '泉政文〔2016〕61号',
    indexNo: '35050001-0200-2016-00061',
    issuer: GOVERNMENT,
    status: 'issued',
    issuedOn: '2016-05-20',
    isPublic: true,
    body: '为深入实施创新驱动发展战略，加快建设产业创新高地，现提出以下意见。一、总体要求……二、主要任务……三、保障措施……',
  },
  {
    title: '泉州市企业研发费用分段补助实施细则',
    documentNo: '泉科〔2016〕48号',
    indexNo: '35050010-0300-2016-00048',
    issuer: BUREAU,
    status: 'issued',
    issuedOn: '2016-07-12',
    isPublic: true,
    body: '第一条 为落实"1+X"政策体系，鼓励企业加大研发投入，制定本细则。第二条 补助对象……第三条 补助标准……',
  },
  {
    title: '泉州市新型研发机构认定和扶持办法',
    documentNo: '泉科〔2016〕52号',
    indexNo: '35050010-0300-2016-00052',
    issuer: BUREAU,
    status: 'issued',
    issuedOn: '2016-08-03',
    isPublic: true,
    body: '第一条 为引进和培育新型研发机构，制定本办法。第二条 认定条件……第三条 扶持措施……',
  },
  {
    title: '泉州市科技企业孵化器和众创空间扶持办法（试行）',
    documentNo: '泉科〔2015〕31号',
    indexNo: '35050010-0300-2015-00031',
    issuer: BUREAU,
    status: 'repealed',
    issuedOn: '2015-06-18',
    repealedOn: '2016-09-30',
    isPublic: true,
    body: '（已由新的孵化载体扶持办法替代。）',
  },
  {
    title: '泉州市科技保险保费补贴实施细则',
    documentNo: '泉科〔2017〕5号',
    indexNo: '35050010-0300-2017-00005',
    issuer: BUREAU,
    status: 'issued',
    issuedOn: '2017-01-16',
    isPublic: true,
    body: '第一条 为分散科技企业创新风险，对投保科技保险的企业给予保费补贴……',
  },
  {
    title: '泉州市科技企业孵化器和众创空间扶持办法',
    documentNo: '泉科〔2017〕9号',
    indexNo: '35050010-0300-2017-00009',
    issuer: BUREAU,
    status: 'issued',
    issuedOn: '2017-02-20',
    isPublic: true,
    body: '第一条 为加快孵化载体建设，对新认定的市级以上孵化器、众创空间给予奖励……',
  },
  {
    title: '泉州市科技特派员工作管理办法',
    documentNo: '泉科〔2017〕17号',
    indexNo: '35050010-0300-2017-00017',
    issuer: BUREAU,
    status: 'issued',
    issuedOn: '2017-03-28',
    isPublic: true,
    body: '第一条 为深化科技特派员制度，规范选派和考核……',
  },
  {
    title: '泉州市专利资助和奖励办法',
    documentNo: '泉科〔2017〕23号',
    indexNo: '35050010-0300-2017-00023',
    issuer: BUREAU,
    status: 'issued',
    issuedOn: '2017-04-25',
    isPublic: true,
    body: '第一条 为鼓励发明创造，对授权发明专利给予资助……',
  },
  {
    title: '泉州市科技创新创业领军人才（团队）引进培育办法',
    documentNo: '泉科〔2017〕31号',
    indexNo: '35050010-0300-2017-00031',
    issuer: BUREAU,
    status: 'issued',
    issuedOn: '2017-05-31',
    isPublic: true,
    body: '第一条 为集聚科技创新创业领军人才……',
  },
  {
    title: '泉州市重大科技创新项目管理办法',
    documentNo: '泉科〔2017〕40号',
    indexNo: '35050010-0300-2017-00040',
    issuer: BUREAU,
    status: 'issued',
    issuedOn: '2017-07-10',
    isPublic: true,
    body: '第一条 为规范重大科技创新项目的组织实施……',
  },
  {
    title: '泉州市产学研合作和国际科技合作项目管理办法',
    documentNo: '泉科〔2017〕46号',
    indexNo: '35050010-0300-2017-00046',
    issuer: BUREAU,
    status: 'issued',
    issuedOn: '2017-08-22',
    isPublic: true,
    body: '第一条 为推动产学研深度融合和国际科技合作……',
  },
  {
    title: '泉州市高新技术企业培育入库管理办法（征求意见稿）',
    documentNo: null,
    indexNo: null,
    issuer: BUREAU,
    status: 'drafting',
    isPublic: false,
    body: '第一条 为扩大高新技术企业群体，建立培育入库制度……',
  },
];

/** 2016 新认定高企奖励: enterprises whose first 高企 recognition was issued in 2016. */
export const NEW_HTE_2016: EligibilityRule = {
  orgKinds: ['enterprise'],
  regionCodes: [],
  industryCodes: [],
  qualification: { typeCode: 'hte', issuedFrom: '2016-01-01', issuedTo: '2016-12-31', firstTime: true },
};

/**
 * The 2016 科技保险保费补贴 as the seed reports it: 14 enterprises, 49.52 万元 (50% of the premium,
 * at most 5 万元 each), paid in one batch to 高企 holding their certificate before the year's second half.
 */
const INSURANCE_AMOUNTS = [
  '5.00',
  '4.80',
  '4.36',
  '4.12',
  '3.90',
  '3.75',
  '3.60',
  '3.48',
  '3.25',
  '3.10',
  '2.96',
  '2.70',
  '2.50',
  '2.00',
];
const INSURED: EligibilityRule = {
  orgKinds: ['enterprise'],
  regionCodes: [],
  industryCodes: [],
  aboveSize: true,
  qualification: { typeCode: 'hte', issuedFrom: '2013-01-01', issuedTo: '2016-06-30', firstTime: false },
};

async function loadDemoItems(db: Db, regions: RegionTree) {
  const docs = new Map(
    (await documentsByNo(db, ['泉政文〔2016〕61号', '泉科〔2017〕5号', '泉科〔2017〕9号'])).map((d) => [
      d.documentNo,
      d.id,
    ]),
  );
  const opinion = docs.get('泉政文〔2016〕61号')!;
  const incubators = docs.get('泉科〔2017〕9号')!;
  const insurance2017 = docs.get('泉科〔2017〕5号')!;
  const callId = await firstCallOf(db, 'st_insurance');
  const base = { regionCode: CITY, budgetLine: '科学技术支出—科技条件与服务' };
  const [newHte, insurance] = await insertItems(db, [
    {
      ...base,
      documentId: opinion,
      title: '新认定高新技术企业奖励',
      budgetLine: '科学技术支出—技术研究与开发',
      year: 2016,
      benefitKind: 'fixed',
      amount: '10.00',
      noApplication: true,
      rule: NEW_HTE_2016,
      ruleVersion: 1,
    },
    {
      ...base,
      documentId: opinion,
      title: '科技保险保费补贴',
      year: 2016,
      benefitKind: 'percent',
      amount: '5.00',
      percent: 50,
      baseLabel: '当年实缴科技保险保费',
      figure: 'insurance_subsidy',
    },
    {
      ...base,
      documentId: insurance2017,
      title: '科技保险保费补贴（2017年度）',
      year: 2017,
      benefitKind: 'percent',
      amount: '10.00',
      percent: 50,
      baseLabel: '当年实缴科技保险保费',
      callId,
      figure: 'insurance_subsidy',
    },
    {
      ...base,
      documentId: incubators,
      title: '孵化器新增孵化用房补助',
      year: 2017,
      benefitKind: 'percent',
      amount: '50.00',
      percent: 30,
      baseLabel: '新增孵化用房建设投入',
    },
    {
      ...base,
      documentId: incubators,
      title: '众创空间奖励',
      year: 2017,
      benefitKind: 'fixed',
      amount: '20.00',
    },
  ]);
  await insertRuleVersion(db, { itemId: newHte.id, version: 1, rule: NEW_HTE_2016, savedBy: 'demo' });

  const input = { rule: INSURED, ruleRegions: null, today: clock.today() };
  const payees = await eligibleRows(db, { kind: 'city' }, input, { page: 1, pageSize: 14 }, regions, 14, 0);
  const batch = await insertBatch(db, {
    itemId: insurance.id,
    paidOn: '2016-12-20',
    note: '2016年度科技保险保费补贴（演示）',
    createdBy: 'demo',
  });
  await insertPayments(
    db,
    payees.map((o, k) => ({
      batchId: batch.id,
      itemId: insurance.id,
      orgId: o.id,
      regionCode: o.regionCode,
      amount: INSURANCE_AMOUNTS[k],
      paidOn: '2016-12-20',
    })),
  );
  return { policyItems: 5, insurancePayments: payees.length };
}

export async function loadDemoPolicies(db: Db, regions: RegionTree) {
  await insertPolicies(
    db,
    DOCUMENTS.map((d) => ({ ...d, regionCode: CITY })),
  );
  return { policyDocuments: DOCUMENTS.length, ...(await loadDemoItems(db, regions)) };
}
