/**
 * The sentences of the annual summary, from figures to text, written like the bureau's own 2016
 * work summary (泉科〔2017〕28号). Pure: the figures come in as numbers (or null when missing), the
 * sentences come out. A clause whose figure is missing is left out; a sentence or a section with
 * nothing left is left out. Shares are always computed here from their counts.
 */
import { chineseNumeral, fmtNumber } from './summary-format';
import {
  change,
  type Figures,
  growth,
  join,
  money,
  type Part,
  pair,
  qty,
  type SummaryScope,
  type SummarySection,
  sentence,
  shareClause,
  t,
  val,
} from './summary-phrase';

export type { Fig, Figures, SummaryScope, SummarySection } from './summary-phrase';

function enterprises(f: Figures, s: SummaryScope): Part[] {
  const base = val(f, 'above_size_ind');
  const ncShare = shareClause(f, 'nc_enterprises', 'above_size_ind');
  const nc = qty(f, 'nc_enterprises', '家');
  return [
    sentence(s.area, [
      join(
        [
          t`有效期内高新技术企业${(val(f, 'hte_valid') ?? 0) > 0 ? '达到' : ''}${qty(f, 'hte_valid', '家')}`,
          change(f, 'hte_valid', '家'),
        ],
        '，',
      ),
      t`当年新增高新技术企业、科技小巨人领军企业${qty(f, 'new_hte_giant', '家')}`,
      t`拥有${join(
        [
          t`省级科技型企业备案${qty(f, 'prov_tech_ent', '家')}`,
          t`知识产权试点示范和优势企业${qty(f, 'ip_pilot_ent', '家')}`,
        ],
        '、',
      )}`,
    ]),
    ncShare !== null
      ? t`${s.area}${fmtNumber(base!)}家规上工业企业中，有${nc}参与“数控一代”示范工程，${ncShare}。`
      : t`${s.area}有${nc}规上工业企业参与“数控一代”示范工程。`,
  ];
}

function platforms(f: Figures, s: SummaryScope): Part[] {
  return [
    sentence(s.area, [
      t`拥有${join(
        [
          t`市级企业工程技术研究中心${qty(f, 'muni_eng_center', '家')}`,
          t`行业技术开发中心${qty(f, 'ind_tech_center', '家')}`,
          t`省级企业重点实验室${qty(f, 'prov_key_lab', '家')}`,
          t`“国家队”创新平台${qty(f, 'national_platforms', '个')}`,
        ],
        '、',
      )}`,
      t`新型研发机构累计达${qty(f, 'new_rd_inst', '家')}`,
    ]),
  ];
}

function carriers(f: Figures, s: SummaryScope): Part[] {
  const built = t`已累计建设市级以上众创空间及孵化器${qty(f, 'incubators', '家')}`;
  return [
    sentence(
      s.area,
      [
        built,
        built && t`其中国家级${qty(f, 'incubators_national', '家')}`,
        t`服务${join([t`初创企业${qty(f, 'startups_served', '家')}`, t`创业团队${qty(f, 'teams_served', '个')}`], '、')}`,
      ],
      '，',
    ),
  ];
}

function innovation(f: Figures, s: SummaryScope): Part[] {
  const base = val(f, 'above_size_ind');
  const withBase = base !== null && base > 0;
  const item = (label: string, code: string) =>
    withBase
      ? join([t`${label}的企业${qty(f, code, '家')}`, shareClause(f, code, 'above_size_ind')], '，')
      : t`${label}的规上工业企业${qty(f, code, '家')}`;
  const lead = withBase ? `${s.area}${fmtNumber(base)}家规模以上工业企业中，` : s.area;
  return [sentence(lead, [item('有研发活动', 'rd_active_ent'), item('拥有关键或核心技术', 'core_tech_ent')])];
}

function ip(f: Figures, s: SummaryScope): Part[] {
  const pledges = qty(f, 'patent_pledges', '项');
  const pledgeMoney = money(f, 'patent_pledge_amount');
  return [
    sentence(`${s.year}年，${s.area}`, [
      pair(f, '专利', ['patent_apps', '申请'], ['patent_grants', '授权'], '件'),
      pair(f, '发明专利', ['inv_patent_apps', '申请'], ['inv_patent_grants', '授权'], '件'),
    ]),
    sentence(
      s.area,
      [
        t`有效发明专利拥有量${qty(f, 'valid_inv_patents', '件')}`,
        t`每万人发明专利拥有量${qty(f, 'inv_per_10k', '件')}`,
        change(f, 'inv_per_10k', '件', 2),
      ],
      '，',
    ),
    pledges !== null
      ? `${s.area}有${pledges}专利权获得质押贷款${pledgeMoney === null ? '' : `，授信额度${pledgeMoney}`}。`
      : t`${s.area}专利权质押授信额度${pledgeMoney}。`,
    sentence(
      `${s.year}年${s.area}`,
      [t`共立案查处各类专利案件${qty(f, 'ip_cases', '件')}`, growth(f, 'ip_cases')],
      '，',
    ),
  ];
}

function techMarket(f: Figures, s: SummaryScope): Part[] {
  const amount = money(f, 'tech_contract_amount', true);
  return [
    sentence(
      `${s.year}年，${s.area}`,
      [t`技术合同认定登记成交金额${amount}`, growth(f, 'tech_contract_amount')],
      '，',
    ),
  ];
}

function finance(f: Figures, s: SummaryScope): Part[] {
  const ents = qty(f, 'insurance_subsidy_ents', '家');
  const creditEnts = qty(f, 'credit_granted_ents', '家');
  const credit = money(f, 'credit_granted_amount');
  return [
    sentence(
      `${s.year}年，${s.area}`,
      [
        t`共为${ents}高新技术企业的科技保险提供补贴`,
        t`落实${ents === null ? '科技保险' : ''}补贴资金${money(f, 'insurance_subsidy_amount')}`,
      ],
      '，',
    ),
    creditEnts !== null
      ? `高新技术企业发展基金为${creditEnts}高新技术企业提供授信${credit === null ? '' : `，授信金额${credit}`}。`
      : t`高新技术企业发展基金授信金额${credit}。`,
  ];
}

function rdAndIndustry(f: Figures, s: SummaryScope): Part[] {
  const rd = t`全社会R&D经费投入${money(f, 'rd_spending')}`;
  const ratio = qty(f, 'rd_gdp_ratio', '%');
  return [
    sentence(s.area, [
      rd !== null
        ? join([rd, t`占地区生产总值比重${ratio}`], '，')
        : t`全社会R&D投入占地区生产总值比重${ratio}`,
      t`高新技术产业增加值占地区生产总值比重${qty(f, 'hitech_va_share', '%')}`,
    ]),
    sentence('', [t`高新区工业总产值${money(f, 'htz_output')}`, growth(f, 'htz_output')], '，'),
  ];
}

function agriculture(f: Figures, s: SummaryScope): Part[] {
  return [
    sentence(
      s.area,
      [
        t`累计建设市级科技特派员示范基地${qty(f, 'commissioner_bases', '家')}`,
        t`认定市级科技型农民专业合作社${qty(f, 'tech_coops', '家')}`,
      ],
      '，',
    ),
  ];
}

function keyWorks(f: Figures, s: SummaryScope): Part[] {
  return [
    sentence(`${s.year}年，${s.area}`, [
      t`筹集自创区建设专项资金${money(f, 'zone_fund')}`,
      t`培育科技创新创业领军人才（团队）${qty(f, 'talents', '名（个）')}`,
      t`谋划实施重大创新项目${qty(f, 'major_projects', '个')}`,
      t`累计出台“1+X”配套政策${qty(f, 'policies_issued', '份')}`,
      t`组织实施重大产学研、国际科技合作项目${qty(f, 'coop_projects', '项')}`,
    ]),
  ];
}

const SECTIONS: [string, (f: Figures, s: SummaryScope) => Part[]][] = [
  ['科技型企业', enterprises],
  ['创新平台', platforms],
  ['孵化载体', carriers],
  ['企业创新', innovation],
  ['知识产权', ip],
  ['技术市场', techMarket],
  ['科技金融', finance],
  ['研发投入与高新技术产业', rdAndIndustry],
  ['农业科技', agriculture],
  ['重点工作', keyWorks],
];

/** The figures sections, numbered 一、二、… over those that have anything to say. */
export function summarySections(f: Figures, scope: SummaryScope): SummarySection[] {
  const out: SummarySection[] = [];
  for (const [title, build] of SECTIONS) {
    const paragraphs = build(f, scope).filter((p): p is string => p !== null);
    if (paragraphs.length > 0)
      out.push({ heading: `${chineseNumeral(out.length + 1)}、${title}`, paragraphs });
  }
  return out;
}

/** 「泉州市2016年科技创新工作主要数据」 */
export function summaryTitle(regionName: string, year: number): string {
  return `${regionName}${year}年科技创新工作主要数据`;
}
