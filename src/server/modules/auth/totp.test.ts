import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, otpauthUri, totp, verifyTotp } from './totp';

// RFC 6238 appendix B: the SHA-1 seed is the ASCII string "12345678901234567890".
const SEED = Buffer.from('12345678901234567890');
const VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP', () => {
  it('matches the RFC 6238 SHA-1 test vectors', () => {
    for (const [t, code] of VECTORS) expect(hotp(SEED, Math.floor(t / 30), 8), `T=${t}`).toBe(code);
  });

  it('matches the RFC 4226 HOTP vectors', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583'];
    for (const [counter, code] of expected.entries()) expect(hotp(SEED, counter)).toBe(code);
  });

  it('round-trips base32 as authenticator apps write it', () => {
    expect(base32Encode(SEED)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(base32Decode('gezd gnbv gy3t qojq gezd gnbv gy3t qojq').equals(SEED)).toBe(true);
  });

  it('accepts the neighbouring steps, and refuses a step already used', () => {
    const secret = base32Encode(SEED);
    const at = 1111111111_000;
    const code = totp(secret, at);
    const step = Math.floor(at / 30_000);
    expect(verifyTotp(secret, code, at, null)).toBe(step);
    expect(verifyTotp(secret, code, at + 30_000, null)).toBe(step);
    expect(verifyTotp(secret, code, at + 90_000, null)).toBeNull();
    expect(verifyTotp(secret, code, at, step)).toBeNull();
    expect(verifyTotp(secret, '12345', at, null)).toBeNull();
  });

  it('writes an otpauth URI with the issuer and the secret', () => {
    const uri = otpauthUri('JBSWY3DPEHPK3PXP', 'ops.sec');
    expect(uri).toMatch(/^otpauth:\/\/totp\/Kechuang%20%E7%A7%91%E5%88%9B%3Aops\.sec\?/);
    expect(new URL(uri).searchParams.get('secret')).toBe('JBSWY3DPEHPK3PXP');
    expect(new URL(uri).searchParams.get('period')).toBe('30');
  });
});
