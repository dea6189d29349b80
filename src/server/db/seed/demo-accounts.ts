import { makeUscc } from '../../../domain/identifiers';
import type { RoleCode } from '../../../domain/roles';
import { hashPassword } from '../../platform/passwords';
import type { Db } from '../client';
import { ensureOrganization, hasAnyUser, insertUsers, listParkCodes } from './demo-accounts-repo';

export { hasAnyUser } from './demo-accounts-repo';

export interface DemoAccount {
  username: string;
  displayName: string;
  role: RoleCode;
  regionCode?: string;
  org?: DemoOrgKey;
  parkCode?: string;
}

/** One account per role, as the README lists them. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'sysadmin', displayName: '系统管理员', role: 'sysadmin' },
  { username: 'secadmin', displayName: '安全管理员', role: 'secadmin' },
  { username: 'auditadmin', displayName: '审计管理员', role: 'auditadmin' },
  { username: 'leader', displayName: '局领导（演示）', role: 'leader' },
  { username: 'staff', displayName: '高新科（演示）', role: 'staff' },
  { username: 'county.jinjiang', displayName: '晋江市科技局（演示）', role: 'county', regionCode: '350582' },
  { username: 'county.nanan', displayName: '南安市科技局（演示）', role: 'county', regionCode: '350583' },
  {
    username: 'park.jinjiang',
    displayName: '高新区晋江园（演示）',
    role: 'park',
    parkCode: 'qz-htz-jinjiang',
  },
  { username: 'enterprise.demo', displayName: '示范鞋业（演示）', role: 'enterprise', org: 'enterprise' },
  {
    username: 'institution.demo',
    displayName: '示范研究院（演示）',
    role: 'institution',
    org: 'institution',
  },
  { username: 'expert.demo', displayName: '评审专家（演示）', role: 'expert' },
  { username: 'bank.demo', displayName: '兴泉银行科技支行（演示）', role: 'financier', org: 'bank' },
  { username: 'commissioner.demo', displayName: '科技特派员（演示）', role: 'commissioner' },
  {
    username: 'unitadmin.demo',
    displayName: '示范鞋业单位管理员（演示）',
    role: 'unit_admin',
    org: 'enterprise',
  },
];

type DemoOrgKey = 'enterprise' | 'institution' | 'bank';

/** The bank the demo financier account works for (the finance module's demo lists it as a bank). */
export const DEMO_BANK = {
  uscc: makeUscc('9', '1', '350503', 'MA2XQB01'),
  name: '兴泉银行股份有限公司泉州科技支行',
  kind: 'financial_institution' as const,
  regionCode: '350503',
  industryCode: '66',
  aboveSize: false,
  foundedOn: '2009-03-18',
  address: '泉州市丰泽区刺桐路 88 号',
};

/** The organisations the demo enterprise, institution and bank accounts belong to (invented names). */
const DEMO_ORGS = {
  enterprise: {
    uscc: makeUscc('9', '1', '350582', 'MA2XJ0D1'),
    name: '泉州示范鞋业科技有限公司',
    kind: 'enterprise' as const,
    regionCode: '350582',
    industryCode: '19',
    aboveSize: true,
    foundedOn: '2008-05-16',
    address: '晋江市陈埭镇示范路 1 号',
  },
  institution: {
    uscc: makeUscc('1', '2', '350500', 'MB1QY0D2'),
    name: '泉州示范工业技术研究院',
    kind: 'institute' as const,
    regionCode: '350503',
    industryCode: '73',
    aboveSize: false,
    foundedOn: '2012-09-01',
    address: '泉州市丰泽区示范大道 8 号',
  },
  bank: DEMO_BANK,
};

export async function ensureDemoOrganizations(db: Db) {
  const ids: Record<'enterprise' | 'institution', string> = { enterprise: '', institution: '' };
  for (const key of ['enterprise', 'institution'] as const) {
    const org = DEMO_ORGS[key];
    ids[key] = await ensureOrganization(db, org);
  }
  return ids;
}

/** Creates the demo accounts when the database has no users yet; returns what it created. */
export async function seedDemoAccounts(db: Db, password: string): Promise<DemoAccount[]> {
  if (await hasAnyUser(db)) return [];
  // The bank only with the accounts: the registry's demo figures do not count it.
  const orgIds = {
    ...(await ensureDemoOrganizations(db)),
    bank: await ensureOrganization(db, DEMO_ORGS.bank),
  };
  const parkRows = await listParkCodes(db);
  const passwordHash = await hashPassword(password);
  await insertUsers(
    db,
    DEMO_ACCOUNTS.map((a) => ({
      username: a.username,
      displayName: a.displayName,
      role: a.role,
      regionCode: a.regionCode ?? null,
      orgId: a.org ? orgIds[a.org] : null,
      parkId: a.parkCode ? (parkRows.find((p) => p.code === a.parkCode)?.id ?? null) : null,
      passwordHash,
      // The embedded demo signs in without a second factor (the start-up banner says so).
      mfaExempt: true,
    })),
  );
  return DEMO_ACCOUNTS;
}
