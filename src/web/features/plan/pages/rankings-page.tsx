import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import {
  Alert,
  Card,
  Empty,
  Skeleton,
  Space,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { RankingUnitRow } from '../../../../domain/contracts/plan';
import { useMe } from '../../../app/auth-context';
import { useLocale, useT } from '../../../app/i18n';
import { ExportButton } from '../../../app/list/export-button';
import { planPaths, type RankingResult, type RankingScheme, useIndicatorMap, useRanking } from '../api';
import { MissingRule } from '../components/missing-rule';
import { PlanYearSelect, usePlanYear } from '../components/plan-year';
import { formatNumber } from '../format';

const ContributionChart = lazy(() =>
  import('../components/charts').then((m) => ({ default: m.ContributionChart })),
);

type Criterion = RankingResult['criteria'][number];
const SCHEMES: RankingScheme[] = ['county', 'park'];

/**
 * 排名考核: the county ranking and the high-tech zone's sub-park assessment (一区多园考核). Each
 * unit's score with what every indicator contributed to it, the change of rank on last year, the
 * last place and the 末位淘汰 flag (last place in consecutive years).
 */
export function RankingsPage() {
  const t = useT();
  const { locale } = useLocale();
  const me = useMe();
  const indicators = useIndicatorMap();
  const [params, setParams] = useSearchParams();
  const scheme: RankingScheme = params.get('scheme') === 'park' ? 'park' : 'county';
  const { year, setYear, years, loading: yearsLoading } = usePlanYear();
  const ranking = useRanking(scheme, year ?? 0, year !== undefined);
  const data = ranking.data;
  const en = locale === 'en';

  const setScheme = (next: string) =>
    setParams(
      (p) => {
        const copy = new URLSearchParams(p);
        copy.set('scheme', next);
        return copy;
      },
      { replace: true },
    );

  const criterionName = (c: Criterion) => (en ? c.nameEn : c.name);
  const criterionUnit = (c: Criterion) => {
    const info = c.per ? undefined : indicators.get(c.indicator);
    return info ? (en ? info.unitEn : info.unit) : c.unit;
  };
  const decimalsOf = (c: Criterion) => (c.per ? 2 : (indicators.get(c.indicator)?.decimals ?? 2));

  const chartUnits = useMemo(
    () =>
      (data?.units ?? []).map((u) => ({
        name: en ? u.nameEn : u.name,
        points: u.items.map((i) => i.points),
      })),
    [data, en],
  );
  const chartCriteria = useMemo(
    () => (data?.criteria ?? []).map((c) => (en ? c.nameEn : c.name)),
    [data, en],
  );

  const columns: TableColumnsType<RankingUnitRow> = [
    {
      title: t('plan.rankings.rank'),
      dataIndex: 'rank',
      key: 'rank',
      width: 64,
      align: 'center',
      fixed: 'left',
    },
    {
      title: scheme === 'county' ? t('plan.rankings.county') : t('plan.rankings.park'),
      key: 'name',
      fixed: 'left',
      render: (_, u) => (
        <Space size={4} wrap>
          <Typography.Text strong={u.code === me.regionCode}>{en ? u.nameEn : u.name}</Typography.Text>
          {u.lastPlace && <Tag color="orange">{t('plan.rankings.lastPlace')}</Tag>}
          {u.eliminationFlag && (
            <Tooltip title={t('plan.rankings.eliminationHint', { years: data?.lastPlaceYears ?? 2 })}>
              <Tag color="red">{t('plan.rankings.elimination')}</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: t('plan.rankings.score'),
      dataIndex: 'score',
      key: 'score',
      align: 'right',
      render: (v: number) => <Typography.Text strong>{formatNumber(v, 2)}</Typography.Text>,
    },
    {
      title: t('plan.rankings.change', { year: (year ?? 0) - 1 }),
      key: 'change',
      align: 'center',
      render: (_, u) => <RankChange change={u.rankChange} lastYear={u.rankLastYear} />,
    },
    ...(data?.criteria ?? []).map((c, i) => ({
      title: (
        <Tooltip title={t('plan.rankings.criterionHint', { weight: Math.round(c.weight * 1000) / 10 })}>
          <span>
            {criterionName(c)}
            <Typography.Text
              type="secondary"
              style={{ display: 'block', fontSize: 12, fontWeight: 'normal' }}
            >
              {criterionUnit(c)} · {t('plan.rankings.weight', { weight: Math.round(c.weight * 1000) / 10 })}
              {c.transform !== 'none' && ` · ${t(`plan.rankings.transform.${c.transform}`)}`}
            </Typography.Text>
          </span>
        </Tooltip>
      ),
      key: c.key,
      align: 'right' as const,
      width: 170,
      render: (_: unknown, u: RankingUnitRow) => {
        const item = u.items[i];
        return (
          <span style={{ whiteSpace: 'nowrap' }}>
            {formatNumber(item.value, decimalsOf(c))}
            {item.flag && (
              <Tooltip title={t(`plan.rankings.flagHint.${item.flag}`)}>
                <Tag color={item.flag === 'missing' ? 'default' : 'gold'} style={{ marginInlineStart: 4 }}>
                  {t(`plan.rankings.flag.${item.flag}`)}
                </Tag>
              </Tooltip>
            )}
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t('plan.rankings.points', { points: formatNumber(item.points, 2) })}
            </Typography.Text>
          </span>
        );
      },
    })),
  ];

  const body = (
    <div style={{ display: 'grid', gap: 16, gridTemplateColumns: 'minmax(0, 1fr)' }}>
      {ranking.isError && <Alert type="error" showIcon title={ranking.error.message} />}
      {data && (
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('plan.rankings.caption', {
            name: en ? data.schemeNameEn : data.schemeName,
            asOf: data.asOf,
            years: data.lastPlaceYears,
          })}
        </Typography.Paragraph>
      )}
      {data && data.units.length > 0 && <MissingRule data={data} />}
      {ranking.isPending || year === undefined ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : !data || data.units.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plan.rankings.empty')} />
      ) : (
        <>
          <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 360 }} />}>
            <ContributionChart
              units={chartUnits}
              criteria={chartCriteria}
              label={t('plan.rankings.chart', { name: en ? data.schemeNameEn : data.schemeName })}
            />
          </Suspense>
          <Table<RankingUnitRow>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={data.units}
            loading={ranking.isFetching}
            pagination={false}
            scroll={{ x: 'max-content' }}
            onRow={(u) => (u.code === me.regionCode ? { style: { background: '#fff7e6' } } : {})}
            data-testid="ranking-table"
          />
        </>
      )}
    </div>
  );

  return (
    <Card
      title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('menu.plan.rankings')}</h2>}
      extra={
        <Space wrap>
          <PlanYearSelect value={year} onChange={setYear} years={years} loading={yearsLoading} />
          <ExportButton path={planPaths.rankingsExport} query={{ scheme, year }} />
        </Space>
      }
    >
      <Tabs
        activeKey={scheme}
        onChange={setScheme}
        items={SCHEMES.map((s) => ({
          key: s,
          label: t(`plan.rankings.scheme.${s}`),
          children: s === scheme ? body : null,
        }))}
      />
    </Card>
  );
}

/** ↑2 (moved up), ↓1, — (unchanged), or nothing to compare with. */
function RankChange({ change, lastYear }: { change: number | null; lastYear: number | null }) {
  const t = useT();
  if (change === null || lastYear === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const hint = t('plan.rankings.lastYearRank', { rank: lastYear });
  if (change === 0)
    return (
      <Tooltip title={hint}>
        <Typography.Text type="secondary">
          <MinusOutlined aria-label={t('plan.rankings.unchanged')} />
        </Typography.Text>
      </Tooltip>
    );
  const up = change > 0;
  return (
    <Tooltip title={hint}>
      <Typography.Text
        type={up ? 'success' : 'danger'}
        style={{ whiteSpace: 'nowrap' }}
        aria-label={t(up ? 'plan.rankings.up' : 'plan.rankings.down', { n: Math.abs(change) })}
      >
        {up ? <ArrowUpOutlined aria-hidden /> : <ArrowDownOutlined aria-hidden />} {Math.abs(change)}
      </Typography.Text>
    </Tooltip>
  );
}
