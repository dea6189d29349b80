/** Reading patents: one patent with its timeline, and an organisation's patent figures. */
import type { OrgPatentSummary, PatentDetail } from '../../../domain/contracts/ip';
import { normalisePatentNumber } from '../../../domain/identifiers';
import { isValidOn, PATENT_KINDS, PATENT_STATUS_NAMES, termEnd } from '../../../domain/ip';
import { msg } from '../../../domain/message';
import type { Actor } from '../../platform/actor';
import { clock } from '../../platform/clock';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { scopeOf } from '../../platform/scope';
import { eventsOf, orgExists, orgNames, orgPatentFigures, patentByNumber } from './repo';

const patentNotFound = () => notFound(msg('专利', 'patent'));

/** The number as stored: normalised, with the dot before the check character. */
function storedNumber(input: string): string {
  const s = normalisePatentNumber(input).replace('.', '');
  return s.length > 1 ? `${s.slice(0, -1)}.${s.slice(-1)}` : s;
}

export async function patentDetail(deps: Deps, actor: Actor, number: string): Promise<PatentDetail> {
  const row = await patentByNumber(deps.db, scopeOf(actor, deps.regions), storedNumber(number));
  if (!row) throw patentNotFound();
  const { item } = row;
  const names = await orgNames(
    deps.db,
    row.applicants.map((a) => a.orgId).filter((x): x is string => x !== null),
  );
  const label = (s: keyof typeof PATENT_STATUS_NAMES) => PATENT_STATUS_NAMES[s].zh;
  const timeline = [
    { onDate: item.filedOn, status: 'pending' as const, label: '申请' },
    ...(item.publishedOn ? [{ onDate: item.publishedOn, status: 'pending' as const, label: '公开' }] : []),
    ...(item.grantedOn ? [{ onDate: item.grantedOn, status: 'granted' as const, label: '授权公告' }] : []),
    ...(await eventsOf(deps.db, item.id)).filter(
      (e) => !(e.status === 'granted' && e.onDate === item.grantedOn),
    ),
  ].sort((a, b) => a.onDate.localeCompare(b.onDate));
  const end = termEnd(item.kind, item.filedOn);
  if (item.grantedOn && end <= clock.today() && !item.endedOn)
    timeline.push({ onDate: end, status: 'expired', label: label('expired') });
  return {
    patent: {
      ...item,
      address: row.address,
      applicants: row.applicants.map((a) => ({
        ...a,
        orgName: a.orgId ? (names.get(a.orgId) ?? null) : null,
      })),
      termEnd: end,
      validToday: isValidOn(item, clock.today()),
    },
    timeline,
  };
}

/** 一企一档: any signed-in reader of patents may see an organisation's patent figures (public). */
export async function orgPatentSummary(deps: Deps, orgId: string): Promise<OrgPatentSummary> {
  if ((await orgExists(deps.db, orgId)).length === 0) throw notFound(msg('单位', 'organisation'));
  const today = clock.today();
  const f = await orgPatentFigures(deps.db, orgId, today, clock.year() - 9);
  return {
    byKind: PATENT_KINDS.map((kind) => {
      const r = f.byKind.find((x) => x.kind === kind);
      return { kind, filed: r?.filed ?? 0, granted: r?.granted ?? 0 };
    }),
    validInventions: f.validInventions,
    trend: f.trend,
  };
}
