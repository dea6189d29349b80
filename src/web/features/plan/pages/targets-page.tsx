import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Empty,
  Space,
  Table,
  type TableColumnsType,
  Tooltip,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { ROLE_SCOPE } from '../../../../domain/roles';
import { useAuth, useMe } from '../../../app/auth-context';
import { useLocale, useT } from '../../../app/i18n';
import { ExportButton } from '../../../app/list/export-button';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { planPaths, type Target, useDeleteTarget, useIndicatorMap, useSplitTarget, useTargets } from '../api';
import { CountySplit } from '../components/county-split';
import { usePlanRegions } from '../components/plan-region-select';
import { PlanYearSelect, usePlanYear } from '../components/plan-year';
import { TargetActions, targetFigureColumns } from '../components/target-columns';
import { TargetFormModal } from '../components/target-form-modal';

interface IndicatorLine {
  code: string;
  name: string;
  nameEn: string;
  city?: Target;
  counties: Target[];
}

type Dialog = { target?: Target; preset?: { indicatorCode: string; regionCode: string } };

/**
 * 年度计划: the year's targets per indicator, each with the number it asks for and the progress,
 * and its split over the counties. Staff set, split and remove targets; others read.
 */
export function TargetsPage() {
  const t = useT();
  const { locale } = useLocale();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const me = useMe();
  const { can } = useAuth();
  const canWrite = can('plan.write');
  const cityWide = ROLE_SCOPE[me.role] === 'city';
  const regions = usePlanRegions();
  const indicators = useIndicatorMap();
  const { year, setYear, years, loading: yearsLoading } = usePlanYear();
  const targets = useTargets(year);
  const split = useSplitTarget();
  const remove = useDeleteTarget();
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const lines = useMemo(() => {
    const byCode = new Map<string, IndicatorLine>();
    for (const x of targets.data ?? []) {
      const info = indicators.get(x.indicatorCode);
      const line = byCode.get(x.indicatorCode) ?? {
        code: x.indicatorCode,
        name: x.indicatorName,
        nameEn: info?.nameEn ?? x.indicatorName,
        counties: [],
      };
      if (x.regionCode === regions.cityCode) line.city = x;
      else line.counties.push(x);
      byCode.set(x.indicatorCode, line);
    }
    return [...byCode.values()];
  }, [targets.data, indicators, regions.cityCode]);

  const onDelete = (target: Target) =>
    remove.mutate(target.id, {
      onSuccess: () => message.success(t('plan.targets.deleted')),
      onError: (e) => onError(e),
    });
  const onSplit = (code: string) =>
    split.mutate(
      { year: year ?? 0, indicatorCode: code },
      {
        onSuccess: (r) => message.success(t('plan.targets.splitDone', { count: r.total })),
        onError: (e) => onError(e),
      },
    );

  // A county user reads their own county's targets; the city-wide read the city's, split below.
  const pick = (l: IndicatorLine) => (cityWide ? l.city : l.counties[0]);
  const columns: TableColumnsType<IndicatorLine> = [
    {
      title: t('plan.indicator'),
      key: 'name',
      fixed: 'left',
      width: 260,
      render: (_, l) => (
        <span>
          <Tooltip title={l.code}>
            <span>{locale === 'en' ? l.nameEn : l.name}</span>
          </Tooltip>
          {cityWide && l.counties.length > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              {t('plan.targets.countyCount', { count: l.counties.length })}
            </Typography.Text>
          )}
        </span>
      ),
    },
    ...targetFigureColumns<IndicatorLine>(pick, indicators, locale, t, year ?? 0),
    ...(canWrite && cityWide
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right' as const,
            render: (_: unknown, l: IndicatorLine) =>
              l.city ? (
                <TargetActions
                  target={l.city}
                  onEdit={(target) => setDialog({ target })}
                  onDelete={onDelete}
                  deleting={remove.isPending}
                  t={t}
                />
              ) : (
                <Button
                  type="link"
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() =>
                    setDialog({ preset: { indicatorCode: l.code, regionCode: regions.cityCode ?? '' } })
                  }
                >
                  {t('plan.targets.setCity')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('menu.plan.targets')}</h2>}
      extra={
        <Space wrap>
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({})} disabled={!year}>
              {t('plan.targets.create')}
            </Button>
          )}
          <ExportButton path={planPaths.targetsExport} query={{ year }} />
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <span>{t('plan.year')}</span>
        <PlanYearSelect value={year} onChange={setYear} years={years} loading={yearsLoading} />
        <Typography.Text type="secondary">
          {cityWide ? t('plan.targets.intro') : t('plan.targets.introCounty')}
        </Typography.Text>
      </Space>
      {targets.isError && (
        <Alert type="error" showIcon title={targets.error.message} style={{ marginBottom: 16 }} />
      )}
      <Table<IndicatorLine>
        rowKey="code"
        size="middle"
        columns={columns}
        dataSource={lines}
        loading={targets.isPending || targets.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        expandable={
          cityWide
            ? {
                expandedRowRender: (l) => (
                  <CountySplit
                    year={year ?? 0}
                    indicatorCode={l.code}
                    city={l.city}
                    counties={l.counties}
                    canWrite={canWrite}
                    deleting={remove.isPending}
                    onEdit={(target) => setDialog({ target })}
                    onAdd={(regionCode) => setDialog({ preset: { indicatorCode: l.code, regionCode } })}
                    onDelete={onDelete}
                    onSplit={() => onSplit(l.code)}
                    splitting={split.isPending && split.variables?.indicatorCode === l.code}
                  />
                ),
              }
            : undefined
        }
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t(canWrite ? 'plan.targets.emptyWriter' : 'plan.targets.empty', {
                year: year ?? '',
              })}
            />
          ),
        }}
        data-testid="targets-table"
      />
      {dialog && year !== undefined && (
        <TargetFormModal
          year={year}
          target={dialog.target}
          preset={dialog.preset}
          existing={targets.data ?? []}
          onClose={() => setDialog(null)}
        />
      )}
    </Card>
  );
}
