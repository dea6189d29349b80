/**
 * The applicant review list: names no registry organisation matched, or several did. Staff say
 * which organisation a name is (or that it is not in the registry); the patents bearing the name
 * are linked at once, their region following the region rule, and later imports use the decision.
 */
import type { ReviewDecision } from '../../../domain/contracts/ip';
import { patentRegion } from '../../../domain/ip';
import { msg } from '../../../domain/message';
import type { Actor } from '../../platform/actor';
import { type AuditContext, writeAudit } from '../../platform/audit';
import type { Deps } from '../../platform/deps';
import { conflict, invalid, notFound } from '../../platform/errors';
import { orgsByIds } from './import-repo';
import {
  countReviews,
  decideReview,
  listReviews,
  lockReview,
  patentsWithApplicant,
  type ReviewFilters,
  reviewRow,
  setPatentApplicants,
} from './review-repo';

export async function reviewPage(deps: Deps, f: ReviewFilters, limit: number, offset: number) {
  const [items, total] = [await listReviews(deps.db, f, limit, offset), await countReviews(deps.db, f)];
  return { items, total };
}

export async function decideApplicant(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  body: ReviewDecision,
) {
  await deps.db.transaction(async (tx) => {
    const review = await lockReview(tx, id);
    if (!review) throw notFound(msg('待核对申请人', 'applicant to review'));
    if (review.status !== 'open')
      throw conflict(msg('该申请人已核对', 'This applicant has already been decided'), 'status');
    const orgId = 'orgId' in body ? body.orgId : null;
    if (orgId && (await orgsByIds(tx, [orgId])).length === 0)
      throw invalid(
        'orgId',
        msg('orgId：创新主体库中没有该单位', 'orgId: no such organisation in the registry'),
      );
    await decideReview(tx, id, {
      status: orgId ? 'matched' : 'not_in_registry',
      orgId,
      decidedBy: actor.id,
      decidedAt: new Date(),
    });
    let linked = 0;
    if (orgId) {
      const patents = await patentsWithApplicant(tx, review.nameKey);
      const others = [
        ...new Set(patents.flatMap((p) => p.applicants.map((a) => a.orgId)).filter((x) => x !== null)),
      ];
      const regionOf = new Map((await orgsByIds(tx, [...others, orgId])).map((o) => [o.id, o.regionCode]));
      for (const p of patents) {
        const applicants = p.applicants.map((a, i) =>
          a.orgId === null && p.applicantKeys[i] === review.nameKey ? { ...a, orgId } : a,
        );
        const orgIds = [...new Set(applicants.map((a) => a.orgId).filter((x) => x !== null))];
        const first = applicants.find((a) => a.orgId)?.orgId;
        const regionCode = patentRegion(
          first ? (regionOf.get(first) ?? null) : null,
          p.address,
          deps.regions.rows,
        );
        await setPatentApplicants(tx, p.id, { applicants, orgIds, regionCode });
        linked++;
      }
    }
    await writeAudit(tx, ctx, {
      action: 'ip.applicant.decide',
      targetType: 'ip_applicant_review',
      targetId: id,
      before: { status: review.status },
      after: { status: orgId ? 'matched' : 'not_in_registry', orgId, patents: linked },
    });
  });
  return reviewRow(deps.db, id);
}
