import { CheckOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Skeleton, Table, type TableColumnsType } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { hteCriteria } from '../../../../domain/registry';
import { useT } from '../../../app/i18n';
import type { AnnualStats, OrgDetail } from '../api';
import { formatPercent, formatWan } from '../format';
import { AnnualStatsFormModal } from './annual-stats-form-modal';

// ECharts is large; it loads only when a page shows statistics (its own chunk).
const StatsChart = lazy(() => import('./stats-chart'));

const yes = (v: boolean) => (v ? <CheckOutlined aria-label="✓" /> : '—');

/** 年度统计: the yearly figures with a chart, and the form to report or correct a year. */
export function AnnualStatsSection({ detail }: { detail: OrgDetail }) {
  const t = useT();
  const [dialog, setDialog] = useState<{ stats?: AnnualStats } | null>(null);
  const canEdit = detail.abilities.editStats;
  const ownProfile = detail.abilities.edit === 'own-profile';
  const rows = [...detail.stats].sort((a, b) => b.year - a.year);

  const columns: TableColumnsType<AnnualStats> = [
    { title: t('registry.stats.year'), dataIndex: 'year', key: 'year', fixed: 'left', width: 80 },
    {
      title: t('registry.stats.revenueWan'),
      dataIndex: 'revenue',
      key: 'revenue',
      align: 'right',
      render: formatWan,
    },
    {
      title: t('registry.stats.rdExpenseWan'),
      dataIndex: 'rdExpense',
      key: 'rdExpense',
      align: 'right',
      render: formatWan,
    },
    {
      title: t('registry.stats.rdIntensity'),
      key: 'rdIntensity',
      align: 'right',
      render: (_, s) => formatPercent(hteCriteria(s)[0].actual),
    },
    {
      title: t('registry.stats.hitechRevenueWan'),
      dataIndex: 'hitechRevenue',
      key: 'hitechRevenue',
      align: 'right',
      render: formatWan,
    },
    {
      title: t('registry.stats.staff'),
      dataIndex: 'staff',
      key: 'staff',
      align: 'right',
      render: (v) => v ?? '—',
    },
    {
      title: t('registry.stats.stStaff'),
      dataIndex: 'stStaff',
      key: 'stStaff',
      align: 'right',
      render: (v) => v ?? '—',
    },
    {
      title: t('registry.stats.aboveSizeShort'),
      dataIndex: 'aboveSize',
      key: 'aboveSize',
      align: 'center',
      render: yes,
    },
    {
      title: t('registry.stats.hasRdActivityShort'),
      dataIndex: 'hasRdActivity',
      key: 'hasRdActivity',
      align: 'center',
      render: yes,
    },
    {
      title: t('registry.stats.ownsCoreTechShort'),
      dataIndex: 'ownsCoreTech',
      key: 'ownsCoreTech',
      align: 'center',
      render: yes,
    },
    ...(canEdit
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right' as const,
            render: (_: unknown, s: AnnualStats) => (
              <Button type="link" size="small" onClick={() => setDialog({ stats: s })}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <section
      aria-label={t('registry.tab.stats')}
      style={{ display: 'grid', gap: 16, gridTemplateColumns: 'minmax(0, 1fr)' }}
    >
      {canEdit && (
        <div>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({})}>
            {ownProfile ? t('registry.stats.report') : t('registry.stats.add')}
          </Button>
        </div>
      )}
      {rows.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            ownProfile
              ? t('registry.stats.emptyOwn')
              : canEdit
                ? t('registry.stats.emptyWriter')
                : t('registry.stats.emptyReader')
          }
        />
      ) : (
        <>
          <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 280 }} />}>
            <StatsChart stats={rows} />
          </Suspense>
          <Table<AnnualStats>
            rowKey="year"
            size="small"
            columns={columns}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 'max-content' }}
          />
        </>
      )}
      {dialog && (
        <AnnualStatsFormModal
          orgId={detail.org.id}
          aboveSizeNow={detail.org.aboveSize}
          ownProfile={ownProfile}
          stats={dialog.stats}
          existing={detail.stats}
          onClose={() => setDialog(null)}
        />
      )}
    </section>
  );
}
