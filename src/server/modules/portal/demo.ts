/**
 * Demo data of the portal: 服务指南 for the bureau's services, a 申报指南 file for each call still
 * open, 公示 (two closed, one with its objection window open today), and the indicators published
 * for 2016. Texts are invented for the demonstration; telephone numbers are the bureau's office
 * lines as a notice prints them.
 */
import { Paragraph } from 'docx';
import type { NoticeRecord } from '../../../domain/contracts/portal';
import { clock } from '../../platform/clock';
import { a4Docx, docPara } from '../../platform/docx';
import type { DemoContext } from '../index';
import {
  approvedOfCall,
  callsOpenOrUpcoming,
  callsWithStates,
  insertGuideFiles,
  insertGuides,
  insertNotices,
  insertObjection,
  replacePublicCodes,
} from './repo';
import { APPROVED_STATES, addDays, callName } from './service';

const DEMO_USER = 'demo';
const OFFICE = '泉州市科学技术局（电话 0595-2228xxxx）';

export const DEMO_GUIDES = [
  {
    code: 'plan_projects',
    title: '科技计划项目申报',
    whoMayApply:
      '在泉州市注册、具有独立法人资格的企业、高等院校和科研院所；申报单位须符合当期申报指南规定的资质和区域条件，每个单位每批次限报项目数以指南为准。',
    materials:
      '1. 项目申报书（在线填写后生成）；\n2. 可行性研究报告；\n3. 单位营业执照或法人证书；\n4. 上年度财务报表；\n5. 指南要求的其他附件。',
    timeLimits:
      '申报期以各批次通知为准；县（市、区）科技部门在申报截止后 10 个工作日内完成推荐；评审结果在网上公示 7 日。',
    contacts: '市科技局计划科 0595-2228xxxx；各县（市、区）科技局',
    entry: '/public/calls',
    sortOrder: 10,
  },
  {
    code: 'tech_contracts',
    title: '技术合同认定登记',
    whoMayApply:
      '在泉州市行政区域内签订技术开发、技术转让、技术许可、技术咨询和技术服务合同的法人和其他组织。',
    materials:
      '1. 技术合同文本；\n2. 合同当事人的营业执照或法人证书；\n3. 技术转让、许可合同须附专利证书等权属证明；\n4. 登记机构要求的其他材料。',
    timeLimits: '材料齐全的，登记机构自受理之日起 3 个工作日内完成认定登记。',
    contacts: '市技术合同登记处 0595-2228xxxx',
    entry: '/login',
    sortOrder: 20,
  },
  {
    code: 'hte_recognition',
    title: '高新技术企业认定',
    whoMayApply:
      '在泉州市注册成立一年以上的居民企业，拥有核心自主知识产权，研发费用、高新技术产品收入和科技人员占比符合《高新技术企业认定管理办法》规定。',
    materials:
      '1. 高新技术企业认定申请书；\n2. 知识产权相关材料；\n3. 研究开发项目立项报告；\n4. 经中介机构鉴证的研发费用和高新技术产品收入专项审计报告；\n5. 近三个会计年度财务会计报告。',
    timeLimits:
      '按省科技厅年度通知分批受理；市级推荐在受理截止后 15 个工作日内完成；认定结果公示 10 个工作日。',
    contacts: '市科技局高新技术科 0595-2228xxxx',
    entry: '/login',
    sortOrder: 30,
  },
  {
    code: 'patent_funding',
    title: '专利资助',
    whoMayApply: '泉州市行政区域内的企事业单位和个人，专利申请日或授权日在资助年度内。',
    materials:
      '1. 专利资助申请表；\n2. 专利证书或受理通知书复印件；\n3. 缴费凭证；\n4. 申请人身份证明或营业执照。',
    timeLimits: '每年集中受理两次；材料审核 20 个工作日；资助名单公示 7 日后拨付。',
    contacts: '市知识产权局 0595-2228xxxx',
    entry: '/login',
    sortOrder: 40,
  },
  {
    code: 'commissioners',
    title: '科技特派员选派',
    whoMayApply:
      '具有中级以上专业技术职称或相应技能的科技人员，以及有意愿开展农村科技服务的法人科技特派员单位。',
    materials:
      '1. 科技特派员申请表；\n2. 职称或技能证明；\n3. 服务对象的需求确认函；\n4. 所在单位同意派出的意见。',
    timeLimits: '每年一季度集中选派；资格审核 15 个工作日；服务期一般为一年。',
    contacts: '市科技局农村科技科 0595-2228xxxx',
    entry: '/login',
    sortOrder: 50,
  },
  {
    code: 'tech_market',
    title: '技术成果与需求发布',
    whoMayApply: '拥有可转化科技成果或有技术需求的企业、高校、科研院所和个人。',
    materials: '1. 成果或需求简介；\n2. 知识产权情况说明；\n3. 联系人信息（仅用于对接，不对外公开）。',
    timeLimits: '发布信息 5 个工作日内审核；对接服务常年受理。',
    contacts: '市技术市场服务中心 0595-2228xxxx',
    entry: '/public/market',
    sortOrder: 60,
  },
];

/** The indicators the bureau publishes for 2016, as the demo marks them public. */
export const DEMO_PUBLIC_2016 = [
  'hte_valid',
  'new_hte_giant',
  'muni_eng_center',
  'new_rd_inst',
  'incubators',
  'patent_apps',
  'patent_grants',
  'inv_per_10k',
  'tech_contract_amount',
  'rd_gdp_ratio',
  'hitech_va_share',
];

function guideDocx(call: Awaited<ReturnType<typeof callsOpenOrUpcoming>>[number]) {
  const day = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const attachments = (call.requiredAttachments as { name: string }[]).map((a, i) => `${i + 1}. ${a.name}`);
  return a4Docx(`${callName(call.title)}申报指南`, [
    docPara(`${callName(call.title)}申报指南`, { bold: true, size: 36, center: true }),
    docPara(`一、计划类别：${call.programmeName}（${call.year}年度）`),
    docPara(`二、申报时间：${day(call.opensAt)} 至 ${day(call.closesAt)}，逾期系统不再受理。`),
    docPara(
      `三、资助方式：单个项目资助额度不超过 ${call.fundingCap} 万元；每个单位限报 ${call.maxPerApplicant} 项。`,
    ),
    docPara('四、申报材料：'),
    ...attachments.map((a) => docPara(a)),
    docPara('五、申报方式：登录泉州市科技创新服务平台在线填报，提交后由所在县（市、区）科技部门推荐。'),
    new Paragraph({}),
    docPara(`咨询电话：${OFFICE}`),
  ]);
}

export async function loadDemoPortal({ db }: DemoContext) {
  const now = clock.now();
  const today = clock.today();
  await insertGuides(db, DEMO_GUIDES);

  const open = await callsOpenOrUpcoming(db, now);
  for (const call of open) {
    const content = await guideDocx(call);
    await insertGuideFiles(db, [
      {
        callId: call.id,
        fileName: `${callName(call.title)}申报指南.docx`,
        mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        size: content.length,
        content,
        uploadedBy: DEMO_USER,
      },
    ]);
  }

  // 立项公示 of the calls with approved projects: the newest open for objections today, the
  // others closed after their seven days.
  const withApproved = await callsWithStates(db, APPROVED_STATES);
  const notices = [];
  for (const [i, call] of withApproved.slice(0, 3).entries()) {
    const records: NoticeRecord[] = await approvedOfCall(db, call.id, APPROVED_STATES);
    const start = i === 0 ? addDays(today, -2) : addDays(call.closesAt.toISOString().slice(0, 10), 40);
    const end = addDays(start, 6);
    notices.push({
      type: 'approval' as const,
      title: `${callName(call.title)}拟立项项目公示`,
      body: `根据专家评审和局务会研究，现将${callName(call.title)}拟立项项目予以公示（名单附后）。公示期为${start}至${end}。任何单位和个人对公示项目有异议的，请在公示期内通过本页提出，写明理由并提供必要的证明材料；以单位名义提出的须加盖公章，以个人名义提出的须署真实姓名。`,
      records,
      callId: call.id,
      windowStart: start,
      windowEnd: end,
      contactLine: `泉州市科学技术局计划科，${OFFICE}`,
      status: 'published' as const,
      publishedAt: new Date(`${start}T09:00:00+08:00`),
      createdBy: DEMO_USER,
    });
  }
  notices.push({
    type: 'recognition' as const,
    title: '2016年度泉州市市级企业工程技术研究中心拟认定名单公示',
    body: '经单位申报、县（市、区）推荐、专家评审，拟认定下列单位组建市级企业工程技术研究中心，现予公示。公示期内如有异议，请通过本页提出。',
    records: [],
    callId: null,
    windowStart: '2016-11-04',
    windowEnd: '2016-11-10',
    contactLine: `泉州市科学技术局高新技术科，${OFFICE}`,
    status: 'published' as const,
    publishedAt: new Date('2016-11-04T09:00:00+08:00'),
    createdBy: DEMO_USER,
  });
  const ids = notices.length > 0 ? await insertNotices(db, notices) : [];
  // One objection waiting on the notice still in its window (the workbench counts it).
  if (ids.length > 0 && withApproved.length > 0) {
    await insertObjection(db, {
      noticeId: ids[0].id,
      trackingNo: `YY${today.replaceAll('-', '')}DEMO01`,
      name: '陈某某（演示）',
      contact: 'objector.demo@example.cn',
      reason: '名单第 2 项的承担单位上一年度已获市级同类项目资助，请核实是否重复立项。',
    });
  }

  await replacePublicCodes(db, 2016, DEMO_PUBLIC_2016, DEMO_USER);
  return {
    guides: DEMO_GUIDES.length,
    guideFiles: open.length,
    notices: notices.length,
    publicIndicators2016: DEMO_PUBLIC_2016.length,
  };
}
