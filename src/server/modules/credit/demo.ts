/**
 * Demo credit records (invented): one in force on an enterprise newly recognised as 高企 in 2016,
 * so the 新认定高企奖励 list shows it left out with its reason; one that has lapsed by its date.
 */
import type { Db } from '../../db/client';
import { demoCreditSubjects, insertCredits } from './repo';

export async function loadDemoCredit(db: Db) {
  const [inForce, lapsed] = await demoCreditSubjects(db);
  if (!inForce || !lapsed) return { creditRecords: 0 };
  await insertCredits(db, [
    {
      subjectKind: 'org',
      orgId: inForce.id,
      subjectName: inForce.name,
      regionCode: inForce.regionCode,
      reason: '以虚假材料申报市级科技计划项目，骗取财政资金',
      sourceDocument: '泉科〔2016〕97号（演示）',
      severity: 'serious',
      validFrom: '2016-11-15',
      validTo: '2031-11-14',
      objection: '我司对部分材料的真实性负有审核疏忽责任，但不存在主观故意，申请减轻处理。',
      objectionAt: new Date('2016-12-01T02:00:00Z'),
      answer: '经复核，材料造假事实清楚，维持原处理决定。',
      answeredAt: new Date('2016-12-20T02:00:00Z'),
      createdBy: 'demo',
    },
    {
      subjectKind: 'org',
      orgId: lapsed.id,
      subjectName: lapsed.name,
      regionCode: lapsed.regionCode,
      reason: '项目逾期未验收且未按要求说明',
      sourceDocument: '泉科〔2015〕64号（演示）',
      severity: 'general',
      validFrom: '2015-08-01',
      validTo: '2017-07-31',
      createdBy: 'demo',
    },
  ]);
  return { creditRecords: 2 };
}
