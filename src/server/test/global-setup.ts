import { openDatabase } from '../db/client';
import { loadReferenceData } from '../db/seed/reference';

/** Migrates the run's PostgreSQL database and loads the reference data once, before any file. */
export default async function setup() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const database = await openDatabase({ url, setUp: (db) => loadReferenceData(db, 'quanzhou') });
  await database.close();
}
