import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import { queryRows } from '../db/client';
import { auditLog, organizations } from '../db/schema';
import { createOrg, describeEachDb } from '../test/harness';
import { verifyAuditChain, writeAudit } from './audit';
import { installSecretKey, open, seal, sealPersonal } from './secret-box';

// The 国密 profile (GB/T 39786) for this file only: vitest runs each file in its own module graph.
const KEY = randomBytes(32);
installSecretKey(KEY, 'gm');
afterAll(() => installSecretKey(randomBytes(32), 'standard'));

describeEachDb('国密 profile', (ctx) => {
  it('seals with SM4 and an SM3 tag, refuses a tampered value, and reads AES values sealed before', () => {
    const sealed = seal('JBSWY3DPEHPK3PXP');
    expect(sealed).toMatch(/^sm4:/);
    expect(open(sealed)).toBe('JBSWY3DPEHPK3PXP');
    const raw = Buffer.from(sealed.slice(4), 'base64');
    raw[raw.length - 1] ^= 1;
    expect(() => open(`sm4:${raw.toString('base64')}`)).toThrow();
  });

  it('chains the audit log with SM3', async (t) => {
    // An installation holds one profile for its life. The PostgreSQL test database is shared by
    // every file, whose chains are SHA-256: an SM3 entry there would break their verification.
    if (ctx.driver !== 'pglite') t.skip();
    await ctx.database.db.transaction((tx) => writeAudit(tx, {}, { action: 'test.gm-chain' }));
    const [last] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'test.gm-chain'))
      .orderBy(sql`${auditLog.id} desc`)
      .limit(1);
    expect(last.hash).toMatch(/^[0-9a-f]{64}$/);
    // The chain is all ours: it verifies with SM3, and would not with SHA-256.
    expect((await verifyAuditChain(ctx.database.db)).ok).toBe(true);
    installSecretKey(KEY, 'standard');
    try {
      expect((await verifyAuditChain(ctx.database.db)).ok).toBe(false);
    } finally {
      installSecretKey(KEY, 'gm');
    }
  });

  it('stores a mobile number sealed with SM4 and reads it back in clear', async () => {
    const org = await createOrg(ctx.database);
    await ctx.database.db
      .update(organizations)
      .set({ contactPhone: '13905951234' })
      .where(eq(organizations.id, org.id));
    const [stored] = await queryRows<{ contact_phone: string }>(
      ctx.database.db,
      sql`select contact_phone from organizations where id = ${org.id}`,
    );
    expect(stored.contact_phone).toMatch(/^sm4:/);
    const [read] = await ctx.database.db
      .select({ phone: organizations.contactPhone })
      .from(organizations)
      .where(eq(organizations.id, org.id));
    expect(read.phone).toBe('13905951234');
    expect(sealPersonal(null)).toBeNull();
  });
});
