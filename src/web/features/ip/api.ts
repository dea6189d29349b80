/** 知识产权: query keys and hooks, one per endpoint. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  IpImport,
  OrgPatentSummary,
  PatentDetail,
  PatentItem,
  PatentListQuery,
  ReviewDecision,
  ReviewItem,
} from '../../../domain/contracts/ip';
import type {
  CaseActionBody,
  CaseBody,
  CaseDetail,
  CaseItem,
  CaseListQuery,
  CaseUpdate,
} from '../../../domain/contracts/ip-cases';
import type { CaseAction } from '../../../domain/ip-cases';
import { api, type ListResult } from '../../app/api-client';

export type { CaseDetail, CaseItem, IpImport, OrgPatentSummary, PatentDetail, PatentItem, ReviewItem };

const BASE = '/api/v1/ip';
export const patentExportPath = `${BASE}/patents/export.xlsx`;

const keys = {
  all: ['ip'] as const,
  list: (params: object) => ['ip', 'patents', params] as const,
  detail: (n: string) => ['ip', 'patent', n] as const,
  org: (id: string) => ['ip', 'org', id] as const,
  imports: ['ip', 'imports'] as const,
  job: (id: string) => ['ip', 'import', id] as const,
  reviews: (params: object) => ['ip', 'reviews', params] as const,
};

export function usePatents(params: Partial<PatentListQuery>) {
  return useQuery({
    queryKey: keys.list(params),
    queryFn: () => api.get<ListResult<PatentItem>>(`${BASE}/patents`, params),
    placeholderData: keepPreviousData,
  });
}

export function usePatent(number: string | null) {
  return useQuery({
    queryKey: keys.detail(number ?? ''),
    queryFn: () => api.get<PatentDetail>(`${BASE}/patents/${encodeURIComponent(number ?? '')}`),
    enabled: !!number,
  });
}

export function useOrgPatents(orgId: string, enabled = true) {
  return useQuery({
    queryKey: keys.org(orgId),
    queryFn: () => api.get<OrgPatentSummary>(`${BASE}/orgs/${orgId}/patents`),
    enabled,
  });
}

export function useImports() {
  return useQuery({
    queryKey: keys.imports,
    queryFn: () => api.get<ListResult<IpImport>>(`${BASE}/imports`),
  });
}

/** One import, polled while it runs. */
export function useImportJob(id: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: keys.job(id ?? ''),
    queryFn: async () => {
      const job = await api.get<IpImport>(`${BASE}/imports/${id}`);
      if (job.status !== 'running') void queryClient.invalidateQueries({ queryKey: ['ip', 'reviews'] });
      return job;
    },
    enabled: !!id,
    refetchInterval: (q) => (q.state.data?.status === 'running' || !q.state.data ? 1000 : false),
  });
}

export function useStartImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file);
      return api.post<IpImport>(`${BASE}/imports`, body);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.imports }),
  });
}

export function useReviews(params: { status?: string; page?: number; pageSize?: number }) {
  return useQuery({
    queryKey: keys.reviews(params),
    queryFn: () => api.get<ListResult<ReviewItem>>(`${BASE}/applicant-reviews`, params),
    placeholderData: keepPreviousData,
  });
}

export function useDecideReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ReviewDecision }) =>
      api.post<ReviewItem>(`${BASE}/applicant-reviews/${id}/decision`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

// 专利行政执法案件 ---------------------------------------------------------------------------

const CASES = '/api/v1/ip/cases';
export const caseExportPath = `${CASES}/export.xlsx`;
const caseKeys = {
  all: ['ip-cases'] as const,
  list: (params: object) => ['ip-cases', 'list', params] as const,
  detail: (id: string) => ['ip-cases', 'detail', id] as const,
};

export function useCases(params: Partial<CaseListQuery>) {
  return useQuery({
    queryKey: caseKeys.list(params),
    queryFn: () => api.get<ListResult<CaseItem>>(CASES, params),
    placeholderData: keepPreviousData,
  });
}

export function useCase(id: string | undefined) {
  return useQuery({
    queryKey: caseKeys.detail(id ?? ''),
    queryFn: () => api.get<CaseDetail>(`${CASES}/${id}`),
    enabled: !!id,
  });
}

export function useSaveCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: CaseBody | CaseUpdate }) =>
      id ? api.patch<CaseDetail>(`${CASES}/${id}`, body) : api.post<CaseDetail>(CASES, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.all }),
  });
}

export function useActOnCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, body }: { id: string; action: CaseAction; body: CaseActionBody }) =>
      api.post<CaseDetail>(`${CASES}/${id}/actions/${action}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.all }),
  });
}
