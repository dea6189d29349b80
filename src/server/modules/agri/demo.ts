/** Loads the agricultural demo (demo-build.ts) on a new embedded database, in batches. */
import { createHash } from 'node:crypto';
import { makeUscc } from '../../../domain/identifiers';
import { Rng } from '../../db/demo/rng';
import { ensureOrganization, insertUsers } from '../../db/seed/demo-accounts-repo';
import { clock } from '../../platform/clock';
import { hashPassword } from '../../platform/passwords';
import { seal } from '../../platform/secret-box';
import type { DemoContext } from '../index';
import { buildCommissioners, buildTrainings, buildUnits, demoPhoto } from './demo-build';
import { insertLogs, insertPhotos } from './logs-repo';
import {
  insertAppraisals,
  insertCommissioners,
  insertDispatches,
  updateCommissionerRow,
  userByName,
} from './people-repo';
import { anyUnit, insertParkOutputs, insertTrainings, insertUnits } from './repo';

const SEED = 20161231;

/** The cooperative the demo commissioner serves; its account `coop.demo` confirms the logs. */
const DEMO_COOP = {
  uscc: makeUscc('9', '3', '350582', 'MA2XT0C3'),
  name: '晋江市示范茶叶专业合作社',
  kind: 'enterprise' as const,
  regionCode: '350582',
  industryCode: '01',
  aboveSize: false,
  foundedOn: '2010-03-18',
  address: '晋江市磁灶镇示范村 6 号',
};

const COLOURS: [number, number, number][] = [
  [86, 140, 60],
  [120, 160, 80],
  [60, 110, 50],
  [150, 170, 90],
  [100, 130, 70],
];

function chunks<T>(rows: T[], size = 400): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export async function loadDemoAgri({ db, demoPassword }: DemoContext) {
  if (await anyUnit(db)) return { agriUnits: 0 };
  const rng = new Rng(SEED);
  const coopId = await ensureOrganization(db, DEMO_COOP);
  const { units, core, parks } = buildUnits(rng);
  const trainings = buildTrainings(rng);
  const people = buildCommissioners(rng, {
    id: coopId,
    name: DEMO_COOP.name,
    regionCode: DEMO_COOP.regionCode,
  });
  const year = clock.year();
  return db.transaction(async (tx) => {
    const coopUnit = units.find((u) => u.kind === 'tech_coop' && u.regionCode === '350582');
    if (coopUnit) Object.assign(coopUnit, { name: DEMO_COOP.name, orgId: coopId });
    for (const batch of chunks(units)) await insertUnits(tx, batch);
    // 核心区 129.8 亿元 in 2016, +18.5%; the three parks' outputs are invented.
    await insertParkOutputs(tx, [
      { unitId: core.id, year: 2015, output: '1095400.00', growthPct: null },
      { unitId: core.id, year: 2016, output: '1298000.00', growthPct: '18.50' },
      ...parks.slice(1).flatMap((p, i) => [
        { unitId: p.id, year: 2015, output: String(210000 + i * 35000), growthPct: null },
        {
          unitId: p.id,
          year: 2016,
          output: String(Math.round((210000 + i * 35000) * 1.12)),
          growthPct: '12.00',
        },
      ]),
    ]);
    await insertTrainings(tx, trainings);
    await insertCommissioners(
      tx,
      people.commissioners.map(({ idNumber, ...c }) => ({ ...c, idNumberSealed: seal(idNumber) })),
    );
    // The demo commissioner (account commissioner.demo) serves the demo cooperative this year too.
    const first = people.demo;
    const current = {
      ...people.dispatches.find((d) => d.servedOrgId === coopId)!,
      id: rng.uuid(),
      startsOn: `${year}-01-01`,
      endsOn: `${year}-12-31`,
      agreementNo: `泉科特派〔${year}〕001号`,
    };
    const dispatches = year > 2016 ? [...people.dispatches, current] : people.dispatches;
    await insertDispatches(tx, dispatches);
    for (const batch of chunks(people.logs))
      await insertLogs(
        tx,
        batch.map(({ photo: _p, ...l }) => l),
      );
    const photos = people.logs.map((l) => {
      const content = demoPhoto(`kechuang-agri-demo-${l.photo}`, COLOURS[l.photo % COLOURS.length]);
      return {
        logId: l.id,
        fileName: `现场照片-${l.photo + 1}.png`,
        mime: 'image/png',
        size: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
        content,
      };
    });
    for (const batch of chunks(photos, 200)) await insertPhotos(tx, batch);
    await insertAppraisals(
      tx,
      people.commissioners.slice(0, 24).map((c, i) => ({
        commissionerId: c.id,
        year: 2016,
        countyGrade:
          i % 8 === 0 ? ('excellent' as const) : i % 11 === 5 ? ('pass' as const) : ('good' as const),
        note: '县科技局年度评价（演示）',
      })),
    );
    // Accounts: the commissioner's own and the cooperative's, when the demo accounts exist.
    const account = await userByName(tx, 'commissioner.demo');
    if (account) {
      await updateCommissionerRow(tx, first.id, { userId: account.id });
      if (!(await userByName(tx, 'coop.demo'))) {
        await insertUsers(tx, [
          {
            username: 'coop.demo',
            displayName: '示范茶叶合作社（演示）',
            role: 'enterprise',
            orgId: coopId,
            passwordHash: await hashPassword(demoPassword),
            mfaExempt: true,
          },
        ]);
      }
    }
    return {
      agriUnits: units.length,
      trainings: trainings.length,
      commissioners: people.commissioners.length,
      dispatches: dispatches.length,
      serviceLogs: people.logs.length,
    };
  });
}
