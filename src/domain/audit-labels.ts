import { CASE_ACTION_CODES, CASE_TRANSITIONS } from './ip-cases';
import { type Msg, msg } from './message';
import { ACTION_CODES, TRANSITIONS } from './projects';
import { CONTRACT_ACTION_CODES, CONTRACT_TRANSITIONS } from './tech-contracts';

/**
 * What each audit action code means, for the auditor (审计管理员) who reads the log and for its
 * export. Every code written anywhere (writeAudit, auditRead, the denial trail) has an entry here;
 * audit-labels.test.ts reads the source to keep it so.
 */
const FIXED: Record<string, Msg> = {
  // Access refusals (等保 §8.1.4.3), written by the audit trail after the response.
  'access.unauthenticated': msg('未登录访问被拒绝', 'Refused: not signed in'),
  'access.forbidden': msg('越权访问被拒绝', 'Refused: no permission'),
  'access.csrf-refused': msg('跨站请求被拒绝', 'Refused: cross-site request'),
  'access.not-found': msg('访问不存在或范围外的记录', 'Record absent or out of scope'),
  'access.separation-of-duties': msg('三员分立拒绝', 'Refused: separation of duties'),
  'access.denied-coalesced': msg('拒绝访问（合并计数）', 'Refusals (counted together)'),

  'auth.login': msg('登录', 'Sign in'),
  'auth.logout': msg('退出登录', 'Sign out'),
  'auth.lockout': msg('账户锁定', 'Account locked'),
  'auth.password-change': msg('修改密码', 'Change password'),
  'auth.password-ok': msg('密码验证通过，待第二因子', 'Password accepted, second factor due'),
  'auth.mfa': msg('第二因子验证', 'Second-factor check'),
  'auth.mfa-enrol': msg('绑定身份验证器', 'Enrol authenticator'),

  'user.create': msg('新增用户', 'Create user'),
  'user.update': msg('修改用户', 'Update user'),
  'user.enable': msg('启用用户', 'Enable user'),
  'user.disable': msg('停用用户', 'Disable user'),
  'user.unlock': msg('解锁用户', 'Unlock user'),
  'user.reset-password': msg('重置密码', 'Reset password'),
  'user.export': msg('导出用户', 'Export users'),
  'user.grant-role': msg('授予角色', 'Grant role'),
  'user.reset-second-factor': msg('重置身份验证器', 'Reset authenticator'),
  'department.create': msg('新增部门', 'Create department'),
  'department.update': msg('修改部门', 'Update department'),
  'department.export': msg('导出部门', 'Export departments'),
  'role.update': msg('修改角色权限', 'Change role permissions'),
  'role.export': msg('导出角色', 'Export roles'),
  'security-policy.update': msg('修改安全策略', 'Change security policy'),
  'session.force-logout': msg('强制下线', 'Force sign-out'),
  'session.export': msg('导出在线会话', 'Export sessions'),

  'audit.export': msg('导出审计日志', 'Export audit log'),
  'audit.purge': msg('归档并清理审计日志', 'Archive and purge audit log'),
  'audit.archive.download': msg('下载审计归档', 'Download audit archive'),

  'organization.create': msg('新增创新主体', 'Create organisation'),
  'organization.update': msg('修改创新主体', 'Update organisation'),
  'organization.self-update': msg('修改本单位信息', 'Update own organisation'),
  'organization.annual-stats': msg('填报年度统计', 'Annual statistics'),
  'organization.view': msg('查看主体档案', 'View organisation record'),
  'organization.export': msg('导出创新主体', 'Export organisations'),
  'qualification.create': msg('新增资质', 'Add qualification'),
  'qualification.update': msg('修改资质', 'Update qualification'),
  'qualification.revoke': msg('撤销资质', 'Revoke qualification'),
  'qualification.export': msg('导出资质', 'Export qualifications'),
  'cultivation.export': msg('导出高企培育库', 'Export cultivation pool'),
  'platform.create': msg('新增研发平台', 'Create R&D platform'),
  'platform.update': msg('修改研发平台', 'Update R&D platform'),
  'platform.end': msg('研发平台终止', 'End R&D platform'),
  'platform.export': msg('导出研发平台', 'Export R&D platforms'),
  'carrier.create': msg('新增孵化载体', 'Create incubation carrier'),
  'carrier.update': msg('修改孵化载体', 'Update incubation carrier'),
  'carrier.end': msg('孵化载体终止', 'End incubation carrier'),
  'carrier.annual': msg('填报载体年度数据', 'Carrier annual figures'),
  'carrier.export': msg('导出孵化载体', 'Export incubation carriers'),
  'park.annual': msg('填报园区年度数据', 'Park annual figures'),
  'park.export': msg('导出园区', 'Export parks'),
  'registry.import': msg('Excel 导入', 'Excel import'),
  'registry.import-errors.download': msg('下载导入错误清单', 'Download import errors'),

  'plan.target.create': msg('设定目标', 'Set target'),
  'plan.target.update': msg('修改目标', 'Change target'),
  'plan.target.delete': msg('删除目标', 'Delete target'),
  'plan.target.split': msg('分解目标', 'Split target'),
  'plan.target.export': msg('导出目标', 'Export targets'),
  'plan.reported-value.create': msg('填报指标数据', 'Report figure'),
  'plan.reported-value.correct': msg('更正填报数据', 'Correct reported figure'),
  'plan.reported-value.import': msg('导入填报数据', 'Import reported figures'),
  'plan.reported-value.export': msg('导出填报数据', 'Export reported figures'),
  'plan.indicator-values.export': msg('导出指标值', 'Export indicator values'),
  'plan.indicator-records.export': msg('导出指标明细', 'Export indicator records'),
  'plan.rankings.export': msg('导出排名', 'Export rankings'),
  'plan.summary.download': msg('下载年度工作总结', 'Download annual summary'),

  'call.create': msg('新增申报批次', 'Create call'),
  'call.update': msg('修改申报批次', 'Update call'),
  'call.export': msg('导出申报批次', 'Export calls'),
  'call.ranking.export': msg('导出评审排序', 'Export review ranking'),
  'call.ranking.download': msg('下载评审排序报告', 'Download review ranking report'),
  'call.publicity.download': msg('下载公示名单', 'Download publicity list'),
  'application.create': msg('新建项目申报', 'Create application'),
  'application.update': msg('修改项目申报', 'Update application'),
  'application.export': msg('导出项目申报', 'Export applications'),
  'attachment.create': msg('上传附件', 'Upload attachment'),
  'attachment.delete': msg('删除附件', 'Delete attachment'),
  'attachment.download': msg('下载附件', 'Download attachment'),
  'expert.create': msg('新增专家', 'Create expert'),
  'expert.update': msg('修改专家', 'Update expert'),
  'expert.export': msg('导出专家', 'Export experts'),
  'expert.account.link': msg('关联专家账户', 'Link expert account'),
  'expert.account.unlink': msg('解除专家账户', 'Unlink expert account'),
  'expert.conflict.add': msg('登记回避关系', 'Add conflict of interest'),
  'expert.conflict.remove': msg('删除回避关系', 'Remove conflict of interest'),
  'review.draw': msg('抽取专家', 'Draw experts'),
  'review.replace': msg('替换专家', 'Replace expert'),
  'review.decline': msg('专家拒绝评审', 'Expert declines'),
  'review.declare-no-conflict': msg('专家声明无利益冲突', 'Expert declares no conflict'),
  'review.submit': msg('提交评审意见', 'Submit review'),
  'review.export': msg('导出评审任务', 'Export reviews'),
  'review.attachment.view': msg('专家查阅申报附件', 'Expert views an attachment'),
  'review.attachment.download': msg('专家下载申报附件', 'Expert downloads an attachment'),
  'application.declaration.download': msg('下载申报书', 'Download the submitted application'),
  'application.submission.verify': msg('核验申报书', 'Verify a submitted application'),
  'payment.create': msg('登记拨款', 'Record payment'),
  'policy.create': msg('新增政策文件', 'Create policy document'),
  'policy.update': msg('修改政策文件', 'Update policy document'),
  'policy.issue': msg('发布政策文件', 'Issue policy document'),
  'policy.repeal': msg('废止政策文件', 'Repeal policy document'),
  'policy.export': msg('导出政策文件', 'Export policy documents'),
  'market.achievement.create': msg('新增科技成果', 'Create achievement'),
  'market.achievement.update': msg('修改科技成果', 'Update achievement'),
  'market.achievement.submit': msg('提交科技成果', 'Submit achievement'),
  'market.achievement.publish': msg('发布科技成果', 'Publish achievement'),
  'market.achievement.return': msg('退回科技成果', 'Return achievement'),
  'market.achievement.withdraw': msg('撤回科技成果', 'Withdraw achievement'),
  'market.achievement.expire': msg('科技成果过期下架', 'Expire achievement'),
  'market.achievement.import': msg('导入科技成果', 'Import achievements'),
  'market.achievement.export': msg('导出科技成果', 'Export achievements'),
  'market.demand.create': msg('新增技术需求', 'Create demand'),
  'market.demand.update': msg('修改技术需求', 'Update demand'),
  'market.demand.submit': msg('提交技术需求', 'Submit demand'),
  'market.demand.publish': msg('发布技术需求', 'Publish demand'),
  'market.demand.return': msg('退回技术需求', 'Return demand'),
  'market.demand.withdraw': msg('撤回技术需求', 'Withdraw demand'),
  'market.demand.expire': msg('技术需求过期下架', 'Expire demand'),
  'market.demand.export': msg('导出技术需求', 'Export demands'),
  'market.interest': msg('表达对接意向', 'Express interest'),
  'market.match.create': msg('建立成果需求对接', 'Take up a match'),
  'market.match.contacted': msg('对接：已联系', 'Match: contacted'),
  'market.match.negotiating': msg('对接：洽谈中', 'Match: negotiating'),
  'market.match.contracted': msg('对接：已签约', 'Match: contracted'),
  'market.match.dropped': msg('对接：不再推进', 'Match: not pursued'),
  'market.match.suggested': msg('对接：推荐', 'Match: suggested'),
  'market.match.export': msg('导出成果需求对接', 'Export matches'),
  'market.call.create': msg('发布揭榜项目', 'Publish solution call'),
  'market.call.close': msg('截止揭榜征集', 'Close solution call'),
  'market.call.export': msg('导出揭榜项目', 'Export solution calls'),
  'market.proposal.create': msg('提交揭榜方案', 'Submit proposal'),
  'market.proposal.shortlist': msg('揭榜方案入围', 'Shortlist proposal'),
  'market.proposal.pick': msg('选定揭榜方案', 'Pick proposal'),
  'market.event.create': msg('登记成果推介会', 'Record promotion event'),
  'market.event.export': msg('导出成果推介会', 'Export promotion events'),
  'ip.import.start': msg('开始导入专利', 'Start patent import'),
  'ip.import.finish': msg('完成导入专利', 'Finish patent import'),
  'ip.applicant.decide': msg('核对专利申请人', 'Match patent applicant'),
  'ip.patent.export': msg('导出专利', 'Export patents'),
  'ip.case.create': msg('登记专利执法案件', 'Enter enforcement case'),
  'ip.case.update': msg('修改专利执法案件', 'Update enforcement case'),
  'ip.case.export': msg('导出专利执法案件', 'Export enforcement cases'),
  'finance.record.create': msg('录入科技金融记录', 'Enter finance record'),
  'finance.record.update': msg('修改科技金融记录', 'Update finance record'),
  'finance.record.delete': msg('删除科技金融记录', 'Delete finance record'),
  'finance.record.import': msg('导入授信记录', 'Import credit lines'),
  'finance.record.export': msg('导出科技金融记录', 'Export finance records'),
  'finance.institution.create': msg('登记金融机构', 'List financial institution'),
  'finance.institution.export': msg('导出金融机构名录', 'Export financial institutions'),

  'export-job.create': msg('提交导出任务', 'Start export job'),

  'system.demo-seed': msg('载入演示数据', 'Load demo data'),
  'system.demo-plan': msg('载入演示计划数据', 'Load demo plan data'),
  'system.demo-projects': msg('载入演示项目数据', 'Load demo project data'),
  'system.demo-patents': msg('载入演示专利数据', 'Load demo patent data'),
  'system.demo-ip-cases': msg('载入演示专利执法案件', 'Load demo enforcement cases'),

  'tech_contract.create': msg('填报技术合同', 'Enter technology contract'),
  'tech_contract.update': msg('修改技术合同', 'Update technology contract'),
  'tech_contract.file.create': msg('上传合同文本', 'Upload signed contract'),
  'tech_contract.file.delete': msg('删除合同文本', 'Delete signed contract'),
  'tech_contract.file.download': msg('下载合同文本', 'Download signed contract'),
  'tech_contract.certificate.download': msg('下载技术合同登记证明', 'Download registration certificate'),
  'tech_contract.verify': msg('核验技术合同登记证明', 'Verify registration certificate'),
  'tech_contract.import': msg('导入技术合同', 'Import technology contracts'),
  'tech_contract.export': msg('导出技术合同', 'Export technology contracts'),

  'recommendation.letter-upload': msg('上传推荐函', 'Upload recommendation letter'),
  'recommendation.letter-download': msg('下载推荐函', 'Download recommendation letter'),
  'application.recommend-letter': msg(
    '推荐函随推荐归档',
    'File the recommendation letter with the recommendation',
  ),
};

/** Technology contract steps: 「技术合同：准予登记」 from the contracts' one transition table. */
const CONTRACT_LABELS: Record<string, Msg> = Object.fromEntries(
  CONTRACT_ACTION_CODES.map((a) => [
    `tech_contract.${a}`,
    msg(
      `技术合同：${CONTRACT_TRANSITIONS[a].name.zh}`,
      `Technology contract: ${CONTRACT_TRANSITIONS[a].name.en}`,
    ),
  ]),
);

/** Enforcement case steps: 「专利执法案件：立案」 from the cases' one transition table. */
const CASE_LABELS: Record<string, Msg> = Object.fromEntries(
  CASE_ACTION_CODES.map((a) => [
    `ip.case.${a}`,
    msg(`专利执法案件：${CASE_TRANSITIONS[a].name.zh}`, `Enforcement case: ${CASE_TRANSITIONS[a].name.en}`),
  ]),
);

/** Application workflow steps: 「项目申报：推荐」 from the one transition table. */
const TRANSITION_LABELS: Record<string, Msg> = Object.fromEntries(
  ACTION_CODES.map((a) => [
    `application.${a}`,
    msg(`项目申报：${TRANSITIONS[a].name.zh}`, `Application: ${TRANSITIONS[a].name.en}`),
  ]),
);

export const AUDIT_ACTION_LABELS: Readonly<Record<string, Msg>> = {
  ...TRANSITION_LABELS,
  ...CONTRACT_LABELS,
  ...CASE_LABELS,
  ...FIXED,
};

/** What an entry's object (target_type) is. */
export const AUDIT_OBJECT_LABELS: Readonly<Record<string, Msg>> = {
  route: msg('接口', 'Endpoint'),
  export_job: msg('导出任务', 'Export job'),
  tech_contract: msg('技术合同', 'Technology contract'),
  tech_contract_file: msg('技术合同文本', 'Signed contract file'),
  recommendation: msg('推荐函', 'Recommendation letter'),
  user: msg('用户', 'User'),
  department: msg('部门', 'Department'),
  role: msg('角色', 'Role'),
  settings: msg('系统设置', 'Settings'),
  session: msg('会话', 'Session'),
  mfa: msg('第二因子', 'Second factor'),
  audit_log: msg('审计日志', 'Audit log'),
  audit_archive: msg('审计归档', 'Audit archive'),
  organization: msg('创新主体', 'Organisation'),
  qualification: msg('资质', 'Qualification'),
  rd_platform: msg('研发平台', 'R&D platform'),
  carrier: msg('孵化载体', 'Incubation carrier'),
  park: msg('园区', 'Park'),
  import: msg('导入任务', 'Import'),
  plan: msg('目标计划', 'Plan'),
  plan_target: msg('目标', 'Target'),
  reported_value: msg('填报数据', 'Reported figure'),
  indicator: msg('指标', 'Indicator'),
  report: msg('报告', 'Report'),
  call: msg('申报批次', 'Call'),
  application: msg('项目申报', 'Application'),
  attachment: msg('附件', 'Attachment'),
  expert: msg('专家', 'Expert'),
  review_assignment: msg('评审任务', 'Review assignment'),
  projects: msg('科技计划项目', 'Projects'),
  policy_document: msg('政策文件', 'Policy document'),
  market_achievement: msg('科技成果', 'Achievement'),
  market_demand: msg('技术需求', 'Demand'),
  market_match: msg('成果需求对接', 'Match'),
  market_call: msg('揭榜项目', 'Solution call'),
  market_event: msg('成果推介会', 'Promotion event'),
  ip_patent: msg('专利', 'Patent'),
  ip_import: msg('专利导入', 'Patent import'),
  ip_applicant_review: msg('待核对申请人', 'Applicant to match'),
  ip_case: msg('专利执法案件', 'Enforcement case'),
  finance_record: msg('科技金融记录', 'Finance record'),
  finance_institution: msg('金融机构', 'Financial institution'),
  export: msg('导出', 'Export'),
};

/** The label of an action code; an unknown code (an older release's) shows as itself. */
export function auditActionLabel(code: string): Msg {
  return AUDIT_ACTION_LABELS[code] ?? msg(code, code);
}

export function auditObjectLabel(type: string): Msg {
  return AUDIT_OBJECT_LABELS[type] ?? msg(type, type);
}

export const AUDIT_OUTCOME_LABELS: Readonly<Record<'success' | 'failure' | 'denied', Msg>> = {
  success: msg('成功', 'Succeeded'),
  failure: msg('失败', 'Failed'),
  denied: msg('拒绝', 'Denied'),
};
