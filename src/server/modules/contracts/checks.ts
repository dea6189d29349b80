/**
 * The registration form's rules, each naming the field it is about: the sub-type belongs to the
 * type, the buyer is identified as its kind requires, a foreign currency has its rate, 技术交易额 is
 * at most 合同成交额 and the non-technical costs listed make up the difference, dates are in order.
 */
import type { ContractAmounts, ContractBody } from '../../../domain/contracts/tech-contracts';
import { validateUscc } from '../../../domain/identifiers';
import { msg } from '../../../domain/message';
import { compareAmounts, subTypeName, sumAmounts, toWan } from '../../../domain/tech-contracts';
import type { Tx } from '../../db/client';
import { clock } from '../../platform/clock';
import { invalid } from '../../platform/errors';
import { codeListHas, orgByUscc } from './repo';

const diff = (a: string, b: string) => {
  const scale = (v: string) => {
    const [i, f = ''] = v.split('.');
    return BigInt(i + f.padEnd(4, '0').slice(0, 4));
  };
  const d = scale(a) - scale(b);
  const s = d.toString().padStart(5, '0');
  return `${s.slice(0, -4)}.${s.slice(-4)}`;
};

/** The amounts in the contract's currency and in 万元 at the rate, after the amount rules. */
export function checkAmounts(currency: string, amounts: ContractAmounts) {
  const rate = currency === 'CNY' ? '1' : amounts.exchangeRate;
  if (currency === 'CNY' && amounts.exchangeRate && compareAmounts(amounts.exchangeRate, '1') !== 0)
    throw invalid('exchangeRate', msg('人民币合同的汇率为 1', 'A renminbi contract has the rate 1'));
  if (!rate || compareAmounts(rate, '0') <= 0)
    throw invalid(
      'exchangeRate',
      msg('外币合同须填写折算汇率（1 外币折合人民币元）', 'Give the exchange rate (yuan per unit)'),
    );
  if (compareAmounts(amounts.contractAmount, '0') <= 0)
    throw invalid('contractAmount', msg('合同成交额须大于 0', 'The contract amount must be above 0'));
  if (compareAmounts(amounts.techAmount, amounts.contractAmount) > 0)
    throw invalid(
      'techAmount',
      msg('技术交易额不能大于合同成交额', 'The technology amount cannot exceed the contract amount'),
    );
  const rest = diff(amounts.contractAmount, amounts.techAmount);
  const listed = sumAmounts(amounts.nontechCosts.map((c) => c.amount));
  if (compareAmounts(listed, rest) !== 0)
    throw invalid(
      'nontechCosts',
      msg(
        `非技术性费用合计（${Number(listed)}）应等于合同成交额减技术交易额（${Number(rest)}）`,
        `The non-technical costs listed (${Number(listed)}) must equal the contract amount less the technology amount (${Number(rest)})`,
      ),
    );
  return {
    exchangeRate: rate,
    contractAmountOrig: amounts.contractAmount,
    techAmountOrig: amounts.techAmount,
    contractAmount: toWan(amounts.contractAmount, rate),
    techAmount: toWan(amounts.techAmount, rate),
    nontechCosts: amounts.nontechCosts,
  };
}

/** The buyer as stored: a registry organisation found by USCC, or a name (and country) elsewhere. */
async function checkBuyer(tx: Tx, body: ContractBody, sellerOrgId: string) {
  const uscc = body.buyerUscc?.trim() || null;
  let normalised: string | null = null;
  if (uscc) {
    const r = validateUscc(uscc);
    if (!r.ok)
      throw invalid('buyerUscc', msg(`买方统一社会信用代码：${r.reason.zh}`, `buyerUscc: ${r.reason.en}`));
    normalised = r.value;
  }
  if (body.buyerKind === 'registry') {
    if (!normalised) throw invalid('buyerUscc', msg('请填写买方统一社会信用代码', 'Give the buyer’s USCC'));
    const org = await orgByUscc(tx, normalised);
    if (!org)
      throw invalid(
        'buyerUscc',
        msg(
          '本市单位库中没有该信用代码的单位，外省市单位请选择“外省市单位”',
          'No organisation of the registry has this USCC',
        ),
      );
    if (org.id === sellerOrgId)
      throw invalid('buyerUscc', msg('买方不能是卖方本身', 'The buyer cannot be the seller'));
    return { buyerOrgId: org.id, buyerName: org.name, buyerUscc: normalised, buyerCountry: 'CN' };
  }
  const name = body.buyerName?.trim();
  if (!name) throw invalid('buyerName', msg('请填写买方名称', 'Give the buyer’s name'));
  if (body.buyerKind === 'foreign') {
    if (!body.buyerCountry)
      throw invalid('buyerCountry', msg('境外买方须选择国家或地区', 'Choose the foreign buyer’s country'));
    return { buyerOrgId: null, buyerName: name, buyerUscc: null, buyerCountry: body.buyerCountry };
  }
  return { buyerOrgId: null, buyerName: name, buyerUscc: normalised, buyerCountry: 'CN' };
}

/** Every rule of the form; returns the columns to store. */
export async function checkContract(tx: Tx, body: ContractBody, sellerOrgId: string) {
  if (!subTypeName(body.typeCode, body.subTypeCode))
    throw invalid('subTypeCode', msg('合同子类与合同类别不符', 'The sub-type does not belong to the type'));
  if (body.signedOn > clock.today())
    throw invalid('signedOn', msg('签订日期不能晚于今天', 'The signing date cannot be in the future'));
  if (body.effectiveOn && body.effectiveOn < body.signedOn)
    throw invalid(
      'effectiveOn',
      msg('生效日期不能早于签订日期', 'The contract cannot take effect before it is signed'),
    );
  if (body.endOn && body.endOn < (body.effectiveOn ?? body.signedOn))
    throw invalid('endOn', msg('终止日期不能早于生效日期', 'The end cannot precede the start'));
  if (body.fieldCode && !(await codeListHas(tx, 'hitech-fields', body.fieldCode)))
    throw invalid('fieldCode', msg('技术领域不在高新技术领域代码表中', 'Unknown high-tech field'));
  const buyer = await checkBuyer(tx, body, sellerOrgId);
  const amounts = checkAmounts(body.currency, body);
  return {
    title: body.title,
    typeCode: body.typeCode,
    subTypeCode: body.subTypeCode,
    buyerKind: body.buyerKind,
    ...buyer,
    currency: body.currency,
    ...amounts,
    paymentTerms: body.paymentTerms,
    signedOn: body.signedOn,
    effectiveOn: body.effectiveOn ?? null,
    endOn: body.endOn ?? null,
    fieldCode: body.fieldCode ?? null,
    objectiveCode: body.objectiveCode ?? null,
    matchId: body.matchId ?? null,
  };
}
