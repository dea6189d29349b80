/** The `settings` table: one JSON value per key (profiles, policies, markers of loaded data). */
import { eq } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { settings } from '../db/schema';

export async function findSetting(tx: Tx, key: string) {
  const [row] = await tx.select().from(settings).where(eq(settings.key, key));
  return row;
}

/** Writes a new key; a key already there is an error. */
export async function insertSetting(tx: Tx, key: string, value: unknown) {
  await tx.insert(settings).values({ key, value });
}

/** Writes a key unless it is there already (the first writer wins). */
export async function insertSettingIfAbsent(tx: Tx, key: string, value: unknown) {
  await tx.insert(settings).values({ key, value }).onConflictDoNothing();
}

/** Writes a key, replacing its value. */
export async function saveSetting(tx: Tx, key: string, value: unknown) {
  await tx
    .insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
}
