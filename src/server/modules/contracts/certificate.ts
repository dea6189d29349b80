/**
 * 技术合同登记证明 (Word): the registration number, the contract's type, parties and amounts, the
 * registrar, and a QR code of the public verification address, which answers only whether the
 * number is on record and its status, day and type.
 */
import { inMoneyUnit } from '../../../domain/money';
import {
  BUYER_KINDS,
  type BuyerKind,
  CONTRACT_STATUS,
  CONTRACT_TYPES,
  COUNTRIES,
  type ContractType,
  CURRENCIES,
  type Currency,
  subTypeName,
} from '../../../domain/tech-contracts';
import type { Actor } from '../../platform/actor';
import type { Deps } from '../../platform/deps';
import { A4_TEXT_WIDTH, a4Docx, docPara, officeTable, verificationBlock } from '../../platform/docx';
import { certificateContract } from './service';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export { DOCX };

/** 万元 as the money rule writes it (亿元 from 10,000 万元 up), with the exact 万元 beside it. */
export function wanText(value: string): string {
  const { amount, unit } = inMoneyUnit(value);
  return unit === 'yi' ? `${amount} 亿元（${value} 万元）` : `${value} 万元`;
}

export function registrarName(deps: Deps, registrarRegion: string): string {
  return `${deps.regions.get(registrarRegion)?.name ?? registrarRegion}科学技术局`;
}

export async function certificateDocx(
  deps: Deps,
  actor: Actor,
  id: string,
  verifyUrl: (no: string) => string,
) {
  const { contract: c } = await certificateContract(deps, actor, id);
  const no = c.registrationNo!;
  const url = verifyUrl(no);
  const width = A4_TEXT_WIDTH;
  const type = CONTRACT_TYPES[c.typeCode as ContractType]?.name.zh ?? c.typeCode;
  const sub = subTypeName(c.typeCode, c.subTypeCode)?.zh ?? c.subTypeCode;
  const foreign = c.currency !== 'CNY';
  const currency = CURRENCIES[c.currency as Currency]?.zh ?? c.currency;
  const orig = (v: string) =>
    foreign ? `（${Number(v)} 万${currency}，汇率 ${Number(c.exchangeRate)}）` : '';
  const buyer =
    c.buyerKind === 'foreign'
      ? `${c.buyerName}（${COUNTRIES[c.buyerCountry as keyof typeof COUNTRIES]?.zh ?? c.buyerCountry}）`
      : c.buyerName;
  const table = officeTable({
    header: ['项目', '内容'],
    weights: [1, 3],
    numeric: [false, false],
    width,
    rows: [
      ['登记编号', no],
      ['合同名称', c.title],
      ['合同类别', `${type} · ${sub}`],
      ['卖方（登记申请方）', `${c.sellerName}（${c.sellerUscc}）`],
      ['买方', `${buyer} · ${BUYER_KINDS[c.buyerKind as BuyerKind]?.zh ?? c.buyerKind}`],
      ['合同成交额', `${wanText(c.contractAmount)}${orig(c.contractAmountOrig)}`],
      ['技术交易额', `${wanText(c.techAmount)}${orig(c.techAmountOrig)}`],
      ['签订日期', c.signedOn],
      ['登记日期', c.registeredOn ?? '—'],
      ['登记机构', registrarName(deps, c.registrarRegion)],
      ['登记状态', CONTRACT_STATUS[c.status].zh + (c.cancelledOn ? `（${c.cancelledOn} 撤销）` : '')],
    ],
  });
  const body = await a4Docx(`技术合同登记证明 ${no}`, [
    docPara('技术合同登记证明', { bold: true, size: 44, center: true }),
    docPara(`登记编号：${no}`, { center: true }),
    table,
    docPara('经审查，该合同符合技术合同认定规则，准予登记。', {}),
    ...(await verificationBlock(url, [], '扫码或访问核验地址可确认登记编号、登记状态、登记日期与合同类别。')),
  ]);
  return { body, no };
}
