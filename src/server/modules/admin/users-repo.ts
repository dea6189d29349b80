import { and, asc, eq, gt, ilike, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { userListQuerySchema } from '../../../domain/contracts/admin';
import type { Tx } from '../../db/client';
import { departments, loginThrottle, organizations, parks, regions, users } from '../../db/schema';
import { likePattern, orderBy } from '../../platform/listing';

export type UserListQuery = z.infer<typeof userListQuerySchema>;

const listColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  departmentId: users.departmentId,
  departmentName: departments.name,
  regionCode: users.regionCode,
  regionName: regions.name,
  orgId: users.orgId,
  orgName: organizations.name,
  parkId: users.parkId,
  parkName: parks.name,
  status: users.status,
  lockedUntil: sql<
    string | null
  >`case when ${loginThrottle.lockedUntil} > now() then ${loginThrottle.lockedUntil} end`,
  lastLoginAt: users.lastLoginAt,
  createdBy: users.createdBy,
  mfaEnrolled: sql<boolean>`${users.totpSecret} is not null`,
  createdAt: users.createdAt,
};

type UserFilters = Omit<UserListQuery, 'page' | 'pageSize' | 'sort'>;

function listWhere(q: UserFilters): SQL | undefined {
  const conds: (SQL | undefined)[] = [];
  if (q.q)
    conds.push(or(ilike(users.username, likePattern(q.q)), ilike(users.displayName, likePattern(q.q))));
  if (q.role === 'none') conds.push(isNull(users.role));
  else if (q.role) conds.push(eq(users.role, q.role));
  if (q.status) conds.push(eq(users.status, q.status));
  return and(...conds);
}

function baseQuery(tx: Tx) {
  return tx
    .select(listColumns)
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .leftJoin(regions, eq(regions.code, users.regionCode))
    .leftJoin(organizations, eq(organizations.id, users.orgId))
    .leftJoin(parks, eq(parks.id, users.parkId))
    .leftJoin(loginThrottle, eq(loginThrottle.username, users.username));
}

export type UserListRow = Awaited<ReturnType<typeof listUsers>>[number];

export function listUsers(tx: Tx, q: UserListQuery, limit: number, offset: number) {
  const sort = orderBy(
    q.sort,
    {
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      createdAt: users.createdAt,
      lastLoginAt: users.lastLoginAt,
    },
    sql`${users.username}`,
  );
  return baseQuery(tx)
    .where(listWhere(q))
    .orderBy(...sort)
    .limit(limit)
    .offset(offset);
}

/** The accounts after `afterId` in id order, for the export's keyset batches. */
export function usersAfter(tx: Tx, q: UserFilters, afterId: string | null, limit: number) {
  return baseQuery(tx)
    .where(and(listWhere(q), afterId ? gt(users.id, afterId) : undefined))
    .orderBy(asc(users.id))
    .limit(limit);
}

export async function countUsers(tx: Tx, q: UserFilters): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(users).where(listWhere(q));
  return row.n;
}

export async function getUserRow(tx: Tx, id: string): Promise<UserListRow | undefined> {
  const [row] = await baseQuery(tx).where(eq(users.id, id));
  return row;
}

export async function findUserById(tx: Tx, id: string) {
  const [row] = await tx.select().from(users).where(eq(users.id, id));
  return row;
}

export async function findUserByUsername(tx: Tx, username: string) {
  const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
  return row;
}

export async function userExists(tx: Tx, id: string): Promise<boolean> {
  const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.id, id));
  return !!row;
}

export async function departmentExists(tx: Tx, id: string): Promise<boolean> {
  const [row] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.id, id));
  return !!row;
}

export async function organizationExists(tx: Tx, id: string): Promise<boolean> {
  const [row] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, id));
  return !!row;
}

export async function parkExists(tx: Tx, id: string): Promise<boolean> {
  const [row] = await tx.select({ id: parks.id }).from(parks).where(eq(parks.id, id));
  return !!row;
}

/** Where an account is bound: each is null unless the role (or the system administrator) sets it. */
export interface UserBinding {
  departmentId: string | null;
  regionCode: string | null;
  orgId: string | null;
  parkId: string | null;
}

export async function insertUser(
  tx: Tx,
  values: UserBinding & {
    username: string;
    displayName: string;
    passwordHash: string;
    mustChangePassword: boolean;
    createdBy: string;
  },
) {
  const [row] = await tx
    .insert(users)
    .values({ ...values, role: null })
    .returning();
  return row;
}

/** Sets the display name and binding; returns the updated row. */
export async function updateUserProfile(tx: Tx, id: string, displayName: string, binding: UserBinding) {
  const [row] = await tx
    .update(users)
    .set({ displayName, ...binding, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  return row;
}

export async function updateUserStatus(tx: Tx, id: string, status: 'active' | 'disabled') {
  await tx.update(users).set({ status, updatedAt: new Date() }).where(eq(users.id, id));
}

/** A password set by an administrator: the user must change it at the next sign-in. */
export async function setInitialPassword(tx: Tx, id: string, passwordHash: string) {
  await tx
    .update(users)
    .set({ passwordHash, mustChangePassword: true, passwordChangedAt: new Date(), updatedAt: new Date() })
    .where(eq(users.id, id));
}

export async function updateUserRole(tx: Tx, id: string, role: string, binding: UserBinding) {
  await tx
    .update(users)
    .set({ role, ...binding, updatedAt: new Date() })
    .where(eq(users.id, id));
}

/** Forgets the failed sign-ins counted against a username, and any lock they caused. */
export async function clearLoginThrottle(tx: Tx, username: string) {
  await tx.delete(loginThrottle).where(eq(loginThrottle.username, username));
}
