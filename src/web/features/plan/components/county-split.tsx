import { ApartmentOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Table, type TableColumnsType, Typography } from 'antd';
import { useLocale, useT } from '../../../app/i18n';
import { type Target, useIndicatorMap } from '../api';
import { formatValue } from '../format';
import { usePlanRegions } from './plan-region-select';
import { TargetActions, targetFigureColumns } from './target-columns';

interface CountyLine {
  regionCode: string;
  name: string;
  target?: Target;
}

/**
 * A city target's split over the counties (县级分解), each county editable. For an additive
 * indicator with a level or an increment, the counties' numbers are added up against the city's.
 */
export function CountySplit({
  year,
  indicatorCode,
  city,
  counties,
  canWrite,
  deleting,
  onEdit,
  onAdd,
  onDelete,
  onSplit,
  splitting,
}: {
  year: number;
  indicatorCode: string;
  city?: Target;
  counties: Target[];
  canWrite: boolean;
  deleting: boolean;
  onEdit: (target: Target) => void;
  onAdd: (regionCode: string) => void;
  onDelete: (target: Target) => void;
  /** 按上年占比分解: replaces the county targets with the split of the city's. */
  onSplit: () => void;
  splitting: boolean;
}) {
  const t = useT();
  const { locale } = useLocale();
  const indicators = useIndicatorMap();
  const regions = usePlanRegions();
  const info = indicators.get(indicatorCode);

  const lines: CountyLine[] = regions.counties.map((r) => ({
    regionCode: r.code,
    name: locale === 'en' ? r.nameEn : r.name,
    target: counties.find((x) => x.regionCode === r.code),
  }));
  const additive = info?.additive && city && (city.kind === 'absolute' || city.kind === 'increase_abs');
  const sum = counties.reduce((a, x) => a + (x.resolved ?? 0), 0);

  const columns: TableColumnsType<CountyLine> = [
    { title: t('plan.targets.county'), dataIndex: 'name', key: 'name', width: 140 },
    ...targetFigureColumns<CountyLine>((l) => l.target, indicators, locale, t, year),
    ...(canWrite
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, l: CountyLine) =>
              l.target ? (
                <TargetActions
                  target={l.target}
                  onEdit={onEdit}
                  onDelete={onDelete}
                  deleting={deleting}
                  t={t}
                />
              ) : (
                <Button type="link" size="small" icon={<PlusOutlined />} onClick={() => onAdd(l.regionCode)}>
                  {t('plan.targets.setCounty')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <div style={{ display: 'grid', gap: 8, padding: '4px 0 8px' }} data-testid={`split-${indicatorCode}`}>
      <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
        {canWrite && city && (
          <Popconfirm
            title={t('plan.targets.splitConfirm')}
            description={<div style={{ maxWidth: 360 }}>{t('plan.targets.splitDetail')}</div>}
            okText={t('plan.targets.split')}
            cancelText={t('common.cancel')}
            okButtonProps={{ loading: splitting }}
            onConfirm={onSplit}
          >
            <Button size="small" icon={<ApartmentOutlined />} loading={splitting}>
              {t('plan.targets.split')}
            </Button>
          </Popconfirm>
        )}
        <Typography.Text type="secondary">
          {counties.length === 0
            ? t('plan.targets.notSplit')
            : additive
              ? t('plan.targets.splitSum', {
                  sum: formatValue(sum, info, locale),
                  city: formatValue(city?.resolved, info, locale),
                })
              : t('plan.targets.splitEach')}
        </Typography.Text>
      </div>
      <Table<CountyLine>
        rowKey="regionCode"
        size="small"
        columns={columns}
        dataSource={lines}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
    </div>
  );
}
