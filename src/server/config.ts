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
  /** LOG_LEVEL (default warn: failed and slow requests only; info or debug: every request). */
  log: { level: string; slowMs: number };
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.KECHUANG_DATA_DIR ?? 'data'),
    demoPassword: env.KECHUANG_DEMO_PASSWORD ?? 'Quanzhou#2017',
    trustProxy: env.TRUST_PROXY === 'true' || env.TRUST_PROXY === '1',
    webDir: path.resolve(env.KECHUANG_WEB_DIR ?? 'dist/web'),
    city: env.KECHUANG_CITY ?? 'quanzhou',
    log: { level: env.LOG_LEVEL || 'warn', slowMs: Number(env.LOG_SLOW_MS) || 1000 },
  };
}
