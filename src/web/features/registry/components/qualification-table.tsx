import {
  Button,
  Empty,
  Space,
  Table,
  type TableColumnsType,
  type TablePaginationConfig,
  Tag,
  Typography,
} from 'antd';
import type { SorterResult, SortOrder } from 'antd/es/table/interface';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { LEVEL_NAMES } from '../../../../domain/registry';
import { useAuth } from '../../../app/auth-context';
import { useMsg, useT } from '../../../app/i18n';
import type { Qualification } from '../api';
import { QualificationFormModal } from './qualification-form-modal';
import { QualificationStateTag, qualificationState, useQualificationTypeName } from './qualification-tags';
import { useRegionName } from './region-select';
import { RevokeQualificationModal } from './revoke-qualification-modal';

type Dialog = { kind: 'edit'; q: Qualification } | { kind: 'revoke'; q: Qualification } | null;

/** Qualifications with their holder, validity and state; writers correct or revoke from the row. */
export function QualificationTable({
  items,
  loading,
  pagination,
  onChange,
  sortOrderOf,
  daysLeftFrom,
  emptyText,
}: {
  items: Qualification[] | undefined;
  loading: boolean;
  pagination: TablePaginationConfig;
  onChange: (
    pagination: TablePaginationConfig,
    filters: unknown,
    sorter: SorterResult<Qualification> | SorterResult<Qualification>[],
  ) => void;
  sortOrderOf: (field: string) => SortOrder;
  /** The expiry list counts the days left from this date (its base date). */
  daysLeftFrom?: string;
  emptyText: string;
}) {
  const t = useT();
  const regionName = useRegionName();
  const pickMsg = useMsg();
  const { can } = useAuth();
  const typeName = useQualificationTypeName();
  const [dialog, setDialog] = useState<Dialog>(null);
  const canWrite = can('registry.write');

  const columns: TableColumnsType<Qualification> = [
    {
      title: t('registry.qual.org'),
      dataIndex: 'orgName',
      key: 'orgName',
      sorter: true,
      sortOrder: sortOrderOf('orgName'),
      render: (_, q) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/registry/orgs/${q.orgId}?tab=qualifications`}>{q.orgName}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
            {q.uscc}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('registry.org.region'),
      dataIndex: 'regionName',
      key: 'regionName',
      render: (name: string, row) => regionName(row.regionCode, name),
    },
    {
      title: t('registry.qual.type'),
      dataIndex: 'typeCode',
      key: 'typeCode',
      sorter: true,
      sortOrder: sortOrderOf('typeCode'),
      render: (code: string) => typeName(code),
    },
    {
      title: t('registry.qual.level'),
      dataIndex: 'level',
      key: 'level',
      render: (l: Qualification['level']) => (l ? pickMsg(LEVEL_NAMES[l]) : '—'),
    },
    {
      title: t('registry.qual.certificateNo'),
      dataIndex: 'certificateNo',
      key: 'certificateNo',
      render: (v: string | null) => (v ? <span style={{ fontFamily: 'monospace' }}>{v}</span> : '—'),
    },
    {
      title: t('registry.qual.issuedOn'),
      dataIndex: 'issuedOn',
      key: 'issuedOn',
      sorter: true,
      sortOrder: sortOrderOf('issuedOn'),
    },
    {
      title: t('registry.qual.validUntil'),
      dataIndex: 'validUntil',
      key: 'validUntil',
      sorter: true,
      sortOrder: sortOrderOf('validUntil'),
      render: (v: string | null) => v ?? t('registry.qual.noEnd'),
    },
    ...(daysLeftFrom
      ? [
          {
            title: t('registry.expiry.daysLeft'),
            key: 'daysLeft',
            align: 'right' as const,
            render: (_: unknown, q: Qualification) => {
              if (!q.validUntil) return '—';
              const days = dayjs(q.validUntil).diff(dayjs(daysLeftFrom), 'day');
              return <Tag color={days <= 30 ? 'red' : days <= 60 ? 'orange' : 'gold'}>{days}</Tag>;
            },
          },
        ]
      : []),
    // On the expiry list every row is valid on its base date; the days left say the rest.
    ...(daysLeftFrom
      ? []
      : [
          {
            title: t('registry.qual.state'),
            key: 'state',
            render: (_: unknown, q: Qualification) => <QualificationStateTag q={q} />,
          },
        ]),
    ...(canWrite
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right' as const,
            render: (_: unknown, q: Qualification) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', q })}>
                  {t('common.edit')}
                </Button>
                {!q.revoked && qualificationState(q) !== 'expired' && (
                  <Button type="link" size="small" danger onClick={() => setDialog({ kind: 'revoke', q })}>
                    {t('registry.qual.revoke')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Table<Qualification>
        rowKey="id"
        columns={columns}
        dataSource={items}
        loading={loading}
        pagination={pagination}
        onChange={onChange}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
      />
      {dialog?.kind === 'edit' && (
        <QualificationFormModal
          orgId={dialog.q.orgId}
          orgName={dialog.q.orgName}
          qualification={dialog.q}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'revoke' && (
        <RevokeQualificationModal qualification={dialog.q} onClose={() => setDialog(null)} />
      )}
    </>
  );
}
