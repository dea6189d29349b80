/**
 * Encryption at rest for secrets the server must read back (TOTP secrets; under the 国密 profile
 * also personal identifiers). AES-256-GCM by default; SM4-CTR with an HMAC-SM3 tag under the
 * GB/T 39786 profile. Each value names its cipher, so a value stays readable whichever is chosen.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { StartupError } from './errors';

export type CryptoProfile = 'standard' | 'gm';

let key: Buffer | undefined;
let profile: CryptoProfile = 'standard';

/**
 * The installation's key: KECHUANG_SECRET_KEY (64 hex digits), or for the embedded database a key
 * generated once into the data directory. PostgreSQL deployments must set it, the same on every
 * app server, since a lost key makes every enrolled second factor unreadable.
 */
export function loadSecretKey(opts: {
  env: NodeJS.ProcessEnv;
  databaseUrl?: string;
  dataDir: string;
}): Buffer {
  const given = opts.env.KECHUANG_SECRET_KEY;
  if (given) {
    if (!/^[0-9a-fA-F]{64}$/.test(given))
      throw new StartupError(
        'KECHUANG_SECRET_KEY 须为 64 位十六进制 / KECHUANG_SECRET_KEY must be 64 hex digits',
      );
    return Buffer.from(given, 'hex');
  }
  if (opts.databaseUrl) {
    throw new StartupError(
      '使用 PostgreSQL 时须设置 KECHUANG_SECRET_KEY（64 位十六进制，例如 openssl rand -hex 32）\n' +
        'With DATABASE_URL set, KECHUANG_SECRET_KEY is required (64 hex digits: openssl rand -hex 32)',
    );
  }
  const file = path.join(opts.dataDir, 'secret.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(opts.dataDir, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  }
  return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
}

/** Set once at start-up (main.ts, the CLI); tests run with a key made for the process. */
export function installSecretKey(k: Buffer, p: CryptoProfile = 'standard') {
  if (k.length !== 32) throw new Error('The secret key must be 32 bytes');
  key = k;
  profile = p;
}

export function cryptoProfile(): CryptoProfile {
  return profile;
}

/** The digest of the audit chain: SM3 under the 国密 profile, SHA-256 otherwise (both 256-bit). */
export function auditDigest(): 'sm3' | 'sha256' {
  return profile === 'gm' ? 'sm3' : 'sha256';
}

const SEALED = /^(aes|sm4):/;

/**
 * A personal identifier (ID-card or mobile number) as stored: sealed with SM4 under the 国密
 * profile, as given otherwise. Values stored before the profile was chosen read back unchanged.
 */
export function sealPersonal<T extends string | null | undefined>(value: T): T {
  if (profile !== 'gm' || typeof value !== 'string' || value === '') return value;
  return seal(value) as T;
}

export function openPersonal<T extends string | null | undefined>(value: T): T {
  return typeof value === 'string' && SEALED.test(value) ? (open(value) as T) : value;
}

function subkey(purpose: string, length: number): Buffer {
  key ??= randomBytes(32);
  return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), `kechuang:${purpose}`, length));
}

export function seal(plain: string): string {
  const data = Buffer.from(plain, 'utf8');
  if (profile === 'gm') {
    const iv = randomBytes(16);
    const c = createCipheriv('sm4-ctr', subkey('sm4', 16), iv);
    const body = Buffer.concat([c.update(data), c.final()]);
    const tag = createHmac('sm3', subkey('sm3-mac', 32)).update(iv).update(body).digest();
    return `sm4:${Buffer.concat([iv, tag, body]).toString('base64')}`;
  }
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', subkey('aes', 32), iv);
  const body = Buffer.concat([c.update(data), c.final()]);
  return `aes:${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64')}`;
}

export function open(sealed: string): string {
  const [kind, b64] = sealed.split(':', 2);
  const raw = Buffer.from(b64 ?? '', 'base64');
  if (kind === 'sm4') {
    const iv = raw.subarray(0, 16);
    const tag = raw.subarray(16, 48);
    const body = raw.subarray(48);
    const expect = createHmac('sm3', subkey('sm3-mac', 32)).update(iv).update(body).digest();
    if (tag.length !== 32 || !timingSafeEqual(tag, expect)) throw new Error('Sealed value was altered');
    const d = createDecipheriv('sm4-ctr', subkey('sm4', 16), iv);
    return Buffer.concat([d.update(body), d.final()]).toString('utf8');
  }
  if (kind === 'aes') {
    const d = createDecipheriv('aes-256-gcm', subkey('aes', 32), raw.subarray(0, 12));
    d.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
  }
  throw new Error('Unknown sealed value');
}
