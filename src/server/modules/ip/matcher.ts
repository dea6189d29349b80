/**
 * Matching patent applicants to registry organisations: by USCC when the file gives one, else by
 * the name key (domain/ip.ts applicantKey) of the current or a former name. One organisation is a
 * match, several are ambiguous, none is unmatched; a decision staff took on a name wins.
 */
import { applicantKey, looksLikePerson, type PatentApplicant, patentRegion } from '../../../domain/ip';
import type { Tx } from '../../db/client';
import type { RegionTree } from '../../platform/region-tree';
import { decidedReviews, type RegistryOrg, registryNames } from './import-repo';

export type Match =
  | { kind: 'org'; org: RegistryOrg }
  | { kind: 'person' }
  | { kind: 'not_in_registry' }
  | { kind: 'ambiguous'; candidates: RegistryOrg[] }
  | { kind: 'unmatched' };

export class ApplicantMatcher {
  private constructor(
    private readonly byKey: Map<string, RegistryOrg[]>,
    private readonly byUscc: Map<string, RegistryOrg>,
    private readonly byId: Map<string, RegistryOrg>,
    private readonly decided: Map<string, { status: string; orgId: string | null }>,
    private readonly regions: RegionTree,
  ) {}

  static async load(tx: Tx, regions: RegionTree): Promise<ApplicantMatcher> {
    const { current, former } = await registryNames(tx);
    const byId = new Map(current.map((r) => [r.id, r]));
    const byKey = new Map<string, RegistryOrg[]>();
    const add = (key: string, org: RegistryOrg) => {
      const list = byKey.get(key) ?? [];
      if (!list.some((x) => x.id === org.id)) list.push(org);
      byKey.set(key, list);
    };
    for (const r of current) add(applicantKey(r.name), r);
    for (const f of former) {
      const org = byId.get(f.id);
      if (org) add(applicantKey(f.name), org);
    }
    const decided = new Map((await decidedReviews(tx)).map((d) => [d.nameKey, d]));
    return new ApplicantMatcher(byKey, new Map(current.map((r) => [r.uscc, r])), byId, decided, regions);
  }

  match(name: string, uscc: string | null): Match {
    if (uscc) {
      const org = this.byUscc.get(uscc);
      if (org) return { kind: 'org', org };
    }
    const key = applicantKey(name);
    const decision = this.decided.get(key);
    if (decision?.status === 'matched' && decision.orgId) {
      const org = this.byId.get(decision.orgId);
      if (org) return { kind: 'org', org };
    }
    if (decision?.status === 'not_in_registry') return { kind: 'not_in_registry' };
    const found = this.byKey.get(key) ?? [];
    if (found.length === 1) return { kind: 'org', org: found[0] };
    if (found.length > 1) return { kind: 'ambiguous', candidates: found };
    return looksLikePerson(name) ? { kind: 'person' } : { kind: 'unmatched' };
  }

  /** The applicants as stored, their organisations, the region by the rule, and what needs review. */
  resolve(names: string[], firstUscc: string | null, address: string | null) {
    const applicants: PatentApplicant[] = [];
    const orgIds: string[] = [];
    const review: { name: string; match: Match & { kind: 'ambiguous' | 'unmatched' } }[] = [];
    let firstRegion: string | null = null;
    names.forEach((name, i) => {
      const m = this.match(name, i === 0 ? firstUscc : null);
      if (m.kind === 'org') {
        applicants.push({ name, orgId: m.org.id });
        if (!orgIds.includes(m.org.id)) orgIds.push(m.org.id);
        firstRegion ??= m.org.regionCode;
      } else {
        applicants.push({ name, orgId: null });
        if (m.kind === 'ambiguous' || m.kind === 'unmatched') review.push({ name, match: m });
      }
    });
    const regionCode = patentRegion(firstRegion, address, this.regions.rows);
    return { applicants, orgIds, regionCode, review };
  }
}
