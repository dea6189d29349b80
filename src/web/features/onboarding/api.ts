/** 门户与注册: query keys and hooks, one per endpoint. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  OrgAccount,
  OrgAccountBody,
  OrgAccountListQuery,
  OutboxItem,
  OutboxListQuery,
  RegistrationDetail,
  RegistrationItem,
  RegistrationListQuery,
  RegistrationStatusView,
  ReviewDecisionBody,
} from '../../../domain/contracts/onboarding';
import { api, type ListResult } from '../../app/api-client';

export type { OrgAccount, OutboxItem, RegistrationDetail, RegistrationItem, RegistrationStatusView };

const BASE = '/api/v1/onboarding';
const PUBLIC = '/api/v1/public/onboarding';
const ACCOUNTS = '/api/v1/org-accounts';
export const registrationsExportPath = `${BASE}/registrations/export.xlsx`;
export const outboxExportPath = `${BASE}/outbox/export.xlsx`;
export const orgAccountsExportPath = `${ACCOUNTS}/export.xlsx`;
export const registrationFilePath = (id: string) => `${BASE}/registrations/${id}/file`;

const keys = {
  all: ['onboarding'] as const,
  list: (params: object) => ['onboarding', 'registrations', params] as const,
  detail: (id: string) => ['onboarding', 'registration', id] as const,
  outbox: (params: object) => ['onboarding', 'outbox', params] as const,
  accounts: (params: object) => ['org-accounts', params] as const,
};

export interface InitialPassword {
  username: string;
  initialPassword: string;
}

export function useRegistrations(params: Partial<RegistrationListQuery>) {
  return useQuery({
    queryKey: keys.list(params),
    queryFn: () => api.get<ListResult<RegistrationItem>>(`${BASE}/registrations`, params),
    placeholderData: keepPreviousData,
  });
}

export function useRegistration(id: string | undefined) {
  return useQuery({
    queryKey: keys.detail(id ?? ''),
    queryFn: () => api.get<RegistrationDetail>(`${BASE}/registrations/${id}`),
    enabled: !!id,
  });
}

export function useDecideRegistration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ReviewDecisionBody }) =>
      api.post<RegistrationDetail>(`${BASE}/registrations/${id}/decision`, body),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: keys.all });
      queryClient.invalidateQueries({ queryKey: ['workbench'] });
    },
  });
}

export function useResetUnitAdmin() {
  return useMutation({
    mutationFn: ({ id, stampedRequest }: { id: string; stampedRequest: string }) =>
      api.post<InitialPassword>(`${BASE}/registrations/${id}/admin-password`, { stampedRequest }),
  });
}

export function useOutbox(params: Partial<OutboxListQuery>) {
  return useQuery({
    queryKey: keys.outbox(params),
    queryFn: () => api.get<ListResult<OutboxItem>>(`${BASE}/outbox`, params),
    placeholderData: keepPreviousData,
  });
}

export function useOrgAccounts(params: Partial<OrgAccountListQuery>) {
  return useQuery({
    queryKey: keys.accounts(params),
    queryFn: () => api.get<ListResult<OrgAccount>>(ACCOUNTS, params),
    placeholderData: keepPreviousData,
  });
}

export function useCreateOrgAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrgAccountBody) => api.post<InitialPassword & { id: string }>(ACCOUNTS, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['org-accounts'] }),
  });
}

export function useSetOrgAccountStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: 'active' | 'disabled' }) =>
      api.post<{ ok: true }>(`${ACCOUNTS}/${id}/status`, { status }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['org-accounts'] }),
  });
}

export function useResetOrgAccount() {
  return useMutation({
    mutationFn: (id: string) => api.post<InitialPassword>(`${ACCOUNTS}/${id}/password-reset`),
  });
}

// ---- public -------------------------------------------------------------------------------------

export interface PublicRegion {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}

export function usePublicRegions() {
  return useQuery({
    queryKey: ['public-onboarding', 'regions'],
    queryFn: () => api.get<{ items: PublicRegion[] }>(`${PUBLIC}/regions`),
    staleTime: 10 * 60_000,
  });
}

export function useSubmitRegistration() {
  return useMutation({
    mutationFn: ({ form, resubmit }: { form: FormData; resubmit?: boolean }) =>
      api.post<{ trackingNo: string; status: string }>(
        `${PUBLIC}/registrations${resubmit ? '/resubmit' : ''}`,
        form,
      ),
  });
}

export function useLookupRegistration() {
  return useMutation({
    mutationFn: (body: { trackingNo: string; contactMobile: string }) =>
      api.post<RegistrationStatusView>(`${PUBLIC}/registrations/lookup`, body),
  });
}

export function useRequestReset() {
  return useMutation({
    mutationFn: (body: { username: string; email: string }) =>
      api.post<{ ok: true }>(`${PUBLIC}/password-resets`, body),
  });
}

export function useConfirmReset() {
  return useMutation({
    mutationFn: (body: { token: string; newPassword: string }) =>
      api.post<{ ok: true }>(`${PUBLIC}/password-resets/confirm`, body),
  });
}
