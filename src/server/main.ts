import { buildApp } from './app';
import { readConfig } from './config';
import { DataDirLockedError, openDatabase } from './db/client';
import { hasAnyUser } from './db/seed/demo-accounts';
import { loadReferenceData } from './db/seed/reference';
import { MODULES } from './modules';
import { pruneFigureChanges } from './modules/plan/figure-cache';
import { remindDeadlines } from './modules/projects/notifications';
import { failInterruptedImports } from './modules/registry/import/jobs';
import { writeAudit } from './platform/audit';
import { RegionTree } from './platform/region-tree';

async function main() {
  const config = readConfig();
  const database = await openDatabase(
    config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir },
  ).catch((e) => {
    if (e instanceof DataDirLockedError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  });
  await loadReferenceData(database.db, config.city);
  // An import running when the process stopped wrote nothing (one transaction); say so on its job.
  await failInterruptedImports(database.db);

  // Demo data and accounts only on a new embedded database: a PostgreSQL deployment starts with
  // no users and gets its administrators from `npm run admin:create`. The data is generated
  // before the accounts, so a start interrupted in between simply does it again.
  if (database.driver === 'pglite' && !(await hasAnyUser(database.db))) {
    console.log('正在生成演示数据 Generating the Quanzhou demo data …');
    const summary: Record<string, unknown> = {};
    for (const m of MODULES) {
      if (!m.demo) continue;
      const regions = await RegionTree.load(database.db);
      summary[m.name] = await m.demo({ db: database.db, regions, demoPassword: config.demoPassword });
    }
    await database.db.transaction((tx) => writeAudit(tx, {}, { action: 'system.demo-seed', after: summary }));
    const accounts = (
      summary.admin as { accounts: { username: string; role: string; displayName: string }[] }
    ).accounts;
    console.log('\n演示账户 Demo accounts (password: %s)', config.demoPassword);
    for (const a of accounts)
      console.log('  %s  %s  %s', a.username.padEnd(18), a.role.padEnd(12), a.displayName);
  }

  const app = await buildApp({
    database,
    webDir: config.webDir,
    trustProxy: config.trustProxy,
    logger: config.log,
  });
  const shutdown = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  // Hourly: deadline reminders (3 days before a call closes; each is sent once) and pruning the
  // record of changes that kept figures no longer need.
  const remind = () => {
    remindDeadlines(database.db).catch((err) => app.log.error({ err }, 'deadline reminders failed'));
    pruneFigureChanges(database.db).catch((err) => app.log.error({ err }, 'pruning figure changes failed'));
  };
  const reminders = setInterval(remind, 3_600_000);
  reminders.unref();
  void remind();
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  console.log(
    '\n科创 Kechuang is running at http://localhost:%d (%s)\n',
    config.port,
    database.driver === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL',
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
