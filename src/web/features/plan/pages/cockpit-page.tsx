import { DesktopOutlined, PictureOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Col, Empty, Row, Select, Skeleton, Space, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { IndicatorValue } from '../../../../domain/contracts/plan';
import { useMe } from '../../../app/auth-context';
import { useLocale, useT } from '../../../app/i18n';
import { ExportButton } from '../../../app/list/export-button';
import { planPaths, useIndicatorMap, useIndicatorValues, useRanking, useTargets, useTrend } from '../api';
import { exportChartsAsImage } from '../components/chart-image';
import { DrillDrawer, type DrillTarget } from '../components/drill-drawer';
import { HeadlineCards } from '../components/headline-cards';
import { KeyFigures } from '../components/key-figures';
import { MissingRule } from '../components/missing-rule';
import { usePlanRegions } from '../components/plan-region-select';
import { PlanYearSelect, usePlanYear } from '../components/plan-year';
import { WarningsList } from '../components/warnings-list';
import { groupRows, unitOf, warningsFirst } from '../format';

// ECharts loads with the first chart drawn, in its own chunk: the cockpit's numbers come first.
const ScoreBarChart = lazy(() => import('../components/charts').then((m) => ({ default: m.ScoreBarChart })));
const TrendChart = lazy(() => import('../components/charts').then((m) => ({ default: m.TrendChart })));

const TREND_YEARS = 5;
const DEFAULT_TREND = 'hte_valid';

const chartFallback = (height: number) => <Skeleton.Node active style={{ width: '100%', height }} />;

/**
 * 驾驶舱: the leader's page. Warnings first, then the plan's headline indicators, the key figures,
 * the county ranking and any indicator over the years held — for the city, or a county user's own
 * county.
 */
export function CockpitPage() {
  const t = useT();
  const { locale } = useLocale();
  const me = useMe();
  const indicators = useIndicatorMap();
  const regions = usePlanRegions();
  const { year, setYear, years, loading: yearsLoading } = usePlanYear();
  const [params, setParams] = useSearchParams();
  // The region shown (city or one county), kept in the address so the view can be shared.
  const asked = params.get('region') ?? undefined;
  const region =
    asked && (asked === regions.home || regions.counties.some((c) => c.code === asked))
      ? asked
      : regions.home;
  const setRegion = (code: string) =>
    setParams(
      (p) => {
        const copy = new URLSearchParams(p);
        if (code === regions.home) copy.delete('region');
        else copy.set('region', code);
        return copy;
      },
      { replace: true },
    );
  const ready = year !== undefined && region !== undefined;
  const values = useIndicatorValues({ year: year ?? 0, region }, ready);
  const targets = useTargets(year, region);
  const ranking = useRanking('county', year ?? 0, ready);
  const [trendCode, setTrendCode] = useState<string>(DEFAULT_TREND);
  const [drill, setDrill] = useState<DrillTarget | null>(null);

  const trendYears = useMemo(
    () =>
      year === undefined
        ? []
        : years
            .filter((y) => y <= year)
            .slice(0, TREND_YEARS)
            .reverse(),
    [years, year],
  );
  const trend = useTrend(trendCode, trendYears, region);
  const rows = values.data?.items ?? [];
  const warnings = warningsFirst(rows);
  const regionName = values.data ? regions.nameOf(values.data.region, rows[0]?.regionName) : '';

  const scores = useMemo(
    () =>
      (ranking.data?.units ?? []).map((u) => ({
        name: locale === 'en' ? u.nameEn : u.name,
        score: u.score,
        highlight: u.code === me.regionCode || u.code === region,
      })),
    [ranking.data, locale, me.regionCode, region],
  );
  const trendInfo = indicators.get(trendCode);
  const trendPoints = useMemo(
    () => (trend.data ?? []).map((p) => ({ year: p.year, value: p.row?.value ?? null })),
    [trend.data],
  );
  const trendTarget = trend.data?.find((p) => p.year === year)?.row?.target;
  const trendOptions = useMemo(
    () =>
      groupRows([...indicators.values()], indicators).map((g) => ({
        label: t(`plan.group.${g.key}`),
        options: g.rows.map((i) => ({ value: i.code, label: locale === 'en' ? i.nameEn : i.name })),
      })),
    [indicators, locale, t],
  );

  const openDrill = (row: IndicatorValue) =>
    setDrill({
      code: row.code,
      name: locale === 'en' ? row.nameEn : row.name,
      regionName: regions.nameOf(row.regionCode, row.regionName),
      value: row.value,
      query: { year: year ?? 0, region: row.regionCode, asOf: values.data?.asOf },
    });

  return (
    <div style={{ display: 'grid', gap: 16, gridTemplateColumns: 'minmax(0, 1fr)' }}>
      <Card size="small">
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'center' }}>
          <h2 style={{ margin: 0, fontSize: 18 }}>{t('menu.plan.cockpit')}</h2>
          <Space wrap>
            <PlanYearSelect value={year} onChange={setYear} years={years} loading={yearsLoading} />
            {regions.counties.length > 0 && regions.home === regions.cityCode && (
              <Select<string>
                value={region}
                onChange={setRegion}
                style={{ width: 150 }}
                aria-label={t('plan.region')}
                data-testid="cockpit-region"
                options={[
                  { value: regions.cityCode!, label: regions.nameOf(regions.cityCode!) },
                  ...regions.counties.map((c) => ({ value: c.code, label: regions.nameOf(c.code) })),
                ]}
              />
            )}
            {values.data && (
              <Typography.Text type="secondary">
                {t('plan.cockpit.scope', { region: regionName, asOf: values.data.asOf })}
              </Typography.Text>
            )}
          </Space>
          <Space wrap style={{ marginInlineStart: 'auto' }}>
            <ExportButton path={planPaths.valuesExport} query={{ year, region }} />
            <Button
              icon={<PictureOutlined />}
              onClick={() => exportChartsAsImage(`驾驶舱-${regionName}-${year ?? ''}.png`)}
            >
              {t('plan.cockpit.exportImage')}
            </Button>
            <Link to={`/plan/cockpit/screen?year=${year ?? ''}`} target="_blank">
              <Button icon={<DesktopOutlined />}>{t('plan.cockpit.screen')}</Button>
            </Link>
            <Link to={`/plan/indicators?year=${year ?? ''}`}>
              {t('plan.cockpit.allIndicators')} <RightOutlined />
            </Link>
          </Space>
        </div>
      </Card>

      <Card
        size="small"
        title={
          <Space>
            {t('plan.warnings.title', { year: year ?? '' })}
            <Badge count={warnings.length} showZero color={warnings.length > 0 ? '#cf1322' : '#389e0d'} />
          </Space>
        }
        data-testid="cockpit-warnings"
      >
        {values.isError ? (
          <Alert type="error" showIcon title={values.error.message} />
        ) : values.isPending ? (
          <Skeleton active paragraph={{ rows: 3 }} />
        ) : (
          <WarningsList rows={rows} emptyText={t('plan.warnings.noneYear', { year: year ?? '' })} />
        )}
      </Card>

      <section aria-labelledby="cockpit-headline">
        <Typography.Title level={3} id="cockpit-headline" style={{ fontSize: 16 }}>
          {t('plan.cockpit.headline')}
        </Typography.Title>
        <HeadlineCards rows={rows} targets={targets.data ?? []} loading={values.isPending} />
      </section>

      <section aria-labelledby="cockpit-key">
        <Typography.Title level={3} id="cockpit-key" style={{ fontSize: 16 }}>
          {t('plan.cockpit.keyFigures')}
        </Typography.Title>
        <KeyFigures rows={rows} loading={values.isPending} onDrill={openDrill} />
      </section>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title={t('plan.cockpit.ranking', { year: year ?? '' })}
            extra={<Link to={`/plan/rankings?year=${year ?? ''}`}>{t('plan.cockpit.rankingMore')}</Link>}
            style={{ height: '100%' }}
          >
            {ranking.isError ? (
              <Alert type="error" showIcon title={ranking.error.message} />
            ) : ranking.isPending || !ready ? (
              chartFallback(360)
            ) : scores.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plan.rankings.empty')} />
            ) : (
              <Suspense fallback={chartFallback(360)}>
                {ranking.data && <MissingRule data={ranking.data} compact />}
                <ScoreBarChart
                  rows={scores}
                  label={t('plan.cockpit.rankingChart', { year: year ?? '' })}
                  scoreLabel={t('plan.rankings.score')}
                />
              </Suspense>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title={t('plan.cockpit.trend')}
            extra={
              <Select
                value={trendCode}
                onChange={setTrendCode}
                options={trendOptions}
                showSearch={{ optionFilterProp: 'label' }}
                style={{ width: 260 }}
                popupMatchSelectWidth={false}
                aria-label={t('plan.cockpit.trendIndicator')}
              />
            }
            style={{ height: '100%' }}
          >
            {trend.isError ? (
              <Alert type="error" showIcon title={trend.error.message} />
            ) : trend.isPending ? (
              chartFallback(280)
            ) : trendPoints.every((p) => p.value === null) ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plan.cockpit.trendEmpty')} />
            ) : (
              <Suspense fallback={chartFallback(280)}>
                <TrendChart
                  points={trendPoints}
                  name={trendInfo ? (locale === 'en' ? trendInfo.nameEn : trendInfo.name) : trendCode}
                  unit={unitOf(trendInfo, locale)}
                  decimals={trendInfo?.decimals ?? 0}
                  target={trendTarget}
                  targetLabel={t('plan.target')}
                  label={t('plan.cockpit.trendChart', {
                    name: trendInfo ? (locale === 'en' ? trendInfo.nameEn : trendInfo.name) : trendCode,
                  })}
                />
              </Suspense>
            )}
          </Card>
        </Col>
      </Row>
      {drill && <DrillDrawer target={drill} onClose={() => setDrill(null)} />}
    </div>
  );
}
