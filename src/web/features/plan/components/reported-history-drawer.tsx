import { Drawer, Empty, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { formatDateTime } from '../../../app/format';
import { useLocale, useT } from '../../../app/i18n';
import { type ReportedValue, useIndicatorMap, useReported } from '../api';
import { groupDigits, unitOf } from '../format';
import { usePlanRegions } from './plan-region-select';

/**
 * Every value ever entered for one indicator, year and region, newest first: the current one and
 * those it corrected, each with who entered it and when it was replaced.
 */
export function ReportedHistoryDrawer({ of, onClose }: { of: ReportedValue; onClose: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const indicators = useIndicatorMap();
  const regions = usePlanRegions();
  const history = useReported({
    indicatorCode: of.indicatorCode,
    year: of.year,
    regionCode: of.regionCode,
    includeHistory: true,
    pageSize: 200,
  });
  const unit = unitOf(indicators.get(of.indicatorCode), locale);

  const columns: TableColumnsType<ReportedValue> = [
    {
      title: t('plan.reported.state'),
      key: 'state',
      render: (_, r) =>
        r.current ? (
          <Tag color="success">{t('plan.reported.current')}</Tag>
        ) : (
          <Tag>{t('plan.reported.superseded')}</Tag>
        ),
    },
    {
      title: t('plan.reported.value'),
      dataIndex: 'value',
      key: 'value',
      align: 'right',
      render: (v: string, r) => (
        <Typography.Text strong={r.current} delete={!r.current} style={{ whiteSpace: 'nowrap' }}>
          {groupDigits(v)} {unit}
        </Typography.Text>
      ),
    },
    { title: t('plan.source'), dataIndex: 'source', key: 'source', width: 260 },
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
    { title: t('plan.reported.enteredBy'), dataIndex: 'enteredBy', key: 'enteredBy' },
    {
      title: t('plan.reported.enteredAt'),
      dataIndex: 'enteredAt',
      key: 'enteredAt',
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t('plan.reported.supersededAt'),
      dataIndex: 'supersededAt',
      key: 'supersededAt',
      render: (v: string | null) => (v ? formatDateTime(v) : '—'),
    },
    {
      title: t('plan.reported.note'),
      dataIndex: 'note',
      key: 'note',
      render: (v: string | null) => v ?? '—',
    },
  ];

  return (
    <Drawer
      open
      onClose={onClose}
      size={1000}
      title={t('plan.reported.historyOf', {
        name:
          locale === 'en' ? (indicators.get(of.indicatorCode)?.nameEn ?? of.indicatorName) : of.indicatorName,
        year: of.year,
        region: regions.nameOf(of.regionCode, of.regionName),
      })}
    >
      <Typography.Paragraph type="secondary">{t('plan.reported.historyHint')}</Typography.Paragraph>
      <Table<ReportedValue>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={history.data?.items}
        loading={history.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        data-testid="reported-history"
      />
    </Drawer>
  );
}
