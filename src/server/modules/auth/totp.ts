/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP) with node:crypto only, so any
 * authenticator app works: HMAC-SHA1, 30-second steps, 6 digits, base32 secrets.
 */
import { createHmac, randomBytes } from 'node:crypto';

export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Codes of the neighbouring steps are accepted too, for clocks a little apart. */
const WINDOW = 1;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(buf: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of buf) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=-]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const i = ALPHABET.indexOf(ch);
    if (i < 0) throw new Error('Invalid base32 character');
    value = (value << 5) | i;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A new 160-bit secret (RFC 4226 recommends at least 128, SHA-1's block of 160). */
export function generateTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

/** RFC 4226 HOTP value of a counter, with `digits` digits (RFC 6238 vectors use 8). */
export function hotp(
  key: Buffer,
  counter: number,
  digits = TOTP_DIGITS,
  algorithm: 'sha1' | 'sha256' | 'sha512' = 'sha1',
): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, key).update(msg).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

export function timeStep(epochMs: number): number {
  return Math.floor(epochMs / 1000 / TOTP_STEP_SECONDS);
}

export function totp(secretBase32: string, epochMs: number): string {
  return hotp(base32Decode(secretBase32), timeStep(epochMs));
}

/**
 * The time step a code matches within ±1 step of now, or null. Steps at or before `lastStep` are
 * refused, so a code that was accepted once (or an older one) cannot be replayed.
 */
export function verifyTotp(
  secretBase32: string,
  code: string,
  epochMs: number,
  lastStep: number | null,
): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const key = base32Decode(secretBase32);
  const now = timeStep(epochMs);
  let found: number | null = null;
  // Every candidate is computed, so the time taken does not reveal which step matched.
  for (let step = now - WINDOW; step <= now + WINDOW; step++) {
    if (hotp(key, step) === code && (lastStep === null || step > lastStep)) found ??= step;
  }
  return found;
}

/** The URI authenticator apps read from the QR code (Google's Key Uri Format). */
export function otpauthUri(secretBase32: string, username: string, issuer = 'Kechuang 科创'): string {
  const label = encodeURIComponent(`${issuer}:${username}`);
  const params = new URLSearchParams({
    secret: secretBase32,
    issuer,
    algorithm: 'SHA1',
    digits: String(TOTP_DIGITS),
    period: String(TOTP_STEP_SECONDS),
  });
  return `otpauth://totp/${label}?${params.toString().replace(/\+/g, '%20')}`;
}
