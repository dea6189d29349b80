import type { QualificationValidity } from '../../../domain/reference';
import { buildCarriers, type CarrierAnnualRow, type CarrierRow } from './carriers';
import { AS_OF, DEMO_FIGURES, type DemoSummary, INSTITUTIONS } from './figures';
import { NameBook } from './names';
import { buildEnterprises, buildInstitutions, type Enterprise, type OrgRow } from './orgs';
import { assignParks, type ParkAnnualRow, parkAnnualRows, type SubPark } from './parks';
import { enterprisePlatforms, newRdPlatforms, type PlatformRow } from './platforms';
import {
  holdersOn,
  hteQualifications,
  ipQualifications,
  ncQualifications,
  otherQualifications,
  provTechQualifications,
  QualificationWriter,
  type QualRow,
} from './qualifications';
import { Rng } from './rng';
import { assignRoles } from './roles';
import { demoEnterpriseStats, enterpriseStats, institutionStats, type StatsRow } from './stats';

/** What the generator needs from the database: reference data and what already exists. */
export interface DemoContext {
  regionNames: Map<string, string>;
  validity: Map<string, QualificationValidity>;
  subParks: SubPark[];
  existingNames: string[];
  existingUsccs: string[];
  /** The accounts' demo enterprise, which gets 规上 statistics and counts in the figures. */
  demoEnterprise: { id: string; regionCode: string };
}

export interface DemoData {
  orgs: OrgRow[];
  stats: StatsRow[];
  quals: QualRow[];
  platforms: PlatformRow[];
  carriers: CarrierRow[];
  carrierAnnual: CarrierAnnualRow[];
  parkAnnual: ParkAnnualRow[];
  summary: DemoSummary;
}

const isAbove16 = (e: Enterprise) => e.cohort === 'above' || e.cohort === 'new16';

/** Builds the whole dataset in memory from the seed; checks the 2016 figures before returning. */
export function buildDemoData(seed: number, ctx: DemoContext): DemoData {
  const rng = new Rng(seed);
  const book = new NameBook(rng, ctx.existingNames, ctx.existingUsccs);
  const enterprises = buildEnterprises(rng, book, ctx.regionNames);
  const inst = buildInstitutions(rng, book, ctx.regionNames);
  const roles = assignRoles(rng, enterprises, { rd: 1 });

  const stats: StatsRow[] = [
    ...demoEnterpriseStats(ctx.demoEnterprise.id, ctx.demoEnterprise.regionCode),
    ...enterprises.flatMap((e) => enterpriseStats(rng, e)),
    ...inst.newRd.flatMap((i) => institutionStats(rng, i)),
  ];
  assignParks(rng, ctx.subParks, enterprises, inst.newRd);

  const w = new QualificationWriter(rng, ctx.validity);
  const lapsedOrRevoked = rng.shuffle(
    enterprises.filter((e) => !e.hte && !e.pool && e.cohort !== 'small' && e.org.foundedOn <= '2010-12-31'),
  );
  hteQualifications(rng, w, roles, lapsedOrRevoked);
  const provRest = rng.shuffle(
    enterprises.filter(
      (e) => !e.hte && e.org.foundedOn <= '2014-12-31' && (e.pool || e.rd16 || e.cohort === 'small'),
    ),
  );
  provTechQualifications(rng, w, roles, provRest);
  ipQualifications(rng, w, rng.shuffle(enterprises.filter((e) => e.org.foundedOn <= '2014-12-31')));
  ncQualifications(
    rng,
    w,
    rng.shuffle(enterprises.filter(isAbove16)),
    rng.shuffle(enterprises.filter((e) => e.cohort === 'drop')),
  );
  otherQualifications(rng, w, roles, enterprises);

  const rdActive = [...roles.hteAbove, ...roles.hteSmall, ...roles.pool, ...roles.rdOther];
  const platforms = [
    ...enterprisePlatforms(rng, rdActive),
    ...newRdPlatforms(rng, inst.newRd, DEMO_FIGURES.new_rd_inst),
  ];

  const settledNewRd = inst.newRd.slice(0, INSTITUTIONS.newRdInstitutions - 3);
  const agri = rng.shuffle(
    enterprises.filter(
      (e) => ['13', '14', '15'].includes(e.org.industryCode ?? '') && e.org.foundedOn <= '2014-12-31',
    ),
  );
  const { carriers, annual } = buildCarriers(rng, book, {
    incubatorOps: rng.shuffle([...inst.agencies, ...inst.universities].map((i) => i.org)),
    makerOps: rng.shuffle([
      ...[...inst.universities, ...settledNewRd, ...inst.agencies].map((i) => i.org),
      ...roles.hteAbove.slice(0, 15).map((e) => e.org),
    ]),
    agriOps: agri.slice(0, 6).map((e) => e.org),
  });

  const parkAnnual = parkAnnualRows(rng, ctx.subParks, enterprises, stats, w.rows);
  const orgs = [
    ...enterprises.map((e) => e.org),
    ...Object.values(inst).flatMap((list) => list.map((i: { org: OrgRow }) => i.org)),
  ];
  const data = { orgs, stats, quals: w.rows, platforms, carriers, carrierAnnual: annual, parkAnnual };
  return { ...data, summary: checkFigures(data) };
}

/**
 * Recomputes every headline figure from the generated rows with the same rules the indicator
 * engine uses, so a change to the generator that breaks a figure fails here, not in a demo.
 */
function checkFigures(d: Omit<DemoData, 'summary'>): DemoSummary {
  const s16 = d.stats.filter((s) => s.year === 2016 && s.aboveSize);
  const above16 = new Set(s16.map((s) => s.orgId));
  const nc = holdersOn(d.quals, ['nc_participant', 'nc_demo']);
  const platformCount = (kind: PlatformRow['kind']) =>
    d.platforms.filter(
      (p) =>
        p.kind === kind && p.recognizedOn <= AS_OF && (p.status === 'active' || (p.endedOn ?? '') > AS_OF),
    ).length;
  const counted = new Set(
    d.carriers
      .filter(
        (c) =>
          (c.kind === 'maker_space' || c.kind === 'incubator') &&
          c.recognizedOn <= AS_OF &&
          (c.status === 'active' || (c.endedOn ?? '') > AS_OF),
      )
      .map((c) => c.id),
  );
  const annual16 = d.carrierAnnual.filter((a) => a.year === 2016 && counted.has(a.carrierId));
  const actual: DemoSummary = {
    hte_valid: holdersOn(d.quals, ['hte']).size,
    prov_tech_ent: holdersOn(d.quals, ['prov_tech_ent']).size,
    ip_pilot_ent: holdersOn(d.quals, ['ip_pilot', 'ip_advantage']).size,
    muni_eng_center: platformCount('muni_eng_center'),
    ind_tech_center: platformCount('ind_tech_center'),
    prov_key_lab: platformCount('prov_key_lab'),
    national_platform: platformCount('national_platform'),
    new_rd_inst: platformCount('new_rd_inst'),
    incubators: counted.size,
    incubators_national: d.carriers.filter((c) => counted.has(c.id) && c.level === 'national').length,
    startups_served: annual16.reduce((s, a) => s + (a.startupsServed ?? 0), 0),
    teams_served: annual16.reduce((s, a) => s + (a.teamsServed ?? 0), 0),
    above_size_ind: s16.length,
    rd_active_ent: s16.filter((s) => s.hasRdActivity).length,
    core_tech_ent: s16.filter((s) => s.ownsCoreTech).length,
    nc_enterprises: [...nc].filter((id) => above16.has(id)).length,
  };
  const wrong = (Object.keys(DEMO_FIGURES) as (keyof DemoSummary)[]).filter(
    (k) => actual[k] !== DEMO_FIGURES[k],
  );
  if (wrong.length > 0) {
    throw new Error(
      `demo data: figures off: ${wrong.map((k) => `${k} ${actual[k]} ≠ ${DEMO_FIGURES[k]}`).join(', ')}`,
    );
  }
  return actual;
}
