/** Registry endpoints (创新主体库): TanStack Query key factory and hooks, one per endpoint. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  annualStatsBodySchema,
  annualStatsSchema,
  CultivationItem,
  cultivationQuerySchema,
  OrgDetail,
  OrgListItem,
  OrgListResult,
  orgBodySchema,
  orgChangeSchema,
  orgListQuerySchema,
  orgUpdateSchema,
  qualificationBodySchema,
  qualificationListQuerySchema,
  qualificationSchema,
  qualificationUpdateSchema,
  revokeBodySchema,
} from '../../../domain/contracts/registry';
import type { Industry, QualificationType } from '../../../domain/reference';
import { api, type ListResult } from '../../app/api-client';
import { useIntentKey } from '../../app/idempotency';
import { referenceKeys } from '../reference/api';

export type OrgListQuery = Partial<z.infer<typeof orgListQuerySchema>>;
export type OrgBody = z.input<typeof orgBodySchema>;
export type OrgUpdateBody = z.input<typeof orgUpdateSchema>;
export type OrgChange = z.infer<typeof orgChangeSchema>;
export type AnnualStats = z.infer<typeof annualStatsSchema>;
export type AnnualStatsBody = z.input<typeof annualStatsBodySchema>;
export type Qualification = z.infer<typeof qualificationSchema>;
export type QualificationListQuery = Partial<z.infer<typeof qualificationListQuerySchema>>;
export type QualificationBody = z.input<typeof qualificationBodySchema>;
export type QualificationUpdateBody = z.input<typeof qualificationUpdateSchema>;
export type RevokeBody = z.input<typeof revokeBodySchema>;
export type CultivationQuery = Partial<z.infer<typeof cultivationQuerySchema>>;
export type { CultivationItem, OrgDetail, OrgListItem };

const BASE = '/api/v1/registry';

export const registryKeys = {
  all: ['registry'] as const,
  orgs: () => [...registryKeys.all, 'orgs'] as const,
  orgList: (params: OrgListQuery) => [...registryKeys.orgs(), 'list', params] as const,
  org: (id: string) => [...registryKeys.orgs(), 'detail', id] as const,
  orgChanges: (id: string) => [...registryKeys.org(id), 'changes'] as const,
  qualifications: () => [...registryKeys.all, 'qualifications'] as const,
  qualificationList: (params: QualificationListQuery) =>
    [...registryKeys.qualifications(), 'list', params] as const,
  cultivation: (params: CultivationQuery) => [...registryKeys.all, 'cultivation', params] as const,
};

/** Export endpoints take the list's filters, without paging. */
export const exportPaths = {
  orgs: `${BASE}/orgs/export.xlsx`,
  qualifications: `${BASE}/qualifications/export.xlsx`,
  cultivation: `${BASE}/cultivation/export.xlsx`,
};

/** Reference data changes rarely; one fetch per session is plenty. */
const REFERENCE_STALE_MS = 10 * 60_000;

// ── reference lists the registry draws on ────────────────────────────────────
export function useIndustries(enabled = true) {
  return useQuery({
    queryKey: [...referenceKeys.all, 'industries'] as const,
    queryFn: () => api.get<ListResult<Industry>>('/api/v1/reference/industries'),
    select: (data) => data.items,
    staleTime: REFERENCE_STALE_MS,
    enabled,
  });
}

export function useQualificationTypes(enabled = true) {
  return useQuery({
    queryKey: [...referenceKeys.all, 'qualification-types'] as const,
    queryFn: () => api.get<ListResult<QualificationType>>('/api/v1/reference/qualification-types'),
    select: (data) => data.items,
    staleTime: REFERENCE_STALE_MS,
    enabled,
  });
}

function useInvalidate(...keys: (readonly unknown[])[]) {
  const queryClient = useQueryClient();
  return () => Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

// ── organisations ────────────────────────────────────────────────────────────
export function useOrgs(params: OrgListQuery, enabled = true) {
  return useQuery({
    queryKey: registryKeys.orgList(params),
    queryFn: () => api.get<OrgListResult>(`${BASE}/orgs`, params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useOrg(id: string) {
  return useQuery({
    queryKey: registryKeys.org(id),
    queryFn: () => api.get<OrgDetail>(`${BASE}/orgs/${id}`),
  });
}

export function useOrgChanges(id: string, enabled = true) {
  return useQuery({
    queryKey: registryKeys.orgChanges(id),
    queryFn: () => api.get<ListResult<OrgChange>>(`${BASE}/orgs/${id}/changes`),
    select: (data) => data.items,
    staleTime: 0,
    enabled,
  });
}

export function useCreateOrg() {
  const invalidate = useInvalidate(registryKeys.orgs());
  const intent = useIntentKey();
  return useMutation({
    mutationFn: (body: OrgBody) =>
      api.post<OrgListItem>(`${BASE}/orgs`, body, { idempotencyKey: intent.keyFor(body) }),
    onSuccess: () => {
      intent.done();
      return invalidate();
    },
  });
}

export function useUpdateOrg(id: string) {
  // A rename or move shows in lists, qualifications and the pool too.
  const invalidate = useInvalidate(registryKeys.all);
  return useMutation({
    mutationFn: (body: OrgUpdateBody) => api.patch<OrgListItem>(`${BASE}/orgs/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useSaveAnnualStats(orgId: string) {
  const invalidate = useInvalidate(registryKeys.org(orgId), registryKeys.all);
  return useMutation({
    mutationFn: ({ year, body }: { year: number; body: AnnualStatsBody }) =>
      api.put<AnnualStats>(`${BASE}/orgs/${orgId}/stats/${year}`, body),
    onSuccess: invalidate,
  });
}

// ── qualifications ───────────────────────────────────────────────────────────
export function useQualifications(params: QualificationListQuery) {
  return useQuery({
    queryKey: registryKeys.qualificationList(params),
    queryFn: () => api.get<ListResult<Qualification>>(`${BASE}/qualifications`, params),
    placeholderData: keepPreviousData,
  });
}

/** Qualifications change the organisation page, the lists and the pool alike. */
export function useCreateQualification() {
  const invalidate = useInvalidate(registryKeys.all);
  return useMutation({
    mutationFn: (body: QualificationBody) => api.post<Qualification>(`${BASE}/qualifications`, body),
    onSuccess: invalidate,
  });
}

export function useUpdateQualification() {
  const invalidate = useInvalidate(registryKeys.all);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: QualificationUpdateBody }) =>
      api.patch<Qualification>(`${BASE}/qualifications/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useRevokeQualification() {
  const invalidate = useInvalidate(registryKeys.all);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RevokeBody }) =>
      api.post<Qualification>(`${BASE}/qualifications/${id}/revoke`, body),
    onSuccess: invalidate,
  });
}

// ── 高企培育库 ───────────────────────────────────────────────────────────────
export function useCultivation(params: CultivationQuery) {
  return useQuery({
    queryKey: registryKeys.cultivation(params),
    queryFn: () => api.get<ListResult<CultivationItem>>(`${BASE}/cultivation`, params),
    placeholderData: keepPreviousData,
  });
}
