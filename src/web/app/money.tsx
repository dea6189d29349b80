/**
 * Money on every page: the shared rule of src/domain/money.ts (万元 below 1亿元, 亿元 above), with
 * thousands separators and the exact 万元 figure on hover. Used by the cockpit, the lists and
 * anything else that shows a sum; the Word summary writes sums by the same rule on the server.
 */
import { Tooltip } from 'antd';
import type { Locale } from '../../domain/message';
import { inMoneyUnit, type MoneyUnit, YI_DECIMALS } from '../../domain/money';
import { useLocale } from './i18n';

const UNIT: Record<Locale, Record<MoneyUnit, string>> = {
  zh: { wan: '万元', yi: '亿元' },
  en: { wan: '10k yuan', yi: '100M yuan' },
};

function grouped(n: number, minDecimals: number, maxDecimals: number): string {
  return n.toLocaleString('en-US', {
    minimumFractionDigits: minDecimals,
    maximumFractionDigits: maxDecimals,
  });
}

/** "1,520 亿元" / "49.52 万元", and the exact "15,200,000.00 万元"; a dash when there is nothing. */
export function moneyText(
  value: string | number | null | undefined,
  locale: Locale,
  wanDecimals = 2,
): { text: string; exact: string; unit: MoneyUnit | null } {
  if (value === null || value === undefined || value === '' || Number.isNaN(Number(value)))
    return { text: '—', exact: '—', unit: null };
  const { amount, unit } = inMoneyUnit(value);
  const exact = `${grouped(Number(value), wanDecimals, wanDecimals)} ${UNIT[locale].wan}`;
  if (unit === 'wan') return { text: exact, exact, unit };
  return { text: `${grouped(amount, 0, YI_DECIMALS)} ${UNIT[locale].yi}`, exact, unit };
}

/** A sum held in 万元, written by its size, the exact 万元 figure on hover when it was converted. */
export function Money({
  value,
  decimals = 2,
  strong,
}: {
  value: string | number | null | undefined;
  decimals?: number;
  strong?: boolean;
}) {
  const { locale } = useLocale();
  const m = moneyText(value, locale, decimals);
  const body = strong ? <strong>{m.text}</strong> : <span>{m.text}</span>;
  return m.unit === 'yi' ? <Tooltip title={m.exact}>{body}</Tooltip> : body;
}
