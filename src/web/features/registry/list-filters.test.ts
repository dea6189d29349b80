import { describe, expect, it } from 'vitest';
import { hasFilters } from './list-filters';

describe('hasFilters', () => {
  it('ignores sorting, cleared fields and defaults', () => {
    expect(hasFilters({ sort: '-issuedOn', level: undefined, status: 'all' }, { status: 'all' })).toBe(false);
    expect(hasFilters({ status: 'valid' }, { status: 'all' })).toBe(true);
    expect(hasFilters({ aboveSize: false })).toBe(true);
  });
});
