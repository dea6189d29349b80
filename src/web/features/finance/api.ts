/** 科技金融: query keys and hooks, one per endpoint. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  InstitutionBody,
  InstitutionItem,
  InstitutionListQuery,
  RecordBody,
  RecordDetail,
  RecordItem,
  RecordListQuery,
  RecordUpdate,
} from '../../../domain/contracts/finance';
import { api, type ListResult } from '../../app/api-client';

export type { InstitutionItem, RecordBody, RecordDetail, RecordItem, RecordUpdate };

const BASE = '/api/v1/finance';
export const recordsExportPath = `${BASE}/records/export.xlsx`;
export const institutionsExportPath = `${BASE}/institutions/export.xlsx`;
export const importPath = `${BASE}/records/import`;

const keys = {
  all: ['finance'] as const,
  records: (params: object) => ['finance', 'records', params] as const,
  record: (id: string) => ['finance', 'record', id] as const,
  institutions: (params: object) => ['finance', 'institutions', params] as const,
  mine: ['finance', 'my-institution'] as const,
};

export function useFinanceRecords(params: Partial<RecordListQuery>) {
  return useQuery({
    queryKey: keys.records(params),
    queryFn: () => api.get<ListResult<RecordItem>>(`${BASE}/records`, params),
    placeholderData: keepPreviousData,
  });
}

export function useFinanceRecord(id: string | undefined) {
  return useQuery({
    queryKey: keys.record(id ?? ''),
    queryFn: () => api.get<RecordDetail>(`${BASE}/records/${id}`),
    enabled: !!id,
  });
}

export function useSaveRecord() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: RecordBody | RecordUpdate }) =>
      id
        ? api.patch<RecordItem>(`${BASE}/records/${id}`, body)
        : api.post<RecordItem>(`${BASE}/records`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useDeleteRecord() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<{ ok: true }>(`${BASE}/records/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useInstitutions(params: Partial<InstitutionListQuery>) {
  return useQuery({
    queryKey: keys.institutions(params),
    queryFn: () => api.get<ListResult<InstitutionItem>>(`${BASE}/institutions`, params),
    placeholderData: keepPreviousData,
  });
}

/** The signed-in bank or fund user's own institution (null for everybody else). */
export function useMyInstitution() {
  return useQuery({
    queryKey: keys.mine,
    queryFn: () => api.get<{ institution: InstitutionItem | null }>(`${BASE}/my-institution`),
    staleTime: 60_000,
  });
}

export function useCreateInstitution() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InstitutionBody) => api.post<InstitutionItem>(`${BASE}/institutions`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}
