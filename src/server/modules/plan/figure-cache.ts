import { inParallel, type Tx } from '../../db/client';
import { deleteFigureChangesOlderThanADay, snapshotChanges } from './figures-repo';

/**
 * Computed figures kept between requests, refreshed when the records they count change.
 *
 * A figure is computed under a database snapshot S taken just before its queries run. Every
 * statement that writes a counted table leaves a row in `figure_changes` with its transaction id
 * (drizzle/0006); a kept figure is still right exactly when no such row of its tables belongs to a
 * transaction not visible in S, i.e. committed after S was taken. So a certificate entered at 10:00
 * counts in the next answer, whichever server process gives it, and nothing is recomputed while
 * nothing changed. Rows older than a day are pruned; kept figures expire well before that.
 */

export interface KeptFigures<T> {
  key: string;
  /** The tables the figure counts from (their `figure_changes.source` names). */
  tables: readonly string[];
  compute: () => Promise<T>;
}

interface Entry {
  snapshot: string;
  tables: readonly string[];
  value: unknown;
  keptAt: number;
}

const MAX_AGE_MS = 6 * 3600_000;
const MAX_ENTRIES = 400;

/** Kept figures per database handle, so tests and benchmarks on other databases never mix. */
const byDatabase = new WeakMap<object, Map<string, Entry>>();

/** How often a figure was served kept or computed afresh: for tests and diagnostics. */
export const figureCacheStats = { kept: 0, computed: 0 };

/**
 * The values of `wanted`, kept ones where still right, the others computed now. Inside a
 * transaction (which may have written rows others cannot see yet) everything is computed and
 * nothing kept.
 */
export async function keptOrComputed<T>(tx: Tx, wanted: KeptFigures<T>[]): Promise<T[]> {
  if ('rollback' in tx) {
    figureCacheStats.computed += wanted.length;
    return inParallel(
      tx,
      wanted.map((w) => w.compute),
    );
  }
  let cache = byDatabase.get(tx);
  if (!cache) {
    cache = new Map();
    byDatabase.set(tx, cache);
  }
  const now = Date.now();
  const candidates = wanted.map((w) => {
    const e = cache.get(w.key);
    return e && now - e.keptAt < MAX_AGE_MS ? e : undefined;
  });
  const snapshots = [...new Set(candidates.filter((e) => e).map((e) => e!.snapshot))];
  const state = await snapshotChanges(tx, snapshots);
  const changedSince = state.changedSince;
  return inParallel(
    tx,
    wanted.map((w, i) => async () => {
      const e = candidates[i];
      if (e && !w.tables.some((t) => changedSince[e.snapshot]?.includes(t))) {
        figureCacheStats.kept++;
        cache.delete(w.key);
        cache.set(w.key, e); // most recently used last
        return e.value as T;
      }
      figureCacheStats.computed++;
      const value = await w.compute();
      cache.set(w.key, { snapshot: state.now, tables: w.tables, value, keptAt: now });
      while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
      return value;
    }),
  );
}

/** Drops change rows no kept figure can still need (they expire after hours; rows go after a day). */
export async function pruneFigureChanges(tx: Tx): Promise<void> {
  await deleteFigureChangesOlderThanADay(tx);
}
