import { afterEach, describe, expect, it } from 'vitest';
import { chinaDate, clock, fixClock } from './clock';

describe('clock', () => {
  afterEach(() => fixClock(null));

  it('reads the China date, which turns at 16:00 UTC', () => {
    expect(chinaDate(new Date('2026-12-07T15:59:59Z'))).toBe('2026-12-07');
    expect(chinaDate(new Date('2026-12-07T16:00:00Z'))).toBe('2026-12-08');
  });

  it('can be fixed at a China date and let run again', () => {
    fixClock('2017-03-01');
    expect(clock.today()).toBe('2017-03-01');
    expect(clock.year()).toBe(2017);
    fixClock(null);
    expect(clock.today()).toBe(chinaDate(new Date()));
  });
});
