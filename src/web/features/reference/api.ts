/** Reference data every form draws on: the region tree, parks and organisations. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { OrgOption, ParkOption, Region } from '../../../domain/contracts/reference';
import { api } from '../../app/api-client';

export type { OrgOption, ParkOption, Region };

export const referenceKeys = {
  all: ['reference'] as const,
  regions: () => [...referenceKeys.all, 'regions'] as const,
  parks: () => [...referenceKeys.all, 'parks'] as const,
  orgs: (q: string) => [...referenceKeys.all, 'orgs', q] as const,
};

/** Reference data changes rarely; one fetch per session is plenty. */
const REFERENCE_STALE_MS = 10 * 60_000;

export function useRegions(enabled = true) {
  return useQuery({
    queryKey: referenceKeys.regions(),
    queryFn: () => api.get<{ items: Region[] }>('/api/v1/reference/regions'),
    select: (data) => data.items,
    staleTime: REFERENCE_STALE_MS,
    enabled,
  });
}

export function useParks(enabled = true) {
  return useQuery({
    queryKey: referenceKeys.parks(),
    queryFn: () => api.get<{ items: ParkOption[] }>('/api/v1/reference/parks'),
    select: (data) => data.items,
    staleTime: REFERENCE_STALE_MS,
    enabled,
  });
}

export function useOrgSearch(q: string, enabled = true) {
  return useQuery({
    queryKey: referenceKeys.orgs(q),
    queryFn: () => api.get<{ items: OrgOption[] }>('/api/v1/reference/orgs', { q }),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
    staleTime: REFERENCE_STALE_MS,
    enabled,
  });
}
