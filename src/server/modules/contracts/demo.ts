/**
 * Loads the demo contracts on a new embedded database (reproducible: one seed). Registration
 * numbers follow the registration days within each registrar's region and year, taken from the same
 * counters live registrations use.
 */
import { createHash } from 'node:crypto';
import { makeUscc } from '../../../domain/identifiers';
import type { Db } from '../../db/client';
import { Rng } from '../../db/demo/rng';
import { ensureDemoOrganizations } from '../../db/seed/demo-accounts';
import { ensureOrganization } from '../../db/seed/demo-accounts-repo';
import type { RegionTree } from '../../platform/region-tree';
import { registrationNumber } from './actions';
import { buildDemoContracts, type PoolOrg } from './demo-build';
import { registrarRegionOf } from './policy';
import {
  anyContract,
  insertAmounts,
  insertContracts,
  insertEvents,
  insertFiles,
  orgById,
  orgPool,
  reserveSequences,
} from './repo';

const SEED = 20_161_231;

/** The invented 晋江 memory maker behind the 2016 集成电路 transfer. */
const BIG_SELLER = {
  uscc: makeUscc('9', '1', '350582', 'MA2YJX01'),
  name: '福建晋芯集成电路制造有限公司',
  kind: 'enterprise' as const,
  regionCode: '350582',
  industryCode: '39',
  aboveSize: true,
  foundedOn: '2016-02-26',
  address: '晋江市集成电路产业园区示范路 9 号',
};

/** A one-page PDF standing for a scanned, signed contract. */
function demoPdf(title: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n% ${title}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );
}

export async function loadDemoContracts(db: Db, regions: RegionTree) {
  if (await anyContract(db)) return { contracts: 0 };
  const demo = await ensureDemoOrganizations(db);
  const bigId = await ensureOrganization(db, BIG_SELLER);
  const pool = (await orgPool(db)).filter((o) => regions.get(o.regionCode)?.holdsData !== false);
  const asPool = async (id: string): Promise<PoolOrg> => {
    const o = (await orgById(db, id))!;
    return { id: o.id, name: o.name, regionCode: o.regionCode };
  };
  const set = buildDemoContracts({
    rng: new Rng(SEED),
    pool: pool.filter((o) => o.id !== bigId),
    registrarOf: (code) => registrarRegionOf(regions, code),
    bigSeller: await asPool(bigId),
    demoEnterprise: await asPool(demo.enterprise),
    demoInstitution: await asPool(demo.institution),
  });
  return db.transaction(async (tx) => {
    const registered = set.contracts
      .filter((k) => k.registeredOn)
      .sort((a, b) => `${a.registeredOn}${a.id}`.localeCompare(`${b.registeredOn}${b.id}`));
    const groups = new Map<string, typeof registered>();
    for (const k of registered) {
      const key = `${k.registrarRegion}|${k.registeredOn!.slice(0, 4)}`;
      groups.set(key, [...(groups.get(key) ?? []), k]);
    }
    for (const [key, list] of groups) {
      const [region, year] = key.split('|');
      const first = await reserveSequences(tx, region, Number(year), list.length);
      list.forEach((k, i) => {
        k.registrationNo = registrationNumber(Number(year), region, first + i);
      });
    }
    for (let i = 0; i < set.contracts.length; i += 200)
      await insertContracts(tx, set.contracts.slice(i, i + 200));
    await insertAmounts(tx, set.amounts);
    await insertEvents(tx, set.events);
    const titles = new Map(set.contracts.map((k) => [k.id!, k.title]));
    const sellers = new Map(set.contracts.map((k) => [k.id!, k.sellerOrgId]));
    await insertFiles(
      tx,
      set.withFile.map((id) => {
        const content = demoPdf(titles.get(id)!);
        return {
          contractId: id,
          fileName: `${titles.get(id)}（签署版）.pdf`,
          mime: 'application/pdf',
          size: content.length,
          sha256: createHash('sha256').update(content).digest('hex'),
          content,
          uploadedBy: sellers.get(id)!,
        };
      }),
    );
    return { contracts: set.contracts.length, registered: registered.length };
  });
}
