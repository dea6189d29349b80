/**
 * Demo data of S&T plan projects (科技计划项目): a 2017 call of each programme — one of them open
 * now — with applications in every state and their full history, an expert pool with conflicts of
 * interest, panels and scores, payments, and notifications of what each demo account has to do.
 * Runs once (settings row `demo-projects`), in one transaction with one audit entry; every choice
 * comes from a seeded generator. Needs the registry demo data and the demo accounts first.
 */
import { createHash } from 'node:crypto';
import type { PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import { APPLICATION_STATES } from '../../../../domain/projects';
import { writeAudit } from '../../../platform/audit';
import type { RegionTree } from '../../../platform/region-tree';
import { findSetting, insertSetting } from '../../../platform/settings-repo';
import type { Db, Tx } from '../../client';
import {
  applicationEvents,
  applications,
  attachments,
  calls,
  expertConflicts,
  experts,
  notifications,
  payments,
  reviewAssignments,
} from '../../schema';
import { ensureDemoOrganizations } from '../../seed/demo-accounts';
import { insertInChunks } from '../demo-repo';
import { Rng } from '../rng';
import { type BuildContext, buildApplications, buildPayments } from './build';
import { applicantOrgs, hteHoldersOn, usersNamed } from './demo-projects-repo';
import { buildExperts, buildReviews } from './experts';
import { notesFor } from './notes';

export const DEMO_PROJECTS_KEY = 'demo-projects';
export const DEMO_PROJECTS_SEED = 20170301;
const ACCOUNTS = [
  'enterprise.demo',
  'institution.demo',
  'expert.demo',
  'county.jinjiang',
  'county.nanan',
  'staff',
  'leader',
];
const DAY = 86_400_000;

async function insertAll<T extends PgTable>(tx: Tx, table: T, rows: PgInsertValue<T>[]) {
  await insertInChunks(tx, table, rows, 500);
}

/** The county a region belongs to (a functional zone directly under the city has none). */
function countyFinder(regions: RegionTree) {
  return (code: string): string | null => {
    for (let r = regions.get(code); r; r = r.parentCode ? regions.get(r.parentCode) : undefined)
      if (r.level === 'county') return r.code;
    return null;
  };
}

async function readContext(tx: Tx, regions: RegionTree, now: Date): Promise<BuildContext> {
  const demoOrgs = await ensureDemoOrganizations(tx as unknown as Db);
  const accountRows = await usersNamed(tx, ACCOUNTS);
  const orgs = await applicantOrgs(tx);
  const spring = '2017-03-01';
  const hte = await hteHoldersOn(tx, spring);
  return {
    now,
    counties: regions.rows.filter((r) => r.level === 'county').map((r) => r.code),
    countyOf: countyFinder(regions),
    orgs,
    hteHolders: new Set(hte.map((h) => h.orgId)),
    demoOrgs,
    users: new Map(accountRows.map((u) => [u.username, u.id])),
  };
}

/** A placeholder PDF, so the demo enterprise's returned application can be resubmitted as it is. */
function placeholderPdf(title: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n% ${title}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );
}

/** Loads the demo projects; false when they are there already. */
export async function loadDemoProjects(db: Db, regions: RegionTree): Promise<boolean> {
  return db.transaction(async (tx) => {
    const marker = await findSetting(tx, DEMO_PROJECTS_KEY);
    if (marker) return false;
    const now = new Date();
    const rng = new Rng(DEMO_PROJECTS_SEED);
    const ctx = await readContext(tx, regions, now);
    const built = buildApplications(ctx, rng);
    const { plans } = built;
    const conflictPlan = plans.find((p) => p.target.demoExpert === 'conflict');
    const pools = {
      university: [] as typeof ctx.orgs,
      institute: [] as typeof ctx.orgs,
      enterprise: [] as typeof ctx.orgs,
    };
    const demoIds = new Set(Object.values(ctx.demoOrgs));
    for (const o of ctx.orgs)
      if (o.kind in pools && !demoIds.has(o.id)) pools[o.kind as keyof typeof pools].push(o);
    const pool = buildExperts(rng, pools, [...new Set(plans.map((p) => p.app.orgId))], {
      userId: ctx.users.get('expert.demo') ?? null,
      conflictOrg: conflictPlan?.app.orgId ?? null,
      fields: ['advanced-manufacturing', 'electronic-info'],
    });
    const demoExpert = pool.experts[0].id;
    const reviews = buildReviews(rng, plans, pool.experts, pool.conflicts, demoExpert);
    const paid = buildPayments(rng, plans);
    const enterpriseUser = ctx.users.get('enterprise.demo');
    const files: (typeof attachments.$inferInsert)[] = [];
    for (const p of plans.filter((x) => x.app.orgId === ctx.demoOrgs.enterprise && x.app.state !== 'draft')) {
      if (!enterpriseUser) break;
      for (const a of p.spec.attachments) {
        const content = placeholderPdf(`${p.app.title} ${a.name}`);
        files.push({
          id: rng.uuid(),
          applicationId: p.app.id,
          kind: a.code,
          fileName: `${a.name}.pdf`,
          mime: 'application/pdf',
          size: content.length,
          sha256: createHash('sha256').update(content).digest('hex'),
          content,
          uploadedBy: enterpriseUser,
          uploadedAt: new Date(p.app.createdAt!.getTime() + DAY),
        });
      }
    }
    const pending = reviews.filter((r) => r.expertId === demoExpert && r.status === 'assigned').length;
    const notes = notesFor(ctx, plans, rng, pending);
    await insertAll(tx, calls, built.calls);
    await insertAll(
      tx,
      applications,
      plans.map((p) => p.app),
    );
    await insertAll(tx, applicationEvents, built.events);
    await insertAll(tx, experts, pool.experts);
    await insertAll(tx, expertConflicts, pool.conflicts);
    await insertAll(tx, reviewAssignments, reviews);
    await insertAll(tx, payments, paid);
    await insertAll(tx, attachments, files);
    await insertAll(tx, notifications, notes);
    const states = Object.fromEntries(
      Object.keys(APPLICATION_STATES).map((s) => [s, plans.filter((p) => p.app.state === s).length]),
    );
    const summary = {
      calls: built.calls.length,
      applications: plans.length,
      experts: pool.experts.length,
      assignments: reviews.length,
      payments: paid.length,
      states,
    };
    await insertSetting(tx, DEMO_PROJECTS_KEY, { seed: DEMO_PROJECTS_SEED, ...summary });
    await writeAudit(tx, {}, { action: 'system.demo-projects', targetType: 'projects', after: summary });
    return true;
  });
}
