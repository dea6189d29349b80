/** Plan & indicators endpoints (目标指标监测): TanStack Query key factory and hooks, one per endpoint. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { z } from 'zod';
import type { ErrorBody } from '../../../domain/contracts/common';
import type {
  DrillQuery,
  DrillRow,
  ImportRowError,
  IndicatorValue,
  indicatorValuesSchema,
  RankingResult,
  ReportedValue,
  reportedImportResultSchema,
  reportedValueBodySchema,
  Target,
  targetBodySchema,
  ValuesQuery,
} from '../../../domain/contracts/plan';
import type { Indicator } from '../../../domain/indicators';
import { ApiError, api, type ListResult } from '../../app/api-client';
import { acceptLanguage, getCurrentLocale, translate } from '../../app/i18n/locale-store';
import { useDataYears } from '../../app/workbench';

export type IndicatorValues = z.infer<typeof indicatorValuesSchema>;
export type ReportedBody = z.input<typeof reportedValueBodySchema>;
export type TargetBody = z.input<typeof targetBodySchema>;
export type ReportedImportResult = z.infer<typeof reportedImportResultSchema>;
export type {
  DrillQuery,
  DrillRow,
  ImportRowError,
  Indicator,
  IndicatorValue,
  RankingResult,
  ReportedValue,
  Target,
  ValuesQuery,
};

export interface ReportedQuery {
  indicatorCode?: string;
  year?: number;
  regionCode?: string;
  includeHistory?: boolean;
  page?: number;
  pageSize?: number;
}

export type RankingScheme = 'county' | 'park';

const BASE = '/api/v1/plan';

export const planKeys = {
  all: ['plan'] as const,
  catalogue: () => [...planKeys.all, 'catalogue'] as const,
  years: () => [...planKeys.all, 'years'] as const,
  values: (q: ValuesQuery) => [...planKeys.all, 'values', q] as const,
  trend: (code: string, years: number[], region?: string) =>
    [...planKeys.all, 'trend', code, years, region ?? null] as const,
  drill: (code: string, q: DrillQuery, page: number, pageSize: number) =>
    [...planKeys.all, 'drill', code, q, page, pageSize] as const,
  targets: (year: number, regionCode?: string) =>
    [...planKeys.all, 'targets', year, regionCode ?? null] as const,
  reported: (q: ReportedQuery) => [...planKeys.all, 'reported', q] as const,
  ranking: (scheme: RankingScheme, year: number) => [...planKeys.all, 'ranking', scheme, year] as const,
};

/** Downloads: each takes the same query as the list it exports. */
export const planPaths = {
  valuesExport: `${BASE}/indicator-values/export.xlsx`,
  drillExport: (code: string) => `${BASE}/indicators/${code}/records/export.xlsx`,
  targetsExport: `${BASE}/targets/export.xlsx`,
  reportedExport: `${BASE}/reported-values/export.xlsx`,
  reportedTemplate: `${BASE}/reported-values/template.xlsx`,
  rankingsExport: `${BASE}/rankings/export.xlsx`,
  summaryDocx: `${BASE}/reports/annual-summary.docx`,
};

/** The catalogue is configuration: one fetch per session is plenty. */
const CATALOGUE_STALE_MS = 10 * 60_000;

export function useCatalogue() {
  return useQuery({
    queryKey: planKeys.catalogue(),
    queryFn: () => api.get<ListResult<Indicator>>(`${BASE}/indicators`),
    select: (data) => data.items,
    staleTime: CATALOGUE_STALE_MS,
  });
}

/** The catalogue by code, for units, decimals and kinds next to a value. */
export function useIndicatorMap(): Map<string, Indicator> {
  const items = useCatalogue().data;
  return useMemo(() => new Map((items ?? []).map((i) => [i.code, i])), [items]);
}

/**
 * The years a plan page offers, newest first: every year from the oldest to the newest the
 * platform holds data for (`/workbench/data-years`, the one rule every page's default year
 * follows: the newest year with data).
 */
export function useYearsHeld() {
  const held = useDataYears();
  const data = useMemo(() => {
    if (!held.data) return undefined;
    const { years } = held.data;
    if (years.length === 0) return [];
    const newest = years[0];
    const oldest = years[years.length - 1];
    return Array.from({ length: newest - oldest + 1 }, (_, i) => newest - i);
  }, [held.data]);
  return {
    data,
    isError: held.isError,
    isLoading: held.isLoading,
    isPending: held.isPending,
    error: held.error,
  };
}

export function useIndicatorValues(q: ValuesQuery, enabled = true) {
  return useQuery({
    queryKey: planKeys.values(q),
    queryFn: () => api.get<IndicatorValues>(`${BASE}/indicator-values`, { ...q }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** One indicator over several years: one small request per year (`codes=`), in parallel. */
export function useTrend(code: string | undefined, years: number[], region?: string) {
  return useQuery({
    queryKey: planKeys.trend(code ?? '', years, region),
    queryFn: async () => {
      const answers = await Promise.all(
        years.map((year) =>
          api.get<IndicatorValues>(`${BASE}/indicator-values`, { year, region, codes: code }),
        ),
      );
      return answers.map((a) => ({ year: a.year, row: a.items[0] as IndicatorValue | undefined }));
    },
    enabled: Boolean(code) && years.length > 0,
    placeholderData: keepPreviousData,
  });
}

export function useDrill(code: string, q: DrillQuery, page: number, pageSize: number) {
  return useQuery({
    queryKey: planKeys.drill(code, q, page, pageSize),
    queryFn: () =>
      api.get<ListResult<DrillRow>>(`${BASE}/indicators/${code}/records`, { ...q, page, pageSize }),
    placeholderData: keepPreviousData,
  });
}

// ── targets ──────────────────────────────────────────────────────────────────
/** The year's targets in the user's scope, or one region's only. */
export function useTargets(year: number | undefined, regionCode?: string) {
  return useQuery({
    queryKey: planKeys.targets(year ?? 0, regionCode),
    queryFn: () => api.get<ListResult<Target>>(`${BASE}/targets`, { year, regionCode }),
    enabled: year !== undefined,
    select: (data) => data.items,
    placeholderData: keepPreviousData,
  });
}

/** A target or a reported value moves progress, warnings and rankings: everything of the plan. */
function useInvalidatePlan() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: planKeys.all });
}

export function usePutTarget() {
  const invalidate = useInvalidatePlan();
  return useMutation({
    mutationFn: (body: TargetBody) => api.put<Target>(`${BASE}/targets`, body),
    onSuccess: invalidate,
  });
}

export function useDeleteTarget() {
  const invalidate = useInvalidatePlan();
  return useMutation({
    mutationFn: (id: string) => api.delete<{ ok: true }>(`${BASE}/targets/${id}`),
    onSuccess: invalidate,
  });
}

export function useSplitTarget() {
  const invalidate = useInvalidatePlan();
  return useMutation({
    mutationFn: (body: { year: number; indicatorCode: string }) =>
      api.post<ListResult<Target>>(`${BASE}/targets/split`, body),
    onSuccess: invalidate,
  });
}

// ── reported values ──────────────────────────────────────────────────────────
export function useReported(q: ReportedQuery, enabled = true) {
  return useQuery({
    queryKey: planKeys.reported(q),
    queryFn: () => api.get<ListResult<ReportedValue>>(`${BASE}/reported-values`, { ...q }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useSaveReported() {
  const invalidate = useInvalidatePlan();
  return useMutation({
    mutationFn: (body: ReportedBody) => api.post<ReportedValue>(`${BASE}/reported-values`, body),
    onSuccess: invalidate,
  });
}

/** A refused import: the server's message and every problem found, by row and column. */
export class ReportedImportError extends ApiError {
  readonly rowErrors: ImportRowError[];
  constructor(init: ConstructorParameters<typeof ApiError>[0], rowErrors: ImportRowError[]) {
    super(init);
    this.rowErrors = rowErrors;
  }
}

/**
 * The workbook goes as the raw request body (the route reads .xlsx bodies; multipart is not
 * registered for /plan). The API client sends JSON or FormData only, hence this one fetch; a
 * refusal's row errors come back beside the usual error body.
 */
async function postWorkbook(file: File): Promise<ReportedImportResult> {
  const locale = getCurrentLocale();
  let res: Response;
  try {
    res = await fetch(`${BASE}/reported-values/import`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        'Accept-Language': acceptLanguage(),
        'X-Requested-With': 'kechuang',
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
      body: file,
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network_error', message: translate(locale, 'error.network') });
  }
  const body = (await res.json().catch(() => null)) as
    | (Partial<ErrorBody> & { errors?: ImportRowError[] })
    | ReportedImportResult
    | null;
  if (res.ok && body && 'imported' in body) return body;
  const error = body && 'error' in body ? body.error : undefined;
  const rows = body && 'errors' in body && Array.isArray(body.errors) ? body.errors : [];
  throw new ReportedImportError(
    {
      status: res.status,
      code: error?.code ?? `http_${res.status}`,
      message: error?.message ?? translate(locale, 'error.http', { status: res.status }),
      messages: error?.messages,
      field: error?.field,
      requestId: error?.requestId,
    },
    rows,
  );
}

export function useImportReported() {
  const invalidate = useInvalidatePlan();
  return useMutation({ mutationFn: postWorkbook, onSuccess: invalidate });
}

// ── rankings ─────────────────────────────────────────────────────────────────
export function useRanking(scheme: RankingScheme, year: number, enabled = true) {
  return useQuery({
    queryKey: planKeys.ranking(scheme, year),
    queryFn: () => api.get<RankingResult>(`${BASE}/rankings`, { scheme, year }),
    placeholderData: keepPreviousData,
    enabled,
  });
}
