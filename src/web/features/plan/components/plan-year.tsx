import { Select } from 'antd';
import dayjs from 'dayjs';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { useT } from '../../../app/i18n';
import { useYearsHeld } from '../api';

/**
 * The year a plan page shows, kept in the address (`?year=2017`) so a link from the home page or a
 * colleague opens the same year. Without one, the newest year the platform holds figures for —
 * with the demo data the 2017 plan year.
 */
export function usePlanYear() {
  const [params, setParams] = useSearchParams();
  const held = useYearsHeld();
  const years = held.data && held.data.length > 0 ? held.data : fallbackYears();
  const asked = Number(params.get('year'));
  // Until the years held are known there is no default to show; should asking fail, the last
  // five calendar years stand in so the page still works.
  const settled = held.data !== undefined || held.isError;
  const year =
    Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : settled ? years[0] : undefined;
  const setYear = useCallback(
    (next: number) =>
      setParams(
        (p) => {
          const copy = new URLSearchParams(p);
          copy.set('year', String(next));
          return copy;
        },
        { replace: true },
      ),
    [setParams],
  );
  // A year typed into the address that holds nothing is still offered, so the select shows it.
  const options =
    year !== undefined && !years.includes(year) ? [...years, year].sort((a, b) => b - a) : years;
  return { year, setYear, years: options, loading: held.isLoading };
}

/** Nothing reported yet (a new city): this year and the four before it. */
function fallbackYears(): number[] {
  const now = dayjs().year();
  return Array.from({ length: 5 }, (_, i) => now - i);
}

export function PlanYearSelect({
  id,
  value,
  onChange,
  years,
  loading,
}: {
  id?: string;
  value?: number;
  onChange: (year: number) => void;
  years: number[];
  loading?: boolean;
}) {
  const t = useT();
  return (
    <Select<number>
      id={id}
      value={value}
      onChange={onChange}
      loading={loading}
      style={{ width: 110 }}
      aria-label={t('plan.year')}
      options={years.map((y) => ({ value: y, label: t('plan.yearOption', { year: y }) }))}
    />
  );
}
