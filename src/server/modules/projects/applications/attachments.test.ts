import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, experts, reviewAssignments } from '../../../db/schema';
import { createCall, type FreshRegion, freshRegion, world } from '../../../test/factories';
import { call, describeEachDb, signedIn } from '../../../test/harness';
import {
  API,
  docx,
  EXE,
  insertApplication,
  PDF,
  PNG,
  prepare,
  setApplication,
  upload,
} from '../../../test/projects-fixtures';
import { checkFile, sniff, zipEntryNames } from './sniff';

describe('attachment type sniffing', () => {
  it('knows each accepted type by its bytes, and Office Open XML by its entries', async () => {
    expect(sniff(PDF)).toBe('pdf');
    expect(sniff(PNG)).toBe('png');
    expect(sniff(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('jpeg');
    expect(sniff(Buffer.from('d0cf11e0a1b11ae10000', 'hex'))).toBe('ole');
    expect(sniff(await docx())).toBe('docx');
    expect(zipEntryNames(await docx())).toContain('word/document.xml');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('a').addRow([1]);
    expect(sniff(Buffer.from(await wb.xlsx.writeBuffer()))).toBe('xlsx');
    expect(sniff(EXE)).toBeNull();
    expect(sniff(Buffer.from('PK\x03\x04 not really a zip'))).toBeNull();
    expect(sniff(Buffer.alloc(0))).toBeNull();
  });

  it('requires the extension to agree with the content', async () => {
    expect(checkFile('报告.PDF', PDF).mime).toBe('application/pdf');
    expect(checkFile('照片.jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xdb])).mime).toBe('image/jpeg');
    expect(() => checkFile('报告.docx', PDF)).toThrow(/does not match/);
    expect(() => checkFile('setup.pdf', EXE)).toThrow(/does not match/);
    expect(() => checkFile('setup.exe', EXE)).toThrow(/Unsupported/);
    expect(() => checkFile('表.xlsx', PDF)).toThrow(/does not match/);
  });
});

describeEachDb('projects: attachments', (ctx) => {
  let region: FreshRegion;
  beforeAll(async () => {
    await prepare(ctx);
    region = await freshRegion(ctx);
  });

  it('refuses a wrong type, a forged extension and a file over 20 MB; stores a PDF with its SHA-256', async () => {
    const { org, enterprise, staff } = await world(ctx, region.county);
    const c = await createCall(ctx, staff.cookie);
    const app = await insertApplication(ctx, {
      callId: c.id,
      orgId: org.id,
      regionCode: org.regionCode,
      state: 'draft',
    });
    const send = (name: string, data: Buffer, kind = 'plan') =>
      upload(ctx, enterprise.cookie, app.id, kind, name, data);

    const txt = await send('说明.txt', Buffer.from('hello'));
    expect(txt.statusCode).toBe(400);
    expect(txt.json().error.code).toBe('unsupported_file_type');
    for (const [name, data] of [
      ['setup.pdf', EXE],
      ['说明.docx', Buffer.from('just some text, renamed')],
      ['图片.png', PDF],
    ] as const) {
      const res = await send(name, data);
      expect(res.statusCode, name).toBe(400);
      expect(res.json().error).toMatchObject({ field: 'file', message: '文件内容与扩展名不符' });
    }
    const big = await send('大文件.pdf', Buffer.concat([PDF, Buffer.alloc(21 * 1024 * 1024)]));
    expect(big.statusCode).toBe(413);
    expect(big.json().error.messages.zh).toContain('20 MB');
    expect((await send('p.pdf', PDF, 'nonsense')).json().error.field).toBe('kind');

    const ok = await send('可行性 研究报告(终稿).pdf', PDF);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({
      kind: 'plan',
      mime: 'application/pdf',
      size: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
    });
    const word = await send('申报书.docx', await docx(), 'other');
    expect(word.statusCode, word.body).toBe(201);

    const dl = await call(ctx.app, { url: `${API}/attachments/${ok.json().id}`, cookie: enterprise.cookie });
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(PDF)).toBe(true);
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.headers['content-type']).toBe('application/pdf');
    const name = '可行性 研究报告(终稿).pdf';
    const encoded = encodeURIComponent(name).replace('(', '%28').replace(')', '%29');
    expect(dl.headers['content-disposition']).toBe(
      `attachment; filename="___ ____(__).pdf"; filename*=UTF-8''${encoded}`,
    );
  });

  it('lets only those who may see the application download, and only the applicant change files while editable', async () => {
    const { org, enterprise, county, staff } = await world(ctx, region.county);
    const c = await createCall(ctx, staff.cookie);
    const app = await insertApplication(ctx, {
      callId: c.id,
      orgId: org.id,
      regionCode: org.regionCode,
      state: 'draft',
    });
    const id = (await upload(ctx, enterprise.cookie, app.id, 'plan', 'p.pdf', PDF)).json().id;
    const get = (cookie: string) => call(ctx.app, { url: `${API}/attachments/${id}`, cookie });
    expect((await get(county.cookie)).statusCode).toBe(200);
    expect((await get(staff.cookie)).statusCode).toBe(200);
    expect((await get((await signedIn(ctx, 'enterprise')).cookie)).statusCode).toBe(404);
    expect((await get((await signedIn(ctx, 'county', { regionCode: '350583' })).cookie)).statusCode).toBe(
      404,
    );
    const expert = await signedIn(ctx, 'expert');
    expect((await get(expert.cookie)).statusCode).toBe(404);
    const [pooled] = await ctx.database.db
      .insert(experts)
      .values({ userId: expert.user.id, name: '专家' })
      .returning();
    await ctx.database.db.insert(reviewAssignments).values({ applicationId: app.id, expertId: pooled.id });
    // Even assigned, an expert reads files only through the review (which checks the conflict).
    expect((await get(expert.cookie)).statusCode).toBe(404);
    expect((await get((await signedIn(ctx, 'sysadmin')).cookie)).statusCode).toBe(403);

    const other = await signedIn(ctx, 'enterprise');
    expect((await upload(ctx, other.cookie, app.id, 'plan', 'p.pdf', PDF)).statusCode).toBe(404);
    const del = (cookie: string) =>
      call(ctx.app, { method: 'DELETE', url: `${API}/attachments/${id}`, cookie });
    expect((await del(other.cookie)).statusCode).toBe(404);
    await setApplication(ctx, app.id, { state: 'submitted' });
    expect((await upload(ctx, enterprise.cookie, app.id, 'plan', 'p.pdf', PDF)).statusCode).toBe(409);
    expect((await del(enterprise.cookie)).statusCode).toBe(409);
    await setApplication(ctx, app.id, { state: 'returned' });
    expect((await del(enterprise.cookie)).statusCode).toBe(200);
    expect((await get(enterprise.cookie)).statusCode).toBe(404);
    await setApplication(ctx, app.id, { state: 'in_progress' });
    expect((await upload(ctx, enterprise.cookie, app.id, 'plan', 'p.pdf', PDF)).json().error.field).toBe(
      'kind',
    );
    expect((await upload(ctx, enterprise.cookie, app.id, 'final_report', 'f.pdf', PDF)).statusCode).toBe(201);
  });

  it('audits each download, and each refused one, with who, what and the request', async () => {
    const { org, enterprise, county, staff } = await world(ctx, region.county);
    const c = await createCall(ctx, staff.cookie);
    const app = await insertApplication(ctx, { callId: c.id, orgId: org.id, regionCode: org.regionCode });
    const id = (await upload(ctx, enterprise.cookie, app.id, 'plan', '方案.pdf', PDF)).json().id;
    const ok = await call(ctx.app, { url: `${API}/attachments/${id}`, cookie: county.cookie });
    expect(ok.statusCode).toBe(200);
    const other = await signedIn(ctx, 'county', { regionCode: '350583' });
    const refused = await call(ctx.app, { url: `${API}/attachments/${id}`, cookie: other.cookie });
    expect(refused.statusCode).toBe(404);
    await ctx.app.auditTrail.flush();
    const entries = await ctx.database.db.select().from(auditLog).where(eq(auditLog.targetId, id));
    expect(entries.find((e) => e.action === 'attachment.download')).toMatchObject({
      actorId: county.user.id,
      actorRole: 'county',
      targetType: 'attachment',
      outcome: 'success',
      after: { fileName: '方案.pdf' },
    });
    const [denied] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.requestId, refused.json().error.requestId));
    expect(denied).toMatchObject({ action: 'access.not-found', outcome: 'denied', actorId: other.user.id });
  });
});
