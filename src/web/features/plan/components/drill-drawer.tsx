import { Alert, Drawer, Empty, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useAuth } from '../../../app/auth-context';
import { useLocale, useT } from '../../../app/i18n';
import { ExportButton } from '../../../app/list/export-button';
import { type DrillQuery, type DrillRow, planPaths, useDrill, useIndicatorMap } from '../api';
import { formatValue } from '../format';

export interface DrillTarget {
  code: string;
  name: string;
  regionName: string;
  value: number | null;
  query: DrillQuery;
}

/**
 * The records behind a computed figure (the 311 enterprises behind 有效期内高新技术企业): exactly
 * the rows the figure counts, for the same region and date, paged and exportable.
 */
export function DrillDrawer({ target, onClose }: { target: DrillTarget; onClose: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const { can } = useAuth();
  const indicators = useIndicatorMap();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const records = useDrill(target.code, target.query, page, pageSize);
  const info = indicators.get(target.code);
  const asOf = target.query.asOf ?? t('plan.asOf.yearEnd', { year: target.query.year });

  const columns: TableColumnsType<DrillRow> = [
    {
      title: t('plan.drill.org'),
      dataIndex: 'orgName',
      key: 'orgName',
      render: (name: string, row) =>
        can('registry.read') ? <Link to={`/registry/orgs/${row.orgId}`}>{name}</Link> : name,
    },
    {
      title: t('registry.org.uscc'),
      dataIndex: 'uscc',
      key: 'uscc',
      render: (v: string) => <Typography.Text copyable={{ text: v }}>{v}</Typography.Text>,
    },
    { title: t('plan.region'), dataIndex: 'regionName', key: 'regionName' },
    {
      title: t('plan.drill.detail'),
      dataIndex: 'detail',
      key: 'detail',
      render: (v: string | null) => v ?? '—',
    },
    { title: t('plan.drill.amount'), dataIndex: 'amount', key: 'amount', align: 'right' },
  ];

  return (
    <Drawer
      open
      onClose={onClose}
      size={960}
      title={t('plan.drill.title', { name: target.name, region: target.regionName, year: target.query.year })}
      extra={<ExportButton path={planPaths.drillExport(target.code)} query={{ ...target.query }} />}
      destroyOnHidden
    >
      <div style={{ display: 'grid', gap: 12, gridTemplateColumns: 'minmax(0, 1fr)' }}>
        <Typography.Paragraph style={{ margin: 0 }}>
          {t('plan.drill.summary', {
            value: formatValue(target.value, info, locale),
            asOf,
            total: records.data?.total ?? '…',
          })}
        </Typography.Paragraph>
        {records.isError && <Alert type="error" showIcon title={records.error.message} />}
        <Table<DrillRow>
          rowKey="recordId"
          size="small"
          columns={columns}
          dataSource={records.data?.items}
          loading={records.isFetching}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: page,
            pageSize,
            total: records.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (n) => t('list.total', { total: n }),
            onChange: (p, s) => {
              setPage(s !== pageSize ? 1 : p);
              setPageSize(s);
            },
          }}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plan.drill.empty')} />,
          }}
          data-testid="drill-table"
        />
      </div>
    </Drawer>
  );
}
