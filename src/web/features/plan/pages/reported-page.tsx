import { HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, InputNumber, Select, Space, type TableColumnsType, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../../app/format';
import { useLocale, useT } from '../../../app/i18n';
import { ListPage } from '../../../app/list/list-page';
import { useUrlListState } from '../../../app/list/use-list-state';
import {
  planPaths,
  type ReportedQuery,
  type ReportedValue,
  useCatalogue,
  useIndicatorMap,
  useReported,
  useYearsHeld,
} from '../api';
import { PlanRegionSelect, usePlanRegions } from '../components/plan-region-select';
import { ReportedFormModal } from '../components/reported-form-modal';
import { ReportedHistoryDrawer } from '../components/reported-history-drawer';
import { type RefusedImport, RefusedImportPanel, ReportedImportButtons } from '../components/reported-import';
import { groupDigits, groupRows, unitOf } from '../format';

type Filters = Pick<ReportedQuery, 'indicatorCode' | 'year' | 'regionCode'>;

/**
 * 数据填报: the reported figures in force, each with its source and vintage; entry, correction
 * (the earlier value kept as history), and Excel import with every row checked before any is written.
 */
export function ReportedPage() {
  const t = useT();
  const { locale } = useLocale();
  const list = useUrlListState<Filters>();
  const reported = useReported(list.params);
  const catalogue = useCatalogue();
  const indicators = useIndicatorMap();
  const regions = usePlanRegions();
  const newestYear = useYearsHeld().data?.[0];
  const [form, setForm] = useState<{ correcting?: ReportedValue } | null>(null);
  const [historyOf, setHistoryOf] = useState<ReportedValue | null>(null);
  const [refused, setRefused] = useState<RefusedImport | null>(null);

  const indicatorOptions = groupRows(
    (catalogue.data ?? []).filter((i) => i.kind === 'reported'),
    indicators,
  ).map((g) => ({
    label: t(`plan.group.${g.key}`),
    options: g.rows.map((i) => ({ value: i.code, label: locale === 'en' ? i.nameEn : i.name })),
  }));

  const columns: TableColumnsType<ReportedValue> = [
    {
      title: t('plan.indicator'),
      key: 'indicator',
      fixed: 'left',
      width: 220,
      render: (_, r) => (
        <span>
          {locale === 'en' ? (indicators.get(r.indicatorCode)?.nameEn ?? r.indicatorName) : r.indicatorName}
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
            {r.indicatorCode}
          </Typography.Text>
        </span>
      ),
    },
    { title: t('plan.year'), dataIndex: 'year', key: 'year', width: 70 },
    {
      title: t('plan.region'),
      dataIndex: 'regionName',
      key: 'region',
      render: (name: string, r) => regions.nameOf(r.regionCode, name),
    },
    {
      title: t('plan.reported.value'),
      dataIndex: 'value',
      key: 'value',
      align: 'right',
      render: (v: string, r) => (
        <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
          {groupDigits(v)} {unitOf(indicators.get(r.indicatorCode), locale)}
        </Typography.Text>
      ),
    },
    {
      title: t('plan.source'),
      dataIndex: 'source',
      key: 'source',
      width: 240,
      render: (v: string, r) => (
        <Tooltip title={r.note ? `${v}（${r.note}）` : v}>
          <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0, maxWidth: 240 }}>
            {v}
          </Typography.Paragraph>
        </Tooltip>
      ),
    },
    {
      title: t('plan.reported.sourceDate'),
      dataIndex: 'sourceDate',
      key: 'sourceDate',
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('plan.reported.vintage'),
      dataIndex: 'vintage',
      key: 'vintage',
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('plan.reported.entered'),
      key: 'entered',
      render: (_, r) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {r.enteredBy}
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
            {formatDateTime(r.enteredAt)}
          </Typography.Text>
        </span>
      ),
    },
  ];

  return (
    <>
      <ListPage<ReportedValue, Filters>
        title={t('menu.plan.reported')}
        name="reported-filters"
        list={list}
        query={reported}
        columns={columns}
        toForm={({ year, ...rest }) => ({ ...rest, year: year === undefined ? undefined : Number(year) })}
        filterFields={
          <>
            <Form.Item label={t('plan.indicator')} name="indicatorCode">
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('common.all')}
                options={indicatorOptions}
                style={{ width: 240 }}
                popupMatchSelectWidth={false}
              />
            </Form.Item>
            <Form.Item label={t('plan.year')} name="year">
              <InputNumber
                min={2000}
                max={2100}
                precision={0}
                placeholder={t('common.all')}
                style={{ width: 110 }}
              />
            </Form.Item>
            {regions.choosable && (
              <Form.Item label={t('plan.region')} name="regionCode">
                <PlanRegionSelect allowClear />
              </Form.Item>
            )}
          </>
        }
        notice={
          <>
            <Typography.Paragraph type="secondary">{t('plan.reported.intro')}</Typography.Paragraph>
            {refused && <RefusedImportPanel refused={refused} onClose={() => setRefused(null)} />}
          </>
        }
        actions={(r) => (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => setForm({ correcting: r })}>
              {t('plan.reported.correct')}
            </Button>
            <Button type="link" size="small" icon={<HistoryOutlined />} onClick={() => setHistoryOf(r)}>
              {t('plan.reported.history')}
            </Button>
          </Space>
        )}
        actionsWidth={150}
        defaultHidden={['sourceDate', 'vintage', 'entered']}
        exportPath={planPaths.reportedExport}
        extra={
          <>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({})}>
              {t('plan.reported.create')}
            </Button>
            <ReportedImportButtons onRefused={setRefused} />
          </>
        }
        empty={{ filtered: t('plan.reported.empty'), none: t('plan.reported.empty') }}
      />
      {form && (
        <ReportedFormModal
          correcting={form.correcting}
          defaultYear={newestYear}
          onClose={() => setForm(null)}
        />
      )}
      {historyOf && <ReportedHistoryDrawer of={historyOf} onClose={() => setHistoryOf(null)} />}
    </>
  );
}
