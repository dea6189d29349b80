import { setTimeout as sleep } from 'node:timers/promises';
import { buildApp } from './app';
import { type Config, readConfig } from './config';
import { DataDirLockedError, type Db, openDatabase, type SetUp } from './db/client';
import { describeDatabaseError, describeDatabaseUrl, isDatabaseUnavailable } from './db/faults';
import { hasAnyUser } from './db/seed/demo-accounts';
import { loadReferenceData } from './db/seed/reference';
import { MODULES } from './modules';
import { pruneFigureChanges } from './modules/plan/figure-cache';
import { remindDeadlines } from './modules/projects/notifications/notifications';
import { failInterruptedImports, watchImports } from './modules/registry/import/jobs';
import { writeAudit } from './platform/audit';
import { scheduleDailyBackups } from './platform/backup';
import { resolveCryptoProfile } from './platform/crypto-profile';
import { StartupError } from './platform/errors';
import { RegionTree } from './platform/region-tree';
import { installSecretKey, loadSecretKey } from './platform/secret-box';

/**
 * Opens PostgreSQL, trying DB_CONNECT_RETRIES more times while it cannot be reached; each failed
 * attempt is one line on stderr, and the last one ends the process with status 1.
 */
async function openPostgres(config: Config, url: string, setUp: SetUp) {
  const limits = {
    statementTimeoutMs: config.statementTimeoutMs,
    exportStatementTimeoutMs: config.exportStatementTimeoutMs,
    connectTimeoutMs: config.connectTimeoutMs,
  };
  for (let attempt = 0; ; attempt++) {
    try {
      return await openDatabase({ url, limits, setUp });
    } catch (e) {
      if (!isDatabaseUnavailable(e)) throw e;
      const line = `无法连接数据库 Cannot reach the database at ${describeDatabaseUrl(url)}: ${describeDatabaseError(e)}`;
      if (attempt >= config.connectRetries) {
        console.error(line);
        process.exit(1);
      }
      console.error(
        `${line} — retry ${attempt + 1}/${config.connectRetries} in ${config.connectRetryDelayMs} ms`,
      );
      await sleep(config.connectRetryDelayMs);
    }
  }
}

/**
 * Demo data and accounts only on a new embedded database: a PostgreSQL deployment starts with
 * no users and gets its administrators from `npm run admin:create`. The data is generated
 * before the accounts, so a start interrupted in between simply does it again.
 */
async function seedDemo(db: Db, config: Config) {
  if (config.databaseUrl || (await hasAnyUser(db))) return;
  console.log('正在生成演示数据 Generating the Quanzhou demo data …');
  const summary: Record<string, unknown> = {};
  for (const m of MODULES) {
    if (!m.demo) continue;
    const regions = await RegionTree.load(db);
    summary[m.name] = await m.demo({ db, regions, demoPassword: config.demoPassword });
  }
  await db.transaction((tx) => writeAudit(tx, {}, { action: 'system.demo-seed', after: summary }));
  const accounts = (summary.admin as { accounts: { username: string; role: string; displayName: string }[] })
    .accounts;
  console.log('\n演示账户 Demo accounts (password: %s)', config.demoPassword);
  for (const a of accounts)
    console.log('  %s  %s  %s', a.username.padEnd(18), a.role.padEnd(12), a.displayName);
}

async function main() {
  const config = readConfig();
  // Read before the database opens, so a missing key stops the start before anything is written.
  const secretKey = loadSecretKey({
    env: process.env,
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
  });
  // Under the start-up lock (PostgreSQL): servers starting together migrate and seed one at a time.
  const setUp = async (db: Db) => {
    installSecretKey(secretKey, await resolveCryptoProfile(db, process.env));
    await loadReferenceData(db, config.city);
    await seedDemo(db, config);
  };
  const database = config.databaseUrl
    ? await openPostgres(config, config.databaseUrl, setUp)
    : await openDatabase({ dataDir: config.dataDir, setUp }).catch((e) => {
        if (e instanceof DataDirLockedError) {
          console.error(e.message);
          process.exit(1);
        }
        throw e;
      });
  // An import running when the process stopped wrote nothing (one transaction); say so on its job.
  await failInterruptedImports(database.db, config.importStaleMs);
  watchImports(database.db, config.importStaleMs);
  if (database.driver === 'pglite') {
    console.log(
      '\n注意：演示账户登录不需要双因素验证（TOTP）；其他账户按安全策略需要。\n' +
        'Note: the demo accounts sign in without a second factor (TOTP); other accounts need it as the security policy says.',
    );
  }

  const app = await buildApp({
    database,
    webDir: config.webDir,
    trustProxy: config.trustProxy,
    logger: config.log,
    maxConcurrentExports: config.maxConcurrentExports,
    exportJobs: {
      concurrency: config.exportJobConcurrency,
      ttlMs: config.exportFileHours * 3_600_000,
      staleMs: config.importStaleMs,
    },
    maxConcurrentWrites: config.maxConcurrentWrites,
  });
  // SIGTERM/SIGINT: stop accepting, let in-flight requests finish (cut after SHUTDOWN_TIMEOUT_MS),
  // close idle keep-alive connections at once, then the database (PGlite releases its lock).
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    clearInterval(reminders);
    const cut = setTimeout(() => app.server.closeAllConnections(), config.shutdownTimeoutMs);
    // Should closing the database itself hang (a query that never returns), still end.
    setTimeout(() => {
      console.error('关闭超时 Shutdown did not finish in time; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs + 2_000).unref();
    await app.close().catch((err) => app.log.error({ err }, 'closing the server failed'));
    clearTimeout(cut);
    await database.close().catch((err) => app.log.error({ err }, 'closing the database failed'));
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
  scheduleDailyBackups(database, { dir: config.backupDir, keep: config.backupKeep }, app.log);
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  const shownHost = config.host.includes(':') ? `[${config.host}]` : config.host;
  console.log(
    '\n科创 Kechuang is running at http://%s:%d (%s)',
    shownHost,
    config.port,
    database.driver === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL',
  );
  console.log(
    config.host === '127.0.0.1' || config.host === 'localhost' || config.host === '::1'
      ? '仅本机可访问；如需从其他计算机访问，请设置 HOST（例如 HOST=0.0.0.0）。\n' +
          'Reachable from this computer only; set HOST (e.g. HOST=0.0.0.0) to listen on the network.\n'
      : `正在监听 ${config.host}，网络上的其他计算机可以访问。Listening on ${config.host}: other computers on the network can reach it.\n`,
  );
}

main().catch((e) => {
  // Losing the database half-way through starting is an operations fault, not a bug: one line.
  if (isDatabaseUnavailable(e))
    console.error(`无法连接数据库 Database unavailable: ${describeDatabaseError(e)}`);
  else if (e instanceof StartupError) console.error(e.message);
  else console.error(e);
  process.exit(1);
});
