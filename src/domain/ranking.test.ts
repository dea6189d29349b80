import { describe, expect, it } from 'vitest';
import {
  eliminationFlags,
  excludedItems,
  lastPlaces,
  normaliseColumn,
  quantile,
  type RankingItem,
  type RankingScheme,
  rankingSchemeSchema,
  scoreUnits,
  transformValue,
  type UnitScore,
} from './ranking';

const IQR = { method: 'iqr' as const, k: 1.5 };

function item(indicator: string, weight: number, extra: Partial<RankingItem> = {}): RankingItem {
  return { indicator, weight, transform: 'none', polarity: 'higher', ...extra };
}

function byId(scores: UnitScore[]) {
  return Object.fromEntries(scores.map((s) => [s.id, s]));
}

describe('scoreUnits', () => {
  /*
   * Four units, three items; weights 2:1:1 scale to 0.5, 0.25, 0.25.
   *
   * x (sqrt, higher): A 100 → 10, B 49 → 7, C 16 → 4, D 0 → 0. Sorted 0, 4, 7, 10:
   *   Q1 = 0 + 0.75·4 = 3, Q3 = 7 + 0.25·3 = 7.75, IQR 4.75, fences −4.125 … 14.875: no outlier.
   *   min 0, max 10 → A 1, B 0.7, C 0.4, D 0 → points A 50, B 35, C 20, D 0.
   * y (lower): 10, 20, 30, 40 → Q1 17.5, Q3 32.5, fences −5 … 55: no outlier.
   *   positions 0, ⅓, ⅔, 1 inverted → A 1, B ⅔, C ⅓, D 0 → points A 25, B 16.667, C 8.333, D 0.
   * z per population: A 50/10 = 5, B 30/10 = 3, C missing (flagged, 0), D 20/5 = 4.
   *   Three values: too few for fences. min 3, max 5 → A 1, B 0, D 0.5 → points A 25, B 0, D 12.5.
   * Scores: A 100, B 51.67, C 28.33, D 12.5.
   */
  const scheme = {
    items: [
      item('x', 2, { transform: 'sqrt' }),
      item('y', 1, { polarity: 'lower' }),
      item('z', 1, { per: 'population' }),
    ],
    outliers: IQR,
  };
  const units = [
    { id: 'A', values: { x: 100, y: 10, z: 50, population: 10 } },
    { id: 'B', values: { x: 49, y: 20, z: 30, population: 10 } },
    { id: 'C', values: { x: 16, y: 30, z: null, population: 8 } },
    { id: 'D', values: { x: 0, y: 40, z: 20, population: 5 } },
  ];

  it('scores and ranks the worked example', () => {
    const s = byId(scoreUnits(units, scheme));
    expect(s.A.score).toBe(100);
    expect(s.B.score).toBe(51.67);
    expect(s.C.score).toBe(28.33);
    expect(s.D.score).toBe(12.5);
    expect([s.A.rank, s.B.rank, s.C.rank, s.D.rank]).toEqual([1, 2, 3, 4]);
    expect(s.B.items[0]).toMatchObject({ key: 'x', raw: 49, value: 49, transformed: 7, weight: 0.5 });
    expect(s.B.items[0].normalised).toBeCloseTo(0.7, 12);
    expect(s.B.items[0].points).toBeCloseTo(35, 12);
    expect(s.B.items[1].normalised).toBeCloseTo(2 / 3, 12);
    expect(s.D.items[2]).toMatchObject({
      key: 'z/population',
      raw: 20,
      value: 4,
      normalised: 0.5,
      points: 12.5,
    });
  });

  it('scores a missing value 0 and flags it', () => {
    const c = byId(scoreUnits(units, scheme)).C;
    expect(c.items[2]).toMatchObject({ raw: null, value: null, normalised: 0, points: 0, flag: 'missing' });
    expect(c.items[0].flag).toBeNull();
    // A size of zero makes the per-value missing, not infinite.
    const zero = scoreUnits([{ id: 'u', values: { z: 5, population: 0 } }], {
      items: [item('z', 1, { per: 'population' })],
      outliers: null,
    });
    expect(zero[0].items[0]).toMatchObject({ raw: 5, value: null, flag: 'missing' });
  });

  it('keeps an outlier out of the range and clamps it', () => {
    // 1, 2, 3, 4, 100: Q1 2, Q3 4, IQR 2, fences −1 … 7. 100 is out: range 1 … 4.
    const values = [1, 2, 3, 4, 100].map((v, i) => ({ id: `u${i}`, values: { v } }));
    const s = scoreUnits(values, { items: [item('v', 1)], outliers: IQR });
    expect(s.map((u) => u.items[0].normalised)).toEqual([0, 1 / 3, 2 / 3, 1, 1]);
    expect(s[4].items[0].flag).toBe('outlier_high');
    expect(s.map((u) => u.rank)).toEqual([5, 4, 3, 1, 1]);
    // Without the rule the outlier squeezes everyone else towards 0.
    const plain = scoreUnits(values, { items: [item('v', 1)], outliers: null });
    expect(plain[3].items[0].normalised).toBeCloseTo(3 / 99, 12);
  });

  it('clamps a low outlier to the worst end, and inverts it for lower-is-better', () => {
    const col = [10, 11, 12, 13, -100];
    const higher = normaliseColumn(col, 'higher', IQR);
    expect(higher[4]).toEqual({ normalised: 0, flag: 'outlier_low' });
    expect(higher[3].normalised).toBe(1);
    const lower = normaliseColumn(col, 'lower', IQR);
    expect(lower[4]).toEqual({ normalised: 1, flag: 'outlier_low' });
    expect(lower[0].normalised).toBe(1);
  });

  it('gives equal inliers the end opposite their outliers, full marks over the missing, else nothing', () => {
    // 0 × 5 and 10: Q1 = Q3 = 0, so 10 is out; the zeros are the bottom.
    expect(normaliseColumn([0, 0, 0, 0, 0, 10], 'higher', IQR).map((n) => n.normalised)).toEqual([
      0, 0, 0, 0, 0, 1,
    ]);
    expect(normaliseColumn([0, 0, 0, 0, 0, 10], 'lower', IQR).map((n) => n.normalised)).toEqual([
      1, 1, 1, 1, 1, 0,
    ]);
    expect(normaliseColumn([3, 3, 3], 'higher', IQR).map((n) => n.normalised)).toEqual([0, 0, 0]);
    // A lone value beats the missing: present values are full marks, missing ones 0.
    expect(normaliseColumn([3, null, 3], 'lower', IQR).map((n) => n.normalised)).toEqual([1, 0, 1]);
  });

  it('shares a rank between equal scores and skips the next', () => {
    const s = scoreUnits(
      [
        { id: 'a', values: { v: 3 } },
        { id: 'b', values: { v: 3 } },
        { id: 'c', values: { v: 1 } },
        { id: 'd', values: { v: 3 } },
      ],
      { items: [item('v', 1)], outliers: null },
    );
    expect(s.map((u) => [u.id, u.score, u.rank])).toEqual([
      ['a', 100, 1],
      ['b', 100, 1],
      ['c', 0, 4],
      ['d', 100, 1],
    ]);
  });

  it('normalises weights to sum to one', () => {
    const s = scoreUnits(
      [
        { id: 'a', values: { p: 1, q: 0 } },
        { id: 'b', values: { p: 0, q: 1 } },
      ],
      { items: [item('p', 30), item('q', 10)], outliers: null },
    );
    expect(s.map((u) => u.score)).toEqual([75, 25]);
    expect(s[0].items.map((i) => i.weight)).toEqual([0.75, 0.25]);
  });

  it('leaves out a criterion nobody has a figure for (缺数), and scores only the units lacking one 0', () => {
    const units = [
      { id: 'a', values: { p: 4, q: null, r: 1 } },
      { id: 'b', values: { p: 2, q: null, r: null } },
      { id: 'c', values: { p: 0, q: null, r: 3 } },
    ];
    const scheme = { items: [item('p', 1), item('q', 2), item('r', 1)], outliers: null };
    expect([...excludedItems(units, scheme)]).toEqual(['q']);
    const s = byId(scoreUnits(units, scheme));
    // q's weight goes to p and r in proportion: 0.5 each, as if q were not in the scheme.
    expect(s.a.items.map((i) => i.weight)).toEqual([0.5, 0, 0.5]);
    expect(s.a.items[1]).toMatchObject({ flag: 'missing', points: 0 });
    // r: b lacks it and scores 0 there, flagged; a and c are scored between themselves.
    expect(s.b.items[2]).toMatchObject({ flag: 'missing', points: 0 });
    expect([s.a.score, s.b.score, s.c.score]).toEqual([50, 25, 50]);
  });
});

describe('transforms and quartiles', () => {
  it('keeps the sign through sqrt and log1p', () => {
    expect(transformValue(16, 'sqrt')).toBe(4);
    expect(transformValue(-16, 'sqrt')).toBe(-4);
    expect(transformValue(Math.E - 1, 'log1p')).toBeCloseTo(1, 12);
    expect(transformValue(-(Math.E - 1), 'log1p')).toBeCloseTo(-1, 12);
    expect(transformValue(-3, 'none')).toBe(-3);
  });

  it('interpolates quartiles like QUARTILE.INC', () => {
    expect(quantile([0, 4, 7, 10], 0.25)).toBe(3);
    expect(quantile([0, 4, 7, 10], 0.75)).toBe(7.75);
    expect(quantile([5], 0.75)).toBe(5);
  });
});

describe('last place and 末位淘汰', () => {
  const year = (ranks: Record<string, number>): UnitScore[] =>
    Object.entries(ranks).map(([id, rank]) => ({ id, rank, score: 100 - rank, items: [] }));

  it('flags the last place, ties included, and nobody when all tie', () => {
    expect([...lastPlaces(year({ a: 1, b: 2, c: 3 }))]).toEqual(['c']);
    expect([...lastPlaces(year({ a: 1, b: 2, c: 2 }))].sort()).toEqual(['b', 'c']);
    expect(lastPlaces(year({ a: 1, b: 1 })).size).toBe(0);
  });

  it('flags elimination only for last place in each of the consecutive years', () => {
    const now = year({ a: 1, b: 2, c: 3 });
    expect([...eliminationFlags([now, year({ a: 2, b: 1, c: 3 })], 2)]).toEqual(['c']);
    expect(eliminationFlags([now, year({ a: 1, b: 3, c: 2 })], 2).size).toBe(0);
    expect(eliminationFlags([now], 2).size).toBe(0);
    expect([...eliminationFlags([now], 1)]).toEqual(['c']);
  });
});

describe('scheme validation', () => {
  const base: RankingScheme = {
    code: 'county',
    name: '县域',
    nameEn: 'Counties',
    subject: 'county',
    items: [item('hte_valid', 1, { transform: 'sqrt' })],
    outliers: IQR,
    lastPlaceYears: 2,
  };

  it('accepts a scheme and fills defaults', () => {
    const parsed = rankingSchemeSchema.parse({ ...base, items: [{ indicator: 'hte_valid', weight: 1 }] });
    expect(parsed.items[0]).toEqual({
      indicator: 'hte_valid',
      weight: 1,
      transform: 'none',
      polarity: 'higher',
    });
  });

  it('refuses duplicates, a size the subject lacks, and unknown fields', () => {
    expect(rankingSchemeSchema.safeParse({ ...base, items: [item('a', 1), item('a', 2)] }).success).toBe(
      false,
    );
    expect(
      rankingSchemeSchema.safeParse({ ...base, items: [item('a', 1), item('a', 1, { per: 'population' })] })
        .success,
    ).toBe(true);
    expect(
      rankingSchemeSchema.safeParse({ ...base, items: [item('a', 1, { per: 'enterprises' })] }).success,
    ).toBe(false);
    expect(rankingSchemeSchema.safeParse({ ...base, items: [{ ...item('a', 1), extra: 1 }] }).success).toBe(
      false,
    );
    expect(rankingSchemeSchema.safeParse({ ...base, items: [item('a', 0)] }).success).toBe(false);
  });
});
