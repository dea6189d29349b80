/**
 * Whether an applicant may apply to a call, rule by rule, from what the registry says today: a
 * qualification valid on the day (e.g. 高企 within its three years — 国科发火〔2016〕32号), the
 * organisation's county, its kind; plus the call's required attachments still missing.
 */
import type { Eligibility, EligibilityRule } from '../../../../domain/contracts/projects';
import { type Msg, msg } from '../../../../domain/message';
import { ORG_KIND_NAMES, type OrgKind } from '../../../../domain/registry';
import type { Tx } from '../../../db/client';
import type { Actor } from '../../../platform/actor';
import { clock } from '../../../platform/clock';
import type { Deps } from '../../../platform/deps';
import type { RegionTree } from '../../../platform/region-tree';
import type { CallRow } from '../calls/calls-repo';
import { callRules, loadCall } from '../calls/calls-service';
import { getOrg, type Org } from './applications-repo';
import { loadVisibleApplication } from './applications-service';
import { attachmentKindsOf } from './attachments-repo';
import { qualificationTypeName, validQualification } from './eligibility-repo';

async function checkQualification(tx: Tx, org: Org, code: string, today: string) {
  const name = (await qualificationTypeName(tx, code)) ?? { name: code, nameEn: code };
  const held = await validQualification(tx, org.id, code, today);
  if (!held) {
    return {
      pass: false,
      why: msg(
        `截至 ${today} 未持有有效的${name.name}资质`,
        `Holds no ${name.nameEn} qualification valid on ${today}`,
      ),
    };
  }
  const cert = held.certificateNo ? `（证书 ${held.certificateNo}）` : '';
  const until = held.validUntil ?? '长期';
  return {
    pass: true,
    why: msg(
      `持有有效的${name.name}资质${cert}，有效期至 ${until}`,
      `Holds a valid ${name.nameEn} qualification${held.certificateNo ? ` (${held.certificateNo})` : ''}, valid until ${held.validUntil ?? 'further notice'}`,
    ),
  };
}

function checkRegion(tree: RegionTree, org: Org, regions: string[]) {
  const allowed = new Set(regions.flatMap((r) => tree.selfAndDescendants(r)));
  const here = tree.get(org.regionCode);
  const names = regions.map((r) => tree.get(r)?.name ?? r).join('、');
  const namesEn = regions.map((r) => tree.get(r)?.nameEn ?? r).join(', ');
  const pass = allowed.has(org.regionCode);
  return {
    pass,
    why: msg(
      `单位所在区域为${here?.name ?? org.regionCode}，${pass ? '属于' : '不属于'}限定区域（${names}）`,
      `The organisation is in ${here?.nameEn ?? org.regionCode}, ${pass ? 'within' : 'outside'} the regions allowed (${namesEn})`,
    ),
  };
}

function checkKind(org: Org, kinds: OrgKind[]) {
  const pass = kinds.includes(org.kind);
  const mine = ORG_KIND_NAMES[org.kind];
  return {
    pass,
    why: msg(
      `单位类型为${mine.zh}，${pass ? '符合' : '不符合'}要求（${kinds.map((k) => ORG_KIND_NAMES[k].zh).join('、')}）`,
      `The organisation is a(n) ${mine.en}, ${pass ? 'one of' : 'not one of'} the kinds allowed (${kinds.map((k) => ORG_KIND_NAMES[k].en).join(', ')})`,
    ),
  };
}

export async function evaluateEligibility(
  tx: Tx,
  tree: RegionTree,
  call: CallRow,
  orgId: string,
  applicationId: string | null,
  today = clock.today(),
): Promise<Eligibility> {
  const org = await getOrg(tx, orgId);
  const { eligibility, requiredAttachments } = callRules(call);
  const rules: { rule: EligibilityRule; pass: boolean; why: Msg }[] = [];
  for (const rule of eligibility) {
    if (!org) {
      rules.push({
        rule,
        pass: false,
        why: msg('申报单位不在创新主体库中', 'The applicant is not in the registry'),
      });
    } else if (rule.type === 'valid_qualification') {
      rules.push({ rule, ...(await checkQualification(tx, org, rule.qualification, today)) });
    } else if (rule.type === 'region_in') {
      rules.push({ rule, ...checkRegion(tree, org, rule.regions) });
    } else {
      rules.push({ rule, ...checkKind(org, rule.kinds) });
    }
  }
  const kinds = applicationId ? await attachmentKindsOf(tx, applicationId) : new Set<string>();
  const missingAttachments = requiredAttachments.filter((r) => !kinds.has(r.code));
  return {
    eligible: rules.every((r) => r.pass) && missingAttachments.length === 0,
    rules,
    missingAttachments,
  };
}

/** Whether an application the actor may see meets its call's rules today. */
export async function applicationEligibility(deps: Deps, actor: Actor, id: string): Promise<Eligibility> {
  const { app } = await loadVisibleApplication(deps.db, deps, actor, id);
  const call = await loadCall(deps.db, actor, app.callId);
  return evaluateEligibility(deps.db, deps.regions, call, app.orgId, app.id);
}
