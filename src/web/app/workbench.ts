/**
 * 工作台 data shared by the shell and every page: the user's to-do counts (home page, menu badges)
 * and the one default year — the newest year the platform holds data for — that every page with a
 * year opens on (`GET /api/v1/workbench/data-years`).
 */
import { useQuery } from '@tanstack/react-query';
import type { DataYears, Workbench } from '../../domain/contracts/workbench';
import { api } from './api-client';

export const workbenchKeys = {
  all: ['workbench'] as const,
  counts: () => [...workbenchKeys.all, 'counts'] as const,
  years: () => [...workbenchKeys.all, 'data-years'] as const,
};

/** Counts change as others work: refreshed every minute and when the window regains focus. */
export function useWorkbench(enabled = true) {
  return useQuery({
    queryKey: workbenchKeys.counts(),
    queryFn: () => api.get<Workbench>('/api/v1/workbench'),
    staleTime: 30_000,
    refetchInterval: 60_000,
    enabled,
  });
}

/** The years with data, newest first, and the default year (`latest`). */
export function useDataYears() {
  return useQuery({
    queryKey: workbenchKeys.years(),
    queryFn: () => api.get<DataYears>('/api/v1/workbench/data-years'),
    staleTime: 10 * 60_000,
  });
}

/** The menu keys with something waiting, and how much: one badge per menu entry. */
export function badgeCounts(data: Workbench | undefined): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of data?.items ?? []) out.set(item.menuKey, (out.get(item.menuKey) ?? 0) + item.count);
  return out;
}
