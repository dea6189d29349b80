import type { Tx } from '../db/client';
import type { regions } from '../db/schema';
import { listRegionRows } from './regions-repo';

export type RegionRow = typeof regions.$inferSelect;

/** The configured region tree, held in memory: it changes with configuration, not with use. */
export class RegionTree {
  private readonly byCode: Map<string, RegionRow>;
  private readonly children = new Map<string, RegionRow[]>();

  constructor(readonly rows: RegionRow[]) {
    this.byCode = new Map(rows.map((r) => [r.code, r]));
    for (const r of rows) {
      if (!r.parentCode) continue;
      const list = this.children.get(r.parentCode) ?? [];
      list.push(r);
      this.children.set(r.parentCode, list);
    }
  }

  static async load(tx: Tx): Promise<RegionTree> {
    return new RegionTree(await listRegionRows(tx));
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
