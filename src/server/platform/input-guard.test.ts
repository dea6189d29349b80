import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, expect, it } from 'vitest';
import { readCell } from '../modules/registry/import/refs';
import { form, xlsx } from '../modules/registry/import/test-helpers';
import { call, describeEachDb, signedIn } from '../test/harness';
import { CSRF_HEADER, CSRF_VALUE } from './access';
import { findInputProblem, MAX_DEPTH } from './input-guard';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

it('names the first offending field, in keys as in values, and stops deep nesting', () => {
  expect(findInputProblem({ a: [{ b: 'x\u0000' }] }, true)).toEqual({ field: 'a.0.b', kind: 'control' });
  expect(findInputProblem({ note: 'line\r\n\tbreak' }, true)).toBeNull();
  expect(findInputProblem({ q: 'tab\there' }, false)).toEqual({ field: 'q', kind: 'control' });
  expect(findInputProblem({ 'k\u0000': 1 }, true)).toEqual({ field: 'k\\u0000', kind: 'control' });
  expect(findInputProblem({ s: '\u007f' }, true)?.kind).toBe('control');
  let deep: unknown = 'leaf';
  for (let i = 0; i < 10_000; i++) deep = [deep];
  expect(findInputProblem({ form: deep }, true)).toMatchObject({ kind: 'depth' });
  expect(findInputProblem(Buffer.from([0, 1, 2]), true)).toBeNull();
  let ok: unknown = 'leaf';
  for (let i = 0; i < MAX_DEPTH - 1; i++) ok = { a: ok };
  expect(findInputProblem(ok, true)).toBeNull();
});

it('refuses a registry import cell with a control character, whatever its column type', () => {
  const refs = {} as Parameters<typeof readCell>[2];
  for (const type of ['text', 'uscc', 'region', 'date', 'money'] as const) {
    const read = readCell(
      { key: 'k', header: 'H', type } as Parameters<typeof readCell>[0],
      'a\u0000b',
      refs,
    );
    expect(read).toEqual({
      ok: false,
      error: expect.objectContaining({ en: expect.stringContaining('control character') }),
    });
  }
  const multiline = readCell(
    { key: 'k', header: 'H', type: 'text' } as Parameters<typeof readCell>[0],
    'a\nb',
    refs,
  );
  expect(multiline.ok).toBe(true);
});

describeEachDb('input guard', (ctx) => {
  let staff: string;
  beforeAll(async () => {
    staff = (await signedIn(ctx, 'staff')).cookie;
  });
  const refusal = (res: { statusCode: number; json(): { error: { code: string; field?: string } } }) => [
    res.statusCode,
    res.json().error.code,
    res.json().error.field,
  ];

  it('refuses NUL and other control characters in query strings with 400 naming the field', async () => {
    for (const [url, field] of [
      ['/api/v1/registry/orgs?q=a%00b', 'q'],
      ['/api/v1/registry/orgs?regionCode=3505%00', 'regionCode'],
      ['/api/v1/plan/reported-values?year=2026&indicatorCode=ip%01cases', 'indicatorCode'],
      ['/api/v1/projects/calls?q=tab%09here', 'q'],
      ['/api/v1/registry/orgs/export.xlsx?q=%7F', 'q'],
    ] as const) {
      const res = await call(ctx.app, { url, cookie: staff });
      expect(refusal(res), url).toEqual([400, 'invalid', field]);
      expect(res.json().error.messages.en).toContain(`${field}: contains a control character`);
    }
    const auditor = (await signedIn(ctx, 'auditadmin')).cookie;
    const audit = await call(ctx.app, { url: '/api/v1/admin/audit?action=x%00', cookie: auditor });
    expect(refusal(audit)).toEqual([400, 'invalid', 'action']);
  });

  it('refuses them in path parameters', async () => {
    const res = await call(ctx.app, { url: '/api/v1/registry/orgs/a%00b', cookie: staff });
    expect(refusal(res)).toEqual([400, 'invalid', 'id']);
  });

  it('refuses them in JSON bodies, naming the nested field, but lets tabs and line breaks through', async () => {
    const admin = (await signedIn(ctx, 'sysadmin')).cookie;
    const post = (body: unknown) =>
      call(ctx.app, { method: 'POST', url: '/api/v1/admin/departments', cookie: admin, body });
    expect(refusal(await post({ code: 'd1', name: '科\u0000室', nameEn: 'x' }))).toEqual([
      400,
      'invalid',
      'name',
    ]);
    const staffPost = await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/projects/calls',
      cookie: staff,
      body: { title: 'ok', rubric: [{ name: 'x\u001b' }] },
    });
    expect(refusal(staffPost)).toEqual([400, 'invalid', 'rubric.0.name']);
    // Past the guard, the route's own schema speaks: the line breaks were not what it refused.
    const lines = await post({ code: 'd1', name: '科\n室', nameEn: 'x\ty', extra: 1 });
    expect(refusal(lines)).toEqual([400, 'invalid', 'extra']);
    const nested = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/admin/departments',
      headers: { cookie: admin, 'content-type': 'application/json', [CSRF_HEADER]: CSRF_VALUE },
      payload: `{"code":"d1","nameEn":"x","name":${'['.repeat(5000)}1${']'.repeat(5000)}}`,
    });
    expect(nested.statusCode).toBe(400);
    expect(nested.json().error.messages.en).toContain('nested deeper than');
  });

  it('refuses a control character in an uploaded file name or form field', async () => {
    const body = form({ kind: 'organizations' }, { name: 'a\u0001.xlsx', data: await xlsx(['x'], []) });
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/registry/imports',
      headers: { cookie: staff, 'content-type': body.contentType, [CSRF_HEADER]: CSRF_VALUE },
      payload: body.payload,
    });
    expect(refusal(res)).toEqual([400, 'invalid', 'fileName']);
  });

  it('refuses such a cell in a reported-values import, naming row and column', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('填报数据');
    ws.addRow(['指标代码', '年度', '区域', '数值', '来源', '来源日期', '版本/口径', '备注']);
    ws.addRow(['coop_projects', 2026, '晋江市', 5, 'PLACEHOLDER']);
    // XML cannot hold a NUL; Excel writes it as _x0000_, which the workbook reader decodes.
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
    zip.file('xl/sharedStrings.xml', strings.replace('PLACEHOLDER', '来_x0000_源'));
    const res = await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/plan/reported-values/import',
      cookie: staff,
      headers: { 'content-type': XLSX },
      body: await zip.generateAsync({ type: 'nodebuffer' }),
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual([
      '2:来源',
    ]);
  });
});
