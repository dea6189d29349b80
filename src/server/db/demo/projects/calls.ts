/**
 * The demo calls of S&T plan projects: one 2017 call of each programme, with its window, budget,
 * rules, rubric, and the applications it holds (by the state each has reached). Titles and reasons
 * are invented. One call (燎原计划) is open at load time, so a newcomer can apply.
 */
import type { EligibilityRule } from '../../../../domain/contracts/projects';
import type { ApplicationState } from '../../../../domain/projects';
import type { OrgKind } from '../../../../domain/registry';

export type ReturnedBy = 'county' | 'staff';
/** One kind of application of a call: the state it has reached and how it got there. */
export interface Target {
  state: ApplicationState;
  n?: number;
  /** The applicant's county (its organisation is drawn from there). */
  region?: string;
  /** One of the demo accounts' organisations instead of a drawn one. */
  org?: 'enterprise' | 'institution';
  /** returned: by the county (before recommendation) or by staff (at formal review). */
  by?: ReturnedBy;
  /** rejected: at formal review, or after the expert review. */
  at?: 'formal' | 'review';
  /** draft: submitted once and withdrawn. */
  withdrawn?: boolean;
  /** expert_review: the demo expert holds a pending assignment, or declared a conflict with it. */
  demoExpert?: 'pending' | 'conflict';
  title?: string;
}

export interface Criterion {
  code: string;
  name: string;
  nameEn: string;
  max: number;
}

export interface CallSpec {
  programme: string;
  title: string;
  /** ISO dates (China time) of a closed call; null for the call open at load time. */
  window: [string, string] | null;
  budget: number;
  cap: number;
  maxPerApplicant: number;
  kinds: OrgKind[];
  /** Applicants were drawn among holders of this qualification valid when the call opened. */
  qualification?: string;
  eligibility: (counties: string[]) => EligibilityRule[];
  attachments: { code: string; name: string; nameEn: string }[];
  rubric: Criterion[];
  fields: string[];
  subjects: string[];
  suffixes: string[];
  targets: Target[];
}

const JJ = '350582';
const NA = '350583';
const kinds = (...k: OrgKind[]): EligibilityRule => ({ type: 'org_kind_in', kinds: k });
const att = (code: string, name: string, nameEn: string) => ({ code, name, nameEn });
const c = (code: string, name: string, nameEn: string, max: number): Criterion => ({
  code,
  name,
  nameEn,
  max,
});

const PLAN = att('plan', '项目可行性研究报告', 'Feasibility study');
const FINANCE = att('finance', '上年度财务审计报告', 'Audited accounts of last year');
const COMMIT = att('commitment', '信用承诺书', 'Credit commitment letter');
const AGREEMENT = att('agreement', '合作协议', 'Cooperation agreement');

const INNOVATION = c('innovation', '技术创新性', 'Technical innovation', 30);
const FEASIBILITY = c('feasibility', '实施方案可行性', 'Feasibility of the plan', 25);
const BENEFIT = c('benefit', '经济社会效益', 'Economic and social benefit', 25);
const CAPACITY = c('capacity', '承担单位基础与能力', "The applicant's capacity", 20);

export const DEMO_CALLS: CallSpec[] = [
  {
    programme: 'liaoyuan',
    title: '2017年度泉州市燎原计划项目申报指南',
    window: null,
    budget: 600,
    cap: 50,
    maxPerApplicant: 2,
    kinds: ['enterprise'],
    eligibility: (counties) => [kinds('enterprise'), { type: 'region_in', regions: counties }],
    attachments: [PLAN, COMMIT],
    rubric: [INNOVATION, FEASIBILITY, BENEFIT, CAPACITY],
    fields: ['advanced-manufacturing', 'new-materials', 'electronic-info'],
    subjects: [
      '运动鞋底发泡',
      '纺织印染废水回用',
      '石材智能雕刻',
      '水暖卫浴精密铸造',
      '茶叶自动化加工',
      '食品无菌灌装',
    ],
    suffixes: ['工艺升级', '技术改造及推广', '生产线智能化改造'],
    targets: [
      { state: 'draft', org: 'enterprise', title: '运动鞋智能化柔性生产线技术改造' },
      { state: 'returned', org: 'enterprise', by: 'county', title: '鞋材水性胶粘剂替代工艺推广' },
      { state: 'draft', n: 1 },
      { state: 'draft', withdrawn: true },
      { state: 'submitted', n: 3, region: JJ },
      { state: 'submitted', n: 2, region: NA },
      { state: 'submitted', n: 1 },
      { state: 'returned', by: 'county', region: NA },
      { state: 'recommended', n: 1, region: JJ },
      { state: 'recommended', n: 1 },
    ],
  },
  {
    programme: 'nc_special',
    title: '2017年度泉州市数控一代专项项目申报指南',
    window: ['2017-03-01', '2017-04-14'],
    budget: 1500,
    cap: 100,
    maxPerApplicant: 1,
    kinds: ['enterprise'],
    qualification: 'hte',
    eligibility: () => [{ type: 'valid_qualification', qualification: 'hte' }, kinds('enterprise')],
    attachments: [PLAN, FINANCE, att('nc_cert', '数控装备应用证明', 'Proof of CNC equipment use')],
    rubric: [
      c('innovation', '数控技术创新性', 'CNC innovation', 35),
      c('feasibility', '技术方案可行性', 'Technical feasibility', 25),
      c('benefit', '示范推广效益', 'Demonstration benefit', 25),
      c('capacity', '研发基础', 'R&D base', 15),
    ],
    fields: ['advanced-manufacturing', 'electronic-info'],
    subjects: [
      '鞋服智能裁剪',
      '陶瓷压机伺服控制',
      '石材多轴数控切割',
      '经编机电子横移',
      '卫浴注浆机器人',
      '工业缝纫机数控',
    ],
    suffixes: ['系统研发与应用', '关键技术研究及产业化', '数控装备研制'],
    targets: [
      { state: 'expert_review', n: 3, demoExpert: 'pending' },
      { state: 'expert_review', demoExpert: 'conflict' },
      { state: 'expert_review', n: 4 },
      { state: 'recommended', n: 3 },
      { state: 'returned', by: 'staff' },
      { state: 'rejected', at: 'formal' },
    ],
  },
  {
    programme: 'agri_park',
    title: '2017年度泉州市农业科技创新与园区建设专项申报指南',
    window: ['2017-04-10', '2017-05-19'],
    budget: 800,
    cap: 60,
    maxPerApplicant: 1,
    kinds: ['enterprise'],
    eligibility: (counties) => [kinds('enterprise'), { type: 'region_in', regions: counties }],
    attachments: [PLAN, att('park', '园区建设方案', 'Park development plan')],
    rubric: [
      c('innovation', '技术先进性', 'Technical advancement', 30),
      c('demonstration', '示范带动作用', 'Demonstration effect', 30),
      c('benefit', '农民增收效益', "Farmers' income", 25),
      c('capacity', '实施条件', 'Conditions', 15),
    ],
    fields: ['bio-medicine', 'resources-environment'],
    subjects: ['铁观音茶树良种', '永春芦柑', '德化淮山', '设施蔬菜', '食用菌工厂化', '稻渔综合种养'],
    suffixes: ['繁育与示范', '标准化种植技术集成示范', '科技示范园建设'],
    targets: [
      { state: 'proposed', n: 4 },
      { state: 'reviewed', n: 2 },
      { state: 'rejected', at: 'review' },
    ],
  },
  {
    programme: 'major_innovation',
    title: '2017年度泉州市重大创新项目（揭榜挂帅）榜单',
    window: ['2017-02-15', '2017-03-31'],
    budget: 3000,
    cap: 300,
    maxPerApplicant: 1,
    kinds: ['enterprise', 'institute', 'university'],
    eligibility: () => [kinds('enterprise', 'institute', 'university')],
    attachments: [PLAN, FINANCE, COMMIT],
    rubric: [
      c('breakthrough', '攻关目标与技术突破', 'Targets and breakthrough', 40),
      c('team', '团队实力', 'Team', 20),
      c('feasibility', '技术路线', 'Technical route', 20),
      c('benefit', '产业带动', 'Industrial impact', 20),
    ],
    fields: ['new-materials', 'electronic-info', 'new-energy-saving'],
    subjects: [
      '高性能纤维',
      '石墨烯改性涂层',
      '功率半导体封装',
      '锂电池隔膜',
      '微波陶瓷介质',
      '智能电网终端',
    ],
    suffixes: ['关键技术攻关', '核心技术揭榜攻关'],
    targets: [
      { state: 'publicity', n: 2 },
      { state: 'approved', n: 2 },
      { state: 'established', org: 'institution', title: '高性能鞋材再生循环利用技术攻关' },
      { state: 'not_approved' },
      { state: 'rejected', at: 'formal' },
    ],
  },
  {
    programme: 'iur_coop',
    title: '2017年度泉州市产学研合作项目申报指南',
    window: ['2017-03-20', '2017-05-05'],
    budget: 900,
    cap: 80,
    maxPerApplicant: 1,
    kinds: ['enterprise', 'institute', 'university'],
    eligibility: () => [kinds('enterprise', 'institute', 'university')],
    attachments: [PLAN, AGREEMENT],
    rubric: [
      c('cooperation', '合作基础与机制', 'Cooperation', 30),
      c('innovation', '技术创新性', 'Innovation', 30),
      c('benefit', '成果转化效益', 'Transfer benefit', 40),
    ],
    fields: ['advanced-manufacturing', 'new-materials', 'hitech-services'],
    subjects: [
      '鞋用TPU薄膜',
      '纸尿裤高吸水材料',
      '伞骨轻量化',
      '服装三维虚拟试衣',
      '机械密封件',
      '仿古建筑石材',
    ],
    suffixes: ['校企联合研发', '产学研协同攻关', '成果转化及产业化'],
    targets: [
      { state: 'in_progress', org: 'enterprise', title: '鞋底材料轻量化与耐磨性能校企联合研发' },
      { state: 'in_progress', n: 3 },
      { state: 'rectifying' },
      { state: 'established' },
      { state: 'terminated' },
    ],
  },
  {
    programme: 'intl_coop',
    title: '2017年度泉州市国际科技合作项目申报指南',
    window: ['2017-05-02', '2017-06-15'],
    budget: 500,
    cap: 50,
    maxPerApplicant: 1,
    kinds: ['enterprise', 'institute', 'university'],
    eligibility: () => [kinds('enterprise', 'institute', 'university')],
    attachments: [PLAN, AGREEMENT, att('partner', '外方合作单位资质', "Foreign partner's credentials")],
    rubric: [
      c('partner', '外方合作优势', "The partner's strengths", 30),
      c('innovation', '技术引进与创新', 'Technology transfer and innovation', 35),
      c('benefit', '预期成效', 'Expected results', 35),
    ],
    fields: ['electronic-info', 'bio-medicine', 'advanced-manufacturing'],
    subjects: ['中德智能制造', '中意石材加工', '中以节水灌溉', '中日精密模具', '海丝沿线食品检测'],
    suffixes: ['联合研发', '技术引进消化吸收', '国际合作示范'],
    targets: [{ state: 'closed', n: 2 }, { state: 'acceptance_pending', n: 2 }, { state: 'in_progress' }],
  },
  {
    programme: 'st_insurance',
    title: '2017年度泉州市科技保险补贴申报指南',
    window: ['2017-01-10', '2017-02-28'],
    budget: 200,
    cap: 10,
    maxPerApplicant: 1,
    kinds: ['enterprise'],
    eligibility: () => [kinds('enterprise')],
    attachments: [
      att('policy', '科技保险保单', 'Insurance policy'),
      att('invoice', '保费发票', 'Premium invoice'),
    ],
    rubric: [
      c('coverage', '保险险种与保障范围', 'Coverage', 40),
      c('rd', '研发投入强度', 'R&D intensity', 30),
      c('compliance', '材料规范性', 'Documents', 30),
    ],
    fields: ['hitech-services', 'advanced-manufacturing'],
    subjects: [
      '关键研发设备',
      '产品研发责任',
      '高管人员和关键研发人员团体',
      '知识产权',
      '首台（套）重大技术装备',
    ],
    suffixes: ['保险保费补贴', '科技保险补贴'],
    targets: [{ state: 'closed', n: 4 }, { state: 'acceptance_pending' }, { state: 'draft' }],
  },
];
