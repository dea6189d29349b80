/**
 * 技术合同登记证明 (Word): the registration number, the contract's type, parties and amounts, the
 * registrar, and a QR code of the public verification address, which answers only whether the
 * number is on record and its status, day and type.
 */
import { AlignmentType, Document, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import QRCode from 'qrcode';
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
import { font, officeTable } from '../../platform/docx';
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
  const qr = await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 240 });
  const width = 11906 - 2 * 1588;
  const para = (t: string, opts: { bold?: boolean; size?: number; center?: boolean } = {}) =>
    new Paragraph({
      alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT,
      spacing: { line: 360, after: 120 },
      children: [
        new TextRun({
          text: t,
          bold: opts.bold,
          size: opts.size,
          font: opts.bold ? font('黑体') : undefined,
        }),
      ],
    });
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
  const document = new Document({
    title: `技术合同登记证明 ${no}`,
    creator: '科创平台',
    styles: {
      default: {
        document: { run: { font: font('宋体'), size: 24, language: { value: 'en-US', eastAsia: 'zh-CN' } } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1440, bottom: 1440, left: 1588, right: 1588 },
          },
        },
        children: [
          para('技术合同登记证明', { bold: true, size: 44, center: true }),
          para(`登记编号：${no}`, { center: true }),
          table,
          para('经审查，该合同符合技术合同认定规则，准予登记。', {}),
          para('电子核验', { bold: true, size: 28 }),
          para(`核验地址：${url}`),
          new Paragraph({
            children: [new ImageRun({ type: 'png', data: qr, transformation: { width: 120, height: 120 } })],
          }),
          para('扫码或访问核验地址可确认登记编号、登记状态、登记日期与合同类别。'),
        ],
      },
    ],
  });
  return { body: await Packer.toBuffer(document), no };
}
