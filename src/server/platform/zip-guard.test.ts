import { constants, crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { form, xlsx } from '../modules/registry/import/test-helpers';
import { describeEachDb, signedIn } from '../test/harness';
import { CSRF_HEADER, CSRF_VALUE } from './access';
import { AppError } from './errors';
import { checkZip, readCentralDirectory } from './zip-guard';

interface Part {
  name: string;
  /** Raw deflate data (method 8) or the bytes themselves (method 0). */
  data: Buffer;
  /** What the headers declare the entry inflates to. */
  size: number;
  method?: number;
}

/** A ZIP written by hand, so its headers can say what a hostile one says. */
function zip(parts: Part[], opts: { hidden?: Buffer } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  parts.forEach((p, i) => {
    const name = Buffer.from(p.name);
    const method = p.method ?? 8;
    const crc = method === 0 ? crc32(p.data) : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(p.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(p.data.length, 20);
    central.writeUInt32LE(p.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    const extra = i === 0 && opts.hidden ? opts.hidden : Buffer.alloc(0);
    locals.push(local, name, p.data, extra);
    centrals.push(central, name);
    offset += 30 + name.length + p.data.length + extra.length;
  });
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/**
 * `mib` MiB of zeros as raw deflate, built from one flushed megabyte repeated: a gigabyte costs a
 * megabyte and no time to make.
 */
function zeros(mib: number): Buffer {
  const chunk = deflateRawSync(Buffer.alloc(1 << 20), { finishFlush: constants.Z_SYNC_FLUSH, level: 9 });
  return Buffer.concat([...Array.from({ length: mib }, () => chunk), deflateRawSync(Buffer.alloc(0))]);
}

const GIB = 1 << 30;
const sheetXml = (data: Buffer, size: number) => ({ name: 'xl/worksheets/sheet1.xml', data, size });
const stored = (name: string, text: string): Part => {
  const data = Buffer.from(text);
  return { name, data, size: data.length, method: 0 };
};
const CONTENT_TYPES = stored('[Content_Types].xml', '<?xml version="1.0"?><Types/>');

async function refusal(p: Promise<void>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe('zip guard', () => {
  it('lets a real workbook through and reads its directory', async () => {
    const file = await xlsx(['名称'], [['泉州']]);
    expect(readCentralDirectory(file)?.entries.map((e) => e.name)).toContain('xl/worksheets/sheet1.xml');
    await expect(checkZip(file)).resolves.toBeUndefined();
  });

  it('refuses a gigabyte declared honestly from its directory alone', async () => {
    const bomb = zip([CONTENT_TYPES, sheetXml(zeros(1024), GIB)]);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const e = await refusal(checkZip(bomb));
    expect(e.status).toBe(413);
    expect(e.field).toBe('file');
    expect(e.userMessage.en).toMatch(/zip bomb/);
  });

  it('refuses a total over the cap even at an ordinary ratio', async () => {
    const big = Array.from({ length: 5 }, (_, i) => ({
      ...sheetXml(Buffer.alloc(1024 * 1024), 80 * 1024 * 1024),
      name: `xl/worksheets/sheet${i + 1}.xml`,
    }));
    const e = await refusal(checkZip(zip(big)));
    expect(e.userMessage.en).toMatch(/over the 300 MB limit/);
  });

  it('refuses an entry that inflates past the size its headers declare', async () => {
    const liar = zip([CONTENT_TYPES, sheetXml(zeros(1024), 1000)]);
    const e = await refusal(checkZip(liar));
    expect(e.status).toBe(413);
    expect(e.userMessage.en).toMatch(/beyond the size it declares/);
  });

  it('refuses bytes hidden between the entries the directory lists', async () => {
    const hidden = zip([CONTENT_TYPES, sheetXml(zeros(1), 1 << 20)], { hidden: Buffer.alloc(4096, 7) });
    const e = await refusal(checkZip(hidden));
    expect(e.status).toBe(400);
    expect(e.field).toBe('file');
  });
});

describeEachDb('zip bombs at the import endpoints', (ctx) => {
  const bomb = zip([CONTENT_TYPES, sheetXml(zeros(1024), GIB)]);
  const liar = zip([CONTENT_TYPES, sheetXml(zeros(1024), 1000)]);

  it('refuses a registry import with 413 naming the file', async () => {
    const { cookie } = await signedIn(ctx, 'staff');
    for (const data of [bomb, liar]) {
      const body = form({ kind: 'organizations' }, { name: 'bomb.xlsx', data });
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/registry/imports',
        headers: { cookie, 'content-type': body.contentType, [CSRF_HEADER]: CSRF_VALUE },
        payload: body.payload,
      });
      expect(res.statusCode, res.body).toBe(413);
      expect(res.json().error).toMatchObject({ code: 'file_too_large', field: 'file' });
    }
  });

  it('refuses a reported-values import with 413 naming the file', async () => {
    const { cookie } = await signedIn(ctx, 'staff');
    for (const data of [bomb, liar]) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/plan/reported-values/import',
        headers: {
          cookie,
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          [CSRF_HEADER]: CSRF_VALUE,
        },
        payload: data,
      });
      expect(res.statusCode, res.body).toBe(413);
      expect(res.json().error).toMatchObject({ code: 'file_too_large', field: 'file' });
    }
  });
});
