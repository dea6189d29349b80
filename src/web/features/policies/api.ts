/** Policy documents: query keys and hooks, one per endpoint. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  PolicyBody,
  PolicyDetail,
  PolicyItem,
  PolicyListQuery,
  PolicyTransition,
  PolicyUpdate,
} from '../../../domain/contracts/policies';
import { api, type ListResult } from '../../app/api-client';

export type { PolicyBody, PolicyDetail, PolicyItem, PolicyUpdate };

const BASE = '/api/v1/policies';
export const policyExportPath = `${BASE}/export.xlsx`;

const keys = {
  all: ['policies'] as const,
  list: (params: object) => ['policies', 'list', params] as const,
  detail: (id: string) => ['policies', 'detail', id] as const,
};

export function usePolicies(params: Partial<PolicyListQuery>) {
  return useQuery({
    queryKey: keys.list(params),
    queryFn: () => api.get<ListResult<PolicyItem>>(BASE, params),
    placeholderData: keepPreviousData,
  });
}

export function usePolicy(id: string | undefined) {
  return useQuery({
    queryKey: keys.detail(id ?? ''),
    queryFn: () => api.get<PolicyDetail>(`${BASE}/${id}`),
    enabled: !!id,
  });
}

export function useSavePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: PolicyBody | PolicyUpdate }) =>
      id ? api.patch<PolicyItem>(`${BASE}/${id}`, body) : api.post<PolicyItem>(BASE, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useTransitionPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: PolicyTransition }) =>
      api.post<PolicyItem>(`${BASE}/${id}/transition`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}
