/** Loads the technology market's demo set (demo-data.ts) into a new embedded database. */
import type { Db } from '../../db/client';
import { ensureOrganization } from '../../db/seed/demo-accounts-repo';
import type { DemoContext } from '../index';
import { orgSearchText } from '../registry/search';
import { insertAchievements } from './achievements-repo';
import { insertCalls, insertProposals } from './calls-repo';
import { insertDemands } from './demands-repo';
import { DEMO_EVENTS, demoAchievements, demoCalls, demoDemands, demoOrgs } from './demo-data';
import { insertEvent } from './events-repo';
import { insertMatches } from './matches-repo';
import { insertTermRows } from './matching-repo';
import { achievementVector, demandVector, vectorLength } from './text';

const MATCH_STATUSES = ['contacted', 'negotiating', 'contracted', 'dropped', 'negotiating'] as const;

function termRows(kind: 'achievement' | 'demand', id: string, vector: Map<string, number>) {
  return [...vector].map(([term, tf]) => ({ kind, recordId: id, term, tf }));
}

/** The demo set; answers the ids it wrote, so a test can check the intended counterparts. */
export async function loadDemoMarket(ctx: Pick<DemoContext, 'db' | 'regions'>) {
  const db: Db = ctx.db;
  const orgIds = new Map<string, { id: string; regionCode: string }>();
  for (const o of demoOrgs()) {
    const { key, ...org } = o;
    const id = await ensureOrganization(db, {
      ...org,
      searchText: orgSearchText(org, ctx.regions.get(org.regionCode)?.name),
    });
    orgIds.set(key, { id, regionCode: org.regionCode });
  }
  const achievements = demoAchievements();
  const aVectors = achievements.map((a) => achievementVector(a));
  const aIds = (
    await insertAchievements(
      db,
      achievements.map((a, i) => {
        const owner = orgIds.get(`p${a.provider}`)!;
        const { index: _i, tech: _t, use: _u, provider: _p, ...values } = a;
        return {
          ...values,
          ownerOrgId: owner.id,
          regionCode: owner.regionCode,
          inventors: [`${'张王李陈林黄'[i % 6]}${'明华强伟芳敏'[(i * 5) % 6]}`],
          status: 'published' as const,
          termCount: vectorLength(aVectors[i]),
        };
      }),
    )
  ).map((r) => r.id);
  await insertTermRows(
    db,
    aIds.flatMap((id, i) => termRows('achievement', id, aVectors[i])),
  );

  const demands = demoDemands(achievements);
  const dVectors = demands.map((d) => demandVector(d));
  const dIds = (
    await insertDemands(
      db,
      demands.map((d, i) => {
        const org = orgIds.get(`d${d.demander}`)!;
        const { index: _i, intended: _n, demander: _d, ...values } = d;
        const submitted = d.index >= 80;
        return {
          ...values,
          orgId: org.id,
          regionCode: org.regionCode,
          contactPerson: '王经理',
          status: submitted ? ('submitted' as const) : ('published' as const),
          publishedOn: submitted ? null : d.publishedOn,
          termCount: vectorLength(dVectors[i]),
        };
      }),
    )
  ).map((r) => r.id);
  await insertTermRows(
    db,
    dIds.flatMap((id, i) => termRows('demand', id, dVectors[i])),
  );

  const calls = demoCalls(demands);
  const callIds = await insertCalls(
    db,
    calls.map((c, i) => ({
      demandId: dIds[c.demand],
      kind: 'liaoyuan' as const,
      title: `燎原计划第四批：${demands[c.demand].title}`,
      batch: '第四批',
      regionCode: orgIds.get(`d${demands[c.demand].demander}`)!.regionCode,
      status: i < 16 ? ('awarded' as const) : ('closed' as const),
      opensOn: '2016-02-01',
      closesOn: c.closesOn,
    })),
  );
  let solution = 400;
  const proposals = calls.flatMap((c, i) =>
    Array.from({ length: c.proposals }, (_, p) => {
      const a = achievements[solution++];
      return {
        callId: callIds[i].id,
        orgId: orgIds.get(`p${a.provider}`)!.id,
        achievementId: aIds[a.index],
        summary: `以“${a.title}”为基础，针对需求方产线提供${a.tech}整体解决方案。`,
        status: i < 16 ? (p === 0 ? ('picked' as const) : ('rejected' as const)) : ('shortlisted' as const),
      };
    }),
  );
  await insertProposals(db, proposals);

  const eventIds: string[] = [];
  for (const e of DEMO_EVENTS) {
    const ids = Array.from({ length: e.presented }, (_, k) => aIds[(e.from + k) % aIds.length]);
    const row = await insertEvent(
      db,
      {
        title: e.title,
        heldOn: e.heldOn,
        venue: '海峡（泉州）技术转移中心',
        regionCode: '350500',
        attendees: e.attendees,
      },
      ids,
    );
    eventIds.push(row.id);
  }

  await insertMatches(
    db,
    demands.slice(0, 30).map((d, k) => {
      const a = achievements[d.intended];
      const org = orgIds.get(`d${d.demander}`)!;
      const owner = orgIds.get(`p${a.provider}`)!;
      const status = MATCH_STATUSES[k % MATCH_STATUSES.length];
      const contactedOn =
        d.publishedOn < '2016-12-01' ? d.publishedOn.replace(/-(\d\d)$/, '-28') : d.publishedOn;
      return {
        demandId: dIds[d.index],
        achievementId: aIds[a.index],
        demandRegionCode: org.regionCode,
        achievementRegionCode: owner.regionCode,
        demandOrgId: org.id,
        achievementOrgId: owner.id,
        status,
        dropReason: status === 'dropped' ? ('price' as const) : null,
        eventId: k % 3 === 0 ? eventIds[k % eventIds.length] : null,
        contactedOn,
        closedOn: status === 'contracted' || status === 'dropped' ? '2016-12-20' : null,
        reasons: [{ code: 'terms', detail: `${a.tech}、${a.use}` }],
      };
    }),
  );

  return {
    organizations: orgIds.size,
    achievements: aIds.length,
    demands: dIds.length,
    calls: callIds.length,
    proposals: proposals.length,
    events: eventIds.length,
    presented: DEMO_EVENTS.reduce((n, e) => n + e.presented, 0),
    /** Each demand's id and the id of the achievement it was written about. */
    intended: demands.map((d) => ({
      demandId: dIds[d.index],
      achievementId: aIds[d.intended],
      field: d.field as string,
      regionCode: orgIds.get(`d${d.demander}`)!.regionCode,
    })),
  };
}
