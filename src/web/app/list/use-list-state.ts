import type { TablePaginationConfig } from 'antd';
import type { SorterResult, SortOrder } from 'antd/es/table/interface';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useT } from '../i18n';

function sortParam<T>(sorter: SorterResult<T> | SorterResult<T>[]): string | undefined {
  const one = Array.isArray(sorter) ? sorter[0] : sorter;
  if (!one?.order) return undefined;
  const field = one.columnKey ?? one.field;
  if (typeof field !== 'string') return undefined;
  return one.order === 'descend' ? `-${field}` : field;
}

/**
 * The table's paging (a capped total, from a broad keyword, reads "more than"; an estimated one,
 * of a very long list, "about") and sort marks.
 */
function useTableHelpers(state: { page: number; pageSize: number; sort?: string }) {
  const t = useT();
  const pagination = useCallback(
    (total: number | undefined, totalCapped?: boolean, totalIsEstimate?: boolean): TablePaginationConfig => ({
      current: state.page,
      pageSize: state.pageSize,
      total: total ?? 0,
      showSizeChanger: true,
      pageSizeOptions: [10, 20, 50, 100],
      showTotal: (n) =>
        totalCapped
          ? t('list.totalCapped', { total: n.toLocaleString() })
          : totalIsEstimate
            ? t('list.totalEstimate', { total: n.toLocaleString() })
            : t('list.total', { total: n }),
    }),
    [state.page, state.pageSize, t],
  );
  const sortOrderOf = useCallback(
    (field: string): SortOrder =>
      state.sort === field ? 'ascend' : state.sort === `-${field}` ? 'descend' : null,
    [state.sort],
  );
  return { pagination, sortOrderOf };
}

const PAGING_KEYS = ['page', 'pageSize', 'sort'];

export interface UrlListOptions<F> {
  /** Filters in force when the address names none (a year, a window); left out of the address. */
  defaults?: Partial<F>;
  /** Filters the page sets itself (the call a board is for); never in the address as filters. */
  fixed?: Partial<F>;
  /** Address keys that belong to the page around the list (its tab, its call), kept as they are. */
  reserved?: readonly string[];
}

/**
 * The same list state kept in the address (`?q=…&status=…&page=2&sort=-name`), so going back to
 * a list, reloading it or sharing its link keeps its filters, page and order. Filter values are
 * strings in the address; the list endpoints coerce them.
 */
export function useUrlListState<F extends object>(initialSort?: string, options: UrlListOptions<F> = {}) {
  const [search, setSearch] = useSearchParams();
  const { defaults, fixed, reserved } = options;
  const defaultsKey = JSON.stringify(defaults ?? {});
  const reservedKey = reserved?.join() ?? '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: the options are read through their text
  const state = useMemo(() => {
    const filters: Record<string, unknown> = { ...defaults };
    let filtered = false;
    for (const [key, value] of search) {
      if (PAGING_KEYS.includes(key) || reserved?.includes(key) || !value) continue;
      filters[key] = value;
      filtered ||= String((defaults as Record<string, unknown> | undefined)?.[key] ?? '') !== value;
    }
    return {
      page: Math.max(1, Number(search.get('page')) || 1),
      pageSize: Number(search.get('pageSize')) || 20,
      sort: search.get('sort') ?? initialSort,
      filters: filters as F,
      filtered,
    };
  }, [search, initialSort, defaultsKey, reservedKey]);

  const write = useCallback(
    (next: { page: number; pageSize: number; sort?: string; filters: F }) => {
      const out = new URLSearchParams();
      for (const key of reserved ?? []) {
        const kept = search.get(key);
        if (kept) out.set(key, kept);
      }
      for (const [key, value] of Object.entries(next.filters)) {
        if (value === undefined || value === null || value === '') continue;
        if (fixed && key in fixed) continue;
        if (String((defaults as Record<string, unknown> | undefined)?.[key] ?? '') === String(value))
          continue;
        out.set(key, String(value));
      }
      if (next.page > 1) out.set('page', String(next.page));
      if (next.pageSize !== 20) out.set('pageSize', String(next.pageSize));
      if (next.sort && next.sort !== initialSort) out.set('sort', next.sort);
      setSearch(out);
    },
    [setSearch, search, initialSort, defaults, fixed, reserved],
  );

  const applyFilters = useCallback((filters: F) => write({ ...state, filters, page: 1 }), [state, write]);

  const onTableChange = useCallback(
    <T>(pagination: TablePaginationConfig, _f: unknown, sorter: SorterResult<T> | SorterResult<T>[]) => {
      const sort = sortParam(sorter) ?? initialSort;
      const pageSize = pagination.pageSize ?? state.pageSize;
      const resetPage = sort !== state.sort || pageSize !== state.pageSize;
      write({ ...state, sort, pageSize, page: resetPage ? 1 : (pagination.current ?? 1) });
    },
    [state, write, initialSort],
  );

  const fixedKey = JSON.stringify(fixed ?? {});
  // biome-ignore lint/correctness/useExhaustiveDependencies: fixed is read through its text
  const params = useMemo(
    () => ({ ...state.filters, ...fixed, page: state.page, pageSize: state.pageSize, sort: state.sort }),
    [state, fixedKey],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: fixed is read through its text
  const exportQuery = useMemo(
    () => ({ ...state.filters, ...fixed, sort: state.sort }),
    [state.filters, state.sort, fixedKey],
  );

  const { pagination, sortOrderOf } = useTableHelpers(state);

  return {
    filters: state.filters,
    /** Whether the user narrowed the list (a filter other than its default is set). */
    filtered: state.filtered,
    page: state.page,
    pageSize: state.pageSize,
    params,
    exportQuery,
    applyFilters,
    onTableChange,
    pagination,
    sortOrderOf,
  };
}
export type UrlListState<F extends object> = ReturnType<typeof useUrlListState<F>>;
