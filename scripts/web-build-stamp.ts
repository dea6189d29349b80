/**
 * What the built web app in dist/web was made from: a hash of every file the build reads (the web
 * sources, the domain code they import, the build config, the locked dependency versions). `npm
 * start` rebuilds only when that hash differs from the one stored with the build, and the build
 * writes each asset also as .br and .gz, so the server sends them compressed without compressing
 * on each request.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

/** Files and folders, relative to the project root, whose content decides the built web app. */
export const WEB_BUILD_INPUTS = [
  'src/web',
  'src/domain',
  'config',
  'vite.config.ts',
  'scripts/web-build-stamp.ts',
  'tsconfig.json',
  'package-lock.json',
];

export const STAMP_FILE = 'build-stamp.json';

function listFiles(root: string, rel: string, out: string[]) {
  const full = path.join(root, rel);
  const stat = fs.statSync(full, { throwIfNoEntry: false });
  if (!stat) return;
  if (stat.isFile()) {
    out.push(rel);
    return;
  }
  for (const name of fs.readdirSync(full)) {
    // Test files are not part of the app; editing one needs no rebuild.
    if (/\.test\.tsx?$/.test(name)) continue;
    listFiles(root, path.posix.join(rel, name), out);
  }
}

/** The hash of the build's inputs as they are now. */
export function sourceHash(root: string = process.cwd()): string {
  const files: string[] = [];
  for (const input of WEB_BUILD_INPUTS) listFiles(root, input, files);
  files.sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file);
    hash.update('\0');
    hash.update(fs.readFileSync(path.join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** The hash stored with the build in `outDir`, or undefined when there is no complete build. */
export function builtHash(outDir: string): string | undefined {
  if (!fs.existsSync(path.join(outDir, 'index.html'))) return undefined;
  try {
    const stamp = JSON.parse(fs.readFileSync(path.join(outDir, STAMP_FILE), 'utf8')) as { sources?: string };
    return stamp.sources;
  } catch {
    return undefined;
  }
}

export function writeStamp(outDir: string, sources: string) {
  fs.writeFileSync(
    path.join(outDir, STAMP_FILE),
    `${JSON.stringify({ sources, builtAt: new Date().toISOString() }, null, 2)}\n`,
  );
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map|ico)$/;

/**
 * Writes `<file>.br` and `<file>.gz` beside every compressible file of at least 1 KB in `dir`
 * (smaller ones gain nothing), each only when it is actually smaller than the original.
 */
export async function precompress(dir: string): Promise<{ files: number }> {
  const files: string[] = [];
  listFiles(dir, '.', files);
  const todo = files.filter((f) => COMPRESSIBLE.test(f) && fs.statSync(path.join(dir, f)).size >= 1024);
  // Two at a time: brotli at its best level is slow, and the machine may be shared.
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const file = path.join(dir, todo[next++]);
      const data = fs.readFileSync(file);
      const [br, gz] = await Promise.all([
        brotli(data, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
          },
        }),
        gzip(data, { level: 9 }),
      ]);
      if (br.length < data.length) fs.writeFileSync(`${file}.br`, br);
      if (gz.length < data.length) fs.writeFileSync(`${file}.gz`, gz);
    }
  };
  await Promise.all([worker(), worker()]);
  return { files: todo.length };
}
