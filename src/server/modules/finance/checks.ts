/**
 * The rules a 科技金融 record passes, whether typed in, edited or imported: the institution holds
 * records of that kind, the enterprise is in the registry, a pledge's patent is granted, in force
 * and not pledged already, the fields the kind asks for are there. Each refusal names its field.
 */
import type { RecordBody } from '../../../domain/contracts/finance';
import {
  INSTITUTION_TYPE_NAMES,
  KIND_FIELDS,
  KIND_INSTITUTIONS,
  KIND_REQUIRED,
  RECORD_KIND_NAMES,
} from '../../../domain/finance';
import { type Msg, msg } from '../../../domain/message';
import type { Tx } from '../../db/client';
import type { financeRecords } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import { clock } from '../../platform/clock';
import { conflict, invalid } from '../../platform/errors';
import type { Scope } from '../../platform/scope';
import { canWriteRecord, institutionFor } from './policy';
import { institutionOf, orgById, orgByUscc, patentByAppNo, patentPledgedOn, refNoTaken } from './repo';

export const FIELD_NAMES: Record<string, Msg> = {
  institutionId: msg('金融机构', 'institution'),
  enterpriseUscc: msg('企业统一社会信用代码', 'enterprise USCC'),
  startOn: msg('日期', 'date'),
  endOn: msg('止期', 'end date'),
  instrument: msg('增信工具', 'instrument'),
  amount: msg('金额', 'amount'),
  cover: msg('保险金额', 'sum insured'),
  termMonths: msg('期限（月）', 'term (months)'),
  board: msg('挂牌板块', 'board'),
  round: msg('投资轮次', 'round'),
  refNo: msg('编号', 'reference number'),
  appNo: msg('专利申请号', 'application number'),
};

type Values = typeof financeRecords.$inferInsert;

const OPTIONAL = [
  'endOn',
  'instrument',
  'amount',
  'cover',
  'termMonths',
  'board',
  'round',
  'refNo',
  'appNo',
] as const;

/** The row to store for a body, or a 400/409 naming the field. */
export async function checkRecord(
  tx: Tx,
  actor: Actor,
  scope: Scope,
  body: RecordBody,
  exceptId?: string,
): Promise<Values> {
  const kind = body.kind;
  const kindName = RECORD_KIND_NAMES[kind];
  const institutionId = institutionFor(scope, body.institutionId);
  if (!institutionId) throw invalid('institutionId', msg('请选择金融机构', 'Choose the institution'));
  if (scope.kind === 'org' && institutionId !== scope.orgId)
    throw invalid(
      'institutionId',
      msg('只能录入本机构的记录', 'You enter your own institution’s records only'),
    );
  const institution = await institutionOf(tx, institutionId);
  if (!institution)
    throw invalid('institutionId', msg('不是已登记的金融机构', 'Not a registered financial institution'));
  if (!KIND_INSTITUTIONS[kind].includes(institution.type)) {
    const allowed = KIND_INSTITUTIONS[kind].map((t) => INSTITUTION_TYPE_NAMES[t]);
    throw invalid(
      'institutionId',
      msg(
        `${kindName.zh}须由${allowed.map((a) => a.zh).join('或')}录入`,
        `A ${kindName.en.toLowerCase()} is held by a ${allowed.map((a) => a.en.toLowerCase()).join(' or ')}`,
      ),
    );
  }
  const v: Record<string, unknown> = { ...body };
  for (const f of OPTIONAL) if (!KIND_FIELDS[kind].includes(f)) v[f] = null;
  for (const f of KIND_REQUIRED[kind])
    if (v[f] === null || v[f] === undefined || v[f] === '') {
      const name = FIELD_NAMES[f];
      throw invalid(
        f,
        msg(`${kindName.zh}须填写${name.zh}`, `A ${kindName.en.toLowerCase()} needs its ${name.en}`),
      );
    }
  if (body.startOn > clock.today())
    throw invalid('startOn', msg('日期不能晚于今天', 'The date cannot be in the future'));
  if (v.endOn && (v.endOn as string) < body.startOn)
    throw invalid('endOn', msg('止期不能早于起始日期', 'The end cannot precede the start'));
  for (const f of ['amount', 'cover'] as const)
    if (v[f] !== null && v[f] !== undefined && Number(v[f]) <= 0)
      throw invalid(f, msg(`${FIELD_NAMES[f].zh}须大于零`, `The ${FIELD_NAMES[f].en} must be above zero`));

  let enterprise: { id: string; regionCode: string } | undefined;
  if (body.enterpriseUscc) {
    const org = await orgByUscc(tx, body.enterpriseUscc);
    if (!org || org.kind === 'financial_institution')
      throw invalid('enterpriseUscc', msg('本市单位库中没有该企业', 'The enterprise is not in the registry'));
    enterprise = org;
  }
  let patentId: string | null = null;
  if (kind === 'pledge') {
    const patent = await patentByAppNo(tx, v.appNo as string);
    if (!patent)
      throw invalid('appNo', msg('专利库中没有该申请号', 'No patent with that application number'));
    if (!patent.grantedOn || patent.grantedOn > body.startOn)
      throw invalid('appNo', msg('质押登记时该专利尚未授权', 'The patent was not granted when pledged'));
    if (!enterprise) {
      if (!patent.orgIds[0])
        throw invalid('enterpriseUscc', msg('请填写出质企业', 'Name the pledging enterprise'));
      enterprise = await orgById(tx, patent.orgIds[0]);
    } else if (!patent.orgIds.includes(enterprise.id))
      throw invalid('enterpriseUscc', msg('出质人须为该专利的专利权人', 'The pledgor must hold the patent'));
    if (await patentPledgedOn(tx, patent.id, body.startOn, exceptId))
      throw conflict(msg('该专利在此日已出质', 'The patent is already pledged on that day'), 'appNo');
    patentId = patent.id;
  }
  if (!enterprise)
    throw invalid('enterpriseUscc', msg('请填写企业统一社会信用代码', 'Give the enterprise’s USCC'));
  if (!canWriteRecord(actor, scope, { regionCode: enterprise.regionCode, institutionId }))
    throw invalid(
      'enterpriseUscc',
      msg('该企业不在本单位管辖范围内', 'The enterprise is outside your scope'),
    );
  if (v.refNo && (await refNoTaken(tx, institutionId, kind, v.refNo as string, exceptId)))
    throw conflict(msg(`编号 ${v.refNo} 已登记`, `Reference ${v.refNo} is already on record`), 'refNo');
  return {
    kind,
    institutionId,
    enterpriseId: enterprise.id,
    regionCode: enterprise.regionCode,
    startOn: body.startOn,
    endOn: (v.endOn as string | null) ?? null,
    instrument: (v.instrument as Values['instrument']) ?? null,
    amount: (v.amount as string | null) ?? null,
    cover: (v.cover as string | null) ?? null,
    termMonths: (v.termMonths as number | null) ?? null,
    guaranteeFree: kind === 'credit' || kind === 'loan' ? body.guaranteeFree : false,
    board: (v.board as Values['board']) ?? null,
    round: (v.round as Values['round']) ?? null,
    refNo: (v.refNo as string | null) || null,
    appNo: (v.appNo as string | null) || null,
    patentId,
    note: body.note || null,
  };
}
