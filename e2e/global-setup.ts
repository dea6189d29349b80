/**
 * Once per journey run: start the platform on a new embedded database (migrations and the whole
 * demo data), stop it cleanly, and hand its data directory to the journey files as a template.
 * Each file then starts on its own copy — the same pristine demo state, without loading the
 * demo data again for every file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer } from './server-process';

declare module 'vitest' {
  export interface ProvidedContext {
    e2eTemplateDir: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-e2e-template-'));
  // The first start loads the whole demo data (about 100,000 patents among it): give it time.
  const server = await startServer(dir, 300_000);
  const code = await server.stop();
  if (code !== 0) throw new Error(`the template platform stopped with exit code ${code}`);
  project.provide('e2eTemplateDir', dir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
