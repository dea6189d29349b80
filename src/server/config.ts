import path from 'node:path';

/** Everything the server reads from its environment, in one place. */
export interface Config {
  port: number;
  /** Interface to listen on (HOST); 127.0.0.1 unless set, so a demo is not reachable from the network. */
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demoPassword: string;
  /** Trust X-Forwarded-* from a reverse proxy (needed for the Secure cookie behind HTTPS). */
  trustProxy: boolean;
  webDir: string;
  city: string;
  /** PostgreSQL `statement_timeout` for requests (DB_STATEMENT_TIMEOUT_MS; 0 = none). */
  statementTimeoutMs: number;
  /** The same for `…/export.xlsx` downloads (DB_EXPORT_STATEMENT_TIMEOUT_MS). */
  exportStatementTimeoutMs: number;
  /** EXPORT_CONCURRENCY: exports one server runs at once; more are refused with 503 and Retry-After. */
  maxConcurrentExports: number;
  /** WRITE_CONCURRENCY: writes one server handles at once (0: no limit); more get 503 and Retry-After. */
  maxConcurrentWrites: number | undefined;
  /** Longest wait for a PostgreSQL connection (DB_CONNECT_TIMEOUT_MS). */
  connectTimeoutMs: number;
  /** Further attempts to reach PostgreSQL at startup before giving up (DB_CONNECT_RETRIES). */
  connectRetries: number;
  /** Pause between those attempts (DB_CONNECT_RETRY_DELAY_MS). */
  connectRetryDelayMs: number;
  /** Longest wait for in-flight requests on SIGTERM before connections are cut (SHUTDOWN_TIMEOUT_MS). */
  shutdownTimeoutMs: number;
  /** Where the embedded server writes its daily backup, and how many it keeps (0: none). */
  backupDir: string;
  backupKeep: number;
  /** An import job whose server has not refreshed its heartbeat for this long is taken as cut off. */
  importStaleMs: number;
  /** Background exports one server runs at a time (EXPORT_JOB_CONCURRENCY; 0: this server runs none). */
  exportJobConcurrency: number;
  /** How long a finished export's file is kept (EXPORT_FILE_HOURS). */
  exportFileHours: number;
  /** LOG_LEVEL (default warn: failed and slow requests only; info or debug: every request). */
  log: { level: string; slowMs: number };
}

function count(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a whole number ≥ 0, not "${raw}"`);
  }
  return value;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  }
  const dataDir = path.resolve(env.KECHUANG_DATA_DIR ?? 'data');
  return {
    port,
    // The demo's password is published: only this machine may reach it unless HOST says otherwise.
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    demoPassword: env.KECHUANG_DEMO_PASSWORD ?? 'Quanzhou#2017',
    trustProxy: env.TRUST_PROXY === 'true' || env.TRUST_PROXY === '1',
    webDir: path.resolve(env.KECHUANG_WEB_DIR ?? 'dist/web'),
    city: env.KECHUANG_CITY ?? 'quanzhou',
    statementTimeoutMs: count(env, 'DB_STATEMENT_TIMEOUT_MS', 30_000),
    exportStatementTimeoutMs: count(env, 'DB_EXPORT_STATEMENT_TIMEOUT_MS', 300_000),
    maxConcurrentExports: count(env, 'EXPORT_CONCURRENCY', 3),
    maxConcurrentWrites: count(env, 'WRITE_CONCURRENCY', 20) || undefined,
    connectTimeoutMs: count(env, 'DB_CONNECT_TIMEOUT_MS', 5_000),
    connectRetries: count(env, 'DB_CONNECT_RETRIES', 0),
    connectRetryDelayMs: count(env, 'DB_CONNECT_RETRY_DELAY_MS', 2_000),
    shutdownTimeoutMs: count(env, 'SHUTDOWN_TIMEOUT_MS', 8_000),
    backupDir: path.resolve(env.KECHUANG_BACKUP_DIR ?? `${dataDir}-backups`),
    backupKeep: Math.max(0, Number(env.KECHUANG_BACKUP_KEEP ?? 7) || 0),
    importStaleMs: Math.max(1, Number(env.KECHUANG_IMPORT_STALE_SECONDS ?? 60) || 60) * 1000,
    exportJobConcurrency: count(env, 'EXPORT_JOB_CONCURRENCY', 2),
    exportFileHours: Math.max(1, count(env, 'EXPORT_FILE_HOURS', 24)),
    log: { level: env.LOG_LEVEL || 'warn', slowMs: Number(env.LOG_SLOW_MS) || 1000 },
  };
}
