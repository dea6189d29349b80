/** Helpers of the projects API tests: a world of roles, calls, applications, files and actions. */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { expect } from 'vitest';
import { DECLARATION } from '../../domain/declaration';
import { applications, experts, reviewAssignments } from '../db/schema';
import { loadProgrammes } from '../modules/projects/calls/programmes';
import { CSRF_HEADER, CSRF_VALUE } from '../platform/access';
import { PROJECTS_API } from './factories';
import { call, type TestContext, uniq } from './harness';

export const API = PROJECTS_API;

/** Programmes are configuration: loaded here until the seed loads them on every start. */
export async function prepare(ctx: TestContext) {
  await loadProgrammes(ctx.database.db, 'quanzhou');
}

/** An application row in any state, written directly (for the transition table and scope tests). */
export async function insertApplication(
  ctx: TestContext,
  values: { callId: string; orgId: string; regionCode: string; state?: string } & Record<string, unknown>,
) {
  const [row] = await ctx.database.db
    .insert(applications)
    .values({
      title: uniq('测试项目'),
      summary: '项目简介',
      field: 'advanced-manufacturing',
      requestedAmount: '10',
      proposedAmount: '10',
      approvedAmount: '10',
      ...values,
    })
    .returning();
  return row;
}

export async function setApplication(
  ctx: TestContext,
  id: string,
  set: Partial<typeof applications.$inferInsert>,
) {
  await ctx.database.db.update(applications).set(set).where(eq(applications.id, id));
}

export async function stored(ctx: TestContext, id: string) {
  const [row] = await ctx.database.db.select().from(applications).where(eq(applications.id, id));
  return row;
}

/** The 承诺书 as the page sends it when the applicant has ticked it. */
export const DECLARED = { accepted: true, version: DECLARATION.version };

/** An action; a submission carries the ticked 承诺书 unless the body says `declaration` itself. */
export function act(
  ctx: TestContext,
  cookie: string,
  id: string,
  action: string,
  body: Record<string, unknown>,
) {
  const sent = action === 'submit' && !('declaration' in body) ? { ...body, declaration: DECLARED } : body;
  return call(ctx.app, {
    method: 'POST',
    url: `${API}/applications/${id}/actions/${action}`,
    cookie,
    body: sent,
  });
}

/** Takes an action that must succeed; returns the application as it then is. */
export async function step(
  ctx: TestContext,
  cookie: string,
  app: { id: string; version: number },
  action: string,
  body: Record<string, unknown> = {},
) {
  const res = await act(ctx, cookie, app.id, action, { version: app.version, ...body });
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json();
}

/** Submitted expert scores, as the review module records them (drawing is tested there). */
export async function submittedScores(ctx: TestContext, applicationId: string, totals: number[]) {
  for (const total of totals) {
    const [expert] = await ctx.database.db
      .insert(experts)
      .values({ name: uniq('专家'), fields: [] })
      .returning();
    await ctx.database.db.insert(reviewAssignments).values({
      applicationId,
      expertId: expert.id,
      status: 'submitted',
      total: String(total),
      scores: {},
      submittedAt: new Date(),
    });
  }
}

/** A multipart/form-data body built by hand, as a browser sends it. */
export function form(fields: Record<string, string>, file?: { name: string; data: Buffer }) {
  const boundary = `----kechuang${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
          'Content-Type: application/octet-stream\r\n\r\n',
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

export function upload(
  ctx: TestContext,
  cookie: string,
  id: string,
  kind: string,
  name: string,
  data: Buffer,
) {
  const body = form({ kind }, { name, data });
  return ctx.app.inject({
    method: 'POST',
    url: `${API}/applications/${id}/attachments`,
    headers: { cookie, 'content-type': body.contentType, [CSRF_HEADER]: CSRF_VALUE },
    payload: body.payload,
  });
}

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
export const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
export const EXE = Buffer.concat([Buffer.from('MZ'), randomBytes(64)]);

export async function docx(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('word/document.xml', '<w:document/>');
  return zip.generateAsync({ type: 'nodebuffer' });
}
