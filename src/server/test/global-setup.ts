import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { dumpPglite, openDatabase } from '../db/client';
import { loadReferenceData } from '../db/seed/reference';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A file holding an embedded database already migrated and loaded with reference data. */
    pgliteTemplate: string;
  }
}

/**
 * Before any file: one embedded database is migrated and loaded with the reference data, and
 * written to a file every suite starts its own copy from (running the migrations for each suite
 * cost most of the API tests' time); the run's PostgreSQL database is migrated and loaded once.
 */
export default async function setup(project: TestProject) {
  const template = await openDatabase({
    dataDir: 'memory',
    setUp: (db) => loadReferenceData(db, 'quanzhou'),
  });
  const file = path.join(os.tmpdir(), `kechuang-test-template-${process.pid}.tar`);
  fs.writeFileSync(file, Buffer.from(await (await dumpPglite(template)).arrayBuffer()));
  await template.close();
  project.provide('pgliteTemplate', file);

  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const database = await openDatabase({ url, setUp: (db) => loadReferenceData(db, 'quanzhou') });
    await database.close();
  }
  return () => fs.rmSync(file, { force: true });
}
