/** S&T plan projects (科技计划项目): TanStack Query key factory and hooks, one per endpoint. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ActionBody,
  ApplicationDetail,
  ApplicationItem,
  applicationCreateSchema,
  applicationListQuerySchema,
  applicationUpdateSchema,
  attachmentSchema,
  boardSchema,
  Call,
  CallBody,
  callListQuerySchema,
  callUpdateSchema,
  Eligibility,
  notificationListSchema,
  notificationSchema,
  paymentBodySchema,
  paymentSchema,
  programmeSchema,
  rankingItemSchema,
} from '../../../domain/contracts/projects';
import type {
  assignmentSchema,
  ConflictBody,
  DrawResultBody,
  Expert,
  ExpertAccount,
  ExpertBody,
  ExpertListQuery,
  ExpertUpdate,
  Panel,
  ReplaceBody,
  ReviewDetail,
  ReviewedApplication,
  ReviewItem,
  ReviewListQuery,
  ReviewSummary,
  replaceResultSchema,
  SubmitBody,
} from '../../../domain/contracts/projects-review';
import type { ActionCode } from '../../../domain/projects';
import { api, type ListResult } from '../../app/api-client';
import { useIntentKey } from '../../app/idempotency';

export type {
  ApplicationDetail,
  ApplicationItem,
  Call,
  Eligibility,
  Expert,
  ExpertAccount,
  Panel,
  ReviewDetail,
  ReviewedApplication,
  ReviewItem,
  ReviewSummary,
};
export type Programme = z.infer<typeof programmeSchema>;
export type CallListQuery = Partial<z.infer<typeof callListQuerySchema>>;
export type CallUpdate = z.infer<typeof callUpdateSchema>;
export type ApplicationListQuery = Partial<z.infer<typeof applicationListQuerySchema>>;
export type ApplicationCreate = z.input<typeof applicationCreateSchema>;
export type ApplicationUpdate = z.input<typeof applicationUpdateSchema>;
export type Attachment = z.infer<typeof attachmentSchema>;
export type Board = z.infer<typeof boardSchema>;
export type RankingItem = z.infer<typeof rankingItemSchema>;
export type Payment = z.infer<typeof paymentSchema>;
export type PaymentBody = z.input<typeof paymentBodySchema>;
export type Notification = z.infer<typeof notificationSchema>;
export type NotificationList = z.infer<typeof notificationListSchema>;
export type Assignment = z.infer<typeof assignmentSchema>;
export type ReplaceResult = z.infer<typeof replaceResultSchema>;
export type DrawResult = DrawResultBody;
export interface CodeItem {
  code: string;
  name: string;
  nameEn: string;
}

const BASE = '/api/v1/projects';

export const projectKeys = {
  all: ['projects'] as const,
  programmes: () => [...projectKeys.all, 'programmes'] as const,
  fields: () => [...projectKeys.all, 'fields'] as const,
  calls: () => [...projectKeys.all, 'calls'] as const,
  callList: (params: CallListQuery) => [...projectKeys.calls(), 'list', params] as const,
  call: (id: string) => [...projectKeys.calls(), 'detail', id] as const,
  board: (id: string) => [...projectKeys.calls(), 'board', id] as const,
  ranking: (id: string) => [...projectKeys.calls(), 'ranking', id] as const,
  applications: () => [...projectKeys.all, 'applications'] as const,
  applicationList: (params: ApplicationListQuery) => [...projectKeys.applications(), 'list', params] as const,
  application: (id: string) => [...projectKeys.applications(), 'detail', id] as const,
  eligibility: (id: string) => [...projectKeys.application(id), 'eligibility'] as const,
  scores: (id: string) => [...projectKeys.application(id), 'scores'] as const,
  reviews: () => [...projectKeys.all, 'reviews'] as const,
  reviewList: (params: Partial<ReviewListQuery>) => [...projectKeys.reviews(), 'list', params] as const,
  review: (id: string) => [...projectKeys.reviews(), 'detail', id] as const,
  experts: () => [...projectKeys.all, 'experts'] as const,
  expertList: (params: Partial<ExpertListQuery>) => [...projectKeys.experts(), 'list', params] as const,
  expertAccounts: () => [...projectKeys.experts(), 'accounts'] as const,
  notifications: () => ['notifications'] as const,
  notificationList: (params: object) => [...projectKeys.notifications(), 'list', params] as const,
};

export const projectPaths = {
  callsExport: `${BASE}/calls/export.xlsx`,
  applicationsExport: `${BASE}/applications/export.xlsx`,
  expertsExport: `${BASE}/experts/export.xlsx`,
  reviewsExport: `${BASE}/reviews/export.xlsx`,
  rankingXlsx: (callId: string) => `${BASE}/calls/${callId}/ranking/export.xlsx`,
  rankingDocx: (callId: string) => `${BASE}/calls/${callId}/ranking.docx`,
  publicityDocx: (callId: string) => `${BASE}/calls/${callId}/publicity.docx`,
  attachment: (id: string) => `${BASE}/attachments/${id}`,
  /** The 申报书 (Word) of the latest submission. */
  submissionDocx: (applicationId: string) => `${BASE}/applications/${applicationId}/submission.docx`,
  /** A file of the application under review, through the expert's assignment (inline or download). */
  reviewAttachment: (reviewId: string, attachmentId: string, download = false) =>
    `${BASE}/reviews/${reviewId}/attachments/${attachmentId}${download ? '?download=true' : ''}`,
};

const STALE_MS = 10 * 60_000;

function useInvalidate(...keys: (readonly unknown[])[]) {
  const queryClient = useQueryClient();
  return () => Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

// ── reference ────────────────────────────────────────────────────────────────
export function useProgrammes() {
  return useQuery({
    queryKey: projectKeys.programmes(),
    queryFn: () => api.get<ListResult<Programme>>(`${BASE}/programs`),
    select: (d) => d.items,
    staleTime: STALE_MS,
  });
}

/** The eight high-tech fields (国家重点支持的高新技术领域) applications and experts are filed under. */
export function useHitechFields() {
  return useQuery({
    queryKey: projectKeys.fields(),
    queryFn: () => api.get<ListResult<CodeItem>>('/api/v1/reference/code-lists/hitech-fields'),
    select: (d) => d.items,
    staleTime: STALE_MS,
  });
}

// ── calls ────────────────────────────────────────────────────────────────────
export function useCalls(params: CallListQuery, enabled = true) {
  return useQuery({
    queryKey: projectKeys.callList(params),
    queryFn: () => api.get<ListResult<Call>>(`${BASE}/calls`, params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCall(id: string | undefined) {
  return useQuery({
    queryKey: projectKeys.call(id ?? ''),
    queryFn: () => api.get<Call>(`${BASE}/calls/${id}`),
    enabled: Boolean(id),
  });
}

export function useSaveCall(id?: string) {
  const invalidate = useInvalidate(projectKeys.calls());
  const intent = useIntentKey();
  return useMutation({
    mutationFn: (body: CallBody | CallUpdate) =>
      id
        ? api.patch<Call>(`${BASE}/calls/${id}`, body)
        : api.post<Call>(`${BASE}/calls`, body, { idempotencyKey: intent.keyFor(body) }),
    onSuccess: () => {
      intent.done();
      return invalidate();
    },
  });
}

export function useBoard(callId: string | undefined) {
  return useQuery({
    queryKey: projectKeys.board(callId ?? ''),
    queryFn: () => api.get<Board>(`${BASE}/calls/${callId}/board`),
    enabled: Boolean(callId),
  });
}

export function useRanking(callId: string | undefined) {
  return useQuery({
    queryKey: projectKeys.ranking(callId ?? ''),
    queryFn: () => api.get<ListResult<RankingItem>>(`${BASE}/calls/${callId}/ranking`),
    enabled: Boolean(callId),
  });
}

export function useDraw(callId: string) {
  const invalidate = useInvalidate(projectKeys.all);
  return useMutation({
    mutationFn: () => api.post<DrawResult>(`${BASE}/calls/${callId}/draw`),
    onSuccess: invalidate,
  });
}

// ── applications ─────────────────────────────────────────────────────────────
export function useApplications(params: ApplicationListQuery, enabled = true) {
  return useQuery({
    queryKey: projectKeys.applicationList(params),
    queryFn: () => api.get<ListResult<ApplicationItem>>(`${BASE}/applications`, params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useApplication(id: string, enabled = true) {
  return useQuery({
    queryKey: projectKeys.application(id),
    queryFn: () => api.get<ApplicationDetail>(`${BASE}/applications/${id}`),
    enabled,
  });
}

export function useEligibility(id: string, enabled = true) {
  return useQuery({
    queryKey: projectKeys.eligibility(id),
    queryFn: () => api.get<Eligibility>(`${BASE}/applications/${id}/eligibility`),
    enabled,
  });
}

export function useCreateApplication() {
  const invalidate = useInvalidate(projectKeys.applications());
  const intent = useIntentKey();
  return useMutation({
    mutationFn: (body: ApplicationCreate) =>
      api.post<ApplicationDetail>(`${BASE}/applications`, body, { idempotencyKey: intent.keyFor(body) }),
    onSuccess: () => {
      intent.done();
      return invalidate();
    },
  });
}

/** Autosave: the answer carries the new version, which the next save must quote. */
export function useSaveApplication(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApplicationUpdate) => api.patch<ApplicationDetail>(`${BASE}/applications/${id}`, body),
    onSuccess: (detail) => {
      queryClient.setQueryData(projectKeys.application(id), detail);
      return queryClient.invalidateQueries({ queryKey: projectKeys.eligibility(id) });
    },
  });
}

export function useAct(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: ActionCode; body: ActionBody }) =>
      api.post<ApplicationDetail>(`${BASE}/applications/${id}/actions/${action}`, body),
    onSuccess: (detail) => {
      queryClient.setQueryData(projectKeys.application(id), detail);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: projectKeys.applications() }),
        queryClient.invalidateQueries({ queryKey: projectKeys.calls() }),
      ]);
    },
  });
}

export function useUploadAttachment(id: string) {
  const invalidate = useInvalidate(projectKeys.application(id));
  return useMutation({
    mutationFn: ({ kind, file }: { kind: string; file: File }) => {
      const form = new FormData();
      form.append('kind', kind);
      form.append('file', file);
      return api.post<Attachment>(`${BASE}/applications/${id}/attachments`, form);
    },
    onSuccess: invalidate,
  });
}

export function useDeleteAttachment(applicationId: string) {
  const invalidate = useInvalidate(projectKeys.application(applicationId));
  return useMutation({
    mutationFn: (attachmentId: string) => api.delete(`${BASE}/attachments/${attachmentId}`),
    onSuccess: invalidate,
  });
}

export function useAddPayment(id: string) {
  const invalidate = useInvalidate(projectKeys.application(id), projectKeys.calls());
  return useMutation({
    mutationFn: (body: PaymentBody) => api.post<Payment>(`${BASE}/applications/${id}/payments`, body),
    onSuccess: invalidate,
  });
}

export function usePanel(id: string, enabled = true) {
  return useQuery({
    queryKey: projectKeys.scores(id),
    queryFn: () => api.get<Panel>(`${BASE}/applications/${id}/scores`),
    enabled,
  });
}

/** Replaces an expert on a panel: a substitute drawn by the rules, or the one staff appoint. */
export function useReplaceAssignment(applicationId: string) {
  const invalidate = useInvalidate(projectKeys.scores(applicationId), projectKeys.experts());
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & ReplaceBody) =>
      api.post<ReplaceResult>(`${BASE}/assignments/${id}/replace`, body),
    onSuccess: invalidate,
  });
}

// ── expert review ────────────────────────────────────────────────────────────
export function useReviews(params: Partial<ReviewListQuery>) {
  return useQuery({
    queryKey: projectKeys.reviewList(params),
    queryFn: () => api.get<ListResult<ReviewItem>>(`${BASE}/reviews`, params),
    placeholderData: keepPreviousData,
  });
}

export function useReviewSummary() {
  return useQuery({
    queryKey: [...projectKeys.reviews(), 'summary'] as const,
    queryFn: () => api.get<ReviewSummary>(`${BASE}/reviews/summary`),
  });
}

export function useReview(id: string) {
  return useQuery({
    queryKey: projectKeys.review(id),
    queryFn: () => api.get<ReviewDetail>(`${BASE}/reviews/${id}`),
  });
}

function useReviewMutation<B>(id: string, path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => api.post<ReviewDetail | ReviewItem>(`${BASE}/reviews/${id}/${path}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectKeys.reviews() }),
  });
}

export const useDeclareNoConflict = (id: string) => useReviewMutation<undefined>(id, 'declare-no-conflict');
export const useDeclineReview = (id: string) => useReviewMutation<{ reason: string }>(id, 'decline');
export const useSubmitReview = (id: string) => useReviewMutation<SubmitBody>(id, 'submit');

// ── the expert pool ──────────────────────────────────────────────────────────
export function useExperts(params: Partial<ExpertListQuery>) {
  return useQuery({
    queryKey: projectKeys.expertList(params),
    queryFn: () => api.get<ListResult<Expert>>(`${BASE}/experts`, params),
    placeholderData: keepPreviousData,
  });
}

export function useSaveExpert(id?: string) {
  const invalidate = useInvalidate(projectKeys.experts());
  return useMutation({
    mutationFn: (body: ExpertBody | ExpertUpdate) =>
      id ? api.patch<Expert>(`${BASE}/experts/${id}`, body) : api.post<Expert>(`${BASE}/experts`, body),
    onSuccess: invalidate,
  });
}

/** The expert accounts staff may link an expert to, with the expert each already serves. */
export function useExpertAccounts(enabled = true) {
  return useQuery({
    queryKey: projectKeys.expertAccounts(),
    queryFn: () => api.get<ListResult<ExpertAccount>>(`${BASE}/experts/accounts`),
    select: (d) => d.items,
    enabled,
  });
}

export function useAddConflict(expertId: string) {
  const invalidate = useInvalidate(projectKeys.experts());
  return useMutation({
    mutationFn: (body: ConflictBody) => api.post<Expert>(`${BASE}/experts/${expertId}/conflicts`, body),
    onSuccess: invalidate,
  });
}

export function useRemoveConflict(expertId: string) {
  const invalidate = useInvalidate(projectKeys.experts());
  return useMutation({
    mutationFn: (conflictId: string) =>
      api.delete<Expert>(`${BASE}/experts/${expertId}/conflicts/${conflictId}`),
    onSuccess: invalidate,
  });
}

// ── notifications ────────────────────────────────────────────────────────────
export function useNotifications(params: { page: number; pageSize: number; unread?: boolean }) {
  return useQuery({
    queryKey: projectKeys.notificationList(params),
    queryFn: () => api.get<NotificationList>(`${BASE}/notifications`, params),
    placeholderData: keepPreviousData,
  });
}

export function useMarkRead() {
  const invalidate = useInvalidate(projectKeys.notifications());
  return useMutation({
    mutationFn: (id: string | 'all') =>
      id === 'all'
        ? api.post(`${BASE}/notifications/read-all`)
        : api.post(`${BASE}/notifications/${id}/read`),
    onSuccess: invalidate,
  });
}
