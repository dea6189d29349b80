import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { settings } from '../../db/schema';

export async function getSetting(tx: Tx, key: string): Promise<unknown> {
  const [row] = await tx.select().from(settings).where(eq(settings.key, key));
  return row?.value;
}

export async function putSetting(tx: Tx, key: string, value: unknown) {
  await tx.insert(settings).values({ key, value });
}
