import { RightOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Card, Skeleton, Typography } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../../app/i18n';
import { useIndicatorValues, useYearsHeld } from '../../plan/api';
import { WarningsList } from '../../plan/components/warnings-list';
import { warningsFirst } from '../../plan/format';

const SHOWN = 5;

/**
 * The leader's first sight on signing in: the current plan year's indicators behind plan, the most
 * severe first, with the way into the cockpit. Loaded lazily so other roles' home pages stay light.
 */
export default function PlanWarningsCard() {
  const t = useT();
  const years = useYearsHeld();
  const year = years.data?.[0];
  const values = useIndicatorValues({ year: year ?? 0 }, year !== undefined);
  const rows = values.data?.items ?? [];
  const count = warningsFirst(rows).length;
  const cockpit = `/plan/cockpit${year ? `?year=${year}` : ''}`;

  return (
    <Card
      title={
        <span>
          <WarningOutlined
            style={{ color: count > 0 ? '#cf1322' : '#389e0d', marginInlineEnd: 8 }}
            aria-hidden
          />
          {year ? t('home.planWarnings.title', { year }) : t('home.planWarnings.titleNoYear')}
        </span>
      }
      extra={
        <Link to={cockpit}>
          {t('home.planWarnings.toCockpit')} <RightOutlined />
        </Link>
      }
      data-testid="home-plan-warnings"
    >
      {years.isError || values.isError ? (
        <Alert type="error" showIcon title={(years.error ?? values.error)?.message} />
      ) : years.isPending || (year !== undefined && values.isPending) ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : (
        <>
          {values.data && (
            <Typography.Paragraph type="secondary">
              {count > 0
                ? t('home.planWarnings.summary', { count, asOf: values.data.asOf })
                : t('home.planWarnings.allWell', { asOf: values.data.asOf })}
            </Typography.Paragraph>
          )}
          <WarningsList rows={rows} limit={SHOWN} emptyText={t('home.planWarnings.none')} />
          {count > SHOWN && (
            <Link to={cockpit} style={{ display: 'inline-block', marginTop: 8 }}>
              {t('home.planWarnings.more', { count: count - SHOWN })}
            </Link>
          )}
        </>
      )}
    </Card>
  );
}
