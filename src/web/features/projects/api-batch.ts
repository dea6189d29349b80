/** Batch work on applications: one action on several records, and the county's 推荐函. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BatchActionBody, BatchResult } from '../../../domain/contracts/projects-batch';
import type { BatchAction } from '../../../domain/projects';
import { api, downloadFile } from '../../app/api-client';
import { projectKeys } from './api';

const BASE = '/api/v1/projects';

export type { BatchResult };

/** One action on several applications: all or nothing, with a result per record. */
export function useBatchAct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: BatchAction; body: BatchActionBody }) =>
      api.post<BatchResult>(`${BASE}/applications/batch/${action}`, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: projectKeys.applications() }),
        queryClient.invalidateQueries({ queryKey: projectKeys.calls() }),
      ]),
  });
}

/** The stamped 推荐函, uploaded before the batch that files it. */
export function useUploadLetter() {
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.post<{ id: string; fileName: string }>(`${BASE}/applications/recommendation-letters`, form);
    },
  });
}

/** Downloads the drafted 推荐函 (Word) listing these applications in this order, for stamping. */
export async function downloadLetterDraft(ids: string[]): Promise<void> {
  const res = await fetch(`${BASE}/applications/recommendation-letter.docx`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'kechuang' },
    body: JSON.stringify({ ids }),
  });
  if (!res.ok)
    throw new Error(((await res.json().catch(() => null))?.error?.message as string) ?? res.statusText);
  const name = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1];
  const url = URL.createObjectURL(await res.blob());
  downloadFile(url, name ? decodeURIComponent(name) : 'letter.docx');
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const letterPath = (id: string) => `${BASE}/applications/recommendation-letters/${id}`;
