/** Credit records: query keys and hooks, one per endpoint. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreditBody, CreditRow, CreditUpdate } from '../../../domain/contracts/credit';
import { api, type ListResult, type QueryParams } from '../../app/api-client';

export type { CreditBody, CreditRow, CreditUpdate };

const BASE = '/api/v1/credit/records';
export const creditExportPath = `${BASE}/export.xlsx`;
const all = ['credit'] as const;

export function useCreditRecords(params: QueryParams) {
  return useQuery({
    queryKey: [...all, 'list', params],
    queryFn: () => api.get<ListResult<CreditRow>>(BASE, params),
    placeholderData: keepPreviousData,
  });
}

export function useExperts(q: string) {
  return useQuery({
    queryKey: [...all, 'experts', q],
    queryFn: () =>
      api.get<ListResult<{ id: string; name: string; title: string | null }>>('/api/v1/projects/experts', {
        q,
        pageSize: 50,
      }),
  });
}

function useWrite<A, R>(fn: (a: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: all }) });
}

export const useSaveCredit = () =>
  useWrite(({ id, body }: { id?: string; body: CreditBody | CreditUpdate }) =>
    id ? api.patch<CreditRow>(`${BASE}/${id}`, body) : api.post<CreditRow>(BASE, body),
  );
export const useCreditText = () =>
  useWrite(({ id, kind, text }: { id: string; kind: 'objection' | 'answer'; text: string }) =>
    api.post<CreditRow>(`${BASE}/${id}/${kind}`, { text }),
  );
