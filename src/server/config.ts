import path from 'node:path';

/** Everything the server reads from its environment, in one place. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demoPassword: string;
  /** Trust X-Forwarded-* from a reverse proxy (needed for the Secure cookie behind HTTPS). */
  trustProxy: boolean;
  webDir: string;
  city: string;
  /** Where the embedded server writes its daily backup, and how many it keeps (0: none). */
  backupDir: string;
  backupKeep: number;
  /** An import job whose server has not refreshed its heartbeat for this long is taken as cut off. */
  importStaleMs: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  }
  const dataDir = path.resolve(env.KECHUANG_DATA_DIR ?? 'data');
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    demoPassword: env.KECHUANG_DEMO_PASSWORD ?? 'Quanzhou#2017',
    trustProxy: env.TRUST_PROXY === 'true' || env.TRUST_PROXY === '1',
    webDir: path.resolve(env.KECHUANG_WEB_DIR ?? 'dist/web'),
    city: env.KECHUANG_CITY ?? 'quanzhou',
    backupDir: path.resolve(env.KECHUANG_BACKUP_DIR ?? `${dataDir}-backups`),
    backupKeep: Math.max(0, Number(env.KECHUANG_BACKUP_KEEP ?? 7) || 0),
    importStaleMs: Math.max(1, Number(env.KECHUANG_IMPORT_STALE_SECONDS ?? 60) || 60) * 1000,
  };
}
