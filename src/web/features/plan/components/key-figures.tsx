import { Card, Skeleton, Tooltip, Typography } from 'antd';
import type { IndicatorValue } from '../../../../domain/contracts/plan';
import { useLocale, useT } from '../../../app/i18n';
import { useIndicatorMap } from '../api';
import {
  changeOf,
  changeTone,
  exactMoney,
  formatChange,
  formatNumber,
  formatValue,
  isMoney,
  markedCodes,
  unitOf,
} from '../format';

/**
 * The work summary's key figures as plain numbers with their change on last year. A figure computed
 * from records opens the records behind it.
 */
export function KeyFigures({
  rows,
  loading,
  onDrill,
}: {
  rows: readonly IndicatorValue[];
  loading: boolean;
  onDrill: (row: IndicatorValue) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const indicators = useIndicatorMap();
  const headline = new Set(markedCodes(indicators, 'headline'));
  const codes = markedCodes(indicators, 'keyFigure').filter((c) => !headline.has(c));

  if (loading && rows.length === 0) return <Skeleton active paragraph={{ rows: 3 }} />;
  return (
    <div
      data-testid="key-figures"
      style={{ display: 'grid', gap: 12, gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))' }}
    >
      {codes.map((code) => {
        const row = rows.find((r) => r.code === code);
        const info = indicators.get(code);
        const change = changeOf(row?.value, row?.lastYear, info);
        const drillable = row?.kind === 'computed' && row.value !== null;
        // Money carries its unit (万元 or 亿元, by size), with the exact 万元 figure on hover.
        const money = isMoney(info);
        const number = (
          <Typography.Text strong style={{ fontSize: 20 }} title={exactMoney(row?.value, info, locale)}>
            {money ? formatValue(row?.value, info, locale) : formatNumber(row?.value, info?.decimals ?? 0)}
          </Typography.Text>
        );
        return (
          <Card key={code} size="small" style={{ height: '100%' }}>
            <Typography.Text type="secondary" style={{ fontSize: 13, display: 'block', minHeight: 40 }}>
              {row ? (locale === 'en' ? row.nameEn : row.name) : code}
            </Typography.Text>
            <div>
              {drillable ? (
                <Tooltip title={t('plan.drill.open')}>
                  <Typography.Link onClick={() => onDrill(row)}>{number}</Typography.Link>
                </Tooltip>
              ) : (
                number
              )}{' '}
              {!money && row?.value !== null && row?.value !== undefined && (
                <Typography.Text type="secondary">{unitOf(info, locale)}</Typography.Text>
              )}
            </div>
            {change && (
              <Typography.Text style={{ fontSize: 12 }} type={changeTone(change, info?.polarity)}>
                {t('plan.change.onLastYear', { change: formatChange(change, info, t) })}
              </Typography.Text>
            )}
          </Card>
        );
      })}
    </div>
  );
}
