/**
 * The demo's 科技金融 records, reproducing the seed's 2016 figures exactly when counted by the
 * computed definitions: 25 高企 granted 19,830 万元 by the 高新技术企业发展基金, 36 patents pledged
 * for 57,500 万元, 18 enterprises listed on the exchange's 展示板, 14 高企 insured; plus fund
 * investments and 2017 records of every kind. Deterministic (fixed lists, no randomness); invented
 * institutions; enterprises are the registry demo's 高企 in USCC order, patents the IP demo's.
 */
import { makeUscc } from '../../../domain/identifiers';
import type { Db } from '../../db/client';
import type { financeRecords } from '../../db/schema';
import { DEMO_BANK, ensureDemoOrganizations } from '../../db/seed/demo-accounts';
import {
  anyRecord,
  ensureOrgs,
  hteEnterprisesOn,
  insertInstitutions,
  insertRecords,
  pledgeablePatents,
} from './repo';

type Values = typeof financeRecords.$inferInsert;

const inst = (base: string, name: string, regionCode: string, industryCode: string, foundedOn: string) => ({
  uscc: makeUscc('9', '1', regionCode, base),
  name,
  kind: 'financial_institution' as const,
  regionCode,
  industryCode,
  aboveSize: false,
  foundedOn,
});

/** The institutions (invented names), each with its type. */
export const DEMO_INSTITUTIONS = {
  bankA: { org: DEMO_BANK, type: 'bank' as const },
  bankB: {
    org: inst('MA2XQB02', '泉州刺桐农村商业银行股份有限公司', '350502', '66', '2006-11-08'),
    type: 'bank' as const,
  },
  bankC: {
    org: inst('MA2XQB03', '闽南海丝银行股份有限公司晋江支行', '350582', '66', '2011-04-20'),
    type: 'bank' as const,
  },
  guarantor: {
    org: inst('MA2XQB04', '泉州市科技融资担保有限公司', '350503', '69', '2013-07-01'),
    type: 'guarantee' as const,
  },
  motherFund: {
    org: inst('MA2XQB05', '泉州市产业投资母基金合伙企业（有限合伙）', '350503', '67', '2015-10-12'),
    type: 'fund' as const,
  },
  childFund: {
    org: inst('MA2XQB06', '泉州高新技术企业发展子基金合伙企业（有限合伙）', '350503', '67', '2016-01-15'),
    type: 'fund' as const,
  },
  insurer: {
    org: inst('MA2XQB07', '闽海财产保险股份有限公司泉州中心支公司', '350503', '68', '2004-05-26'),
    type: 'insurer' as const,
  },
  exchange: {
    org: inst('MA2XQB08', '闽海股权交易中心有限公司泉州运营中心', '350503', '67', '2012-02-28'),
    type: 'exchange' as const,
  },
};
type InstKey = keyof typeof DEMO_INSTITUTIONS;

/** 25 credit lines of the 高企发展基金 in 2016: 19,830 万元. */
export const CREDIT_2016 = [
  1500, 1200, 1200, 1000, 1000, 1000, 1000, 900, 900, 800, 800, 800, 800, 700, 700, 600, 600, 600, 500, 500,
  500, 500, 300, 300, 1130,
];
/** 36 patent pledges in 2016: 57,500 万元. */
export const PLEDGES_2016 = [
  7000, 4000, 3500, 3000, 3000, 2500, 2500, 2000, 2000, 2000, 2000, 1800, 1500, 1500, 1500, 1500, 1200, 1200,
  1200, 1000, 1000, 1000, 1000, 1000, 1000, 800, 800, 800, 800, 600, 600, 500, 500, 500, 400, 300,
];

const pad = (n: number) => String(n).padStart(2, '0');
/** A day of the year spread over the months: the i-th of n records. */
const dayOf = (year: number, i: number, n: number, lastMonth = 12) =>
  `${year}-${pad(1 + Math.floor((i * lastMonth) / n))}-${pad(5 + ((i * 7) % 22))}`;
const money = (n: number) => n.toFixed(2);

export interface DemoInput {
  inst: Record<InstKey, string>;
  /** 高企 valid in 2016, in USCC order: enough for every slice below (wraps otherwise). */
  ents: { id: string; regionCode: string }[];
  /** Invention patents in force through 2016 and mid-2017, with their first applicant. */
  patents: { id: string; appNo: string; orgId: string; regionCode: string }[];
  demoEnterprise: { id: string; regionCode: string };
}

/** The records, pure: the same input gives the same rows. */
export function buildFinanceDemo(d: DemoInput): Values[] {
  const out: Values[] = [];
  const ent = (i: number) => d.ents[i % d.ents.length];
  const add = (v: Omit<Values, 'enterpriseId' | 'regionCode'>, e: { id: string; regionCode: string }) => {
    out.push({ ...v, enterpriseId: e.id, regionCode: e.regionCode });
  };

  CREDIT_2016.forEach((amount, i) => {
    add(
      {
        kind: 'credit',
        institutionId: d.inst.bankA,
        instrument: 'hte_fund',
        amount: money(amount),
        startOn: dayOf(2016, i, CREDIT_2016.length),
        termMonths: 12,
        guaranteeFree: true,
        refNo: `XQ-GQJJ-2016-${String(i + 1).padStart(3, '0')}`,
      },
      ent(i),
    );
  });
  // Other instruments do not count as 高企发展基金 credit.
  for (let i = 0; i < 3; i++)
    add(
      {
        kind: 'credit',
        institutionId: d.inst.bankB,
        instrument: 'risk_pool',
        amount: money(300 + i * 100),
        startOn: dayOf(2016, i + 4, 8),
        termMonths: 12,
        guaranteeFree: false,
        refNo: `CT-FXBC-2016-${i + 1}`,
      },
      ent(25 + i),
    );
  for (let i = 0; i < 10; i++)
    add(
      {
        kind: 'credit',
        institutionId: i % 3 === 2 ? d.inst.bankC : d.inst.bankA,
        instrument: 'hte_fund',
        amount: money(500 + (i % 4) * 250),
        startOn: dayOf(2017, i, 10, 9),
        termMonths: i % 2 ? 24 : 12,
        guaranteeFree: true,
        refNo: `${i % 3 === 2 ? 'HS' : 'XQ'}-GQJJ-2017-${String(i + 1).padStart(3, '0')}`,
      },
      i === 0 ? d.demoEnterprise : ent(28 + i),
    );

  PLEDGES_2016.forEach((amount, i) => {
    const p = d.patents[i];
    const pledgee = (['bankA', 'bankB', 'bankC', 'guarantor'] as const)[i % 4];
    out.push({
      kind: 'pledge',
      institutionId: d.inst[pledgee],
      enterpriseId: p.orgId,
      regionCode: p.regionCode,
      appNo: p.appNo,
      patentId: p.id,
      amount: money(amount),
      startOn: dayOf(2016, i, PLEDGES_2016.length),
      // Every fourth pledge was released when its loan was repaid in 2017.
      endOn: i % 4 === 1 ? dayOf(2017, i % 9, 9, 9) : null,
      refNo: `ZL-ZY-2016-${String(i + 1).padStart(3, '0')}`,
    });
  });
  for (let i = 0; i < 8; i++) {
    const p = d.patents[36 + i];
    if (!p) break;
    out.push({
      kind: 'pledge',
      institutionId: d.inst[i % 2 ? 'bankC' : 'bankA'],
      enterpriseId: p.orgId,
      regionCode: p.regionCode,
      appNo: p.appNo,
      patentId: p.id,
      amount: money(600 + i * 150),
      startOn: dayOf(2017, i, 8, 6),
      refNo: `ZL-ZY-2017-${String(i + 1).padStart(3, '0')}`,
    });
  }

  for (let i = 0; i < 24; i++) {
    const year = i < 18 ? 2016 : 2017;
    const k = i < 18 ? i : i - 18;
    add(
      {
        kind: 'listing',
        institutionId: d.inst.exchange,
        board: 'showcase',
        startOn: dayOf(year, k, year === 2016 ? 18 : 6, year === 2016 ? 12 : 8),
        refNo: String(180_101 + i),
      },
      ent(38 + i),
    );
  }

  const rounds = ['angel', 'a', 'a', 'b', 'pre_ipo', 'b', 'c'] as const;
  for (let i = 0; i < 12; i++) {
    const year = i < 7 ? 2016 : 2017;
    add(
      {
        kind: 'investment',
        institutionId: d.inst[i % 3 === 0 ? 'motherFund' : 'childFund'],
        amount: money(800 + (i % 5) * 600),
        round: rounds[i % rounds.length],
        startOn: dayOf(year, i % 7, 7, year === 2016 ? 12 : 9),
      },
      ent(62 + i),
    );
  }

  // 14 高企 insured in 2016; two of them took a second policy (product liability beside property).
  for (let i = 0; i < 16; i++) {
    const e = i < 14 ? ent(74 + i) : ent(74 + (i - 14) * 5);
    const startOn = dayOf(2016, i, 16);
    add(
      {
        kind: 'insurance',
        institutionId: d.inst.insurer,
        amount: money(1.8 + (i % 6) * 0.75),
        cover: money(1500 + (i % 5) * 800),
        startOn,
        endOn: `${Number(startOn.slice(0, 4)) + 1}${startOn.slice(4)}`,
        refNo: `MH-KJBX-2016-${String(i + 1).padStart(4, '0')}`,
      },
      e,
    );
  }
  for (let i = 0; i < 6; i++) {
    const startOn = dayOf(2017, i, 6, 9);
    add(
      {
        kind: 'insurance',
        institutionId: d.inst.insurer,
        amount: money(2.5 + i * 0.5),
        cover: money(2000 + i * 500),
        startOn,
        endOn: `2018${startOn.slice(4)}`,
        refNo: `MH-KJBX-2017-${String(i + 1).padStart(4, '0')}`,
      },
      i === 0 ? d.demoEnterprise : ent(88 + i),
    );
  }

  for (let i = 0; i < 12; i++)
    add(
      {
        kind: 'loan',
        institutionId: d.inst[i % 2 ? 'bankB' : 'bankA'],
        amount: money(200 + (i % 5) * 200),
        termMonths: 12,
        guaranteeFree: i % 3 !== 0,
        startOn: dayOf(2017, i, 12, 10),
        refNo: `KCD-2017-${String(i + 1).padStart(3, '0')}`,
      },
      ent(94 + i),
    );
  return out;
}

/** Loads the records on a new embedded database, once (after the registry and IP demos). */
export async function loadDemoFinance(db: Db) {
  if (await anyRecord(db)) return { records: 0 };
  return db.transaction(async (tx) => {
    const keys = Object.keys(DEMO_INSTITUTIONS) as InstKey[];
    const orgs = await ensureOrgs(
      tx,
      keys.map((k) => DEMO_INSTITUTIONS[k].org),
    );
    const idOf = new Map(orgs.map((o) => [o.uscc, o.id]));
    const ids = Object.fromEntries(keys.map((k) => [k, idOf.get(DEMO_INSTITUTIONS[k].org.uscc)!])) as Record<
      InstKey,
      string
    >;
    await insertInstitutions(
      tx,
      keys.map((k) => ({ orgId: ids[k], type: DEMO_INSTITUTIONS[k].type })),
    );
    const ents = await hteEnterprisesOn(tx, '2016-12-31', 120);
    const patents = await pledgeablePatents(tx, '2016-01-01', '2017-06-30', 44);
    if (ents.length < 25 || patents.length < 36) return { records: 0, skipped: 'no registry or patent demo' };
    const demo = await ensureDemoOrganizations(tx as unknown as Db);
    const rows = buildFinanceDemo({
      inst: ids,
      ents,
      patents,
      demoEnterprise: { id: demo.enterprise, regionCode: '350582' },
    });
    for (let i = 0; i < rows.length; i += 500) await insertRecords(tx, rows.slice(i, i + 500));
    return { institutions: keys.length, records: rows.length };
  });
}
