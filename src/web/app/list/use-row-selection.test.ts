import { describe, expect, it } from 'vitest';
import { mergeSelection } from './use-row-selection';

const row = (id: string) => ({ id });

describe('row selection keeps the order rows were ticked in', () => {
  it('adds newly ticked rows last and keeps earlier ones where they were', () => {
    const first = mergeSelection([], ['b'], [row('b')]);
    const second = mergeSelection(first, ['a', 'b', 'c'], [row('a'), row('b'), row('c')]);
    expect(second.map((r) => r.id)).toEqual(['b', 'a', 'c']);
  });

  it('drops unticked rows and keeps rows of another page (antd passes them as undefined)', () => {
    const ticked = [row('x'), row('y'), row('z')];
    const next = mergeSelection(ticked, ['x', 'z'], [undefined, row('z')]);
    expect(next.map((r) => r.id)).toEqual(['x', 'z']);
  });
});
