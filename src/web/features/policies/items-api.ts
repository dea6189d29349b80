/** Policy fulfilment (政策兑现): query keys and hooks, one per endpoint. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BatchBody,
  BatchRow,
  BeneficiaryRow,
  BenefitResponse,
  EligibilityRule,
  EligibleRow,
  ItemBody,
  ItemDetail,
  ItemRow,
  ItemUpdate,
  Preview,
} from '../../../domain/contracts/policy-items';
import { api, type ListResult, type QueryParams } from '../../app/api-client';

export type { BatchRow, BeneficiaryRow, EligibilityRule, EligibleRow, ItemDetail, ItemRow, Preview };

const BASE = '/api/v1/policies';
export const itemPaths = {
  list: `${BASE}/items`,
  eligible: (id: string) => `${BASE}/items/${id}/eligible`,
  beneficiaries: (id: string) => `${BASE}/items/${id}/beneficiaries`,
  batches: (id: string) => `${BASE}/items/${id}/batches`,
  benefits: `${BASE}/benefits`,
};

const all = ['policy-items'] as const;

function useList<T>(key: string, path: string | undefined, params: QueryParams) {
  return useQuery({
    queryKey: [...all, key, path, params],
    queryFn: () => api.get<ListResult<T>>(path!, params),
    placeholderData: keepPreviousData,
    enabled: !!path,
  });
}

export const useItems = (params: QueryParams) => useList<ItemRow>('list', itemPaths.list, params);
export const useEligible = (id: string, params: QueryParams) =>
  useList<EligibleRow>('eligible', itemPaths.eligible(id), params);
export const useBeneficiaries = (id: string, params: QueryParams) =>
  useList<BeneficiaryRow>('beneficiaries', itemPaths.beneficiaries(id), params);
export const useBatches = (id: string, params: QueryParams) =>
  useList<BatchRow>('batches', itemPaths.batches(id), params);
export const useMyBenefits = (params: QueryParams) =>
  useList<BeneficiaryRow>('benefits', itemPaths.benefits, params);

export function useItem(id: string | undefined) {
  return useQuery({
    queryKey: [...all, 'detail', id],
    queryFn: () => api.get<ItemDetail>(`${BASE}/items/${id}`),
    enabled: !!id,
  });
}

function useWrite<A, R>(fn: (a: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: all }) });
}

export const useSaveItem = () =>
  useWrite(({ id, body }: { id?: string; body: (ItemBody & { documentId: string }) | ItemUpdate }) =>
    id ? api.patch<ItemDetail>(`${BASE}/items/${id}`, body) : api.post<ItemDetail>(`${BASE}/items`, body),
  );
export const usePreview = () =>
  useMutation({
    mutationFn: ({ id, rule }: { id: string; rule?: EligibilityRule }) =>
      api.post<Preview>(`${BASE}/items/${id}/preview`, { rule }),
  });
export const useConfirmList = () =>
  useWrite((id: string) => api.post<ItemDetail>(`${BASE}/items/${id}/confirm`));
export const useRemind = () =>
  useWrite((id: string) =>
    api.post<{ organisations: number; notified: number }>(`${BASE}/items/${id}/remind`),
  );
export const useRecordBatch = () =>
  useWrite(({ id, body }: { id: string; body: BatchBody }) =>
    api.post<BatchRow>(`${BASE}/items/${id}/batches`, body),
  );
export const useRespond = () =>
  useWrite(({ id, itemId, body }: { id: string; itemId?: string; body: BenefitResponse }) =>
    api.post<BeneficiaryRow>(
      itemId ? `${BASE}/items/${itemId}/beneficiaries/${id}/respond` : `${BASE}/benefits/${id}/respond`,
      body,
    ),
  );
