import type { QualificationValidity } from '../../../domain/reference';
import { isValidOn, validUntilFor } from '../../../domain/registry';
import type { qualifications } from '../schema';
import { AS_OF, DEMO_FIGURES } from './figures';
import type { Enterprise, OrgRow } from './orgs';
import { type Rng, take } from './rng';
import type { Roles } from './roles';
import { weightedTake } from './roles';

export type QualRow = typeof qualifications.$inferInsert;
type Level = 'national' | 'provincial' | 'municipal';

interface Extra {
  level: Level;
  certificateNo?: string;
  documentNo?: string;
  batch?: string;
  revokedOn?: string;
  revokeReason?: string;
}

/** Fujian HTE recognition batches (issue dates of the certificates), by year. */
const HTE_BATCHES: Record<number, string[]> = {
  2012: ['2012-10-30', '2012-12-17'],
  2013: ['2013-09-03', '2013-11-12'],
  2014: ['2014-08-14', '2014-10-30'],
  2015: ['2015-09-30', '2015-11-09'],
  2016: ['2016-11-02', '2016-12-01'],
  2017: ['2017-10-23', '2017-11-30'],
};

/** One of the dates after the organisation was founded (the last one if none is). */
function after(rng: Rng, dates: string[], org: OrgRow): string {
  const open = dates.filter((d) => d > org.foundedOn);
  return open.length > 0 ? rng.pick(open) : dates[dates.length - 1];
}

export class QualificationWriter {
  readonly rows: QualRow[] = [];
  private serials = new Map<number, number>();

  constructor(
    private readonly rng: Rng,
    private readonly validity: Map<string, QualificationValidity>,
  ) {}

  add(org: OrgRow, typeCode: string, issuedOn: string, extra: Extra): QualRow {
    const validity = this.validity.get(typeCode);
    if (!validity) throw new Error(`demo data: qualification type ${typeCode} is not loaded`);
    const row: QualRow = {
      id: this.rng.uuid(),
      orgId: org.id,
      regionCode: org.regionCode,
      typeCode,
      level: extra.level,
      certificateNo: extra.certificateNo ?? null,
      issuedOn,
      // 有效期按资质类型规则计算（高企三年：2014-01-01 发证有效至 2016-12-31）.
      validUntil: validUntilFor(validity, issuedOn),
      documentNo: extra.documentNo ?? null,
      batch: extra.batch ?? null,
      revoked: extra.revokedOn !== undefined,
      revokedOn: extra.revokedOn ?? null,
      revokeReason: extra.revokeReason ?? null,
    };
    this.rows.push(row);
    return row;
  }

  /** A 高企 certificate: GR + year + 35 (福建) + a six-digit serial unique within the year. */
  hte(org: OrgRow, issuedOn: string, revokedOn?: string): QualRow {
    const year = Number(issuedOn.slice(0, 4));
    const serial = (this.serials.get(year) ?? this.rng.int(100, 300)) + this.rng.int(1, 9);
    this.serials.set(year, serial);
    const batches = HTE_BATCHES[year] ?? [];
    const k = Math.max(0, batches.indexOf(issuedOn)) + 1;
    return this.add(org, 'hte', issuedOn, {
      level: 'national',
      certificateNo: `GR${year}35${String(serial).padStart(6, '0')}`,
      documentNo: `闽科高〔${year}〕${k * 10 + this.rng.int(1, 9)}号`,
      batch: `${year}年第${k}批`,
      revokedOn,
      revokeReason: revokedOn
        ? '发生重大安全、重大质量事故或有严重环境违法行为，取消高新技术企业资格'
        : undefined,
    });
  }

  hteIn(org: OrgRow, year: number): QualRow {
    return this.hte(org, this.rng.pick(HTE_BATCHES[year]));
  }
}

/**
 * 高企 certificates: exactly `hte_valid` enterprises hold one valid on 2016-12-31, around them a
 * history of renewals, lapsed certificates (issued 2012–2013), 2017 certificates and two revoked
 * ones, with the two edge cases of the three-year rule (issued 2014-01-01 counts, 2013-12-31 not).
 * `others` are enterprises outside the holders and the pool (lapsed and revoked holders).
 */
export function hteQualifications(
  rng: Rng,
  w: QualificationWriter,
  roles: Roles,
  others: Enterprise[],
): void {
  const holders = rng.shuffle([...roles.hteAbove, ...roles.hteSmall]);
  const byYear = { 2014: holders.slice(0, 95), 2015: holders.slice(95, 195), 2016: holders.slice(195) };
  w.hte(byYear[2014][0].org, '2014-01-01');
  for (const e of byYear[2014].slice(1)) w.hteIn(e.org, 2014);
  for (const year of [2015, 2016] as const) {
    byYear[year].forEach((e, i) => {
      // A third of them renewed a certificate issued three years before.
      if (i % 3 === 0) w.hteIn(e.org, year - 3);
      w.hteIn(e.org, year);
    });
  }
  // Most of the 2014 holders renew in 2017, so the 2017 count keeps growing.
  for (const e of byYear[2014].slice(1, 71)) w.hteIn(e.org, 2017);

  const lapsed = take(others, 70);
  w.hte(lapsed[0].org, '2013-12-31');
  lapsed.slice(1).forEach((e, i) => {
    w.hteIn(e.org, i % 2 === 0 ? 2012 : 2013);
  });
  for (const e of lapsed.slice(0, 10)) w.hteIn(e.org, 2017);
  for (const e of roles.pool.filter((p) => p.pool === 'meet').slice(0, 30)) w.hteIn(e.org, 2017);
  for (const e of take(others, 2)) w.hte(e.org, '2015-09-30', rng.date('2016-03-01', '2016-10-31'));
}

/** 省级科技型企业备案: `prov_tech_ent` valid on 2016-12-31, plus 2017 filings and revoked ones. */
export function provTechQualifications(
  rng: Rng,
  w: QualificationWriter,
  roles: Roles,
  rest: Enterprise[],
): void {
  const hte = take(rng.shuffle([...roles.hteAbove, ...roles.hteSmall]), 120);
  const others = take(rest, DEMO_FIGURES.prov_tech_ent - hte.length);
  const dates = ['2012-06-15', '2013-07-10', '2014-06-20', '2015-07-08', '2016-06-28', '2016-11-25'];
  const doc = (d: string) => `闽科计〔${d.slice(0, 4)}〕${rng.int(20, 120)}号`;
  for (const e of [...hte, ...others]) {
    const d = after(rng, dates, e.org);
    w.add(e.org, 'prov_tech_ent', d, { level: 'provincial', documentNo: doc(d) });
  }
  for (const e of take(rest, 15))
    w.add(e.org, 'prov_tech_ent', '2017-06-30', { level: 'provincial', documentNo: doc('2017') });
  for (const e of take(rest, 3)) {
    w.add(e.org, 'prov_tech_ent', '2014-06-20', {
      level: 'provincial',
      documentNo: doc('2014'),
      revokedOn: rng.date('2016-04-01', '2016-09-30'),
      revokeReason: '连续两年未按规定报送年度统计报表，撤销备案',
    });
  }
}

const IP_DATES = ['2011-09-20', '2012-10-15', '2013-11-08', '2014-10-28', '2015-11-18', '2016-10-20'];

function ipLevel(rng: Rng, national: number, provincial: number): Level {
  const r = rng.next();
  return r < national ? 'national' : r < national + provincial ? 'provincial' : 'municipal';
}

/** 知识产权试点示范 / 优势企业: `ip_pilot_ent` distinct holders, some holding both or two levels. */
export function ipQualifications(rng: Rng, w: QualificationWriter, candidates: Enterprise[]): void {
  const weight = (e: Enterprise) => (e.hte ? 6 : e.rd16 ? 3 : 1);
  const holders = weightedTake(rng, candidates, DEMO_FIGURES.ip_pilot_ent, weight);
  const both = 52;
  const pilot = holders.slice(0, 300);
  const advantage = holders.slice(300 - both);
  const doc = (d: string) => `泉知〔${d.slice(0, 4)}〕${rng.int(10, 90)}号`;
  pilot.forEach((e, i) => {
    const d = after(rng, IP_DATES, e.org);
    if (i < 30 && d > '2012-12-31') {
      // Municipal pilot first, provincial later: two records, one enterprise.
      const early = after(
        rng,
        IP_DATES.filter((x) => x < d),
        e.org,
      );
      w.add(e.org, 'ip_pilot', early, { level: 'municipal', documentNo: doc(early) });
      w.add(e.org, 'ip_pilot', d, { level: 'provincial', documentNo: doc(d) });
    } else {
      w.add(e.org, 'ip_pilot', d, { level: ipLevel(rng, 0.05, 0.35), documentNo: doc(d) });
    }
  });
  for (const e of advantage) {
    const d = after(rng, IP_DATES.slice(2), e.org);
    w.add(e.org, 'ip_advantage', d, { level: ipLevel(rng, 0.1, 0.4), documentNo: doc(d) });
  }
  for (const e of take(candidates, 12)) {
    w.add(e.org, rng.chance(0.5) ? 'ip_pilot' : 'ip_advantage', '2017-10-26', {
      level: 'municipal',
      documentNo: doc('2017'),
    });
  }
  for (const e of take(candidates, 2)) {
    w.add(e.org, 'ip_pilot', '2013-11-08', {
      level: 'municipal',
      documentNo: doc('2013'),
      revokedOn: rng.date('2016-05-01', '2016-11-30'),
      revokeReason: '复核不合格，撤销试点企业称号',
    });
  }
}

/**
 * 数控一代: `nc_enterprises` 规上 enterprises (2016) with a valid participant or demonstration
 * record; around them participants that fell below 规上 in 2016, 2017 entrants and revoked ones.
 */
export function ncQualifications(
  rng: Rng,
  w: QualificationWriter,
  above: Enterprise[],
  dropped: Enterprise[],
): void {
  const chosen = take(above, DEMO_FIGURES.nc_enterprises);
  const dates = [
    '2012-12-20',
    '2013-06-18',
    '2013-12-16',
    '2014-06-25',
    '2014-12-22',
    '2015-06-26',
    '2015-12-18',
    '2016-06-20',
    '2016-12-15',
  ];
  const doc = (d: string) => `泉科〔${d.slice(0, 4)}〕${rng.int(30, 180)}号`;
  const level = () => (rng.chance(0.15) ? 'provincial' : 'municipal');
  chosen.forEach((e, i) => {
    const d = after(rng, dates, e.org);
    // 1170 participants only, 80 both, 50 demonstration only.
    if (i < 1250) w.add(e.org, 'nc_participant', d, { level: level(), documentNo: doc(d) });
    if (i >= 1170) {
      const demo = rng.pick(dates.filter((x) => x >= d));
      w.add(e.org, 'nc_demo', demo, { level: level(), documentNo: doc(demo) });
    }
  });
  for (const e of take(dropped, 45)) {
    const d = after(rng, dates, e.org);
    w.add(e.org, 'nc_participant', d, { level: 'municipal', documentNo: doc(d) });
  }
  for (const e of take(above, 20))
    w.add(e.org, 'nc_participant', '2017-06-22', { level: 'municipal', documentNo: doc('2017') });
  for (const e of take(above, 2)) {
    w.add(e.org, 'nc_participant', '2014-06-25', {
      level: 'municipal',
      documentNo: doc('2014'),
      revokedOn: '2016-08-15',
      revokeReason: '项目中止，退出数控一代示范工程',
    });
  }
}

/** Qualifications that no 2016 headline figure counts: 小巨人, 瞪羚, 贯标, 2017 科技型中小企业. */
export function otherQualifications(rng: Rng, w: QualificationWriter, roles: Roles, all: Enterprise[]): void {
  const strong = rng.shuffle([...roles.hteAbove, ...roles.pool]);
  for (const e of take(strong, 45)) {
    const d = rng.pick(['2015-08-12', '2016-08-30']);
    w.add(e.org, 'little_giant', d, {
      level: 'provincial',
      documentNo: `闽科高〔${d.slice(0, 4)}〕${rng.int(5, 60)}号`,
    });
  }
  for (const e of take(strong, 30)) w.add(e.org, 'gazelle', '2016-09-26', { level: 'municipal' });
  for (const e of take(strong, 40))
    w.add(e.org, 'ip_standard', rng.date('2014-03-01', '2016-11-30'), { level: 'national' });
  const smes = all.filter((e) => e.cohort === 'small' || (e.hte && e.cohort !== 'above'));
  rng
    .shuffle(smes)
    .slice(0, 200)
    .forEach((e, i) => {
      w.add(e.org, 'tech_sme', rng.date('2017-06-01', '2017-11-30'), {
        level: 'national',
        certificateNo: `2017${e.org.regionCode.slice(0, 6)}A0${String(i + 1).padStart(5, '0')}`,
      });
    });
}

/** Distinct organisations holding a valid qualification of one of `types` on `date` (isValidOn). */
export function holdersOn(rows: QualRow[], types: string[], date = AS_OF): Set<string> {
  const out = new Set<string>();
  for (const q of rows) {
    if (!types.includes(q.typeCode)) continue;
    const facts = {
      issuedOn: q.issuedOn,
      validUntil: q.validUntil ?? null,
      revoked: q.revoked ?? false,
      revokedOn: q.revokedOn ?? null,
    };
    if (isValidOn(facts, date)) out.add(q.orgId);
  }
  return out;
}
