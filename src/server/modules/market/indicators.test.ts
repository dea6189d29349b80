import { beforeAll, expect, it } from 'vitest';
import { freshRegion, makeOrg } from '../../test/factories';
import { call, describeEachDb, signedIn, type TestContext, uniq } from '../../test/harness';

/**
 * 已发布科技成果 and 成功对接的技术需求 are computed from the records, per county, as of a date, and
 * drill down to them. A county of this file's own keeps the figures exact on a shared database.
 */
describeEachDb('market: computed indicators', (ctx: TestContext) => {
  let county: string;
  beforeAll(async () => {
    county = (await freshRegion(ctx)).county;
  });

  it('counts a published achievement and a matched demand in the owner’s county, with the records', async () => {
    const [lab, ent] = await Promise.all([makeOrg(ctx, county, 'institute'), makeOrg(ctx, county)]);
    const [inst, enterprise, staff, leader] = await Promise.all([
      signedIn(ctx, 'institution', { orgId: lab.id }),
      signedIn(ctx, 'enterprise', { orgId: ent.id }),
      signedIn(ctx, 'staff'),
      signedIn(ctx, 'leader'),
    ]);
    const send = (cookie: string, method: 'GET' | 'POST', url: string, body?: unknown) =>
      call(ctx.app, { method, url, cookie, body });
    const topic = `${uniq('导热')}`;
    const a = await send(inst.cookie, 'POST', '/api/v1/market/achievements', {
      title: `${topic}石墨烯导热膜`,
      field: 'graphene',
      maturity: 'pilot',
      transferModes: ['license'],
      keywords: ['石墨烯', '导热膜'],
    });
    const d = await send(enterprise.cookie, 'POST', '/api/v1/market/demands', {
      title: `寻求石墨烯导热膜`,
      field: 'graphene',
      problem: 'LED散热用石墨烯导热膜',
    });
    const aid = a.json().id;
    const did = d.json().id;
    for (const [cookie, url] of [
      [inst.cookie, `/api/v1/market/achievements/${aid}/actions`],
      [enterprise.cookie, `/api/v1/market/demands/${did}/actions`],
    ]) {
      expect((await send(cookie, 'POST', url, { action: 'submit' })).statusCode).toBe(200);
      expect((await send(staff.cookie, 'POST', url, { action: 'publish' })).statusCode).toBe(200);
    }
    const match = await send(enterprise.cookie, 'POST', `/api/v1/market/demands/${did}/matches`, {
      counterpartId: aid,
    });
    expect(match.statusCode, match.body).toBe(201);
    const asOf = match.json().contactedOn as string;
    const year = Number(asOf.slice(0, 4));
    const q = `year=${year}&asOf=${asOf}&region=${county}&codes=published_achievements,matched_demands`;
    const values = await send(leader.cookie, 'GET', `/api/v1/plan/indicator-values?${q}`);
    expect(values.statusCode, values.body).toBe(200);
    const byCode = Object.fromEntries(
      (values.json().items as { code: string; value: number; kind: string }[]).map((i) => [i.code, i]),
    );
    expect(byCode.published_achievements).toMatchObject({ value: 1, kind: 'computed' });
    expect(byCode.matched_demands).toMatchObject({ value: 1, kind: 'computed' });
    const drill = await send(
      leader.cookie,
      'GET',
      `/api/v1/plan/indicators/published_achievements/records?year=${year}&asOf=${asOf}&region=${county}`,
    );
    expect(drill.json().items.map((r: { recordId: string }) => r.recordId)).toEqual([aid]);
    const matched = await send(
      leader.cookie,
      'GET',
      `/api/v1/plan/indicators/matched_demands/records?year=${year}&asOf=${asOf}&region=${county}`,
    );
    expect(matched.json().items.map((r: { recordId: string }) => r.recordId)).toEqual([did]);
    const withdrawn = await send(inst.cookie, 'POST', `/api/v1/market/achievements/${aid}/actions`, {
      action: 'withdraw',
    });
    expect(withdrawn.statusCode).toBe(200);
    // Withdrawn the day it was matched: the same question, asked again, no longer counts it (the
    // kept figure is refreshed when a counted record changes).
    const later = await send(leader.cookie, 'GET', `/api/v1/plan/indicator-values?${q}`);
    const after = (later.json().items as { code: string; value: number }[]).find(
      (i) => i.code === 'published_achievements',
    );
    expect(after?.value).toBe(0);
  });
});
