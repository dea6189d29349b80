import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Form, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { CARRIER_KIND_CODES, CARRIER_KIND_NAMES, LEVEL_NAMES } from '../../../../domain/registry';
import { useAuth } from '../../../app/auth-context';
import { useMsg, useT } from '../../../app/i18n';
import { ExportButton } from '../../../app/list/export-button';
import { FilterForm } from '../../../app/list/filter-form';
import { useListState } from '../../../app/list/use-list-state';
import { CarrierAnnualModal } from '../components/carrier-annual-modal';
import { FacilityEndModal } from '../components/facility-end-modal';
import {
  FacilityFilterFields,
  type FacilityFilterValues,
  facilityFilters,
} from '../components/facility-filter-fields';
import { FacilityFormModal } from '../components/facility-form-modal';
import { RecordStatusTag } from '../components/org-facilities';
import { useRegionName } from '../components/region-select';
import { type Carrier, type CarrierListQuery, facilityExportPaths, useCarriers } from '../facilities-api';
import { hasFilters } from '../list-filters';

type CarrierFilters = Omit<CarrierListQuery, 'page' | 'pageSize' | 'sort'>;
type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; p: Carrier }
  | { kind: 'end'; p: Carrier }
  | { kind: 'annual'; p: Carrier }
  | null;

/** 孵化载体: maker spaces, incubators, accelerators and 星创天地, with startups and teams served by year. */
export function CarriersPage() {
  const t = useT();
  const regionName = useRegionName();
  const pickMsg = useMsg();
  const { can } = useAuth();
  const [filterForm] = Form.useForm<FacilityFilterValues>();
  const list = useListState<CarrierFilters>({}, '-recognizedOn');
  const carriers = useCarriers(list.params);
  const [dialog, setDialog] = useState<Dialog>(null);
  const canWrite = can('registry.write');
  const filtered = hasFilters(list.exportQuery);

  const columns: TableColumnsType<Carrier> = [
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
      title: t('registry.facility.carrierKind'),
      dataIndex: 'kind',
      key: 'kind',
      sorter: true,
      sortOrder: list.sortOrderOf('kind'),
      render: (k: Carrier['kind'], c) =>
        `${pickMsg(CARRIER_KIND_NAMES[k])} · ${pickMsg(LEVEL_NAMES[c.level])}`,
    },
    {
      title: t('registry.carrier.operator'),
      dataIndex: 'operatorOrgName',
      key: 'operatorOrgName',
      width: 220,
      ellipsis: true,
      sorter: true,
      sortOrder: list.sortOrderOf('operatorOrgName'),
      render: (name: string, p) => <Link to={`/registry/orgs/${p.operatorOrgId}?tab=carriers`}>{name}</Link>,
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
    },
    {
      title: t('registry.carrier.latestFigures'),
      key: 'figures',
      render: (_, c) =>
        c.latestYear === null
          ? '—'
          : t('registry.carrier.figuresLine', {
              year: c.latestYear,
              startups: c.startupsServed ?? '—',
              teams: c.teamsServed ?? '—',
            }),
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
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right' as const,
      render: (_: unknown, p: Carrier) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'annual', p })}>
            {t('registry.carrier.annual')}
          </Button>
          {canWrite && (
            <>
              <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', p })}>
                {t('common.edit')}
              </Button>
              {p.status === 'active' && (
                <Button type="link" size="small" danger onClick={() => setDialog({ kind: 'end', p })}>
                  {t('registry.facility.end')}
                </Button>
              )}
            </>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('menu.registry.carriers')}</h2>}
      extra={
        <Space>
          <ExportButton path={facilityExportPaths.carriers} query={list.exportQuery} />
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
              {t('registry.carrier.create')}
            </Button>
          )}
        </Space>
      }
    >
      <FilterForm<FacilityFilterValues>
        name="carrier-filters"
        form={filterForm}
        onApply={(values) => list.applyFilters(facilityFilters<CarrierFilters>(values))}
        label={t('list.filters')}
      >
        <FacilityFilterFields
          kindOptions={CARRIER_KIND_CODES.map((k) => ({ value: k, label: pickMsg(CARRIER_KIND_NAMES[k]) }))}
        />
      </FilterForm>
      {carriers.isError && (
        <Alert type="error" showIcon title={carriers.error.message} style={{ marginBottom: 16 }} />
      )}
      <Table<Carrier>
        rowKey="id"
        columns={columns}
        dataSource={carriers.data?.items}
        loading={carriers.isFetching}
        pagination={list.pagination(carriers.data?.total)}
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
                    ? t('registry.carrier.emptyWriter')
                    : t('registry.facility.emptyReader')
              }
            />
          ),
        }}
      />
      {dialog?.kind === 'create' && <FacilityFormModal variant="carrier" onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && (
        <FacilityFormModal variant="carrier" record={dialog.p} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'end' && (
        <FacilityEndModal variant="carrier" record={dialog.p} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'annual' && (
        <CarrierAnnualModal carrierId={dialog.p.id} onClose={() => setDialog(null)} />
      )}
    </Card>
  );
}
