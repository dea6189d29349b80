/**
 * `npm test`: typecheck, lint, unit and API tests (PGlite, and PostgreSQL when TEST_DATABASE_URL
 * is set), then the browser journeys in Chromium. Without a browser the journeys are skipped with
 * an install hint — except under CI=true, where a missing browser or database fails the run.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ci = process.env.CI === 'true';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const results = path.resolve('test-results');
fs.mkdirSync(results, { recursive: true });

function run(title: string, cmd: string, args: string[]) {
  console.log(`\n▶ ${title}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) {
    console.error(`\n✖ ${title} failed`);
    process.exit(r.status ?? 1);
  }
}

const bin = (name: string) => path.resolve('node_modules/.bin', name);

if (ci && !process.env.TEST_DATABASE_URL) {
  console.error('CI=true but TEST_DATABASE_URL is not set: the PostgreSQL tests cannot be skipped in CI.');
  process.exit(1);
}
if (!process.env.TEST_DATABASE_URL) {
  console.log('TEST_DATABASE_URL is not set: API tests run on the embedded PGlite only.');
}

run('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
run('lint', bin('biome'), ['check', '.']);
run('unit and API tests', bin('vitest'), [
  'run',
  '--project',
  'unit',
  '--project',
  'api',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${results}/unit-api.json`,
]);

const haveBrowser = fs.existsSync(chromium);
if (haveBrowser) {
  run('build the web app', bin('vite'), ['build', '--logLevel', 'warn']);
  run('browser journeys', bin('vitest'), [
    'run',
    '--project',
    'e2e',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${results}/e2e.json`,
  ]);
} else if (ci) {
  console.error(
    `CI=true but no Chromium at ${chromium}. Install it: apt-get install -y chromium fonts-noto-cjk`,
  );
  process.exit(1);
} else {
  console.log(
    `\nNo Chromium at ${chromium}: browser journeys skipped.\n` +
      'Install it (Debian: sudo apt-get install -y chromium fonts-noto-cjk) or set CHROMIUM_PATH.',
  );
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of ['unit-api.json', 'e2e.json']) {
  const full = path.join(results, file);
  if (!fs.existsSync(full) || (file === 'e2e.json' && !haveBrowser)) continue;
  const r = JSON.parse(fs.readFileSync(full, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
}
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
