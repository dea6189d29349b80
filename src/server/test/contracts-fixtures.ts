/**
 * Registered technology contracts written straight into the database, for tests whose subject is
 * what the figures make of them (rankings, indicators) rather than the registration workflow.
 */
import { randomBytes } from 'node:crypto';
import { techContractAmounts, techContracts } from '../db/schema';
import { makeOrg } from './factories';
import { type TestContext, uniq } from './harness';

export async function registeredContract(
  ctx: TestContext,
  opts: {
    regionCode: string;
    registeredOn: string;
    amount: number;
    techAmount?: number;
    /** A contract still awaiting its registrar (no number, no amounts yet). */
    pending?: { registrarRegion: string };
  },
) {
  const db = ctx.database.db;
  const seller = await makeOrg(ctx, opts.regionCode);
  const registrar = opts.regionCode.slice(0, 6);
  const amount = opts.amount.toFixed(2);
  const tech = (opts.techAmount ?? opts.amount).toFixed(2);
  const [row] = await db
    .insert(techContracts)
    .values({
      title: uniq('测试技术合同'),
      typeCode: 'development',
      subTypeCode: 'entrusted',
      sellerOrgId: seller.id,
      regionCode: opts.regionCode,
      registrarRegion: opts.pending?.registrarRegion ?? (/^\d{6}$/.test(registrar) ? registrar : '350500'),
      buyerKind: 'domestic',
      buyerName: uniq('外省买方'),
      contractAmountOrig: amount,
      techAmountOrig: tech,
      contractAmount: amount,
      techAmount: tech,
      signedOn: opts.registeredOn,
      status: opts.pending ? 'submitted' : 'registered',
      submittedOn: opts.registeredOn,
      registeredOn: opts.pending ? null : opts.registeredOn,
      registrationNo: opts.pending
        ? null
        : `${opts.registeredOn.slice(0, 4)}T${randomBytes(5).toString('hex')}999999`,
    })
    .returning();
  if (opts.pending) return row;
  await db.insert(techContractAmounts).values({
    contractId: row.id,
    version: 1,
    effectiveOn: opts.registeredOn,
    exchangeRate: '1',
    contractAmountOrig: amount,
    techAmountOrig: tech,
    contractAmount: amount,
    techAmount: tech,
  });
  return row;
}
