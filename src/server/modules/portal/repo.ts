/** The portal's SQL: notices, objections, guides, published indicators, call guide files, open calls. */
import { and, asc, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type {
  NoticeFilters,
  NoticeListQuery,
  ObjectionFilters,
  ObjectionListQuery,
} from '../../../domain/contracts/portal';
import type { Tx } from '../../db/client';
import {
  applications,
  calls as c,
  portalGuides as g,
  callGuideFiles as gf,
  portalNotices as n,
  portalObjections as o,
  organizations,
  portalPublicIndicators as pi,
  programmes,
  regions,
} from '../../db/schema';
import { pageRows, rowsAfter } from '../../platform/list-kit';
import { likePattern, orderBy } from '../../platform/listing';

const iso = (col: unknown) => sql<string>`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
const isoOrNull = (col: unknown) =>
  sql<string | null>`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

// ─── Notices ─────────────────────────────────────────────────────────────────────────────────

function noticeSelect(tx: Tx) {
  return tx
    .select({
      id: n.id,
      type: n.type,
      title: n.title,
      status: n.status,
      windowStart: sql<string>`${n.windowStart}::text`,
      windowEnd: sql<string>`${n.windowEnd}::text`,
      callId: n.callId,
      publishedAt: isoOrNull(n.publishedAt),
      recordCount: sql<number>`jsonb_array_length(${n.records})::int`,
      openObjections: sql<number>`(select count(*)::int from ${o} where ${o.noticeId} = ${n.id} and ${o.status} = 'open')`,
      updatedAt: iso(n.updatedAt),
    })
    .from(n)
    .$dynamic();
}
export type NoticeRow = Awaited<ReturnType<typeof noticeSelect>>[number];

function noticeWhere(f: NoticeFilters): SQL | undefined {
  return and(
    f.type ? eq(n.type, f.type) : undefined,
    f.status ? eq(n.status, f.status) : undefined,
    f.q ? ilike(n.title, likePattern(f.q)) : undefined,
  );
}
const NOTICE_SORT = {
  title: n.title,
  windowStart: n.windowStart,
  windowEnd: n.windowEnd,
  updatedAt: n.updatedAt,
};

export function listNotices(tx: Tx, q: NoticeListQuery, limit: number, offset: number) {
  const order = orderBy(q.sort ?? '-updatedAt', NOTICE_SORT, asc(n.id));
  return pageRows(noticeSelect(tx), noticeWhere(q), order, limit, offset);
}
export async function countNotices(tx: Tx, f: NoticeFilters) {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(n).where(noticeWhere(f));
  return row.n;
}
export function noticesAfter(tx: Tx, f: NoticeFilters, afterId: string | null, limit: number) {
  return rowsAfter(noticeSelect(tx), noticeWhere(f), n.id, afterId, limit);
}

export async function getNotice(tx: Tx, id: string) {
  const [row] = await tx
    .select({
      id: n.id,
      type: n.type,
      title: n.title,
      status: n.status,
      windowStart: sql<string>`${n.windowStart}::text`,
      windowEnd: sql<string>`${n.windowEnd}::text`,
      callId: n.callId,
      publishedAt: isoOrNull(n.publishedAt),
      recordCount: sql<number>`jsonb_array_length(${n.records})::int`,
      openObjections: sql<number>`(select count(*)::int from ${o} where ${o.noticeId} = ${n.id} and ${o.status} = 'open')`,
      updatedAt: iso(n.updatedAt),
      body: n.body,
      records: n.records,
      contactLine: n.contactLine,
    })
    .from(n)
    .where(eq(n.id, id))
    .limit(1);
  return row;
}
export type NoticeDetailRow = NonNullable<Awaited<ReturnType<typeof getNotice>>>;

export async function lockNotice(tx: Tx, id: string) {
  const [row] = await tx.select().from(n).where(eq(n.id, id)).for('update');
  return row;
}
export async function insertNotices(tx: Tx, values: (typeof n.$inferInsert)[]) {
  return tx.insert(n).values(values).returning({ id: n.id });
}
export async function updateNoticeRow(tx: Tx, id: string, set: Partial<typeof n.$inferInsert>) {
  const [row] = await tx
    .update(n)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(n.id, id))
    .returning();
  return row;
}

/** The approved applications of a call, for its 立项公示: title, organisation and county only. */
export function approvedOfCall(tx: Tx, callId: string, states: readonly string[]) {
  return tx
    .select({
      title: applications.title,
      orgName: sql<string>`coalesce(${organizations.name}, '')`,
      regionName: sql<string>`coalesce(${regions.name}, ${applications.regionCode})`,
    })
    .from(applications)
    .leftJoin(organizations, eq(organizations.id, applications.orgId))
    .leftJoin(regions, eq(regions.code, applications.regionCode))
    .where(and(eq(applications.callId, callId), inArray(applications.state, [...states])))
    .orderBy(asc(applications.regionCode), asc(applications.title));
}

export async function getCallTitle(tx: Tx, id: string) {
  const [row] = await tx.select({ id: c.id, title: c.title, year: c.year }).from(c).where(eq(c.id, id));
  return row;
}

// ─── Public notices ──────────────────────────────────────────────────────────────────────────

const published = eq(n.status, 'published');

export function publicNotices(tx: Tx, limit: number, offset: number) {
  return tx
    .select({
      id: n.id,
      type: n.type,
      title: n.title,
      windowStart: sql<string>`${n.windowStart}::text`,
      windowEnd: sql<string>`${n.windowEnd}::text`,
      publishedAt: isoOrNull(n.publishedAt),
    })
    .from(n)
    .where(published)
    .orderBy(desc(n.windowStart), asc(n.id))
    .limit(limit)
    .offset(offset);
}
export async function countPublicNotices(tx: Tx) {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(n).where(published);
  return row.n;
}
export async function publicNotice(tx: Tx, id: string) {
  const [row] = await tx
    .select({
      id: n.id,
      type: n.type,
      title: n.title,
      windowStart: sql<string>`${n.windowStart}::text`,
      windowEnd: sql<string>`${n.windowEnd}::text`,
      publishedAt: isoOrNull(n.publishedAt),
      body: n.body,
      records: n.records,
      contactLine: n.contactLine,
    })
    .from(n)
    .where(and(eq(n.id, id), published));
  return row;
}

// ─── Objections ──────────────────────────────────────────────────────────────────────────────

function objectionSelect(tx: Tx) {
  return tx
    .select({
      id: o.id,
      trackingNo: o.trackingNo,
      noticeId: o.noticeId,
      noticeTitle: n.title,
      name: o.name,
      contact: o.contact,
      reason: o.reason,
      hasEvidence: sql<boolean>`${o.evidence} is not null`,
      status: o.status,
      answer: o.answer,
      answeredOn: sql<string | null>`${o.answeredOn}::text`,
      receivedAt: iso(o.receivedAt),
    })
    .from(o)
    .innerJoin(n, eq(n.id, o.noticeId))
    .$dynamic();
}
export type ObjectionRow = Awaited<ReturnType<typeof objectionSelect>>[number];

function objectionWhere(f: ObjectionFilters): SQL | undefined {
  return and(
    f.status ? eq(o.status, f.status) : undefined,
    f.noticeId ? eq(o.noticeId, f.noticeId) : undefined,
    f.q
      ? or(
          ilike(o.trackingNo, likePattern(f.q)),
          ilike(o.name, likePattern(f.q)),
          ilike(n.title, likePattern(f.q)),
        )
      : undefined,
  );
}
const OBJECTION_SORT = { receivedAt: o.receivedAt, status: o.status, trackingNo: o.trackingNo };

export function listObjections(tx: Tx, q: ObjectionListQuery, limit: number, offset: number) {
  const order = orderBy(q.sort ?? '-receivedAt', OBJECTION_SORT, asc(o.id));
  return pageRows(objectionSelect(tx), objectionWhere(q), order, limit, offset);
}
export async function countObjections(tx: Tx, f: ObjectionFilters) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(o)
    .innerJoin(n, eq(n.id, o.noticeId))
    .where(objectionWhere(f));
  return row.n;
}
export function objectionsAfter(tx: Tx, f: ObjectionFilters, afterId: string | null, limit: number) {
  return rowsAfter(objectionSelect(tx), objectionWhere(f), o.id, afterId, limit);
}
export async function getObjection(tx: Tx, id: string) {
  const [row] = await objectionSelect(tx).where(eq(o.id, id)).limit(1);
  return row;
}
export async function lockObjection(tx: Tx, id: string) {
  const [row] = await tx
    .select({ id: o.id, status: o.status, trackingNo: o.trackingNo })
    .from(o)
    .where(eq(o.id, id))
    .for('update');
  return row;
}
export async function insertObjection(tx: Tx, values: typeof o.$inferInsert) {
  const [row] = await tx
    .insert(o)
    .values(values)
    .returning({ id: o.id, trackingNo: o.trackingNo, receivedAt: iso(o.receivedAt) });
  return row;
}
export async function updateObjectionRow(tx: Tx, id: string, set: Partial<typeof o.$inferInsert>) {
  await tx.update(o).set(set).where(eq(o.id, id));
}
export async function objectionByTracking(tx: Tx, trackingNo: string) {
  const [row] = await tx
    .select({
      id: o.id,
      trackingNo: o.trackingNo,
      contact: o.contact,
      noticeTitle: n.title,
      status: o.status,
      receivedAt: iso(o.receivedAt),
      receivedMs: sql<number>`(extract(epoch from ${o.receivedAt}) * 1000)::float8`,
      hasEvidence: sql<boolean>`${o.evidence} is not null`,
      answer: o.answer,
      answeredOn: sql<string | null>`${o.answeredOn}::text`,
    })
    .from(o)
    .innerJoin(n, eq(n.id, o.noticeId))
    .where(eq(o.trackingNo, trackingNo));
  return row;
}
export async function objectionEvidence(tx: Tx, id: string) {
  const [row] = await tx
    .select({ fileName: o.evidenceName, mime: o.evidenceMime, content: o.evidence })
    .from(o)
    .where(eq(o.id, id));
  return row;
}
export async function countOpenObjections(tx: Tx) {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(o).where(eq(o.status, 'open'));
  return row.n;
}

// ─── Guides ──────────────────────────────────────────────────────────────────────────────────

const guideColumns = {
  id: g.id,
  code: g.code,
  title: g.title,
  whoMayApply: g.whoMayApply,
  materials: g.materials,
  timeLimits: g.timeLimits,
  contacts: g.contacts,
  entry: g.entry,
  sortOrder: g.sortOrder,
  updatedAt: iso(g.updatedAt),
};
export function listGuides(tx: Tx) {
  return tx.select(guideColumns).from(g).orderBy(asc(g.sortOrder), asc(g.code));
}
export async function getGuide(tx: Tx, id: string) {
  const [row] = await tx.select(guideColumns).from(g).where(eq(g.id, id));
  return row;
}
export async function guideCodeTaken(tx: Tx, code: string, exceptId?: string) {
  const [row] = await tx
    .select({ id: g.id })
    .from(g)
    .where(and(eq(g.code, code), exceptId ? sql`${g.id} <> ${exceptId}` : undefined));
  return !!row;
}
export async function insertGuides(tx: Tx, values: (typeof g.$inferInsert)[]) {
  return tx.insert(g).values(values).returning({ id: g.id });
}
export async function updateGuideRow(tx: Tx, id: string, set: Partial<typeof g.$inferInsert>) {
  await tx
    .update(g)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(g.id, id));
}

// ─── Published indicators ────────────────────────────────────────────────────────────────────

export async function publicCodes(tx: Tx, year: number): Promise<string[]> {
  const rows = await tx
    .select({ code: pi.indicatorCode })
    .from(pi)
    .where(eq(pi.year, year))
    .orderBy(asc(pi.indicatorCode));
  return rows.map((r) => r.code);
}
export async function publicYears(tx: Tx): Promise<number[]> {
  const rows = await tx.selectDistinct({ year: pi.year }).from(pi).orderBy(desc(pi.year));
  return rows.map((r) => r.year);
}
export async function replacePublicCodes(tx: Tx, year: number, codes: string[], setBy: string) {
  await tx.delete(pi).where(eq(pi.year, year));
  if (codes.length > 0)
    await tx.insert(pi).values(codes.map((indicatorCode) => ({ year, indicatorCode, setBy })));
}

// ─── Calls and their guide files ─────────────────────────────────────────────────────────────

const callStatus = (now: Date) =>
  sql<
    'upcoming' | 'open' | 'closed'
  >`case when ${c.opensAt} > ${now} then 'upcoming' when ${c.closesAt} > ${now} then 'open' else 'closed' end`;

function publicCallSelect(tx: Tx, now: Date) {
  return tx
    .select({
      id: c.id,
      title: c.title,
      year: c.year,
      programmeName: sql<string>`coalesce(${programmes.name}, ${c.programmeCode})`,
      programmeNameEn: sql<string>`coalesce(${programmes.nameEn}, ${c.programmeCode})`,
      opensAt: iso(c.opensAt),
      closesAt: iso(c.closesAt),
      fundingCap: sql<string>`${c.fundingCap}::text`,
      status: callStatus(now),
    })
    .from(c)
    .leftJoin(programmes, eq(programmes.code, c.programmeCode))
    .$dynamic();
}
function publicCallWhere(status: 'open' | 'upcoming' | 'closed' | undefined, now: Date) {
  if (status === 'open') return sql`${c.opensAt} <= ${now} and ${c.closesAt} > ${now}`;
  if (status === 'upcoming') return sql`${c.opensAt} > ${now}`;
  if (status === 'closed') return sql`${c.closesAt} <= ${now}`;
  return undefined;
}
/** Open calls first (closing soonest first), then upcoming, then the closed ones, newest first. */
export function publicCalls(
  tx: Tx,
  status: 'open' | 'upcoming' | 'closed' | undefined,
  now: Date,
  limit: number,
  offset: number,
) {
  return publicCallSelect(tx, now)
    .where(publicCallWhere(status, now))
    .orderBy(
      sql`case when ${c.opensAt} <= ${now} and ${c.closesAt} > ${now} then 0 when ${c.opensAt} > ${now} then 1 else 2 end`,
      sql`case when ${c.closesAt} > ${now} then ${c.closesAt} end asc`,
      desc(c.closesAt),
      asc(c.id),
    )
    .limit(limit)
    .offset(offset);
}
export async function countPublicCalls(
  tx: Tx,
  status: 'open' | 'upcoming' | 'closed' | undefined,
  now: Date,
) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(c)
    .where(publicCallWhere(status, now));
  return row.n;
}
export async function publicCall(tx: Tx, id: string, now: Date) {
  const [row] = await tx
    .select({
      id: c.id,
      title: c.title,
      year: c.year,
      programmeName: sql<string>`coalesce(${programmes.name}, ${c.programmeCode})`,
      programmeNameEn: sql<string>`coalesce(${programmes.nameEn}, ${c.programmeCode})`,
      opensAt: iso(c.opensAt),
      closesAt: iso(c.closesAt),
      fundingCap: sql<string>`${c.fundingCap}::text`,
      status: callStatus(now),
      maxPerApplicant: c.maxPerApplicant,
      requiredAttachments: c.requiredAttachments,
    })
    .from(c)
    .leftJoin(programmes, eq(programmes.code, c.programmeCode))
    .where(eq(c.id, id));
  return row;
}

export function guideFilesOf(tx: Tx, callId: string) {
  return tx
    .select({ id: gf.id, fileName: gf.fileName, size: gf.size, uploadedAt: iso(gf.uploadedAt) })
    .from(gf)
    .where(eq(gf.callId, callId))
    .orderBy(asc(gf.uploadedAt), asc(gf.id));
}
export async function guideFile(tx: Tx, callId: string, id: string) {
  const [row] = await tx
    .select({ fileName: gf.fileName, mime: gf.mime, content: gf.content })
    .from(gf)
    .where(and(eq(gf.callId, callId), eq(gf.id, id)));
  return row;
}
export async function insertGuideFiles(tx: Tx, values: (typeof gf.$inferInsert)[]) {
  return tx.insert(gf).values(values).returning({ id: gf.id });
}
export async function deleteGuideFile(tx: Tx, callId: string, id: string) {
  const rows = await tx
    .delete(gf)
    .where(and(eq(gf.callId, callId), eq(gf.id, id)))
    .returning({ id: gf.id, fileName: gf.fileName });
  return rows[0];
}

// ─── Demo ────────────────────────────────────────────────────────────────────────────────────

/** Calls with applications in the given states, newest window first (the demo's 公示). */
export function callsWithStates(tx: Tx, states: readonly string[]) {
  return tx
    .select({
      id: c.id,
      title: c.title,
      closesAt: c.closesAt,
      n: sql<number>`count(${applications.id})::int`,
    })
    .from(c)
    .innerJoin(applications, eq(applications.callId, c.id))
    .where(inArray(applications.state, [...states]))
    .groupBy(c.id)
    .orderBy(desc(c.closesAt), asc(c.id));
}

/** The calls not yet closed, with what their 申报指南 says. */
export function callsOpenOrUpcoming(tx: Tx, now: Date) {
  return tx
    .select({
      id: c.id,
      title: c.title,
      year: c.year,
      opensAt: c.opensAt,
      closesAt: c.closesAt,
      fundingCap: sql<string>`${c.fundingCap}::text`,
      maxPerApplicant: c.maxPerApplicant,
      requiredAttachments: c.requiredAttachments,
      programmeName: sql<string>`coalesce(${programmes.name}, ${c.programmeCode})`,
    })
    .from(c)
    .leftJoin(programmes, eq(programmes.code, c.programmeCode))
    .where(sql`${c.closesAt} > ${now}`)
    .orderBy(asc(c.closesAt));
}
