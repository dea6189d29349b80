import { Empty, Typography } from 'antd';
import type { IndicatorValue } from '../../../../domain/contracts/plan';
import { useLocale, useT } from '../../../app/i18n';
import { useIndicatorMap } from '../api';
import { formatValue, warningsFirst } from '../format';
import { ProgressBar, WarningTag } from './tags';

/**
 * Indicators behind plan, 严重滞后 before 进度滞后 and the furthest behind first: what a leader
 * should look at before anything else.
 */
export function WarningsList({
  rows,
  limit,
  emptyText,
}: {
  rows: readonly IndicatorValue[];
  limit?: number;
  emptyText?: string;
}) {
  const t = useT();
  const { locale } = useLocale();
  const indicators = useIndicatorMap();
  const warnings = warningsFirst(rows);
  const shown = limit ? warnings.slice(0, limit) : warnings;
  if (warnings.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText ?? t('plan.warnings.none')} />;
  }
  return (
    <ul data-testid="warnings-list" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {shown.map((row, i) => {
        const info = indicators.get(row.code);
        return (
          <li
            key={`${row.code}-${row.regionCode}`}
            style={{
              display: 'flex',
              gap: 16,
              flexWrap: 'wrap',
              alignItems: 'center',
              padding: '8px 0',
              borderTop: i === 0 ? undefined : '1px solid rgba(5, 5, 5, 0.06)',
            }}
          >
            <div style={{ display: 'flex', gap: 8, alignItems: 'center', flex: '1 1 240px', minWidth: 0 }}>
              <WarningTag level={row.warning} />
              <Typography.Text strong ellipsis>
                {locale === 'en' ? row.nameEn : row.name}
              </Typography.Text>
            </div>
            <Typography.Text type="secondary" style={{ flex: '0 1 auto' }}>
              {t('plan.warnings.valueOfTarget', {
                value: formatValue(row.value, info, locale),
                target: formatValue(row.target, info, locale),
              })}
            </Typography.Text>
            <ProgressBar progress={row.progress} warning={row.warning} width={160} />
          </li>
        );
      })}
    </ul>
  );
}
