/** 技术合同: query keys and hooks, one per endpoint. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ContractActionBody,
  ContractBody,
  ContractDetail,
  ContractItem,
  ContractListQuery,
} from '../../../domain/contracts/tech-contracts';
import type { ContractAction } from '../../../domain/tech-contracts';
import { api, type ListResult } from '../../app/api-client';

export type { ContractBody, ContractDetail, ContractItem };

const BASE = '/api/v1/contracts';
export const contractExportPath = `${BASE}/export.xlsx`;
export const certificatePath = (id: string) => `${BASE}/${id}/certificate.docx`;
export const filePath = (id: string) => `${BASE}/files/${id}`;

const keys = {
  all: ['contracts'] as const,
  list: (params: object) => ['contracts', 'list', params] as const,
  detail: (id: string) => ['contracts', 'detail', id] as const,
};

export function useContracts(params: Partial<ContractListQuery>) {
  return useQuery({
    queryKey: keys.list(params),
    queryFn: () => api.get<ListResult<ContractItem>>(BASE, params as Record<string, string>),
    placeholderData: keepPreviousData,
  });
}

export function useContract(id: string | undefined) {
  return useQuery({
    queryKey: keys.detail(id ?? ''),
    queryFn: () => api.get<ContractDetail>(`${BASE}/${id}`),
    enabled: !!id,
  });
}

export function useSaveContract() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, body }: { id?: string; version?: number; body: ContractBody }) =>
      id
        ? api.put<ContractDetail>(`${BASE}/${id}`, { ...body, version })
        : api.post<ContractDetail>(BASE, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useContractAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, body }: { id: string; action: ContractAction; body: ContractActionBody }) =>
      api.post<ContractDetail>(`${BASE}/${id}/actions/${action}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useUploadContractFile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, file }: { id: string; file: File }) => {
      const form = new FormData();
      form.append('file', file);
      return api.post<unknown>(`${BASE}/${id}/files`, form);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useDeleteContractFile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fileId: string) => api.delete<unknown>(filePath(fileId)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}
