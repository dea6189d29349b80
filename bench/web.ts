/**
 * `npm run bench web`: the weight of the web app's pages, from the manifest of the last build
 * (dist/web/.vite/manifest.json; `npm run build:web` first). A page's weight is the gzipped size
 * of the JavaScript and CSS the browser must load before it shows: the entry's chunks plus the
 * page's own, following static imports (lazy parts such as charts come after and are not counted).
 * Figures: the login page, each role's first page after signing in (the home page), and each
 * role's heaviest page when opened directly.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { DEFAULT_ROLE_PERMISSIONS, ROLE_CODES, type RoleCode } from '../src/domain/roles';
import { emit, log } from './measure';

const WEB = path.resolve('dist/web');
const SRC = path.resolve('src/web');
/** Targets of issue 11: what a first visit may cost on a slow line. */
const LOGIN_TARGET_KB = 250;
const PAGE_TARGET_KB = 350;
/** Issue 14: the public portal's first page (portal.html: none of the signed-in app). */
const PORTAL_TARGET_KB = 200;

interface Chunk {
  file: string;
  src?: string;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  isEntry?: boolean;
}
type Manifest = Record<string, Chunk>;

const gzipped = new Map<string, number>();
function gzKb(file: string): number {
  let size = gzipped.get(file);
  if (size === undefined) {
    size = zlib.gzipSync(fs.readFileSync(path.join(WEB, file)), { level: 9 }).length;
    gzipped.set(file, size);
  }
  return size / 1024;
}

/** Every file loaded with these manifest entries before they run (static imports and their CSS). */
function closure(manifest: Manifest, keys: string[]): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the manifest has no entry ${key}`);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  for (const key of keys) visit(key);
  return files;
}

function weigh(files: Set<string>) {
  let js = 0;
  let css = 0;
  for (const f of files) {
    if (f.endsWith('.css')) css += gzKb(f);
    else js += gzKb(f);
  }
  return { js, css };
}

/** The manifest key of a source file under src/web, if it is a chunk of its own (lazy). */
function keyOf(manifest: Manifest, srcFile: string): string | undefined {
  const rel = path.relative(SRC, srcFile).split(path.sep).join('/');
  return [rel, `${rel}.tsx`, `${rel}.ts`].find((k) => manifest[k]);
}

/** Each menu page's source file and permission, read from the features' menu.ts files. */
function menuPages(): { file: string; permission: string }[] {
  const pages: { file: string; permission: string }[] = [];
  const features = path.join(SRC, 'features');
  for (const feature of fs.readdirSync(features)) {
    const menu = path.join(features, feature, 'menu.ts');
    if (!fs.existsSync(menu)) continue;
    // One entry per `key:`; its permission and every page it imports (its own and its subRoutes).
    for (const block of fs
      .readFileSync(menu, 'utf8')
      .split(/\n\s*key: /)
      .slice(1)) {
      const permission = /permission: '([^']+)'/.exec(block)?.[1];
      if (!permission) continue;
      for (const m of block.matchAll(/import\('(\.[^']+)'\)/g))
        pages.push({ file: path.resolve(path.dirname(menu), m[1]), permission });
    }
  }
  return pages;
}

export async function webBench() {
  const manifestFile = path.join(WEB, '.vite/manifest.json');
  if (!fs.existsSync(manifestFile))
    throw new Error('no dist/web/.vite/manifest.json: run `npm run build:web` first');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
  const entry = Object.keys(manifest).find((k) => manifest[k].isEntry && k !== 'portal.html');
  if (!entry) throw new Error('the manifest has no entry');
  // Lazy parts of the shell, loaded before any page shows (absent when they are in the entry).
  const lazy = (rel: string) => {
    const key = keyOf(manifest, path.join(SRC, rel));
    return key ? [key] : [];
  };
  const login = [entry, ...lazy('features/auth/pages/login-page')];
  const shell = [entry, ...lazy('app/app-layout')];
  const home = [...shell, ...lazy('features/home/pages/home-page')];

  const report = (metric: string, keys: string[], target: number) => {
    const { js, css } = weigh(closure(manifest, keys));
    emit('web', `${metric} js gzip`, js, 'KB', target);
    if (css > 0) emit('web', `${metric} css gzip`, css, 'KB');
  };
  report('login page', login, LOGIN_TARGET_KB);
  if (manifest['portal.html']) report('public portal first page', ['portal.html'], PORTAL_TARGET_KB);

  const pages = menuPages()
    .map((p) => ({ ...p, key: keyOf(manifest, p.file) }))
    .filter((p): p is typeof p & { key: string } => p.key !== undefined);
  for (const role of ROLE_CODES) {
    const extra: string[] = role === 'leader' ? lazy('features/home/components/plan-warnings-card') : [];
    report(`${role} first page (home)`, [...home, ...extra], PAGE_TARGET_KB);
    const granted = new Set<string>(DEFAULT_ROLE_PERMISSIONS[role as RoleCode]);
    const own = pages.filter((p) => p.permission === 'signed-in' || granted.has(p.permission));
    let heaviest = { name: '', kb: 0 };
    for (const p of own) {
      const kb = weigh(closure(manifest, [...shell, p.key])).js;
      if (kb > heaviest.kb) heaviest = { name: p.key, kb };
    }
    if (heaviest.name) {
      log(`${role}: heaviest page opened directly is ${heaviest.name}`);
      emit('web', `${role} heaviest page js gzip`, heaviest.kb, 'KB', PAGE_TARGET_KB);
    }
  }
}
