import type { TablePaginationConfig } from 'antd';
import type { SorterResult, SortOrder } from 'antd/es/table/interface';
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useT } from '../i18n';

interface ListState<F> {
  page: number;
  pageSize: number;
  /** `field` ascending or `-field` descending, as the list endpoints take it. */
  sort?: string;
  filters: F;
}

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

/**
 * Server-side paging, sorting and filters for an antd Table. `params` goes to the list query;
 * `exportQuery` (the same filters and sort, no paging) goes to `…/export.xlsx`.
 */
export function useListState<F extends object>(initialFilters: F, initialSort?: string) {
  const [state, setState] = useState<ListState<F>>({
    page: 1,
    pageSize: 20,
    sort: initialSort,
    filters: initialFilters,
  });

  const applyFilters = useCallback((filters: F) => setState((s) => ({ ...s, filters, page: 1 })), []);

  const onTableChange = useCallback(
    <T>(
      pagination: TablePaginationConfig,
      _filters: unknown,
      sorter: SorterResult<T> | SorterResult<T>[],
    ) => {
      setState((s) => {
        const sort = sortParam(sorter) ?? initialSort;
        const pageSize = pagination.pageSize ?? s.pageSize;
        const resetPage = sort !== s.sort || pageSize !== s.pageSize;
        return { ...s, sort, pageSize, page: resetPage ? 1 : (pagination.current ?? 1) };
      });
    },
    [initialSort],
  );

  const params = useMemo(
    () => ({ ...state.filters, page: state.page, pageSize: state.pageSize, sort: state.sort }),
    [state],
  );
  const exportQuery = useMemo(() => ({ ...state.filters, sort: state.sort }), [state.filters, state.sort]);

  const { pagination, sortOrderOf } = useTableHelpers(state);

  return { params, exportQuery, applyFilters, onTableChange, pagination, sortOrderOf };
}

const PAGING_KEYS = ['page', 'pageSize', 'sort'];

/**
 * The same list state kept in the address (`?q=…&status=…&page=2&sort=-name`), so going back to
 * a list, reloading it or sharing its link keeps its filters, page and order. Filter values are
 * strings in the address; the list endpoints coerce them.
 */
export function useUrlListState<F extends object>(initialSort?: string) {
  const [search, setSearch] = useSearchParams();
  const state = useMemo(() => {
    const filters: Record<string, string> = {};
    for (const [key, value] of search) if (!PAGING_KEYS.includes(key) && value) filters[key] = value;
    return {
      page: Math.max(1, Number(search.get('page')) || 1),
      pageSize: Number(search.get('pageSize')) || 20,
      sort: search.get('sort') ?? initialSort,
      filters: filters as F,
    };
  }, [search, initialSort]);

  const write = useCallback(
    (next: { page: number; pageSize: number; sort?: string; filters: F }) => {
      const out = new URLSearchParams();
      for (const [key, value] of Object.entries(next.filters)) {
        if (value !== undefined && value !== null && value !== '') out.set(key, String(value));
      }
      if (next.page > 1) out.set('page', String(next.page));
      if (next.pageSize !== 20) out.set('pageSize', String(next.pageSize));
      if (next.sort && next.sort !== initialSort) out.set('sort', next.sort);
      setSearch(out);
    },
    [setSearch, initialSort],
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

  const params = useMemo(
    () => ({ ...state.filters, page: state.page, pageSize: state.pageSize, sort: state.sort }),
    [state],
  );
  const exportQuery = useMemo(() => ({ ...state.filters, sort: state.sort }), [state.filters, state.sort]);

  const { pagination, sortOrderOf } = useTableHelpers(state);

  return {
    filters: state.filters,
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
