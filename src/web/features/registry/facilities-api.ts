/** R&D platforms, incubation carriers and parks: query keys and hooks, one per endpoint. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { carrierItemSchema, platformItemSchema } from '../../../domain/contracts/registry';
import type {
  CarrierAnnualBody,
  CarrierBody,
  CarrierUpdate,
  carrierAnnualSchema,
  carrierDetailSchema,
  carrierListQuerySchema,
  FacilityEndBody,
  ParkAnnualBody,
  ParkItem,
  PlatformBody,
  PlatformUpdate,
  parkAnnualSchema,
  parkDetailSchema,
  parkListQuerySchema,
  platformListQuerySchema,
} from '../../../domain/contracts/registry-facilities';
import { api, type ListResult } from '../../app/api-client';
import { registryKeys } from './api';

export type Platform = z.infer<typeof platformItemSchema>;
export type Carrier = z.infer<typeof carrierItemSchema>;
export type CarrierDetail = z.infer<typeof carrierDetailSchema>;
export type CarrierAnnual = z.infer<typeof carrierAnnualSchema>;
export type ParkDetail = z.infer<typeof parkDetailSchema>;
export type ParkAnnual = z.infer<typeof parkAnnualSchema>;
export type PlatformListQuery = Partial<z.infer<typeof platformListQuerySchema>>;
export type CarrierListQuery = Partial<z.infer<typeof carrierListQuerySchema>>;
export type ParkListQuery = Partial<z.infer<typeof parkListQuerySchema>>;
export type {
  CarrierAnnualBody,
  CarrierBody,
  CarrierUpdate,
  FacilityEndBody,
  ParkAnnualBody,
  ParkItem,
  PlatformBody,
  PlatformUpdate,
};

const BASE = '/api/v1/registry';

export const facilityKeys = {
  platforms: () => [...registryKeys.all, 'platforms'] as const,
  platformList: (params: PlatformListQuery) => [...facilityKeys.platforms(), 'list', params] as const,
  carriers: () => [...registryKeys.all, 'carriers'] as const,
  carrierList: (params: CarrierListQuery) => [...facilityKeys.carriers(), 'list', params] as const,
  carrier: (id: string) => [...facilityKeys.carriers(), 'detail', id] as const,
  parks: () => [...registryKeys.all, 'parks'] as const,
  parkList: (params: ParkListQuery) => [...facilityKeys.parks(), 'list', params] as const,
  park: (id: string) => [...facilityKeys.parks(), 'detail', id] as const,
};

export const facilityExportPaths = {
  platforms: `${BASE}/platforms/export.xlsx`,
  carriers: `${BASE}/carriers/export.xlsx`,
  parks: `${BASE}/parks/export.xlsx`,
};

/** A facility change also shows on its organisation's page, so the organisation queries refresh too. */
function useInvalidate(key: readonly unknown[]) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: key }),
      queryClient.invalidateQueries({ queryKey: registryKeys.orgs() }),
    ]);
}

// ── 研发平台 ─────────────────────────────────────────────────────────────────
export function usePlatforms(params: PlatformListQuery) {
  return useQuery({
    queryKey: facilityKeys.platformList(params),
    queryFn: () => api.get<ListResult<Platform>>(`${BASE}/platforms`, params),
    placeholderData: keepPreviousData,
  });
}

export function useSavePlatform() {
  const invalidate = useInvalidate(facilityKeys.platforms());
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: PlatformBody | PlatformUpdate }) =>
      id
        ? api.patch<Platform>(`${BASE}/platforms/${id}`, body)
        : api.post<Platform>(`${BASE}/platforms`, body),
    onSuccess: invalidate,
  });
}

export function useEndPlatform() {
  const invalidate = useInvalidate(facilityKeys.platforms());
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: FacilityEndBody }) =>
      api.post<Platform>(`${BASE}/platforms/${id}/end`, body),
    onSuccess: invalidate,
  });
}

// ── 孵化载体 ─────────────────────────────────────────────────────────────────
export function useCarriers(params: CarrierListQuery) {
  return useQuery({
    queryKey: facilityKeys.carrierList(params),
    queryFn: () => api.get<ListResult<Carrier>>(`${BASE}/carriers`, params),
    placeholderData: keepPreviousData,
  });
}

export function useCarrier(id: string) {
  return useQuery({
    queryKey: facilityKeys.carrier(id),
    queryFn: () => api.get<CarrierDetail>(`${BASE}/carriers/${id}`),
  });
}

export function useSaveCarrier() {
  const invalidate = useInvalidate(facilityKeys.carriers());
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: CarrierBody | CarrierUpdate }) =>
      id ? api.patch<Carrier>(`${BASE}/carriers/${id}`, body) : api.post<Carrier>(`${BASE}/carriers`, body),
    onSuccess: invalidate,
  });
}

export function useEndCarrier() {
  const invalidate = useInvalidate(facilityKeys.carriers());
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: FacilityEndBody }) =>
      api.post<Carrier>(`${BASE}/carriers/${id}/end`, body),
    onSuccess: invalidate,
  });
}

export function useSaveCarrierAnnual(id: string) {
  const invalidate = useInvalidate(facilityKeys.carriers());
  return useMutation({
    mutationFn: ({ year, body }: { year: number; body: CarrierAnnualBody }) =>
      api.put<CarrierAnnual>(`${BASE}/carriers/${id}/annual/${year}`, body),
    onSuccess: invalidate,
  });
}

// ── 园区 ─────────────────────────────────────────────────────────────────────
export function useParkList(params: ParkListQuery) {
  return useQuery({
    queryKey: facilityKeys.parkList(params),
    queryFn: () => api.get<ListResult<ParkItem>>(`${BASE}/parks`, params),
    placeholderData: keepPreviousData,
  });
}

export function usePark(id: string) {
  return useQuery({
    queryKey: facilityKeys.park(id),
    queryFn: () => api.get<ParkDetail>(`${BASE}/parks/${id}`),
  });
}

export function useSaveParkAnnual(id: string) {
  const invalidate = useInvalidate(facilityKeys.parks());
  return useMutation({
    mutationFn: ({ year, body }: { year: number; body: ParkAnnualBody }) =>
      api.put<ParkAnnual>(`${BASE}/parks/${id}/annual/${year}`, body),
    onSuccess: invalidate,
  });
}
