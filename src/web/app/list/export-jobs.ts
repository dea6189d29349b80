/**
 * Background exports (server: platform/jobs.ts). A list whose export runs as a job is started
 * with `POST <list>/export-jobs`, polled at /api/v1/jobs/{id} and downloaded from …/file.
 */
import { useQuery } from '@tanstack/react-query';
import type { ExportJob } from '../../../domain/contracts/jobs';
import { api, type QueryParams, withQuery } from '../api-client';

const JOBS = '/api/v1/jobs';

/** The lists (API paths) whose exports run as jobs; read once a session. */
export function useExportKinds() {
  return useQuery({
    queryKey: ['export-jobs', 'kinds'] as const,
    queryFn: () => api.get<{ kinds: string[] }>(`${JOBS}/export-kinds`),
    select: (data) => new Set(data.kinds),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The list behind an export path: `/api/v1/x/things/export.xlsx` → `/api/v1/x/things`. */
export function listOfExport(path: string): string | null {
  return path.endsWith('/export.xlsx') ? path.slice(0, -'/export.xlsx'.length) : null;
}

export function startExportJob(list: string, query?: QueryParams) {
  return api.post<{ id: string; status: ExportJob['status'] }>(withQuery(`${list}/export-jobs`, query));
}

export const exportJob = (id: string) => api.get<ExportJob>(`${JOBS}/${id}`);
export const exportJobFile = (id: string) => `${JOBS}/${id}/file`;

/** The user's latest exports (我的导出), refreshed while one is running. */
export function useMyExportJobs(open: boolean) {
  return useQuery({
    queryKey: ['export-jobs', 'mine'] as const,
    queryFn: () => api.get<{ items: ExportJob[]; total: number }>(JOBS),
    enabled: open,
    refetchInterval: (q) =>
      q.state.data?.items.some((j) => j.status === 'queued' || j.status === 'running') ? 2_000 : false,
  });
}
