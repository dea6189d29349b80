/** 农业科技 and 科技特派员: query keys and hooks, one per endpoint. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AgriUnitGroup } from '../../../domain/agri';
import type {
  AppraisalBody,
  AppraisalItem,
  CommissionerBody,
  CommissionerItem,
  ConfirmLog,
  DispatchBody,
  DispatchItem,
  RejectLog,
  ServiceLogBody,
  ServiceLogDetail,
  ServiceLogItem,
  TrainingBody,
  TrainingItem,
  UnitBody,
  UnitItem,
} from '../../../domain/contracts/agri';
import { api, type ListResult, type QueryParams } from '../../app/api-client';

export type {
  AppraisalItem,
  CommissionerItem,
  DispatchItem,
  ServiceLogDetail,
  ServiceLogItem,
  TrainingItem,
  UnitItem,
};

export const AGRI = '/api/v1/agri';

const keys = {
  all: ['agri'] as const,
  list: (path: string, params: object) => ['agri', path, params] as const,
  log: (id: string) => ['agri', 'log', id] as const,
};

function useList<T>(path: string, params: QueryParams, enabled = true) {
  return useQuery({
    queryKey: keys.list(path, params),
    queryFn: () => api.get<ListResult<T>>(`${AGRI}${path}`, params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export const useUnits = (group: AgriUnitGroup, params: QueryParams) => useList<UnitItem>(`/${group}`, params);
export const useTrainings = (params: QueryParams) => useList<TrainingItem>('/trainings', params);
export const useCommissioners = (params: QueryParams, enabled = true) =>
  useList<CommissionerItem>('/commissioners', params, enabled);
export const useDispatches = (params: QueryParams) => useList<DispatchItem>('/dispatches', params);
export const useServiceLogs = (params: QueryParams) => useList<ServiceLogItem>('/service-logs', params);
export const useAppraisals = (params: QueryParams) => useList<AppraisalItem>('/appraisals', params);

export function useServiceLog(id: string) {
  return useQuery({
    queryKey: keys.log(id),
    queryFn: () => api.get<ServiceLogDetail>(`${AGRI}/service-logs/${id}`),
  });
}

function useWrite<B, R>(fn: (body: B) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export const useCreateUnit = (group: AgriUnitGroup) =>
  useWrite((body: UnitBody) => api.post<UnitItem>(`${AGRI}/${group}`, body));
export const useCreateTraining = () =>
  useWrite((body: TrainingBody) => api.post<TrainingItem>(`${AGRI}/trainings`, body));
export const useCreateCommissioner = () =>
  useWrite((body: CommissionerBody) => api.post<CommissionerItem>(`${AGRI}/commissioners`, body));
export const useCreateDispatch = () =>
  useWrite((body: DispatchBody) => api.post<DispatchItem>(`${AGRI}/dispatches`, body));
export const useGrade = () =>
  useWrite(({ id, year, body }: { id: string; year: number; body: AppraisalBody }) =>
    api.put<{ ok: true }>(`${AGRI}/appraisals/${id}/${year}`, body),
  );
export const useCreateLog = () =>
  useWrite((body: ServiceLogBody) => api.post<ServiceLogDetail>(`${AGRI}/service-logs`, body));
export const useAddPhoto = () =>
  useWrite(({ id, file }: { id: string; file: File }) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.post<ServiceLogDetail>(`${AGRI}/service-logs/${id}/photos`, form);
  });
export const useConfirmLog = () =>
  useWrite(({ id, body }: { id: string; body: ConfirmLog }) =>
    api.post<ServiceLogDetail>(`${AGRI}/service-logs/${id}/actions/confirm`, body),
  );
export const useRejectLog = () =>
  useWrite(({ id, body }: { id: string; body: RejectLog }) =>
    api.post<ServiceLogDetail>(`${AGRI}/service-logs/${id}/actions/reject`, body),
  );

/** An instant as China reads it: 2016-03-10 09:00. */
export function chinaTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3_600_000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}
