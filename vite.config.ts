import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { precompress, sourceHash, writeStamp } from './scripts/web-build-stamp.ts';

const outDir = path.resolve(import.meta.dirname, 'dist/web');

/**
 * After the build: .br and .gz beside each asset (the server sends those, never compressing per
 * request), then the stamp naming the sources it was built from (`npm start` skips the build
 * while they are unchanged). The hash is taken before the build, so a file edited during it
 * leaves a stamp that no longer matches and the next start builds again.
 */
function precompressAndStamp(): Plugin {
  let sources = '';
  return {
    name: 'kechuang-precompress-and-stamp',
    apply: 'build',
    buildStart() {
      sources = sourceHash(import.meta.dirname);
    },
    async closeBundle() {
      await precompress(outDir);
      writeStamp(outDir, sources);
    },
  };
}

// The web app lives in src/web and is built to dist/web, which the server serves.
export default defineConfig({
  root: 'src/web',
  plugins: [react(), precompressAndStamp()],
  build: {
    outDir,
    emptyOutDir: true,
    // .vite/manifest.json: which chunks each page loads (`npm run bench web` weighs them).
    manifest: true,
    chunkSizeWarningLimit: 1500,
    // Two pages: the signed-in app, and the public portal that loads none of it (portal.html).
    rollupOptions: {
      input: {
        main: path.resolve(import.meta.dirname, 'src/web/index.html'),
        portal: path.resolve(import.meta.dirname, 'src/web/portal.html'),
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
});
