/** The portal back office: query keys and hooks, one per endpoint of /api/v1/portal. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Guide,
  GuideBody,
  guideFileSchema,
  NoticeBody,
  NoticeDetail,
  NoticeItem,
  NoticeUpdate,
  ObjectionItem,
  statisticsSettingsSchema,
} from '../../../domain/contracts/portal';
import type { NoticeStatus } from '../../../domain/portal';
import { api, type ListResult } from '../../app/api-client';

export type { Guide, GuideBody, NoticeBody, NoticeDetail, NoticeItem, ObjectionItem };
export type GuideFile = z.infer<typeof guideFileSchema>;
export type StatisticsSettings = z.infer<typeof statisticsSettingsSchema>;

const BASE = '/api/v1/portal';
export const noticeExportPath = `${BASE}/notices/export.xlsx`;
export const objectionExportPath = `${BASE}/objections/export.xlsx`;

const keys = {
  all: ['portal'] as const,
  notices: (p: object) => ['portal', 'notices', p] as const,
  notice: (id: string) => ['portal', 'notice', id] as const,
  objections: (p: object) => ['portal', 'objections', p] as const,
  guides: ['portal', 'guides'] as const,
  stats: (year: number) => ['portal', 'statistics', year] as const,
  files: (callId: string) => ['portal', 'files', callId] as const,
};

export function useNotices(params: object) {
  return useQuery({
    queryKey: keys.notices(params),
    queryFn: () => api.get<ListResult<NoticeItem>>(`${BASE}/notices`, params as Record<string, string>),
    placeholderData: keepPreviousData,
  });
}
export function useNotice(id: string | undefined) {
  return useQuery({
    queryKey: keys.notice(id ?? ''),
    queryFn: () => api.get<NoticeDetail>(`${BASE}/notices/${id}`),
    enabled: !!id,
  });
}
function useInvalidating<A, R>(fn: (a: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  });
}
export const useSaveNotice = () =>
  useInvalidating(({ id, body }: { id?: string; body: NoticeBody | NoticeUpdate }) =>
    id
      ? api.patch<NoticeDetail>(`${BASE}/notices/${id}`, body)
      : api.post<NoticeDetail>(`${BASE}/notices`, body),
  );
export const useNoticeFromCall = () =>
  useInvalidating((body: { callId: string }) => api.post<NoticeDetail>(`${BASE}/notices/from-call`, body));
export const useTransitionNotice = () =>
  useInvalidating(({ id, to }: { id: string; to: NoticeStatus }) =>
    api.post<NoticeDetail>(`${BASE}/notices/${id}/transition`, { to }),
  );

export function useObjections(params: object) {
  return useQuery({
    queryKey: keys.objections(params),
    queryFn: () => api.get<ListResult<ObjectionItem>>(`${BASE}/objections`, params as Record<string, string>),
    placeholderData: keepPreviousData,
  });
}
export function useObjection(id: string | undefined) {
  return useQuery({
    queryKey: ['portal', 'objection', id],
    queryFn: () => api.get<ObjectionItem>(`${BASE}/objections/${id}`),
    enabled: !!id,
  });
}
export const useAnswerObjection = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, answer }: { id: string; answer: string }) =>
      api.post<ObjectionItem>(`${BASE}/objections/${id}/answer`, { answer }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.all });
      void qc.invalidateQueries({ queryKey: ['workbench'] });
    },
  });
};

export function useGuides() {
  return useQuery({ queryKey: keys.guides, queryFn: () => api.get<{ items: Guide[] }>(`${BASE}/guides`) });
}
export const useSaveGuide = () =>
  useInvalidating(({ id, body }: { id?: string; body: Partial<GuideBody> }) =>
    id ? api.patch<Guide>(`${BASE}/guides/${id}`, body) : api.post<Guide>(`${BASE}/guides`, body),
  );

export function useStatisticsSettings(year: number) {
  return useQuery({
    queryKey: keys.stats(year),
    queryFn: () => api.get<StatisticsSettings>(`${BASE}/statistics`, { year: String(year) }),
  });
}
export const useSaveStatistics = () =>
  useInvalidating((body: { year: number; codes: string[] }) =>
    api.put<StatisticsSettings>(`${BASE}/statistics`, body),
  );

export function useGuideFiles(callId: string | undefined) {
  return useQuery({
    queryKey: keys.files(callId ?? ''),
    queryFn: () => api.get<{ items: GuideFile[] }>(`${BASE}/calls/${callId}/guide-files`),
    enabled: !!callId,
  });
}
export const useDeleteGuideFile = () =>
  useInvalidating(({ callId, id }: { callId: string; id: string }) =>
    api.delete<{ items: GuideFile[] }>(`${BASE}/calls/${callId}/guide-files/${id}`),
  );
export const guideFilesPath = (callId: string) => `${BASE}/calls/${callId}/guide-files`;
