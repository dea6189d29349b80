import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Form, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { LEVEL_NAMES, PLATFORM_KIND_CODES, PLATFORM_KIND_NAMES } from '../../../../domain/registry';
import { useAuth } from '../../../app/auth-context';
import { useMsg, useT } from '../../../app/i18n';
import { ExportButton } from '../../../app/list/export-button';
import { FilterForm } from '../../../app/list/filter-form';
import { useListState } from '../../../app/list/use-list-state';
import { FacilityEndModal } from '../components/facility-end-modal';
import {
  FacilityFilterFields,
  type FacilityFilterValues,
  facilityFilters,
} from '../components/facility-filter-fields';
import { FacilityFormModal } from '../components/facility-form-modal';
import { RecordStatusTag } from '../components/org-facilities';
import { useRegionName } from '../components/region-select';
import { facilityExportPaths, type Platform, type PlatformListQuery, usePlatforms } from '../facilities-api';
import { hasFilters } from '../list-filters';

type PlatformFilters = Omit<PlatformListQuery, 'page' | 'pageSize' | 'sort'>;
type Dialog = { kind: 'create' } | { kind: 'edit'; p: Platform } | { kind: 'end'; p: Platform } | null;

/** 研发平台: engineering centres, technology centres, key labs, national platforms, new-type institutes. */
export function PlatformsPage() {
  const t = useT();
  const regionName = useRegionName();
  const pickMsg = useMsg();
  const { can } = useAuth();
  const [filterForm] = Form.useForm<FacilityFilterValues>();
  const list = useListState<PlatformFilters>({}, '-recognizedOn');
  const platforms = usePlatforms(list.params);
  const [dialog, setDialog] = useState<Dialog>(null);
  const canWrite = can('registry.write');
  const filtered = hasFilters(list.exportQuery);

  const columns: TableColumnsType<Platform> = [
    {
      title: t('registry.facility.name'),
      dataIndex: 'name',
      key: 'name',
      width: 260,
      ellipsis: true,
      sorter: true,
      sortOrder: list.sortOrderOf('name'),
    },
    {
      title: t('registry.facility.platformKind'),
      dataIndex: 'kind',
      key: 'kind',
      sorter: true,
      sortOrder: list.sortOrderOf('kind'),
      render: (k: Platform['kind'], p) =>
        `${pickMsg(PLATFORM_KIND_NAMES[k])} · ${pickMsg(LEVEL_NAMES[p.level])}`,
    },
    {
      title: t('registry.platform.host'),
      dataIndex: 'hostOrgName',
      key: 'hostOrgName',
      width: 220,
      ellipsis: true,
      sorter: true,
      sortOrder: list.sortOrderOf('hostOrgName'),
      render: (name: string, p) => <Link to={`/registry/orgs/${p.hostOrgId}?tab=platforms`}>{name}</Link>,
    },
    {
      title: t('registry.org.region'),
      dataIndex: 'regionName',
      key: 'regionCode',
      render: (name: string, row) => regionName(row.regionCode, name),
      sorter: true,
      sortOrder: list.sortOrderOf('regionCode'),
    },
    {
      title: t('registry.facility.recognizedOn'),
      dataIndex: 'recognizedOn',
      key: 'recognizedOn',
      sorter: true,
      sortOrder: list.sortOrderOf('recognizedOn'),
      render: (date: string, p) => (
        <Space orientation="vertical" size={0}>
          <span>{date}</span>
          {p.documentNo && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {p.documentNo}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('registry.facility.status'),
      key: 'status',
      render: (_, p) => (
        <Space size={4}>
          <RecordStatusTag status={p.status} />
          {p.endedOn}
        </Space>
      ),
    },
    ...(canWrite
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right' as const,
            render: (_: unknown, p: Platform) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', p })}>
                  {t('common.edit')}
                </Button>
                {p.status === 'active' && (
                  <Button type="link" size="small" danger onClick={() => setDialog({ kind: 'end', p })}>
                    {t('registry.facility.end')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('menu.registry.platforms')}</h2>}
      extra={
        <Space>
          <ExportButton path={facilityExportPaths.platforms} query={list.exportQuery} />
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
              {t('registry.platform.create')}
            </Button>
          )}
        </Space>
      }
    >
      <FilterForm<FacilityFilterValues>
        name="platform-filters"
        form={filterForm}
        onApply={(values) => list.applyFilters(facilityFilters<PlatformFilters>(values))}
        label={t('list.filters')}
      >
        <FacilityFilterFields
          kindOptions={PLATFORM_KIND_CODES.map((k) => ({ value: k, label: pickMsg(PLATFORM_KIND_NAMES[k]) }))}
        />
      </FilterForm>
      {platforms.isError && (
        <Alert type="error" showIcon title={platforms.error.message} style={{ marginBottom: 16 }} />
      )}
      <Table<Platform>
        rowKey="id"
        columns={columns}
        dataSource={platforms.data?.items}
        loading={platforms.isFetching}
        pagination={list.pagination(platforms.data?.total)}
        onChange={list.onTableChange}
        scroll={{ x: 1200 }}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={
                filtered
                  ? t('registry.facility.emptyFiltered')
                  : canWrite
                    ? t('registry.platform.emptyWriter')
                    : t('registry.facility.emptyReader')
              }
            />
          ),
        }}
      />
      {dialog?.kind === 'create' && <FacilityFormModal variant="platform" onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && (
        <FacilityFormModal variant="platform" record={dialog.p} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'end' && (
        <FacilityEndModal variant="platform" record={dialog.p} onClose={() => setDialog(null)} />
      )}
    </Card>
  );
}
