/**
 * Demo data: a few documents of Quanzhou's 2016 "1+X" innovation policy set (one framework
 * opinion plus supporting measures). Titles, numbers and texts are invented for the demonstration.
 */
import type { Db } from '../../db/client';
import type { policyDocuments } from '../../db/schema';
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
    title: '泉州市高新技术企业培育入库管理办法（征求意见稿）',
    documentNo: null,
    indexNo: null,
    issuer: BUREAU,
    status: 'drafting',
    isPublic: false,
    body: '第一条 为扩大高新技术企业群体，建立培育入库制度……',
  },
];

export async function loadDemoPolicies(db: Db) {
  await insertPolicies(
    db,
    DOCUMENTS.map((d) => ({ ...d, regionCode: CITY })),
  );
  return { policyDocuments: DOCUMENTS.length };
}
