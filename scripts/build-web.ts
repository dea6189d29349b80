/**
 * `npm start` runs this before the server: it builds the web app into dist/web only when its
 * sources changed since the last build (or there is none), so a restart takes seconds.
 * `npm run build:web` runs it with --force. The build itself (vite.config.ts) writes the
 * compressed copies and the stamp.
 */
import path from 'node:path';
import { builtHash, sourceHash } from './web-build-stamp';

// Where vite.config.ts builds to.
const outDir = path.resolve('dist/web');
const force = process.argv.includes('--force');
const started = Date.now();
const current = sourceHash();

if (!force && builtHash(outDir) === current) {
  console.log('网页已是最新，不再构建 Web app is up to date (built from the same sources); not rebuilding');
} else {
  console.log(
    force
      ? '正在构建网页 Building the web app …'
      : '网页源码有变化，正在构建（约半分钟）Web sources changed: building the web app (about half a minute) …',
  );
  const { build } = await import('vite');
  await build({ configFile: path.resolve('vite.config.ts'), logLevel: 'warn' });
  console.log('网页构建完成 Web app built in %s s', ((Date.now() - started) / 1000).toFixed(1));
}
