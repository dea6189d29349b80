import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { registerOrg } from '../../test/factories';
import { call, describeEachDb, signedIn } from '../../test/harness';

describeEachDb('registry: keyword search and list totals', (ctx) => {
  it('finds organisations by Chinese keywords, region words, fragments and USCC', async () => {
    const staff = await signedIn(ctx, 'staff');
    const tag = randomBytes(3).toString('hex');
    const graphene = await registerOrg(ctx, staff.cookie, '350582', {
      name: `泉州${tag}石墨烯新材料有限公司`,
      regionCode: '350503',
      industryCode: '30',
    });
    const shoes = await registerOrg(ctx, staff.cookie, '350582', {
      name: `福建${tag}运动鞋服股份有限公司`,
      regionCode: '350582',
      industryCode: '19',
    });
    const search = async (q: string) =>
      (
        await call(ctx.app, {
          url: `/api/v1/registry/orgs?q=${encodeURIComponent(q)}&pageSize=100`,
          cookie: staff.cookie,
        })
      )
        .json()
        .items.map((o: { id: string }) => o.id);
    expect(await search(`石墨烯 ${tag}`)).toEqual([graphene.id]);
    expect(await search(`晋江 鞋 ${tag}`)).toEqual([shoes.id]);
    expect(await search(`运动鞋服 ${tag}`)).toEqual([shoes.id]);
    expect(await search(`丰泽 ${tag}`)).toEqual([graphene.id]);
    expect(await search(graphene.uscc)).toEqual([graphene.id]);
    expect((await search('石墨烯'))[0]).toBeDefined();
  });

  it('ranks whole-name and in-county matches first and counts a broad search only up to its cap', async () => {
    const staff = await signedIn(ctx, 'staff');
    const tag = randomBytes(3).toString('hex');
    const get = async (query: string) =>
      (await call(ctx.app, { url: `/api/v1/registry/orgs?${query}`, cookie: staff.cookie })).json();
    const ids = async (q: string) =>
      (await get(`q=${encodeURIComponent(q)}&pageSize=100`)).items.map((o: { id: string }) => o.id);
    // All three hold 石, 墨 and 烯; only one name holds 石墨烯 itself, and it comes first.
    const scattered = await registerOrg(ctx, staff.cookie, '350582', {
      name: `${tag}石材墨业烯料有限公司`,
      regionCode: '350503',
    });
    const whole = await registerOrg(ctx, staff.cookie, '350582', {
      name: `${tag}石墨烯有限公司`,
      regionCode: '350505',
    });
    const elsewhere = await registerOrg(ctx, staff.cookie, '350582', {
      name: `${tag}石墨烯新材料科技研究开发有限公司`,
      regionCode: '350583',
      address: '南安市晋江路8号',
    });
    expect(await ids(`${tag} 石墨烯`)).toEqual([whole.id, elsewhere.id, scattered.id]);
    // 晋江 names the county: its organisations come before one whose address only mentions it.
    const inCounty = await registerOrg(ctx, staff.cookie, '350582', {
      name: `${tag}石墨烯新材料科技研究开发股份有限公司`,
      regionCode: '350582',
    });
    expect(await ids(`晋江 石墨烯 ${tag}`)).toEqual([inCounty.id, elsewhere.id]);
    // A fragment of a name and the USCC find it too.
    expect((await ids(`${tag}石墨`))[0]).toBe(whole.id);
    expect(await ids(whole.uscc)).toEqual([whole.id]);
    // A model number the database's own text parser would split (01e9 as a number) is one word.
    const model = await registerOrg(ctx, staff.cookie, '350582', { name: `${tag}型号01e9aa电子有限公司` });
    expect(await ids(`01e9aa ${tag}`)).toEqual([model.id]);

    const broad = randomBytes(3).toString('hex');
    await ctx.database.db.execute(
      sql.raw(`insert into organizations (uscc, name, kind, region_code, search_text)
        select '9135' || upper('${broad}') || lpad(n::text, 8, '0'), '${broad}批量' || n || '有限公司',
          'enterprise', '350582', '${broad} 批量 ' || n
        from generate_series(1, 2001) n`),
    );
    const first = await get(`q=${broad}`);
    expect(first).toMatchObject({ total: 2000, totalCapped: true });
    expect(first.items).toHaveLength(20);
    // Past the ranked matches, and in a chosen order, the count stays capped.
    expect(await get(`q=${broad}&page=101`)).toMatchObject({ items: [], total: 2000, totalCapped: true });
    expect(await get(`q=${broad}&sort=name&pageSize=1`)).toMatchObject({ total: 2000, totalCapped: true });
    expect(await get(`q=${broad} 1999`)).toMatchObject({ total: 1, totalCapped: false });
    // Lists without keywords count exactly.
    expect((await get(`regionCode=350582&pageSize=1`)).totalCapped).toBe(false);
  });

  it('estimates the total of a list past 10,000 matches, says so, and still pages exactly', async () => {
    const staff = await signedIn(ctx, 'staff');
    const tag = randomBytes(4).toString('hex').toUpperCase();
    await ctx.database.db.execute(
      sql.raw(`insert into organizations (uscc, name, kind, region_code, search_text, founded_on)
        select '9135' || '${tag}' || lpad(n::text, 6, '0'), '估算${tag}' || lpad(n::text, 5, '0') || '有限公司',
          'financial_institution', '350521', '估算', date '2000-01-01' + n
        from generate_series(1, 10001) n`),
    );
    await ctx.database.db.execute(sql`analyze organizations`);
    const get = async (query: string) => {
      const res = await call(ctx.app, { url: `/api/v1/registry/orgs?${query}`, cookie: staff.cookie });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const many = await get('regionCode=350521&kind=financial_institution&sort=-foundedOn&page=3');
    expect(many.totalIsEstimate).toBe(true);
    expect(many.totalCapped).toBe(false);
    expect(many.total).toBeGreaterThan(10_000);
    // The page is exact however the total was found: the 41st to 60th newest.
    expect(many.items.map((o: { name: string }) => o.name)).toEqual(
      Array.from({ length: 20 }, (_, i) => `估算${tag}${String(10001 - 40 - i).padStart(5, '0')}有限公司`),
    );
    const few = await get(`regionCode=350521&kind=financial_institution&q=9135${tag}000001`);
    expect(few).toMatchObject({ total: 1, totalIsEstimate: false });
    await ctx.database.db.execute(sql.raw(`delete from organizations where uscc like '9135${tag}%'`));
  });

  it('puts a name holding the whole keyword first even behind thousands holding its characters apart', async () => {
    const staff = await signedIn(ctx, 'staff');
    const tag = randomBytes(3).toString('hex');
    await ctx.database.db.execute(
      sql.raw(`insert into organizations (uscc, name, kind, region_code, search_text)
        select '9135' || upper('${tag}') || lpad(n::text, 8, '0'), '${tag}华安航运' || n || '有限公司',
          'enterprise', '350582', '${tag} 华 安 航 运 ' || n
        from generate_series(1, 2001) n`),
    );
    const whole = await registerOrg(ctx, staff.cookie, '350582', { name: `${tag}华航精密机械有限公司` });
    const res = await call(ctx.app, {
      url: `/api/v1/registry/orgs?q=${encodeURIComponent(`${tag} 华航`)}&pageSize=5`,
      cookie: staff.cookie,
    });
    expect(res.json().items[0].id).toBe(whole.id);
  });
});
