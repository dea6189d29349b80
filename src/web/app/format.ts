import dayjs from 'dayjs';

/** Timestamps as officials read them: 2017-03-01 09:30:00, local time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm:ss') : iso;
}

/** A lock is in force only while its end lies ahead. */
export function isLockedNow(lockedUntil: string | null | undefined): boolean {
  return Boolean(lockedUntil && dayjs(lockedUntil).isAfter(dayjs()));
}
