import type { z } from 'zod';
import type {
  annualStatsBodySchema,
  OrgDetail,
  OrgListItem,
  OrgListQuery,
  OrgListResult,
  orgBodySchema,
  orgUpdateSchema,
} from '../../../domain/contracts/registry';
import { msg } from '../../../domain/message';
import type { Tx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { type AuditContext, writeAudit } from '../../platform/audit';
import type { Deps } from '../../platform/deps';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/errors';
import { cappedTotal, pageOf } from '../../platform/listing';
import { inScope, type Scope, scopeOf } from '../../platform/scope';
import { carriersOfOrg, platformsOfOrg } from './facilities-repo';
import {
  annualStatsOf,
  annualStatsOfYear,
  countOrgs,
  formerNamesOf,
  getOrg,
  getOrgListRow,
  getOrgPageRow,
  industryExists,
  insertFormerName,
  insertOrg,
  keywordSearch,
  listOrgs,
  moveOrgRecords,
  type OrgListRow,
  orgAuditEntries,
  orgIdByUscc,
  orgRowsByIds,
  parkExists,
  rankedOrgIds,
  SEARCH_CAP,
  updateOrg,
  upsertAnnualStats,
} from './orgs-repo';
import { fieldsOutsideOwnProfile, orgEditAbility } from './policy';
import { qualificationsOfOrg } from './qualifications-repo';
import { orgSearchText } from './search';

const ORG = msg('单位', 'organisation');
const iso = (v: Date | string) => new Date(v).toISOString();

export function presentOrg(r: OrgListRow): OrgListItem {
  return { ...r, updatedAt: iso(r.updatedAt) };
}

export async function listOrganizations(deps: Deps, actor: Actor, q: OrgListQuery): Promise<OrgListResult> {
  const scope = scopeOf(actor, deps.regions);
  const { limit, offset } = pageOf(q);
  const search = keywordSearch(q, deps.regions);
  if (search && !q.sort) {
    const ranked = await rankedOrgIds(deps.db, scope, q, deps.regions, search, limit, offset);
    const [rows, matched] = await Promise.all([
      orgRowsByIds(deps.db, ranked.ids, q.validOn),
      ranked.matched ?? countOrgs(deps.db, scope, q, deps.regions, SEARCH_CAP).then((c) => c.n),
    ]);
    return { items: rows.map(presentOrg), ...cappedTotal(matched, SEARCH_CAP), totalIsEstimate: false };
  }
  const [rows, count] = await Promise.all([
    listOrgs(deps.db, scope, q, deps.regions, limit, offset),
    countOrgs(deps.db, scope, q, deps.regions, search ? SEARCH_CAP : undefined),
  ]);
  return {
    items: rows.map(presentOrg),
    ...cappedTotal(count.n, search ? SEARCH_CAP : undefined),
    totalIsEstimate: count.estimated,
  };
}

/** Loads an organisation the actor may see, or answers 404 as if it did not exist. */
export async function loadVisibleOrg(tx: Tx, scope: Scope, id: string) {
  const org = await getOrg(tx, id);
  if (!org || !inScope(scope, { regionCode: org.regionCode, orgId: org.id, parkId: org.parkId }))
    throw notFound(ORG);
  return org;
}

export async function organizationDetail(deps: Deps, actor: Actor, id: string): Promise<OrgDetail> {
  const scope = scopeOf(actor, deps.regions);
  // The record and its list row in one read; the scope check follows, the other reads with it.
  const [page, formerNames, quals, platforms, carriers, stats] = await Promise.all([
    getOrgPageRow(deps.db, id),
    formerNamesOf(deps.db, id),
    qualificationsOfOrg(deps.db, id),
    platformsOfOrg(deps.db, id),
    carriersOfOrg(deps.db, id),
    annualStatsOf(deps.db, id),
  ]);
  const org = page?.row;
  if (!org || !inScope(scope, { regionCode: org.regionCode, orgId: org.id, parkId: org.parkId }))
    throw notFound(ORG);
  const edit = orgEditAbility(actor, scope, org);
  return {
    org: {
      ...presentOrg(org),
      address: page.more.address,
      contactPerson: page.more.contactPerson,
      contactPhone: page.more.contactPhone,
      legacyRegNo: page.more.legacyRegNo,
      createdAt: iso(page.more.createdAt),
    },
    formerNames: formerNames.map((n) => ({ name: n.name, usedUntil: iso(n.usedUntil) })),
    qualifications: quals,
    platforms,
    carriers,
    stats: stats.map(({ orgId: _o, regionCode: _r, updatedAt: _u, ...s }) => s),
    abilities: { edit, editStats: edit !== null },
  };
}

type OrgBody = z.infer<typeof orgBodySchema>;

/** Checks references an organisation's fields make, in the actor's scope. */
async function checkReferences(tx: Tx, deps: Deps, scope: Scope, body: Partial<OrgBody>) {
  if (body.regionCode !== undefined) {
    const region = deps.regions.get(body.regionCode);
    if (!region || region.level === 'city' || !region.holdsData) {
      throw invalid(
        'regionCode',
        msg('所属区域须为县(市、区)或功能区', 'The region must be a county or functional zone'),
      );
    }
    if (!inScope(scope, { regionCode: region.code })) {
      throw invalid('regionCode', msg('超出本单位管辖区域', 'The region is outside your jurisdiction'));
    }
  }
  if (body.industryCode) {
    const code = /^\d/.test(body.industryCode) ? body.industryCode.slice(0, 2) : body.industryCode;
    if (!(await industryExists(tx, code)))
      throw invalid(
        'industryCode',
        msg('行业代码不存在（GB/T 4754-2017）', 'No such industry code (GB/T 4754-2017)'),
      );
  }
  if (body.parkId) {
    if (!(await parkExists(tx, body.parkId))) throw invalid('parkId', msg('园区不存在', 'No such park'));
  }
}

async function assertUsccFree(tx: Tx, uscc: string, exceptId?: string) {
  const holder = await orgIdByUscc(tx, uscc);
  if (holder && holder !== exceptId) {
    throw conflict(
      msg('该统一社会信用代码已登记', 'An organisation with this USCC is already registered'),
      'uscc',
    );
  }
}

export async function createOrganization(deps: Deps, ctx: AuditContext, actor: Actor, body: OrgBody) {
  const scope = scopeOf(actor, deps.regions);
  if (scope.kind === 'org' || scope.kind === 'none') throw forbidden();
  return deps.db.transaction(async (tx) => {
    await checkReferences(tx, deps, scope, body);
    await assertUsccFree(tx, body.uscc);
    const searchText = orgSearchText(body, deps.regions.get(body.regionCode)?.name);
    const created = await insertOrg(tx, { ...body, searchText });
    const { searchText: _s, searchVector: _v, ...after } = created;
    await writeAudit(tx, ctx, {
      action: 'organization.create',
      targetType: 'organization',
      targetId: created.id,
      after,
    });
    return presentOrg((await getOrgListRow(tx, created.id))!);
  });
}

export async function updateOrganization(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof orgUpdateSchema>,
) {
  const scope = scopeOf(actor, deps.regions);
  return deps.db.transaction(async (tx) => {
    const before = await loadVisibleOrg(tx, scope, id);
    const ability = orgEditAbility(actor, scope, before);
    if (!ability) throw forbidden();
    const outside = ability === 'own-profile' ? fieldsOutsideOwnProfile(body) : [];
    if (outside.length > 0) {
      throw new AppError(
        403,
        'own_profile_fields',
        msg(
          `本单位只能修改地址和联系方式，不能修改：${outside.join(', ')}`,
          `You may correct only address and contacts, not: ${outside.join(', ')}`,
        ),
        outside[0],
      );
    }
    await checkReferences(tx, deps, scope, body);
    if (body.uscc) await assertUsccFree(tx, body.uscc, id);
    const next = { ...before, ...body };
    const searchText = orgSearchText(next, deps.regions.get(next.regionCode)?.name);
    if (body.name && body.name !== before.name) {
      await insertFormerName(tx, id, before.name, actor.username);
    }
    const after = await updateOrg(tx, id, { ...body, searchText });
    // Statistics and qualifications carry the region for scoping; they follow a move.
    if (body.regionCode && body.regionCode !== before.regionCode)
      await moveOrgRecords(tx, id, body.regionCode);
    const changed = Object.keys(body) as (keyof typeof before)[];
    await writeAudit(tx, ctx, {
      action: ability === 'own-profile' ? 'organization.self-update' : 'organization.update',
      targetType: 'organization',
      targetId: id,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, after[k]])),
    });
    return presentOrg((await getOrgListRow(tx, id))!);
  });
}

export async function saveAnnualStats(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  year: number,
  body: z.infer<typeof annualStatsBodySchema>,
) {
  const scope = scopeOf(actor, deps.regions);
  if (body.stStaff !== null && body.staff !== null && body.stStaff > body.staff) {
    throw invalid('stStaff', msg('科技人员数不能大于职工人数', 'S&T staff cannot exceed staff'));
  }
  for (const f of ['rdExpense', 'hitechRevenue'] as const) {
    if (body[f] !== null && body.revenue !== null && Number(body[f]) > Number(body.revenue)) {
      throw invalid(f, msg('不能大于营业收入', 'cannot exceed revenue'));
    }
  }
  return deps.db.transaction(async (tx) => {
    const org = await loadVisibleOrg(tx, scope, id);
    if (!orgEditAbility(actor, scope, org)) throw forbidden();
    const before = await annualStatsOfYear(tx, id, year);
    await upsertAnnualStats(tx, { orgId: id, year, regionCode: org.regionCode }, body);
    await writeAudit(tx, ctx, {
      action: 'organization.annual-stats',
      targetType: 'organization',
      targetId: id,
      before: before ?? null,
      after: { year, ...body },
    });
    return { year, ...body };
  });
}

export async function organizationChanges(deps: Deps, actor: Actor, id: string) {
  await loadVisibleOrg(deps.db, scopeOf(actor, deps.regions), id);
  const rows = await orgAuditEntries(deps.db, id);
  return rows.map((r) => ({
    at: iso(r.at),
    actorUsername: r.actorUsername,
    actorRole: r.actorRole,
    action: r.action,
    before: r.before,
    after: r.after,
  }));
}
