import { useCallback, useMemo, useState } from 'react';

/**
 * The rows a user has ticked on a `ListPage` for batch work, kept in the order they were ticked
 * (a batch that has an order — 推荐 — starts from it) and across pages until cleared.
 */
export interface RowSelection<T extends { id: string }> {
  keys: string[];
  rows: T[];
  onChange: (keys: React.Key[], rows: (T | undefined)[]) => void;
  clear: () => void;
  /** Rows that cannot take part (no batch action open to them) show a disabled box. */
  selectable?: (row: T) => boolean;
}

/** Keeps ticked rows in the order first ticked; a row no longer ticked leaves, a new one joins last. */
export function mergeSelection<T extends { id: string }>(
  previous: readonly T[],
  keys: readonly React.Key[],
  rows: readonly (T | undefined)[],
): T[] {
  const wanted = new Set(keys.map(String));
  const kept = previous.filter((r) => wanted.has(r.id));
  const have = new Set(kept.map((r) => r.id));
  for (const row of rows) {
    if (row && wanted.has(row.id) && !have.has(row.id)) {
      kept.push(row);
      have.add(row.id);
    }
  }
  return kept;
}

export function useRowSelection<T extends { id: string }>(selectable?: (row: T) => boolean): RowSelection<T> {
  const [rows, setRows] = useState<T[]>([]);
  const onChange = useCallback(
    (keys: React.Key[], picked: (T | undefined)[]) => setRows((prev) => mergeSelection(prev, keys, picked)),
    [],
  );
  const clear = useCallback(() => setRows([]), []);
  return useMemo(
    () => ({ keys: rows.map((r) => r.id), rows, onChange, clear, selectable }),
    [rows, onChange, clear, selectable],
  );
}
