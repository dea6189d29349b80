import fs from 'node:fs';
import path from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import type { RegionTree } from '../../platform/region-tree';

// The default dictionary plus the domain's words (石墨烯, 数控一代, 鞋业 …), so they stay whole.
const jieba = Jieba.withDict(dict);
jieba.loadDict(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../../../config/reference/search-dictionary.txt')),
);

const HAN = /\p{Script=Han}/u;
const WORD = /[\p{Script=Han}A-Za-z0-9]/u;

/** The words of a text as the domain dictionary segments it (precise mode), lower-cased. */
export function segment(text: string): string[] {
  return jieba
    .cut(text, true)
    .map((w) => w.trim().toLowerCase())
    .filter((w) => WORD.test(w));
}

function words(text: string): string[] {
  return jieba
    .cutForSearch(text, true)
    .map((w) => w.trim().toLowerCase())
    .filter((w) => WORD.test(w));
}

/**
 * The text an organisation is found by: its segmented words (with their sub-words) and every Han
 * character on its own, so a fragment that segmentation cut differently still matches.
 */
export function searchTextOf(parts: (string | null | undefined)[]): string {
  const text = parts.filter(Boolean).join(' ');
  const tokens = new Set(words(text));
  for (const ch of text) if (HAN.test(ch)) tokens.add(ch);
  return [...tokens]
    .map((t) => t.replace(/[':&|!()\\]/g, ''))
    .filter(Boolean)
    .join(' ');
}

function quote(term: string): string {
  return `'${term.replace(/'/g, '')}'`;
}

/** The words of what the user typed, as segmented for matching. */
export function queryTerms(input: string): string[] {
  return jieba
    .cut(input.trim(), true)
    .map((w) =>
      w
        .trim()
        .toLowerCase()
        .replace(/[':&|!()\\*]/g, ''),
    )
    .filter((w) => WORD.test(w));
}

export function tsQueryOf(terms: string[], wholeOnly: boolean): string {
  return terms
    .map((t) => {
      if (!HAN.test(t)) return `${quote(t)}:*`;
      const chars = [...t].filter((c) => HAN.test(c));
      return chars.length > 1 && !wholeOnly ? `(${quote(t)} | (${chars.map(quote).join(' & ')}))` : quote(t);
    })
    .join(' & ');
}

/**
 * A tsquery for what the user typed: every word must match, either whole or as all of its
 * characters (Chinese words may have been segmented differently in the document). Latin and
 * digit words match as prefixes.
 */
export function toTsQuery(input: string): string | null {
  const terms = queryTerms(input);
  return terms.length === 0 ? null : tsQueryOf(terms, false);
}

const regionWordCache = new WeakMap<RegionTree, Map<string, string[]>>();

/**
 * Counties and zones by name and by short name (晋江市 and 晋江): a query word naming one matches
 * that region's organisations (with its zones) besides those whose text holds the word.
 */
export function regionWords(tree: RegionTree): Map<string, string[]> {
  let words = regionWordCache.get(tree);
  if (!words) {
    words = new Map();
    for (const r of tree.rows) {
      if (r.level === 'city') continue;
      const codes = tree.selfAndDescendants(r.code);
      words.set(r.name, codes);
      const short = r.name.replace(/[市区县]$/, '');
      if (short !== r.name && [...short].length >= 2 && !words.has(short)) words.set(short, codes);
    }
    regionWordCache.set(tree, words);
  }
  return words;
}

const INDUSTRIES = JSON.parse(
  fs.readFileSync(
    path.resolve(import.meta.dirname, '../../../../config/reference/industries-gbt4754-2017.json'),
    'utf8',
  ),
) as { code: string; name: string; level: string; parentCode: string | null }[];
const INDUSTRY_NAMES = new Map(INDUSTRIES.map((i) => [i.code, i.name]));

/**
 * The codes of a GB/T 4754 section (C: 制造业) as one range of the codes stored: its divisions are
 * numbered consecutively (13–43), so "in section C" is `'13' <= code < '44'`, which an index
 * serves, instead of a lookup of every organisation's division.
 */
export function industrySectionRange(section: string): { from: string; before: string } | null {
  const divisions = INDUSTRIES.filter((i) => i.level === 'division' && i.parentCode === section)
    .map((i) => Number(i.code))
    .sort((a, b) => a - b);
  if (divisions.length === 0) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: pad(divisions[0]), before: pad(divisions[divisions.length - 1] + 1) };
}

/** What an organisation is found by; every writer of organisations stores exactly this. */
export function orgSearchText(
  org: { name: string; uscc?: string; industryCode?: string | null; address?: string | null },
  regionName: string | undefined,
): string {
  const industry = org.industryCode ? INDUSTRY_NAMES.get(org.industryCode.slice(0, 2)) : undefined;
  return searchTextOf([org.name, regionName, industry, org.address]);
}
