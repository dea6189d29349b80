/**
 * The technology market's demo set, generated the same way every time (invented organisations
 * and titles): 500 achievements of 14 fields, each a technology applied to a use; demands written
 * in an enterprise's words about one such technology and use, so each demand has an intended
 * counterpart (the matching quality test ranks it); 燎原 calls with 68 solutions; three 推介会
 * presenting 592 results in total (the seed's 二(四)).
 */
import { makeUscc, patentCheckChar } from '../../../domain/identifiers';
import {
  MARKET_FIELD_NAMES,
  MATURITY_CODES,
  type MarketField,
  TRANSFER_MODE_CODES,
} from '../../../domain/market';

/** For each field: technologies and the uses they serve (each pair is one achievement). */
const VOCAB: Record<MarketField, [string[], string[]]> = {
  graphene: [
    [
      '石墨烯导热膜',
      '石墨烯防腐涂料',
      '石墨烯导电油墨',
      '石墨烯改性纤维',
      '石墨烯锂电池负极',
      '石墨烯传感器',
    ],
    ['LED散热', '船舶防腐', '柔性电路', '功能服装', '储能电站', '健康监测'],
  ],
  'integrated-circuit': [
    ['芯片封装', '晶圆清洗', '功率器件', '模拟芯片设计', '存储器测试', '光刻胶'],
    ['智能手机', '汽车电子', '工业控制', '物联网终端', '数据中心', '安防监控'],
  ],
  'smart-manufacturing': [
    ['工业机器人', '机器视觉检测', '数字孪生', '柔性生产线', '智能仓储', '预测性维护'],
    ['鞋服生产', '陶瓷烧成', '食品包装', '五金加工', '纸品印刷', '石材切割'],
  ],
  'textile-footwear': [
    ['3D打印鞋底', '无水染色', '功能性面料', '超临界发泡', '智能针织', '鞋材回收'],
    ['运动鞋', '户外服装', '童装', '袜业', '箱包', '体育用品'],
  ],
  'building-ceramics': [
    ['陶瓷釉料', '低温烧结', '陶瓷3D打印', '发泡陶瓷', '石材废料利用', '抗菌陶瓷'],
    ['建筑外墙', '卫浴洁具', '日用瓷', '艺术瓷', '地铺砖', '装配式建筑'],
  ],
  'tea-agriculture': [
    ['茶叶精制', '茶多酚提取', '病虫害绿色防控', '设施农业物联网', '冷链保鲜', '水肥一体化'],
    ['铁观音', '芦柑', '食用菌', '蔬菜基地', '花卉', '水产养殖'],
  ],
  'electronic-info': [
    ['5G天线', '北斗定位', '边缘计算', '人脸识别', '区块链溯源', '工业互联网平台'],
    ['智慧港口', '智慧社区', '物流配送', '电力巡检', '医疗影像', '商超零售'],
  ],
  'bio-medicine': [
    ['中药提取', '细胞培养', '体外诊断试剂', '缓释制剂', '医用敷料', '基因检测'],
    ['心血管', '肿瘤筛查', '伤口护理', '慢病管理', '宠物医疗', '保健食品'],
  ],
  aerospace: [
    ['无人机飞控', '航空复合材料', '卫星遥感', '航空发动机叶片', '机载电子', '航空润滑'],
    ['农业植保', '森林防火', '海洋监测', '国土测绘', '应急救援', '通用航空'],
  ],
  'new-materials': [
    ['高分子改性', '纳米涂层', '稀土永磁', '碳纤维复合', '生物降解塑料', '特种陶瓷纤维'],
    ['汽车轻量化', '家电外壳', '风电叶片', '电机', '快递包装', '耐火隔热'],
  ],
  'hitech-services': [
    ['检验检测', '工业设计', '知识产权运营', '技术咨询评估', '研发外包', '科技金融'],
    ['小微企业', '新型研发机构', '孵化器', '高新区', '外贸企业', '专精特新'],
  ],
  'new-energy-saving': [
    ['光伏组件', '储能电池管理', '余热回收', '氢燃料电池', '变频节能', 'LED照明'],
    ['工业园区', '陶瓷窑炉', '纺织印染', '公共建筑', '电动汽车', '港口码头'],
  ],
  'resources-environment': [
    ['印染废水处理', '污泥资源化', '挥发性有机物治理', '固废综合利用', '土壤修复', '海水淡化'],
    ['印染园区', '石材企业', '制鞋企业', '化工园区', '矿山', '海岛'],
  ],
  'advanced-manufacturing': [
    ['数控机床', '精密铸造', '激光焊接', '液压系统', '高速电主轴', '伺服驱动'],
    ['机械装备', '汽车零部件', '模具', '阀门', '水暖卫浴', '电梯'],
  ],
};

/** Invented universities and institutes (owners of achievements) and enterprises (demanders). */
const PROVIDERS = [
  ['泉州滨海理工大学', '350503'],
  ['闽南示范科技学院', '350502'],
  ['泉州清源工程研究院', '350503'],
  ['晋江新材料创新研究院', '350582'],
  ['石狮纺织服装研究所', '350581'],
  ['南安装备制造研究院', '350583'],
  ['德化陶瓷工艺研究所', '350526'],
  ['安溪茶产业研究院', '350524'],
  ['惠安石材技术研究所', '350521'],
  ['洛江智能装备研究院', '350504'],
  ['泉港绿色化工研究院', '350505'],
  ['永春现代农业研究所', '350525'],
] as const;
const DEMANDERS = [
  ['晋江恒远鞋业有限公司', '350582'],
  ['石狮海韵服饰有限公司', '350581'],
  ['南安瑞丰水暖有限公司', '350583'],
  ['德化瓷韵陶瓷有限公司', '350526'],
  ['安溪云岭茶业有限公司', '350524'],
  ['惠安磐石石材有限公司', '350521'],
  ['泉州宏达机械有限公司', '350502'],
  ['丰泽智联电子有限公司', '350503'],
  ['洛江启明智能科技有限公司', '350504'],
  ['泉港海晟化工有限公司', '350505'],
  ['永春百草生物科技有限公司', '350525'],
  ['晋江芯和半导体有限公司', '350582'],
  ['石狮远航渔业有限公司', '350581'],
  ['南安光耀新能源有限公司', '350583'],
  ['泉州港畅物流有限公司', '350502'],
  ['丰泽康源医疗器械有限公司', '350503'],
] as const;

export interface DemoOrg {
  key: string;
  uscc: string;
  name: string;
  kind: 'university' | 'institute' | 'enterprise';
  regionCode: string;
}

export function demoOrgs(): DemoOrg[] {
  const base = (i: number, p: string) => `${p}${String(i).padStart(6, '0')}`.replace(/[IOSVZ]/g, '1');
  return [
    ...PROVIDERS.map(([name, regionCode], i) => ({
      key: `p${i}`,
      uscc: makeUscc('1', '2', regionCode, base(i, 'MK')),
      name,
      kind: (name.endsWith('大学') || name.endsWith('学院') ? 'university' : 'institute') as DemoOrg['kind'],
      regionCode,
    })),
    ...DEMANDERS.map(([name, regionCode], i) => ({
      key: `d${i}`,
      uscc: makeUscc('9', '1', regionCode, base(i, 'ME')),
      name,
      kind: 'enterprise' as const,
      regionCode,
    })),
  ];
}

const TITLE_FORMS = [
  (t: string, u: string) => `${t}在${u}中的应用`,
  (t: string, u: string) => `面向${u}的${t}技术`,
  (t: string, u: string) => `${u}用${t}关键技术`,
];

export interface DemoAchievement {
  index: number;
  tech: string;
  use: string;
  field: MarketField;
  provider: number;
  title: string;
  abstract: string;
  keywords: string[];
  maturity: (typeof MATURITY_CODES)[number];
  transferModes: string[];
  price: string | null;
  patentNos: string[];
  source: 'lanhuo' | 'liaoyuan' | 'own';
  sourceBatch: string | null;
  publishedOn: string;
}

const day = (i: number) => {
  const d = new Date(Date.UTC(2016, 0, 5) + (i % 350) * 86_400_000);
  return d.toISOString().slice(0, 10);
};

function patent(i: number): string {
  const body = `${2012 + (i % 5)}1${String(100_000 + i * 37).padStart(7, '0')}`;
  return `${body}.${patentCheckChar(body)}`;
}

/** The 500 achievements: 504 pairs of the vocabulary, the last four left out. */
export function demoAchievements(): DemoAchievement[] {
  const out: DemoAchievement[] = [];
  const fields = Object.keys(VOCAB) as MarketField[];
  for (const [f, field] of fields.entries()) {
    const [techs, uses] = VOCAB[field];
    for (const [ti, tech] of techs.entries())
      for (const [ui, use] of uses.entries()) {
        const i = out.length;
        if (i >= 500) return out;
        const source: DemoAchievement['source'] = i < 400 ? 'lanhuo' : i < 468 ? 'liaoyuan' : 'own';
        out.push({
          index: i,
          tech,
          use,
          field,
          // 燎原 solutions come from different providers, so one call's proposals are by distinct ones.
          provider: source === 'liaoyuan' ? (i - 400) % PROVIDERS.length : (f + ti) % PROVIDERS.length,
          title: TITLE_FORMS[(ti + ui) % TITLE_FORMS.length](tech, use),
          abstract: `本成果针对${use}领域的实际需要，开展${tech}研究，形成成套工艺与装备，经验证可显著降低成本、稳定质量，适合在泉州相关产业推广。`,
          keywords: [tech, use, MARKET_FIELD_NAMES[field].zh],
          maturity: MATURITY_CODES[(ti + 2 * ui) % MATURITY_CODES.length],
          transferModes: [
            TRANSFER_MODE_CODES[i % 5],
            ...(i % 3 === 0 ? [TRANSFER_MODE_CODES[(i + 2) % 5]] : []),
          ],
          price: i % 3 === 0 ? null : `${20 + ((i * 37) % 480)}.00`,
          patentNos: i % 4 === 0 ? [] : [patent(i)],
          source,
          sourceBatch:
            source === 'lanhuo' ? `第二周期第${1 + (i % 4)}批` : source === 'liaoyuan' ? '第四批' : null,
          publishedOn: day(i),
        });
      }
  }
  return out;
}

export interface DemoDemand {
  index: number;
  /** The achievement this demand was written about (its intended counterpart). */
  intended: number;
  demander: number;
  field: MarketField;
  title: string;
  problem: string;
  expectedOutcome: string;
  confidential: string;
  budgetMin: string;
  budgetMax: string;
  deadline: string;
  publishedOn: string;
}

/** 84 demands, each about one achievement's technology and use, worded as an enterprise would. */
export function demoDemands(achievements: DemoAchievement[]): DemoDemand[] {
  const out: DemoDemand[] = [];
  for (let k = 0; k < 84; k++) {
    const a = achievements[(k * 6 + (k % 6)) % achievements.length];
    out.push({
      index: k,
      intended: a.index,
      demander: k % DEMANDERS.length,
      field: a.field,
      title: k % 2 === 0 ? `寻求${a.tech}解决${a.use}难题` : `${a.use}${a.tech}技术需求`,
      problem: `我们主要做${a.use}，现在${a.tech}这一块基本靠老师傅经验，良品率不高、成本降不下来，想找高校院所一起攻关。`,
      expectedOutcome: `掌握${a.tech}，${a.use}产品良品率提升到95%以上。`,
      confidential: `现有产线年产值约${3000 + k * 50}万元，已与一家外地机构初步接触，报价偏高。`,
      budgetMin: `${50 + (k % 5) * 10}.00`,
      budgetMax: `${150 + (k % 7) * 50}.00`,
      deadline: `2017-${String(1 + (k % 12)).padStart(2, '0')}-28`,
      publishedOn: day(k * 4 + 10),
    });
  }
  return out;
}

/** 燎原计划 第四批: 24 demands put out as calls, 68 solutions proposed in all. */
export function demoCalls(demands: DemoDemand[]) {
  return demands.slice(0, 24).map((d, c) => ({
    demand: d.index,
    proposals: c < 20 ? 3 : 2,
    closesOn: `2016-${String(3 + (c % 9)).padStart(2, '0')}-30`,
  }));
}

/** Three 推介会 (海峡技术转移中心), presenting 210 + 200 + 182 = 592 achievements. */
export const DEMO_EVENTS = [
  {
    title: '2016 海峡（泉州）科技成果推介会（春季）',
    heldOn: '2016-04-22',
    attendees: 320,
    presented: 210,
    from: 0,
  },
  {
    title: '2016 蓝火计划高校成果专场推介会',
    heldOn: '2016-07-15',
    attendees: 280,
    presented: 200,
    from: 150,
  },
  {
    title: '2016 海峡（泉州）科技成果推介会（秋季）',
    heldOn: '2016-11-18',
    attendees: 260,
    presented: 182,
    from: 310,
  },
] as const;
