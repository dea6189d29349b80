import { describe, expect, it } from 'vitest';
import { readIndustry } from './refs';

// A slice of GB/T 4754-2017: sections C and D, and their divisions 19, 39 and 44.
const refs = {
  industries: new Set(['C', 'D', '19', '39', '44']),
  sectionOf: new Map([
    ['19', 'C'],
    ['39', 'C'],
    ['44', 'D'],
  ]),
};

describe('industry codes in an import', () => {
  it('accepts the section-letter forms the statistics system shows, keeping the digits', () => {
    for (const [cell, value] of [
      ['C19', '19'],
      ['c1951', '1951'],
      ['C 39', '39'],
      ['D44', '44'],
      ['19', '19'],
      ['3911', '3911'],
      ['C', 'C'],
      [6, null],
    ] as const) {
      const read = readIndustry(cell, refs);
      if (value === null) expect(read.ok, String(cell)).toBe(false);
      else expect(read, String(cell)).toEqual({ ok: true, value });
    }
  });

  it('refuses a letter that is not the division’s section, and unknown divisions, naming the forms', () => {
    for (const cell of ['D19', 'C44', 'C99', 'Z19', 'C1', '19A']) {
      const read = readIndustry(cell, refs);
      expect(read.ok, cell).toBe(false);
      if (!read.ok) expect(read.error.zh).toContain('C39');
    }
  });
});
