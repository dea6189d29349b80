/**
 * Drawing review experts (专家抽取), pure and deterministic for a seed. Avoidance (回避): never an
 * application of (a) the expert's own organisation, (b) one they declared an interest in or
 * collaborated with, (c) a former employer within three years of leaving. Experts of the
 * application's field first; others only when the field runs short, flagged. Least-loaded first
 * (seeded tie-break), then chains of hand-overs even out what greedy picking leaves uneven.
 * Speed: lazily-updated min-heaps of (load, rank), one per field and one over everyone; 2,000
 * applications × 5 from 5,000 experts take well under a second.
 */

export type ConflictReason = 'declared' | 'employment' | 'collaboration';
/** `endedOn`: end of an employment (ISO date), null while it lasts; ignored for other reasons. */
export type DrawConflict = { orgId: string; reason: ConflictReason; endedOn: string | null };

export interface DrawExpert {
  id: string;
  orgId: string | null;
  fields: readonly string[];
  conflicts: readonly DrawConflict[];
  /** Reviews already in hand, counted for the balance. */
  load?: number;
}

export interface DrawApplication {
  id: string;
  orgId: string;
  field: string | null;
  /** Experts still wanted (default: perApplication). */
  need?: number;
  /** Experts who are or were on it: never drawn for it (again). */
  exclude?: readonly string[];
}

/** `today`: the ISO date the three-year employment window counts back from. */
export interface DrawInput {
  applications: readonly DrawApplication[];
  experts: readonly DrawExpert[];
  perApplication: number;
  today: string;
  seed: string | number;
}

/** outOfField: the expert is not of the application's field (drawn because the field ran short). */
export type DrawnAssignment = { applicationId: string; expertId: string; outOfField: boolean };

/**
 * reason — pool: too few experts in the pool (besides those already on it); conflicts: enough, but
 * avoidance leaves too few. conflicted: experts of the pool avoided for this applicant.
 */
export type DrawShortfall = {
  applicationId: string;
  wanted: number;
  drawn: number;
  reason: 'pool' | 'conflicts';
  conflicted: number;
};

export type DrawResult = { assignments: DrawnAssignment[]; shortfalls: DrawShortfall[] };
type ExpertLike = Pick<DrawExpert, 'orgId' | 'conflicts'>;

/** The ISO date three years before `today` (ISO dates compare as strings). */
export function employmentCutoff(today: string): string {
  return `${String(Number(today.slice(0, 4)) - 3).padStart(4, '0')}${today.slice(4, 10)}`;
}

/** The organisations an expert must not review, as of `today`. */
export function blockedOrgs(expert: ExpertLike, today: string): Set<string> {
  const cutoff = employmentCutoff(today);
  const blocked = new Set<string>(expert.orgId ? [expert.orgId] : []);
  for (const c of expert.conflicts)
    if (c.reason !== 'employment' || c.endedOn === null || c.endedOn >= cutoff) blocked.add(c.orgId);
  return blocked;
}

export function hasConflict(expert: ExpertLike, applicantOrgId: string, today: string): boolean {
  return blockedOrgs(expert, today).has(applicantOrgId);
}

/** A small, fast seeded generator (mulberry32) over an FNV-1a hash of the seed. */
export function seededRandom(seed: string | number): () => number {
  let h = 2166136261;
  for (const ch of String(seed)) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 16777619);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Binary min-heap of numbers. */
class NumHeap {
  private a: number[] = [];
  get size() {
    return this.a.length;
  }
  push(v: number) {
    const a = this.a;
    let i = a.push(v) - 1;
    for (let p = (i - 1) >> 1; i > 0 && a[p] > v; i = p, p = (i - 1) >> 1) a[i] = a[p];
    a[i] = v;
  }
  pop(): number {
    const a = this.a;
    const top = a[0];
    const last = a.pop()!;
    if (a.length === 0) return top;
    let i = 0;
    for (let c = 1; c < a.length; i = c, c = 2 * i + 1) {
      if (c + 1 < a.length && a[c + 1] < a[c]) c++;
      if (a[c] >= last) break;
      a[i] = a[c];
    }
    a[i] = last;
    return top;
  }
}

export function drawExperts(input: DrawInput): DrawResult {
  const { experts, today } = input;
  const n = experts.length;
  const random = seededRandom(input.seed);
  // A seeded permutation gives each expert a distinct rank: the tie-break among equal loads.
  const byRank = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [byRank[i], byRank[j]] = [byRank[j], byRank[i]];
  }
  const rank = new Int32Array(n);
  for (let r = 0; r < n; r++) rank[byRank[r]] = r;
  const load = Float64Array.from(experts, (e) => e.load ?? 0);
  const indexOf = new Map(experts.map((e, i) => [e.id, i]));
  // Conflicts by organisation: the experts each applicant organisation must not get.
  const blockedLists = new Map<string, number[]>();
  for (let i = 0; i < n; i++) for (const org of blockedOrgs(experts[i], today)) addTo(blockedLists, org, i);
  const blockedBy = new Map([...blockedLists].map(([org, list]) => [org, new Set(list)]));

  // Heap entries are load·n + rank; one whose load is no longer the expert's is stale, dropped.
  const all = new NumHeap();
  const byField = new Map<string, NumHeap>();
  const heapsOf = experts.map((e) => [
    all,
    ...[...new Set(e.fields)].map((f) => byField.get(f) ?? byField.set(f, new NumHeap()).get(f)!),
  ]);
  const key = (i: number) => load[i] * n + rank[i];
  heapsOf.forEach((hs, i) => {
    for (const h of hs) h.push(key(i));
  });

  /** Takes the least-loaded expert of `heap` not in `taken` and not blocked; -1 if none. */
  function pick(heap: NumHeap, taken: Set<number>, blocked: Set<number> | undefined): number {
    const aside: number[] = [];
    let found = -1;
    while (found < 0 && heap.size > 0) {
      const v = heap.pop();
      const i = byRank[v % n];
      if (Math.floor(v / n) !== load[i]) continue;
      if (taken.has(i) || blocked?.has(i)) aside.push(v);
      else found = i;
    }
    for (const v of aside) heap.push(v);
    return found;
  }

  const apps = input.applications;
  const wanted = apps.map((a) => a.need ?? input.perApplication);
  const taken = apps.map(
    (a) => new Set((a.exclude ?? []).map((id) => indexOf.get(id)).filter((i) => i !== undefined)),
  );
  const drawn = new Array<number>(apps.length).fill(0);
  const picks: { app: number; expert: number }[] = [];
  const inField = (k: number, i: number) => !apps[k].field || experts[i].fields.includes(apps[k].field!);

  // First every application from its own field, then the shortfalls from any field, so that
  // fallbacks never take a field's experts before that field's own applications have theirs.
  for (const pass of ['field', 'any'] as const) {
    apps.forEach((app, k) => {
      const heap = pass === 'field' ? (app.field ? byField.get(app.field) : all) : all;
      if (!heap) return;
      const blocked = blockedBy.get(app.orgId);
      while (drawn[k] < wanted[k]) {
        const i = pick(heap, taken[k], blocked);
        if (i < 0) break;
        load[i]++;
        for (const h of heapsOf[i]) h.push(key(i));
        taken[k].add(i);
        drawn[k]++;
        picks.push({ app: k, expert: i });
      }
    });
  }
  rebalance();

  /**
   * Greedy picking leaves a few experts two apart where fields overlap unevenly. A chain of
   * hand-overs fixes that: the heavy expert gives a review to an expert of its field, who gives
   * one of theirs on into another field, until one at least two lighter takes it. Each hand-over
   * keeps the rules and each chain lowers the sum of squared loads, so the loop ends. The search
   * runs over fields (a handful), not experts, so it stays cheap.
   */
  function rebalance() {
    const holdings: number[][] = experts.map(() => []);
    picks.forEach((p, idx) => {
      holdings[p.expert].push(idx);
    });
    const members = new Map<string, number[]>([['*', [...byRank]]]);
    for (const i of byRank) for (const f of new Set(experts[i].fields)) addTo(members, f, i);
    const fieldOf = (idx: number) => {
      const { app: k, expert } = picks[idx];
      return apps[k].field && inField(k, expert) ? apps[k].field! : '*';
    };
    const move = (idx: number, to: number) => {
      const p = picks[idx];
      holdings[p.expert].splice(holdings[p.expert].indexOf(idx), 1);
      holdings[to].push(idx);
      taken[p.app].delete(p.expert);
      taken[p.app].add(to);
      load[p.expert]--;
      load[to]++;
      p.expert = to;
    };
    type Step = { idx: number; giver: number; from: string | null };
    /** One chain from x to an expert at most load(x) − 2; the fields it searched go to `seen`. */
    const augment = (x: number, live: number, seen: Map<string, number>): boolean => {
      const reached = new Map<string, Step>();
      const reach = (idx: number, giver: number, from: string | null) => {
        const f = fieldOf(idx);
        if (!reached.has(f)) reached.set(f, { idx, giver, from });
      };
      for (const idx of holdings[x]) reach(idx, x, null);
      for (const [f, step] of reached) {
        const k = picks[step.idx].app;
        const blocked = blockedBy.get(apps[k].orgId);
        const chain = new Set<number>();
        for (let s: Step | undefined = step; s; s = s.from === null ? undefined : reached.get(s.from))
          chain.add(s.giver);
        for (const y of members.get(f)!) {
          if (chain.has(y) || taken[k].has(y) || blocked?.has(y)) continue;
          if (load[y] <= load[x] - 2) {
            move(step.idx, y);
            for (let s = step; s.from !== null; ) {
              const prev = reached.get(s.from)!;
              move(prev.idx, s.giver);
              s = prev;
            }
            return true;
          }
          // Members are sorted by load, so once every field is reached the rest are heavier.
          if (reached.size >= live) break;
          for (const h of holdings[y]) reach(h, y, f);
        }
        seen.set(f, Math.max(seen.get(f) ?? 0, load[x]));
      }
      return false;
    };
    for (let improved = true; improved; ) {
      improved = false;
      for (const list of members.values()) list.sort((a, b) => load[a] - load[b]);
      const live = new Set(picks.map((_, idx) => fieldOf(idx))).size;
      let min = Number.POSITIVE_INFINITY;
      for (const v of load) if (v < min) min = v;
      const heavy = byRank.filter((i) => load[i] >= min + 2).sort((a, b) => load[b] - load[a]);
      // Fields a failed search went through lead nowhere lighter for anyone as heavy or lighter.
      const dead = new Map<string, number>();
      for (const x of heavy) {
        if (load[x] < min + 2 || holdings[x].every((idx) => (dead.get(fieldOf(idx)) ?? -1) >= load[x]))
          continue;
        const seen = new Map<string, number>();
        if (augment(x, live, seen)) improved = true;
        else for (const [f, l] of seen) dead.set(f, Math.max(dead.get(f) ?? 0, l));
      }
    }
  }

  const assignments = picks.map((p) => ({
    applicationId: apps[p.app].id,
    expertId: experts[p.expert].id,
    outOfField: !inField(p.app, p.expert),
  }));
  // Everyone eligible has been drawn by now, so the rest were avoided or already on it.
  const shortfalls = apps.flatMap((app, k): DrawShortfall[] => {
    if (drawn[k] >= wanted[k]) return [];
    const excluded = (app.exclude ?? []).filter((id) => indexOf.has(id)).length;
    const reason = n - excluded >= wanted[k] ? 'conflicts' : 'pool';
    const conflicted = blockedBy.get(app.orgId)?.size ?? 0;
    return [{ applicationId: app.id, wanted: wanted[k], drawn: drawn[k], reason, conflicted }];
  });
  return { assignments, shortfalls };
}
