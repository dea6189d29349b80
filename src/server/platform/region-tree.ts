import type { Tx } from '../db/client';
import type { regions } from '../db/schema';
import { listRegionRows } from './regions-repo';

export type RegionRow = typeof regions.$inferSelect;

/**
 * The configured region tree of one city, held in memory: it changes with configuration, not
 * with use. A database holds one city; should it hold more (a test's own city, see
 * test/factories.ts `freshCity`), each app is of one of them and sees only that city's regions.
 */
export class RegionTree {
  private readonly byCode: Map<string, RegionRow>;
  private readonly children = new Map<string, RegionRow[]>();

  /**
   * `complete`: the tree holds every region of the database, so the city's records are all the
   * records and a city-wide filter is no filter (see platform/scope-sql.ts `regionCodesUnder`).
   */
  constructor(
    readonly rows: RegionRow[],
    readonly complete = true,
  ) {
    this.byCode = new Map(rows.map((r) => [r.code, r]));
    for (const r of rows) {
      if (!r.parentCode) continue;
      const list = this.children.get(r.parentCode) ?? [];
      list.push(r);
      this.children.set(r.parentCode, list);
    }
  }

  /** The tree of `city` (by default the first city in display order: the bureau's own). */
  static async load(tx: Tx, city?: string): Promise<RegionTree> {
    const all = new RegionTree(await listRegionRows(tx));
    const root = city ?? all.rows.find((r) => r.level === 'city')?.code;
    if (root === undefined) return all;
    if (all.get(root)?.level !== 'city') throw new Error(`region ${root} is not a city`);
    const under = new Set(all.selfAndDescendants(root));
    if (under.size === all.rows.length) return all;
    return new RegionTree(
      all.rows.filter((r) => under.has(r.code)),
      false,
    );
  }

  get(code: string): RegionRow | undefined {
    return this.byCode.get(code);
  }

  childrenOf(code: string): RegionRow[] {
    return this.children.get(code) ?? [];
  }

  /** A region and everything below it: a county and its functional zones. */
  selfAndDescendants(code: string): string[] {
    const out: string[] = [];
    const walk = (c: string) => {
      out.push(c);
      for (const child of this.children.get(c) ?? []) walk(child.code);
    };
    if (this.byCode.has(code)) walk(code);
    return out;
  }

  /** Looks a region up by its code or its Chinese or English name (as Excel imports give it). */
  find(codeOrName: string): RegionRow | undefined {
    const key = codeOrName.trim();
    return (
      this.byCode.get(key) ??
      this.rows.find((r) => r.name === key || r.nameEn.toLowerCase() === key.toLowerCase())
    );
  }
}
