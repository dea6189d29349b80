/**
 * Registry Excel imports: upload, background validation, commit. The job lives on the server and
 * its id in the page's URL, so a reload (or a colleague's link) picks the job up where it stands.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
// The import contract is pure zod kept beside its routes until it moves to src/domain/contracts.
import type {
  IMPORT_KIND_CODES,
  ImportJob,
  importAcceptedSchema,
  importCommitBodySchema,
} from '../../../domain/contracts/registry-import';
import { api, type ListResult } from '../../app/api-client';
import { registryKeys } from './api';

export type ImportKind = (typeof IMPORT_KIND_CODES)[number];
export type ImportAccepted = z.infer<typeof importAcceptedSchema>;
export type ImportCommitBody = z.infer<typeof importCommitBodySchema>;
export type { ImportJob };

/** The kinds in the order a registry is usually filled: organisations before what hangs on them. */
export const IMPORT_KINDS: readonly ImportKind[] = [
  'organizations',
  'annual-stats',
  'qualifications',
  'platforms',
  'carriers',
];

/** The server refuses larger files (MAX_FILE_BYTES); saying so before the upload saves the wait. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const BASE = '/api/v1/registry/imports';

export const importKeys = {
  all: [...registryKeys.all, 'imports'] as const,
  list: () => [...importKeys.all, 'list'] as const,
  job: (id: string) => [...importKeys.all, 'job', id] as const,
};

/** The key of the toast that says a file is being checked (closed when the check ends). */
export const importToastKey = (jobId: string) => `import-check-${jobId}`;

export const importPaths = {
  template: (kind: ImportKind) => `${BASE}/templates/${kind}.xlsx`,
  errors: (id: string) => `${BASE}/${id}/errors.xlsx`,
};

/** While the server works on a job, the page asks every second how far it has got. */
export function isWorking(job: ImportJob | undefined): boolean {
  return job?.status === 'validating' || job?.status === 'committing';
}

export function useImportJobs() {
  return useQuery({
    queryKey: importKeys.list(),
    queryFn: () => api.get<ListResult<ImportJob>>(BASE),
    select: (data) => data.items,
    staleTime: 0,
  });
}

export function useImportJob(id: string) {
  return useQuery({
    queryKey: importKeys.job(id),
    queryFn: () => api.get<ImportJob>(`${BASE}/${id}`),
    refetchInterval: (query) => (isWorking(query.state.data) ? 1000 : false),
    staleTime: 0,
  });
}

export function useStartImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, file }: { kind: ImportKind; file: File }) => {
      const form = new FormData();
      // The kind first: the server reads the fields in order and needs it before the file.
      form.append('kind', kind);
      form.append('file', file, file.name);
      return api.post<ImportAccepted>(BASE, form);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: importKeys.list() }),
  });
}

export function useCommitImport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ImportCommitBody) => api.post<ImportAccepted>(`${BASE}/${id}/commit`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: importKeys.all }),
  });
}
