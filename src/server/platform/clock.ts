/**
 * The platform's one clock. Business days are China Standard Time days (UTC+8, no daylight
 * saving): a certificate "valid today", a call "open today" and an indicator "as of today" all
 * mean the day in Beijing, whatever the server's time zone.
 *
 * Tests that need another day fix the clock (`fixClock`) instead of faking Date; every module
 * reads time through `clock`, never through `new Date()` for a business date.
 */
const CHINA_OFFSET_MS = 8 * 3_600_000;

let fixed: Date | null = null;

export const clock = {
  /** The current instant. */
  now(): Date {
    return fixed ? new Date(fixed) : new Date();
  },
  /** Today's date in China, `YYYY-MM-DD`. */
  today(): string {
    return chinaDate(clock.now());
  },
  /** The current year in China. */
  year(): number {
    return Number(clock.today().slice(0, 4));
  },
};

/** The China Standard Time calendar date of an instant, `YYYY-MM-DD`. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Fixes the clock at an instant (or a China date, taken at its noon); `null` lets it run again. */
export function fixClock(at: Date | string | null): void {
  if (at === null) fixed = null;
  else if (typeof at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(at)) fixed = new Date(`${at}T12:00:00+08:00`);
  else fixed = new Date(at);
}
