/** The technology market: query keys and hooks, one per endpoint. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AchievementBody,
  AchievementDetail,
  AchievementItem,
  AchievementUpdate,
  CallDetail,
  CallItem,
  DemandBody,
  DemandDetail,
  DemandItem,
  DemandUpdate,
  EventDetail,
  EventItem,
  ImportResult,
  ListingActionBody,
  MatchItem,
  MatchTransition,
  Ranked,
} from '../../../domain/contracts/market';
import { api, type ListResult, type QueryParams } from '../../app/api-client';

export type {
  AchievementDetail,
  AchievementItem,
  CallItem,
  DemandDetail,
  DemandItem,
  EventItem,
  MatchItem,
  Ranked,
};

const BASE = '/api/v1/market';
export type Side = 'achievements' | 'demands';
export const exportPath = (path: string) => `${BASE}/${path}/export.xlsx`;
export const importTemplatePath = `${BASE}/achievements/import-template.xlsx`;

const keys = {
  all: ['market'] as const,
  list: (path: string, params: object) => ['market', path, 'list', params] as const,
  detail: (path: string, id: string) => ['market', path, 'detail', id] as const,
};

function useList<T>(path: string, params: QueryParams) {
  return useQuery({
    queryKey: keys.list(path, params),
    queryFn: () => api.get<ListResult<T>>(`${BASE}/${path}`, params),
    placeholderData: keepPreviousData,
  });
}
export const useAchievements = (p: QueryParams) => useList<AchievementItem>('achievements', p);
export const useDemands = (p: QueryParams) => useList<DemandItem>('demands', p);
export const useCalls = (p: QueryParams) => useList<CallItem>('calls', p);
export const useEvents = (p: QueryParams) => useList<EventItem>('events', p);

export function useAchievement(id: string | undefined) {
  return useQuery({
    queryKey: keys.detail('achievements', id ?? ''),
    queryFn: () => api.get<AchievementDetail>(`${BASE}/achievements/${id}`),
    enabled: !!id,
  });
}
export function useDemand(id: string | undefined) {
  return useQuery({
    queryKey: keys.detail('demands', id ?? ''),
    queryFn: () => api.get<DemandDetail>(`${BASE}/demands/${id}`),
    enabled: !!id,
  });
}
export function useCall(id: string | undefined) {
  return useQuery({
    queryKey: keys.detail('calls', id ?? ''),
    queryFn: () => api.get<CallDetail>(`${BASE}/calls/${id}`),
    enabled: !!id,
  });
}
export function useEvent(id: string | undefined) {
  return useQuery({
    queryKey: keys.detail('events', id ?? ''),
    queryFn: () => api.get<EventDetail>(`${BASE}/events/${id}`),
    enabled: !!id,
  });
}

/** The ranked counterparts of a demand or an achievement, with reasons. */
export function useRanked(side: Side, id: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['market', side, 'ranked', id],
    queryFn: () => api.get<{ items: Ranked[] }>(`${BASE}/${side}/${id}/matches`, { limit: 10 }),
    enabled: !!id && enabled,
  });
}

function useWrite<V, R>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export const useSaveAchievement = () =>
  useWrite(({ id, body }: { id?: string; body: AchievementBody | AchievementUpdate }) =>
    id
      ? api.patch<AchievementItem>(`${BASE}/achievements/${id}`, body)
      : api.post<AchievementItem>(`${BASE}/achievements`, body),
  );
export const useSaveDemand = () =>
  useWrite(({ id, body }: { id?: string; body: DemandBody | DemandUpdate }) =>
    id ? api.patch<DemandItem>(`${BASE}/demands/${id}`, body) : api.post<DemandItem>(`${BASE}/demands`, body),
  );
export const useListingAction = () =>
  useWrite(({ side, id, body }: { side: Side; id: string; body: ListingActionBody }) =>
    api.post<unknown>(`${BASE}/${side}/${id}/actions`, body),
  );
export const useInterest = () =>
  useWrite(({ side, id, note }: { side: Side; id: string; note?: string }) =>
    api.post<unknown>(`${BASE}/${side}/${id}/interest`, { note }),
  );
export const useTakeUp = () =>
  useWrite(({ side, id, counterpartId }: { side: Side; id: string; counterpartId: string }) =>
    api.post<MatchItem>(`${BASE}/${side}/${id}/matches`, { counterpartId }),
  );
export const useMoveMatch = () =>
  useWrite(({ id, body }: { id: string; body: MatchTransition }) =>
    api.post<MatchItem>(`${BASE}/matches/${id}/transition`, body),
  );
export const useProposalDecision = () =>
  useWrite(
    ({ id, proposalId, decision }: { id: string; proposalId: string; decision: 'shortlist' | 'pick' }) =>
      api.post<CallDetail>(`${BASE}/calls/${id}/proposals/${proposalId}/${decision}`),
  );
export const usePropose = () =>
  useWrite(({ id, summary }: { id: string; summary: string }) =>
    api.post<CallDetail>(`${BASE}/calls/${id}/proposals`, { summary }),
  );

/** Uploads a 蓝火 batch spreadsheet; the answer lists the rows in error, or how many were imported. */
export function useImportAchievements() {
  return useWrite((file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.post<ImportResult>(`${BASE}/achievements/import`, form);
  });
}
