/**
 * Demo registrations for a new embedded database: requests waiting in 晋江 and 南安, one returned
 * for correction, and an expert for the city's staff. Invented names; USCCs made with valid check
 * characters.
 */
import { makeUscc } from '../../../domain/identifiers';
import { hashPassword } from '../../platform/passwords';
import type { DemoContext } from '../index';
import { insertRegistrations } from './repo';

/** A one-page PDF standing in for the stamped 授权书. */
const pdf = (title: string) =>
  Buffer.from(
    `%PDF-1.4\n% ${title}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );

export async function loadDemoRegistrations({ db, demoPassword }: DemoContext) {
  const passwordHash = await hashPassword(demoPassword);
  const file = (name: string) => {
    const content = pdf(name);
    return {
      fileName: `${name}.pdf`,
      fileMime: 'application/pdf',
      fileSize: content.length,
      fileContent: content,
    };
  };
  const rows = [
    {
      trackingNo: 'ZC20170306DEMO01',
      kind: 'org' as const,
      status: 'pending' as const,
      uscc: makeUscc('9', '1', '350582', 'MA2YC7R3'),
      name: '晋江云创智能装备有限公司',
      legalRep: '林志远',
      orgKind: 'enterprise',
      regionCode: '350582',
      contactName: '陈雅琳',
      contactMobile: '13805951201',
      contactEmail: 'chen.yalin@example.cn',
      username: 'yunchuang.admin',
      fileKind: 'authorisation' as const,
      ...file('授权书-晋江云创'),
    },
    {
      trackingNo: 'ZC20170307DEMO02',
      kind: 'org' as const,
      status: 'pending' as const,
      uscc: makeUscc('9', '1', '350583', 'MA2NA5T8'),
      name: '南安磐石新材料股份有限公司',
      legalRep: '黄建华',
      orgKind: 'enterprise',
      regionCode: '350583',
      contactName: '吴晓峰',
      contactMobile: '13905952302',
      contactEmail: 'wu.xf@example.cn',
      username: 'panshi.admin',
      fileKind: 'licence' as const,
      ...file('营业执照-南安磐石'),
    },
    {
      trackingNo: 'ZC20170308DEMO03',
      kind: 'org' as const,
      status: 'returned' as const,
      uscc: makeUscc('9', '1', '350582', 'MA2HX4Q6'),
      name: '晋江华信纺织科技有限公司',
      legalRep: '蔡文斌',
      orgKind: 'enterprise',
      regionCode: '350582',
      contactName: '蔡丽华',
      contactMobile: '13605953403',
      contactEmail: 'cai.lh@example.cn',
      username: 'huaxin.admin',
      fileKind: 'authorisation' as const,
      reviewNote: '授权书未加盖单位公章，请重新上传盖章扫描件。',
      reviewedBy: 'county.jinjiang',
      reviewedAt: new Date('2017-03-09T06:30:00Z'),
      ...file('授权书-晋江华信'),
    },
    {
      trackingNo: 'ZC20170310DEMO04',
      kind: 'expert' as const,
      status: 'pending' as const,
      uscc: null,
      name: '郑思远',
      regionCode: '350503',
      contactName: '郑思远',
      contactMobile: '13705954504',
      contactEmail: 'zheng.sy@example.cn',
      username: 'zheng.siyuan',
      title: '教授级高级工程师',
      fields: ['智能制造', '数控技术'],
      employerName: '泉州示范工业技术研究院',
      fileKind: 'authorisation' as const,
      ...file('专家推荐函-郑思远'),
    },
  ];
  await insertRegistrations(
    db,
    rows.map((r) => ({
      ...r,
      passwordHash,
      submittedAt: new Date(`${r.trackingNo.slice(2, 6)}-03-10T01:00:00Z`),
    })),
  );
  return { registrations: rows.length };
}
