/**
 * A seeded generator of requests for the input fuzz test: plausible values from a route's JSON
 * schema (its OpenAPI document), and the hostile values planted into them.
 */
import { randomUUID } from 'node:crypto';
import { makeUscc } from '../../domain/identifiers';

export type Rand = () => number;
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  format?: string;
  pattern?: string;
}

/** mulberry32: small, fast, and the same sequence on every machine. */
export function random(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
export const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

export const MEGABYTE = 'x'.repeat(1024 * 1024 - 8192);
const nest = (depth: number): unknown => {
  let v: unknown = 'leaf';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
};

/** Strings with control characters: the guard refuses every one of them. */
export const CONTROL_STRINGS = [
  '\u0000',
  'a\u0000b',
  '名称\u0000',
  '\u0001\u0002',
  '\u007f',
  '\u001b[31m红\u001b[0m',
];
export const HOSTILE_STRINGS = [
  ...CONTROL_STRINGS,
  'tab\there',
  'line\r\nbreak',
  '\ud800',
  '\u202e\ufeff\u200b',
  '😀'.repeat(300),
  '测'.repeat(5000),
  MEGABYTE,
  'x'.repeat(70_000),
  '__proto__',
  'constructor',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e309',
  '9'.repeat(40),
  '-9223372036854775809',
  "' OR '1'='1' --",
  '../../../etc/passwd',
  '%00',
  '%',
  '\\',
  ' ',
  '',
  'null',
  '2026-02-30',
  '9999-12-31',
  '0000-01-01',
  '１２３４',
  '00000000-0000-0000-0000-000000000000',
  '110101199003078888',
];
export const HOSTILE_VALUES: (() => unknown)[] = [
  ...HOSTILE_STRINGS.map((s) => () => s),
  () => randomUUID(),
  () => 0,
  () => -1,
  () => -0,
  () => 1.5,
  () => 2 ** 31,
  () => 2 ** 53 + 2,
  () => 1e308,
  () => -1e308,
  () => 1e-300,
  () => null,
  () => true,
  () => [],
  () => ({}),
  () => ['\u0000'],
  () => Array.from({ length: 5000 }, (_, i) => i),
  () => ({ '\u0000key': 1 }),
  () => JSON.parse('{"__proto__": {"polluted": true}}'),
  () => nest(40),
];
/** Whole bodies as text: what JSON.stringify cannot produce. */
export const RAW_BODIES = [
  '{"__proto__":{"polluted":true}}',
  '{"a":{"constructor":{"prototype":{"polluted":true}}}}',
  'NaN',
  '{"a":NaN}',
  '{"a":Infinity}',
  `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
  `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`,
  `"${MEGABYTE}"`,
  '"\\u0000"',
  '{"a":"\\u0000"}',
  '\u0000',
  '',
  '{',
  '[]',
  'null',
];
export const HOSTILE_PARAMS = [
  '\u0000',
  'a\u0000b',
  '\u007f',
  'x'.repeat(101),
  'x'.repeat(100_000),
  '..',
  '%',
  'NaN',
  '-1',
  '😀',
  '__proto__',
  '00000000-0000-0000-0000-000000000000',
];

/** Values a `pattern` might accept; the first that does is used. */
const PATTERN_CANDIDATES = [
  '350582',
  '2026',
  '12',
  '39',
  'C',
  'abc',
  'abc-1',
  'fuzz_a1',
  '123.45',
  '0595-22345678',
  '13800138000',
  '123456789012345',
  '2026-03-15',
];

/** Field names whose plausible values a schema cannot describe (check digits, real codes). */
function hinted(name: string, s: JsonSchema): unknown {
  const str = schemaType(s) === 'string';
  if (/uscc/i.test(name) && str)
    return makeUscc(
      '9',
      '1',
      '350582',
      randomUUID()
        .slice(0, 8)
        .toUpperCase()
        .replace(/[IOSVZ]/g, '1'),
    );
  if (/regionCode$/.test(name) && str) return '350582';
  if (/password/i.test(name) && str) return `Fuzz#${randomUUID().slice(0, 8)}x`;
  if (/username/i.test(name) && str) return `fuzz${randomUUID().slice(0, 8)}`;
  return undefined;
}

export function schemaType(s: JsonSchema): string | undefined {
  const t = Array.isArray(s.type) ? s.type.filter((x) => x !== 'null')[0] : s.type;
  if (t) return t;
  if (s.properties) return 'object';
  if (s.items) return 'array';
  return undefined;
}

function plausibleString(s: JsonSchema, r: Rand): string {
  if (s.format === 'uuid') return randomUUID();
  if (s.format === 'date')
    return `20${10 + Math.floor(r() * 20)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`;
  if (s.format === 'date-time') return new Date(Date.UTC(2026, 0, 1 + Math.floor(r() * 300))).toISOString();
  if (s.format === 'email') return `f${Math.floor(r() * 1e6)}@example.com`;
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 12;
  if (s.pattern) {
    const re = new RegExp(s.pattern);
    const fits = PATTERN_CANDIDATES.filter((c) => re.test(c) && c.length >= min && c.length <= max);
    if (fits.length > 0) return pick(r, fits);
  }
  const len = Math.max(min, Math.min(max, min + 2 + Math.floor(r() * 10)));
  return Array.from({ length: len }, () => pick(r, [...'科创泉州abcxyz0123456789'])).join('');
}

/** A value the schema would likely accept: the skeleton hostile values are planted into. */
export function plausible(s: JsonSchema, r: Rand, name = '', depth = 0): unknown {
  const hint = hinted(name, s);
  if (hint !== undefined) return hint;
  if (s.const !== undefined) return s.const;
  if (s.enum) return pick(r, s.enum);
  const union = s.anyOf ?? s.oneOf;
  if (union) {
    const options = union.filter((u) => u.type !== 'null');
    return options.length > 0 ? plausible(pick(r, options), r, name, depth) : null;
  }
  if (s.allOf) return Object.assign({}, ...s.allOf.map((a) => plausible(a, r, name, depth) as object));
  switch (schemaType(s)) {
    case 'string':
      return plausibleString(s, r);
    case 'integer':
    case 'number': {
      const lo = Math.max(s.minimum ?? 0, -1e6);
      const hi = Math.min(s.maximum ?? 1e6, lo + 50);
      if (/year/i.test(name) && lo <= 2026 && hi >= 2026) return 2026;
      return Math.floor(lo + r() * (hi - lo + 1));
    }
    case 'boolean':
      return r() < 0.5;
    case 'array': {
      const n = Math.max(s.minItems ?? 0, Math.floor(r() * 3));
      return Array.from({ length: n }, () => plausible(s.items ?? {}, r, name, depth + 1));
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.properties ?? {}))
        if (depth < 6 && (s.required?.includes(k) || r() < 0.7)) out[k] = plausible(v, r, k, depth + 1);
      return out;
    }
    default:
      return pick(r, ['text', 1, true]);
  }
}

/** The sub-schema at a dotted path ('items.0.name'), through unions and arrays. */
export function schemaAt(
  s: JsonSchema | undefined,
  path: string[],
): { schema?: JsonSchema; parent?: JsonSchema } {
  let cur = s;
  let parent: JsonSchema | undefined;
  for (const part of path) {
    if (!cur) return {};
    const options = [cur, ...(cur.anyOf ?? []), ...(cur.oneOf ?? []), ...(cur.allOf ?? [])];
    const holder = options.find((o) => o.properties?.[part]) ?? options.find((o) => o.items);
    parent = holder;
    cur = holder?.properties?.[part] ?? (/^\d+$/.test(part) ? holder?.items : undefined);
  }
  return { schema: cur, parent };
}

/** Every path to a string or number leaf of a value, for planting one hostile value at a time. */
export function leafPaths(value: unknown, path: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return path.length > 0 ? [path] : [];
  return Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...path, k]));
}

export function setAt(value: unknown, path: string[], leaf: unknown | typeof REMOVE): unknown {
  if (path.length === 0) return leaf;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string, unknown>;
  const [head, ...rest] = path;
  if (rest.length === 0 && leaf === REMOVE) delete copy[head];
  else copy[head] = setAt(copy[head] ?? {}, rest, leaf);
  return copy;
}
export const REMOVE = Symbol('remove');

/** Percent-encoding; a lone surrogate goes out as the invalid UTF-8 a careless client would send. */
export function enc(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return '%ED%A0%80';
  }
}
