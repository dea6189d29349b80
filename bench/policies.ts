/**
 * `npm run bench policies` (issue 14): an eligibility rule evaluated over 1,000,000 organisations —
 * the 2016 新认定高企奖励 rule (高企 first recognised in 2016, no credit record in force), counted
 * and its first page listed through the API, as the eligible list does. Goal ≤ 2 s.
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/server/db/client';
import { CSRF_HEADER, CSRF_VALUE } from '../src/server/platform/access';
import { prepare } from './data';
import { emit, getJson, latency, log, signIn, withBenchDatabase } from './measure';

const B = 'policies';
const RULE = {
  orgKinds: ['enterprise'],
  regionCodes: [],
  industryCodes: [],
  qualification: { typeCode: 'hte', issuedFrom: '2016-01-01', issuedTo: '2016-12-31', firstTime: true },
};

export async function policiesBench() {
  await withBenchDatabase(async (url) => {
    const { app, database } = await prepare(url);
    try {
      const cookie = await signIn(app, database, 'staff');
      const [n] = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from organizations`,
      );
      log(`registry: ${n.n} organisations`);
      const headers = { cookie, [CSRF_HEADER]: CSRF_VALUE, 'content-type': 'application/json' };
      const post = async (url: string, body: unknown) => {
        const res = await app.inject({ method: 'POST', url, headers, payload: JSON.stringify(body) });
        if (res.statusCode >= 300) throw new Error(`${url} answered ${res.statusCode}: ${res.body}`);
        return res.json();
      };
      const doc = await post('/api/v1/policies', {
        title: '泉州市关于加快推进创新驱动发展的若干意见（基准）',
        issuer: '泉州市人民政府',
        regionCode: '350500',
        documentNo: `泉政文〔2016〕${Date.now() % 100000}号`,
      });
      await post(`/api/v1/policies/${doc.id}/transition`, { to: 'issued', on: '2016-05-20' });
      const item = await post('/api/v1/policies/items', {
        documentId: doc.id,
        title: '新认定高新技术企业奖励',
        year: 2016,
        benefitKind: 'fixed',
        amount: '10',
        noApplication: true,
        rule: RULE,
      });
      const id = item.item.id as string;
      const first = await getJson<{ total: number }>(app, cookie, `/api/v1/policies/items/${id}/eligible`);
      log(`rule selects ${first.total} organisations`);
      const t0 = performance.now();
      const preview = await post(`/api/v1/policies/items/${id}/preview`, {});
      const once = performance.now() - t0;
      log(
        `preview: ${preview.total} eligible, ${preview.excludedTotal} kept out by credit, ${once.toFixed(0)} ms`,
      );
      emit(B, 'rule.preview_first', once, 'ms', 2000);
      await latency(
        B,
        'rule.eligible_page',
        2000,
        async () => {
          const r = await getJson<{ total: number }>(app, cookie, `/api/v1/policies/items/${id}/eligible`);
          if (r.total !== first.total) throw new Error('wrong answer: the count changed');
        },
        10,
      );
    } finally {
      await app.close();
      await database.close();
    }
  });
}
