import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Db, Tx } from '../../../db/client';
import { programmeRows, upsertProgrammes } from './programmes-repo';

const CONFIG_DIR = path.resolve(import.meta.dirname, '../../../../../config');

const programmesFileSchema = z.array(
  z.object({
    code: z.string().min(1),
    name: z.string().min(1),
    nameEn: z.string().min(1),
    department: z.string().nullable().optional(),
  }),
);

/**
 * Loads a city's programmes (config/<city>/programmes.json) into the database. Idempotent: rows are
 * upserted, so a corrected file takes effect on restart; a programme removed from the file stays
 * (calls of past years still refer to it).
 */
export async function loadProgrammes(db: Db | Tx, city: string): Promise<number> {
  const file = path.join(CONFIG_DIR, city, 'programmes.json');
  const rows = programmesFileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (rows.length === 0) return 0;
  await upsertProgrammes(
    db,
    rows.map((r) => ({ ...r, department: r.department ?? null })),
  );
  return rows.length;
}

export async function listProgrammes(tx: Tx) {
  const items = await programmeRows(tx);
  return { items, total: items.length };
}
