/**
 * Demo 专利行政执法 cases: 187 filed in 2015 and 228 in 2016 (the seed's +22%), all closed, with a
 * few declined requests beside them; 2017 cases in every state; and a handful still running, filed
 * a few weeks before today so that their deadlines fall due as a county officer would see them.
 * Spread over the bureaus as the registry is (晋江 and 南安 largest); names invented.
 */
import {
  CASE_TRANSITIONS,
  type CaseAction,
  type CaseKind,
  type CaseStatus,
  caseDeadline,
} from '../../../domain/ip-cases';
import type { Db } from '../../db/client';
import { writeAudit } from '../../platform/audit';
import { clock } from '../../platform/clock';
import { anyCase, insertCaseEvents, insertCasesBulk, nextCaseSequence } from './cases-repo';
import { caseNumber } from './cases-service';

const CITY = '350500';
const CENTRAL = ['350502', '350503', '350505'];

/** The handling bureaus and their shares of the cases (the city's bureau takes a few itself). */
const BUREAUS: [string, number][] = [
  ['350500', 4],
  ['350502', 6],
  ['350503', 8],
  ['350504', 4],
  ['350505', 4],
  ['350581', 11],
  ['350582', 30],
  ['350583', 16],
  ['350521', 7],
  ['350524', 4],
  ['350525', 3],
  ['350526', 3],
];

const FIRMS = [
  '鸿源',
  '恒达',
  '盛发',
  '德信',
  '宏泰',
  '金峰',
  '华宇',
  '永兴',
  '嘉诚',
  '瑞丰',
  '宝利',
  '新锐',
];
const GOODS = ['运动鞋底', '卫浴花洒', '陶瓷茶具', '针织面料', '石材切割机', '水龙头', '包装机', 'LED灯具'];

/** Splits `total` over the bureaus by share, largest remainders first (the sum is exact). */
function spread(total: number): string[] {
  const sum = BUREAUS.reduce((a, [, w]) => a + w, 0);
  const exact = BUREAUS.map(([code, w]) => ({ code, x: (total * w) / sum }));
  const counts = exact.map((e) => ({ code: e.code, n: Math.floor(e.x), r: e.x - Math.floor(e.x) }));
  let left = total - counts.reduce((a, c) => a + c.n, 0);
  for (const c of [...counts].sort((a, b) => b.r - a.r)) if (left-- > 0) c.n++;
  return counts.flatMap((c) => Array<string>(c.n).fill(c.code));
}

const day = (year: number, i: number, n: number) => {
  const at = new Date(Date.UTC(year, 0, 5 + Math.floor((i * 350) / n)));
  return at.toISOString().slice(0, 10);
};
const plus = (d: string, days: number) => {
  const at = new Date(`${d}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
};

interface Plan {
  /** The handling bureau (the city's, or the county's where the case arises). */
  regionCode: string;
  kind: CaseKind;
  receivedOn: string;
  /** The moves after receipt, each with its day. */
  moves: [CaseAction, string][];
}

function closedCase(regionCode: string, kind: CaseKind, receivedOn: string, i: number): Plan {
  const filed = plus(receivedOn, 5);
  const ending: CaseAction =
    kind === 'counterfeit' ? 'decide' : (['decide', 'mediate', 'withdraw'] as const)[i % 3];
  const endOn = plus(filed, kind === 'counterfeit' ? 20 : 40 + (i % 40));
  return {
    regionCode,
    kind,
    receivedOn,
    moves: [
      ['file', filed],
      ['investigate', plus(filed, 7)],
      [ending, endOn],
      ['close', plus(endOn, 3)],
    ],
  };
}

function plans(today: string): Plan[] {
  const out: Plan[] = [];
  for (const [year, n] of [
    [2015, 187],
    [2016, 228],
  ] as const) {
    const bureaus = spread(n);
    // Received late in December and filed in January: counted in the next year, as the rule says.
    for (let i = 0; i < n; i++)
      out.push(closedCase(bureaus[i], i % 10 < 7 ? 'infringement' : 'counterfeit', day(year, i, n), i));
    for (let i = 0; i < 6; i++)
      out.push({
        regionCode: bureaus[i * 7],
        kind: 'infringement',
        receivedOn: day(year, i * 30, 180),
        moves: [['decline', day(year, i * 30 + 1, 180)]],
      });
  }
  // 2017: a case in every state (the running ones are filed relative to today, below).
  const y17: [CaseStatus, Plan][] = [];
  const ended: [CaseAction, CaseKind][] = [
    ['decide', 'infringement'],
    ['mediate', 'infringement'],
    ['withdraw', 'infringement'],
    ['decide', 'counterfeit'],
  ];
  ended.forEach(([end, kind], i) => {
    const filed = `2017-0${3 + i}-10`;
    y17.push([
      'decided',
      {
        regionCode: i % 2 ? '350583' : '350582',
        kind,
        receivedOn: plus(filed, -4),
        moves: [
          ['file', filed],
          [end, plus(filed, 30)],
        ],
      },
    ]);
  });
  y17.push(['closed', closedCase('350582', 'infringement', '2017-02-06', 1)]);
  y17.push([
    'declined',
    {
      regionCode: '350581',
      kind: 'counterfeit',
      receivedOn: '2017-05-02',
      moves: [['decline', '2017-05-06']],
    },
  ]);
  out.push(...y17.map(([, p]) => p));
  // Running now: received, filed, under investigation, at a hearing, one extended, one overdue.
  const at = (days: number) => plus(today, -days);
  out.push(
    { regionCode: '350582', kind: 'infringement', receivedOn: at(3), moves: [] },
    { regionCode: '350583', kind: 'counterfeit', receivedOn: at(2), moves: [] },
    { regionCode: '350582', kind: 'infringement', receivedOn: at(20), moves: [['file', at(15)]] },
    {
      regionCode: '350582',
      kind: 'counterfeit',
      receivedOn: at(26),
      moves: [
        ['file', at(24)],
        ['investigate', at(20)],
      ],
    },
    {
      regionCode: '350583',
      kind: 'infringement',
      receivedOn: at(90),
      moves: [
        ['file', at(85)],
        ['investigate', at(70)],
        ['hear', at(30)],
      ],
    },
    {
      regionCode: '350582',
      kind: 'infringement',
      receivedOn: at(110),
      moves: [
        ['file', at(100)],
        ['investigate', at(90)],
        ['extend', at(10)],
      ],
    },
    {
      regionCode: '350581',
      kind: 'infringement',
      receivedOn: at(105),
      moves: [
        ['file', at(100)],
        ['investigate', at(95)],
      ],
    },
  );
  return out;
}

export async function loadDemoCases(db: Db) {
  return db.transaction(async (tx) => {
    if (await anyCase(tx)) return { cases: 0 };
    const today = clock.today();
    const all = plans(today);
    const rows = [];
    const moves: { index: number; action: CaseAction; from: CaseStatus; to: CaseStatus; on: string }[] = [];
    for (const [i, p] of all.entries()) {
      const firm = FIRMS[i % FIRMS.length];
      const other = FIRMS[(i * 5 + 3) % FIRMS.length];
      const goods = GOODS[i % GOODS.length];
      let status: CaseStatus = 'received';
      let filedOn: string | null = null;
      let endedOn: string | null = null;
      let closedOn: string | null = null;
      let extended = false;
      for (const [action, on] of p.moves) {
        const to: CaseStatus = CASE_TRANSITIONS[action].to ?? status;
        moves.push({ index: i, action, from: status, to, on });
        status = to;
        if (action === 'file') filedOn = on;
        if (action === 'extend') extended = true;
        if (['decline', 'decide', 'mediate', 'withdraw'].includes(action)) endedOn = on;
        if (action === 'close') closedOn = on;
      }
      let caseNo: string | null = null;
      if (filedOn) {
        const year = Number(filedOn.slice(0, 4));
        caseNo = caseNumber(year, p.regionCode, await nextCaseSequence(tx, p.regionCode, year));
      }
      // The city's bureau takes cases arising in the central districts.
      const city = p.regionCode === CITY;
      const regionCode = city ? CENTRAL[i % CENTRAL.length] : p.regionCode;
      rows.push({
        caseNo,
        bureauCode: p.regionCode,
        kind: p.kind,
        title:
          p.kind === 'infringement'
            ? `${firm}公司诉${other}厂侵犯“${goods}”专利权纠纷`
            : `${other}商行销售假冒专利“${goods}”案`,
        requester: p.kind === 'infringement' ? `泉州${firm}实业有限公司` : '市场监管举报',
        respondent: `${other}${p.kind === 'infringement' ? '制品厂' : '商行'}`,
        regionCode,
        summary: '',
        status,
        receivedOn: p.receivedOn,
        filedOn,
        deadline: filedOn ? caseDeadline(p.kind, filedOn, extended) : null,
        extended,
        endedOn,
        closedOn,
        version: p.moves.length + 1,
      });
    }
    const ids = await insertCasesBulk(tx, rows);
    await insertCaseEvents(
      tx,
      moves.map((m) => ({
        caseId: ids[m.index].id,
        action: m.action,
        fromStatus: m.from,
        toStatus: m.to,
        on: m.on,
        note: ['decline', 'extend', 'decide', 'mediate', 'withdraw'].includes(m.action) ? '演示数据' : null,
        actorUsername: 'demo',
      })),
    );
    const summary = { cases: rows.length, events: moves.length };
    await writeAudit(tx, {}, { action: 'system.demo-ip-cases', targetType: 'ip_case', after: summary });
    return summary;
  });
}
