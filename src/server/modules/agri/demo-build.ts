/**
 * The agricultural demo, built in memory from a seed: carriers and trainings reproducing the
 * bureau's 2016 figures (191 municipal and 17 provincial 科技特派员示范基地, 46 科技型农民专业合作社,
 * 3 national 星创天地, 100 park demonstration bases, 21 on-site trainings with exactly 2,000
 * attendances, 21 remote sessions with 60,480), and commissioners with a year of service logs,
 * some of them anomalous. Names are invented.
 */
import { deflateSync } from 'node:zlib';
import type { AgriLevel, AgriUnitKind, LogFlag, LogStatus, ServedKind } from '../../../domain/agri';
import { apportion, type Rng } from '../../db/demo/rng';

/** The counties, 鲤城 丰泽 洛江 泉港 石狮 晋江 南安 惠安 安溪 永春 德化, and their rough centres. */
export const COUNTIES = [
  { code: '350502', name: '鲤城', lat: 24.91, lng: 118.59, w: 1 },
  { code: '350503', name: '丰泽', lat: 24.89, lng: 118.61, w: 3 },
  { code: '350504', name: '洛江', lat: 24.94, lng: 118.67, w: 6 },
  { code: '350505', name: '泉港', lat: 25.12, lng: 118.92, w: 6 },
  { code: '350581', name: '石狮', lat: 24.73, lng: 118.65, w: 2 },
  { code: '350582', name: '晋江', lat: 24.78, lng: 118.55, w: 8 },
  { code: '350583', name: '南安', lat: 24.96, lng: 118.39, w: 16 },
  { code: '350521', name: '惠安', lat: 25.03, lng: 118.8, w: 10 },
  { code: '350524', name: '安溪', lat: 25.06, lng: 118.19, w: 20 },
  { code: '350525', name: '永春', lat: 25.32, lng: 118.29, w: 16 },
  { code: '350526', name: '德化', lat: 25.49, lng: 118.24, w: 12 },
] as const;
type County = (typeof COUNTIES)[number];

export interface DemoUnit {
  id: string;
  kind: AgriUnitKind;
  level: AgriLevel;
  name: string;
  regionCode: string;
  parkId: string | null;
  recognisedOn: string;
  endedOn: string | null;
  orgId: string | null;
}

const PRODUCE = [
  '茶叶',
  '蔬菜',
  '食用菌',
  '水果',
  '花卉',
  '水产',
  '畜禽',
  '中药材',
  '竹木',
  '粮油',
  '蜜柚',
  '芦柑',
];
const VILLAGES = [
  '东山',
  '西坑',
  '南岭',
  '北溪',
  '上洋',
  '下坂',
  '前埔',
  '后垵',
  '中心',
  '新村',
  '湖头',
  '龙门',
  '桃源',
  '美岭',
  '福田',
];
const SURNAMES = '陈林黄张李王吴刘蔡杨许郑谢洪郭苏庄曾施傅';
const GIVEN = [
  '建华',
  '志明',
  '秀英',
  '丽芳',
  '国强',
  '海燕',
  '文斌',
  '少华',
  '清水',
  '美玲',
  '永福',
  '晓东',
  '春梅',
  '振兴',
  '雅琴',
  '天佑',
  '锦程',
  '素珍',
];
const EXPERTISE = [
  '茶树栽培与加工',
  '设施蔬菜',
  '食用菌栽培',
  '果树栽培',
  '植物保护',
  '水产养殖',
  '畜牧兽医',
  '农产品电商',
  '土壤肥料',
  '花卉园艺',
  '农业机械',
  '中药材种植',
];
const EMPLOYERS = [
  '泉州市农业科学研究所',
  '福建省农业科学院',
  '泉州市农业技术推广站',
  '泉州农业学校（演示）',
  '泉州市林业技术推广中心',
  '福建农林大学',
];

function weightedCounties(n: number): County[] {
  const quota = apportion(
    n,
    COUNTIES.map((c) => c.w),
  );
  return COUNTIES.flatMap((c, i) => Array.from({ length: quota[i] }, () => c));
}

/** Parks, bases, 星创天地, commissioner bases and cooperatives, with the ones recognised in 2017. */
export function buildUnits(rng: Rng) {
  const units: DemoUnit[] = [];
  const add = (u: Omit<DemoUnit, 'id' | 'orgId' | 'parkId' | 'endedOn'> & Partial<DemoUnit>) => {
    const row: DemoUnit = { id: rng.uuid(), parkId: null, endedOn: null, orgId: null, ...u };
    units.push(row);
    return row;
  };
  const core = add({
    kind: 'park',
    level: 'national',
    name: '泉州国家农业科技园区（核心区）',
    regionCode: '350524',
    recognisedOn: '2013-09-16',
  });
  const parks = [
    core,
    add({
      kind: 'park',
      level: 'national',
      name: '泉州国家农业科技园区永春园',
      regionCode: '350525',
      recognisedOn: '2013-09-16',
    }),
    add({
      kind: 'park',
      level: 'national',
      name: '泉州国家农业科技园区南安园',
      regionCode: '350583',
      recognisedOn: '2013-09-16',
    }),
    add({
      kind: 'park',
      level: 'national',
      name: '泉州国家农业科技园区德化园',
      regionCode: '350526',
      recognisedOn: '2013-09-16',
    }),
  ];
  add({
    kind: 'park',
    level: 'provincial',
    name: '泉州（惠安）省级农业科技园区',
    regionCode: '350521',
    recognisedOn: '2012-06-08',
  });
  // 100 demonstration enterprises and bases across the 一区三园: 40 in the core zone, 20 in each park.
  [40, 20, 20, 20].forEach((n, i) => {
    for (let k = 0; k < n; k++) {
      add({
        kind: 'demo_base',
        level: 'national',
        name: `${parks[i].name.replace('泉州国家农业科技园区', '')}${rng.pick(VILLAGES)}${rng.pick(PRODUCE)}示范基地${k + 1}号`,
        regionCode: parks[i].regionCode,
        parkId: parks[i].id,
        recognisedOn: rng.date('2014-01-01', '2016-11-30'),
      });
    }
  });
  ['安溪茶香', '永春芦柑', '德化白瓷农创'].forEach((name, i) => {
    add({
      kind: 'star_space',
      level: 'national',
      name: `${name}星创天地`,
      regionCode: ['350524', '350525', '350526'][i],
      recognisedOn: '2016-10-24',
    });
  });
  const bases = (n: number, level: AgriLevel, from: string, to: string, endedOn: string | null = null) =>
    weightedCounties(n).forEach((c, k) => {
      add({
        kind: 'commissioner_base',
        level,
        name: `${c.name}${rng.pick(VILLAGES)}${rng.pick(PRODUCE)}科技特派员示范基地${level === 'provincial' ? '（省级）' : ''}${k + 1}`,
        regionCode: c.code,
        recognisedOn: rng.date(from, to),
        endedOn,
      });
    });
  bases(17, 'provincial', '2012-03-01', '2016-09-30');
  bases(191, 'municipal', '2011-05-01', '2016-12-20');
  // Three bases lost their recognition at the end of 2015 and no longer count.
  bases(3, 'municipal', '2011-05-01', '2013-12-31', '2015-12-31');
  // 2017: 12 more bases (203 in all) and 9 more cooperatives (55).
  bases(12, 'municipal', '2017-05-10', '2017-09-30');
  const coops = (n: number, from: string, to: string) =>
    weightedCounties(n).forEach((c, k) => {
      add({
        kind: 'tech_coop',
        level: 'municipal',
        name: `${c.name}县${rng.pick(VILLAGES)}${rng.pick(PRODUCE)}专业合作社${k + 1}`.replace('县县', '县'),
        regionCode: c.code,
        recognisedOn: rng.date(from, to),
      });
    });
  coops(46, '2012-01-01', '2016-12-15');
  coops(9, '2017-04-01', '2017-10-31');
  return { units, core, parks };
}

/** On-site trainings (21 in 2016, 2,000 attendances exactly), 12396 remote sessions (21, 60,480) and some of 2017. */
export function buildTrainings(rng: Rng) {
  const rows: {
    kind: 'onsite' | 'remote';
    title: string;
    regionCode: string;
    heldOn: string;
    attendances: number;
    organiser: string;
  }[] = [];
  const onsite = apportion(
    2000,
    Array.from({ length: 21 }, () => rng.uniform(0.5, 1.5)),
  );
  const places = weightedCounties(21);
  onsite.forEach((n, i) => {
    rows.push({
      kind: 'onsite',
      title: `${places[i].name}科技特派员创新创业培训（${rng.pick(PRODUCE)}）`,
      regionCode: places[i].code,
      heldOn: rng.date('2016-02-15', '2016-12-10'),
      attendances: n,
      organiser: '泉州市科学技术局',
    });
  });
  apportion(
    60480,
    Array.from({ length: 21 }, () => rng.uniform(0.6, 1.4)),
  ).forEach((n, i) => {
    rows.push({
      kind: 'remote',
      title: `12396 远程培训第 ${i + 1} 期：${rng.pick(PRODUCE)}生产技术`,
      regionCode: '350500',
      heldOn: rng.date('2016-01-10', '2016-12-20'),
      attendances: n,
      organiser: '12396 科技信息服务平台',
    });
  });
  for (const c of weightedCounties(8)) {
    rows.push({
      kind: 'onsite',
      title: `${c.name}科技特派员培训（${rng.pick(PRODUCE)}）`,
      regionCode: c.code,
      heldOn: rng.date('2017-03-01', '2017-11-30'),
      attendances: rng.int(60, 140),
      organiser: '泉州市科学技术局',
    });
  }
  return rows;
}

export interface DemoCommissioner {
  id: string;
  name: string;
  expertise: string;
  employer: string;
  regionCode: string;
  mobile: string;
  idNumber: string;
}
export interface DemoDispatch {
  id: string;
  commissionerId: string;
  servedKind: ServedKind;
  servedName: string;
  servedOrgId: string | null;
  regionCode: string;
  startsOn: string;
  endsOn: string;
  agreementNo: string;
  lat: number;
  lng: number;
}
export interface DemoLog {
  id: string;
  dispatchId: string;
  commissionerId: string;
  regionCode: string;
  servedAt: Date;
  place: string;
  lat: number;
  lng: number;
  content: string;
  status: LogStatus;
  satisfaction: number | null;
  rejectReason: string | null;
  decidedAt: Date | null;
  flags: LogFlag[];
  flagNotes: Record<string, string>;
  /** Index of the photo it carries (a reused photo repeats an earlier log's index). */
  photo: number;
}

/** An ID number of the right shape with a valid check character (invented, for a demo person). */
function demoIdNumber(rng: Rng, region: string): string {
  const birth = rng.date('1965-01-01', '1990-12-31').replaceAll('-', '');
  const first17 = `${region}${birth}${String(rng.int(100, 999))}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, ch, i) => s + Number(ch) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

const CONTENT = [
  '现场指导病虫害绿色防控，讲解用药时机与安全间隔期',
  '指导测土配方施肥，取土样送检并制定施肥方案',
  '开展新品种引种试验，记录出苗与长势',
  '培训合作社社员标准化生产规程',
  '协助申报绿色食品认证，整理生产记录',
  '指导设施大棚温湿度管理与水肥一体化',
  '对接电商平台，帮助设计产品包装与品牌',
  '开展修剪与嫁接技术示范',
];

const chinaInstant = (day: string, hour: number, minute: number) =>
  new Date(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`);

/**
 * 36 commissioners, each dispatched for 2016 (a few twice), with two visits a month: most confirmed,
 * a few sent back or still waiting, and some anomalous — a photo used again, a visit 80–100 km away
 * half an hour after the one before, a visit after the dispatch had ended.
 */
export function buildCommissioners(rng: Rng, servedOrg: { id: string; name: string; regionCode: string }) {
  const commissioners: DemoCommissioner[] = [];
  const dispatches: DemoDispatch[] = [];
  const logs: DemoLog[] = [];
  let photo = 0;
  const counties = weightedCounties(36);
  // The demo account's commissioner works in the cooperative's county and serves it.
  const demoIdx = counties.findIndex((c) => c.code === servedOrg.regionCode);
  counties.forEach((county, i) => {
    const c: DemoCommissioner = {
      id: rng.uuid(),
      name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`,
      expertise: rng.pick(EXPERTISE),
      employer: rng.pick(EMPLOYERS),
      regionCode: county.code,
      mobile: `13${rng.int(0, 9)}${String(rng.int(10_000_000, 99_999_999))}`,
      idNumber: demoIdNumber(rng, '350500'),
    };
    commissioners.push(c);
    const served: ServedKind[] =
      i === demoIdx || i % 9 === 0
        ? ['cooperative', 'village']
        : [rng.pick(['village', 'cooperative', 'enterprise'] as const)];
    served.forEach((kind, k) => {
      const isDemoOrg = i === demoIdx && k === 0;
      const d: DemoDispatch = {
        id: rng.uuid(),
        commissionerId: c.id,
        servedKind: kind,
        servedName: isDemoOrg
          ? servedOrg.name
          : kind === 'village'
            ? `${county.name}${rng.pick(VILLAGES)}村`
            : kind === 'cooperative'
              ? `${county.name}${rng.pick(VILLAGES)}${rng.pick(PRODUCE)}专业合作社`
              : `泉州${rng.pick(VILLAGES)}${rng.pick(PRODUCE)}农业发展有限公司`,
        servedOrgId: isDemoOrg ? servedOrg.id : null,
        regionCode: isDemoOrg ? servedOrg.regionCode : county.code,
        startsOn: '2016-01-01',
        endsOn: '2016-12-31',
        agreementNo: `泉科特派〔2016〕${String(dispatches.length + 1).padStart(3, '0')}号`,
        lat: county.lat + rng.uniform(-0.06, 0.06),
        lng: county.lng + rng.uniform(-0.06, 0.06),
      };
      dispatches.push(d);
    });
    const mine = dispatches.filter((d) => d.commissionerId === c.id);
    for (let month = 1; month <= 12; month++) {
      for (const dom of [rng.int(3, 13), rng.int(15, 27)]) {
        const d = rng.pick(mine);
        const day = `2016-${String(month).padStart(2, '0')}-${String(dom).padStart(2, '0')}`;
        const r = rng.next();
        const status: LogStatus =
          month === 12 && dom > 20 && r < 0.5 ? 'submitted' : r < 0.04 ? 'rejected' : 'confirmed';
        const servedAt = chinaInstant(day, rng.int(8, 15), rng.pick([0, 15, 30, 45]));
        logs.push({
          id: rng.uuid(),
          dispatchId: d.id,
          commissionerId: c.id,
          regionCode: d.regionCode,
          servedAt,
          place: `${d.servedName}${rng.pick(['田间', '茶园', '大棚', '加工车间', '村部会议室'])}`,
          lat: d.lat + rng.uniform(-0.005, 0.005),
          lng: d.lng + rng.uniform(-0.005, 0.005),
          content: rng.pick(CONTENT),
          status,
          satisfaction: status === 'confirmed' ? rng.pick([5, 5, 5, 4, 4, 3]) : null,
          rejectReason: status === 'rejected' ? '当天未见特派员到场，请核实' : null,
          decidedAt:
            status === 'submitted' ? null : new Date(servedAt.getTime() + rng.int(1, 5) * 86_400_000),
          flags: [],
          flagNotes: {},
          photo: photo++,
        });
      }
    }
  });
  // Anomalies, stored as the checks would have found them.
  const byCommissioner = (id: string) => logs.filter((l) => l.commissionerId === id);
  for (let k = 0; k < 6; k++) {
    const own = byCommissioner(commissioners[3 + k * 5].id);
    const late = own[14 + k];
    late.photo = own[10 + k].photo;
    late.flags.push('photo_reuse');
    late.flagNotes.photo_reuse = '照片与其他 1 条服务记录中的照片相同';
  }
  for (let k = 0; k < 4; k++) {
    const own = byCommissioner(commissioners[5 + k * 7].id);
    const prev = own[6 + k];
    const far = COUNTIES[(COUNTIES.findIndex((x) => x.code === prev.regionCode) + 5) % COUNTIES.length];
    logs.push({
      ...prev,
      id: rng.uuid(),
      servedAt: new Date(prev.servedAt.getTime() + 30 * 60_000),
      lat: far.lat,
      lng: far.lng,
      place: `${far.name}（定位）`,
      status: 'submitted',
      satisfaction: null,
      decidedAt: null,
      flags: ['impossible_travel'],
      flagNotes: { impossible_travel: '与 30 分钟前的记录间距过远，行程超过 120 km/h' },
      photo: photo++,
    });
  }
  for (let k = 0; k < 3; k++) {
    const c = commissioners[8 + k * 9];
    const d = dispatches.find((x) => x.commissionerId === c.id)!;
    logs.push({
      ...byCommissioner(c.id)[0],
      id: rng.uuid(),
      dispatchId: d.id,
      servedAt: chinaInstant(`2017-01-0${4 + k}`, 10, 0),
      status: 'submitted',
      satisfaction: null,
      decidedAt: null,
      flags: ['outside_period'],
      flagNotes: { outside_period: `服务日期 2017-01-0${4 + k} 不在派驻期 2016-01-01 至 2016-12-31 内` },
      photo: photo++,
    });
  }
  return { commissioners, dispatches, logs, photos: photo, demo: commissioners[demoIdx] };
}

// ---- photos: small PNGs of a field's colour, each with its own text chunk so no two are alike ----

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A 48×32 PNG of one colour, marked with `label`. */
export function demoPhoto(label: string, rgb: [number, number, number]): Buffer {
  const w = 48;
  const h = 32;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: w }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: h }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('tEXt', Buffer.from(`Comment\0${label}`, 'latin1')),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
