import { Card, Skeleton, Tooltip, Typography } from 'antd';
import type { IndicatorValue, Target } from '../../../../domain/contracts/plan';
import { useLocale, useT } from '../../../app/i18n';
import { useIndicatorMap } from '../api';
import { describeTarget, exactMoney, formatPercent, formatValue, markedCodes, WARNING_HEX } from '../format';
import { ProgressBar, WarningTag } from './tags';

/**
 * The plan's five headline indicators (“1157” 的五个主要指标): value, target in the plan's words
 * and as a number, progress, and the warning as the card's colour.
 */
export function HeadlineCards({
  rows,
  targets,
  loading,
}: {
  rows: readonly IndicatorValue[];
  targets: readonly Target[];
  loading: boolean;
}) {
  const t = useT();
  const { locale } = useLocale();
  const indicators = useIndicatorMap();
  const known = markedCodes(indicators, 'headline');
  // A ratio the statistics publish for the city only holds nothing for a county: say so once.
  const empty = (code: string) => {
    const row = rows.find((r) => r.code === code);
    return Boolean(row) && row?.value === null && row?.lastYear === null && (row?.target ?? null) === null;
  };
  const headline = known.filter((code) => !empty(code));
  const absent = known.filter(empty).map((code) => {
    const row = rows.find((r) => r.code === code)!;
    return locale === 'en' ? row.nameEn : row.name;
  });

  return (
    <>
      <div
        data-testid="headline-cards"
        style={{ display: 'grid', gap: 16, gridTemplateColumns: 'repeat(auto-fill, minmax(210px, 1fr))' }}
      >
        {headline.map((code) => {
          const row = rows.find((r) => r.code === code);
          const info = indicators.get(code);
          const target = targets.find((x) => x.indicatorCode === code && x.regionCode === row?.regionCode);
          const edge = row?.warning ? WARNING_HEX[row.warning] : '#d9d9d9';
          const big = formatValue(row?.value, info, locale);
          const exact = exactMoney(row?.value, info, locale);
          // Two different percentages, each named: the share of the target reached, and — for a
          // stock measured against last year — how much of the planned increase has come (the bar).
          const hasTarget = row?.target !== undefined && row?.target !== null && row.value !== null;
          const completion = hasTarget && row.target! > 0 ? (row.value! / row.target!) * 100 : null;
          const growth = info?.measure === 'stock' && row?.lastYear !== null && row?.lastYear !== undefined;
          const barLabel = growth ? t('plan.headline.growthBar') : t('plan.headline.completionBar');
          const barHelp =
            growth && hasTarget
              ? t('plan.headline.growthHelp', {
                  added: formatValue(row.value! - row.lastYear!, info, locale),
                  planned: formatValue(row.target! - row.lastYear!, info, locale),
                  lastYear: formatValue(row.lastYear, info, locale),
                })
              : t('plan.headline.completionHelp');
          return (
            <Card
              key={code}
              size="small"
              style={{ height: '100%', borderTop: `3px solid ${edge}` }}
              styles={{ body: { display: 'grid', gap: 6 } }}
            >
              {loading && !row ? (
                <Skeleton active paragraph={{ rows: 2 }} />
              ) : (
                <>
                  <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                    <Typography.Text type="secondary" style={{ minHeight: 44 }}>
                      {row ? (locale === 'en' ? row.nameEn : row.name) : code}
                    </Typography.Text>
                    <WarningTag level={row?.warning} />
                  </div>
                  <Typography.Text
                    strong
                    style={{ fontSize: big.length > 12 ? 20 : 24, lineHeight: 1.2 }}
                    title={exact}
                  >
                    {big}
                  </Typography.Text>
                  <Tooltip title={target?.note}>
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {row?.target === undefined || row?.target === null
                        ? t('plan.headline.noTarget')
                        : t('plan.headline.target', {
                            target: formatValue(row.target, info, locale),
                            says: target ? describeTarget(target.kind, target.value, info, locale, t) : '',
                          })}
                    </Typography.Text>
                  </Tooltip>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('plan.headline.lastYear', { value: formatValue(row?.lastYear, info, locale) })}
                  </Typography.Text>
                  {completion !== null && (
                    <Typography.Text style={{ fontSize: 13 }} data-testid={`completion-${code}`}>
                      {t('plan.headline.completion', {
                        percent: formatPercent(completion),
                        value: formatValue(row?.value, info, locale),
                        target: formatValue(row?.target, info, locale),
                      })}
                    </Typography.Text>
                  )}
                  {row?.progress !== null && row?.progress !== undefined && (
                    <Tooltip title={barHelp}>
                      <div data-testid={`bar-${code}`}>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {barLabel}
                        </Typography.Text>
                        <ProgressBar
                          progress={row.progress}
                          warning={row.warning}
                          width={200}
                          label={barLabel}
                        />
                      </div>
                    </Tooltip>
                  )}
                </>
              )}
            </Card>
          );
        })}
      </div>
      {absent.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('plan.headline.cityOnly', { names: absent.join(t('common.listSeparator')) })}
        </Typography.Paragraph>
      )}
    </>
  );
}
