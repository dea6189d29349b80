import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  LEVEL_CODES,
  LEVEL_NAMES,
  ORG_KIND_CODES,
  ORG_KIND_NAMES,
  type OrgKind,
} from '../../../../domain/registry';
import { useAuth } from '../../../app/auth-context';
import { formatDateTime } from '../../../app/format';
import { Highlight } from '../../../app/highlight';
import { useLocale, useMsg, useT } from '../../../app/i18n';
import { ExportButton } from '../../../app/list/export-button';
import { FilterForm } from '../../../app/list/filter-form';
import { useListState } from '../../../app/list/use-list-state';
import { useParks } from '../../reference/api';
import {
  exportPaths,
  type OrgListItem,
  type OrgListQuery,
  useIndustries,
  useOrgs,
  useQualificationTypes,
} from '../api';
import { IndustryCascader, industryLabel } from '../components/industry-cascader';
import { OrgFormModal } from '../components/org-form-modal';
import { QualificationTags } from '../components/qualification-tags';
import { RegionSelect, useOffersRegionFilter, useRegionName } from '../components/region-select';
import { SearchField } from '../components/registry-filter-fields';
import { hasFilters } from '../list-filters';

type OrgFilters = Omit<OrgListQuery, 'page' | 'pageSize' | 'sort'>;
type OrgFilterValues = Omit<OrgFilters, 'validOn' | 'aboveSize'> & {
  validOn?: Dayjs | null;
  aboveSize?: 'true' | 'false';
};

export function OrgsPage() {
  const t = useT();
  const regionName = useRegionName();
  const pickMsg = useMsg();
  const { locale } = useLocale();
  const offersRegion = useOffersRegionFilter();
  const { can } = useAuth();
  const [filterForm] = Form.useForm<OrgFilterValues>();
  const list = useListState<OrgFilters>({});
  const orgs = useOrgs(list.params);
  const types = useQualificationTypes();
  const industries = useIndustries();
  const parks = useParks();
  const [creating, setCreating] = useState(false);
  const qualification = Form.useWatch('qualification', filterForm);

  const filters = list.exportQuery;
  const filtered = hasFilters(filters);

  const onApply = ({ validOn, aboveSize, ...rest }: OrgFilterValues) =>
    list.applyFilters({
      ...rest,
      aboveSize: aboveSize === undefined ? undefined : aboveSize === 'true',
      // A level or date means something only for a chosen qualification.
      level: rest.qualification ? rest.level : undefined,
      validOn: rest.qualification && validOn ? validOn.format('YYYY-MM-DD') : undefined,
    });

  const columns: TableColumnsType<OrgListItem> = [
    {
      title: t('registry.org.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: list.sortOrderOf('name'),
      render: (_, org) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/registry/orgs/${org.id}`}>
            <Highlight text={org.name} keyword={filters.q} />
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
            {org.uscc}
          </Typography.Text>
        </Space>
      ),
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
      title: t('registry.org.kind'),
      dataIndex: 'kind',
      key: 'kind',
      render: (kind: OrgKind) => pickMsg(ORG_KIND_NAMES[kind]),
    },
    {
      title: t('registry.org.industry'),
      key: 'industry',
      width: 220,
      ellipsis: { showTitle: true },
      render: (_, org) => industryLabel(org.industryCode, industries.data ?? [], locale),
    },
    {
      title: t('registry.org.aboveSizeShort'),
      dataIndex: 'aboveSize',
      key: 'aboveSize',
      align: 'center',
      render: (v: boolean) => (v ? <Tag color="gold">{t('registry.org.aboveSizeTag')}</Tag> : '—'),
    },
    {
      title: t('registry.org.qualifications'),
      dataIndex: 'qualifications',
      key: 'qualifications',
      render: (codes: string[]) => <QualificationTags codes={codes} />,
    },
    {
      title: t('registry.org.foundedOn'),
      dataIndex: 'foundedOn',
      key: 'foundedOn',
      sorter: true,
      sortOrder: list.sortOrderOf('foundedOn'),
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('registry.org.updatedAt'),
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      sorter: true,
      sortOrder: list.sortOrderOf('updatedAt'),
      render: formatDateTime,
    },
  ];

  const typeOptions = (types.data ?? []).map((q) => ({
    value: q.code,
    label: locale === 'en' ? q.nameEn : q.name,
  }));

  return (
    <Card
      title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('menu.registry.orgs')}</h2>}
      extra={
        <Space>
          <ExportButton path={exportPaths.orgs} query={list.exportQuery} />
          {can('registry.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('registry.org.create')}
            </Button>
          )}
        </Space>
      }
    >
      <FilterForm<OrgFilterValues>
        name="org-filters"
        form={filterForm}
        onApply={onApply}
        label={t('list.filters')}
      >
        <SearchField placeholder={t('registry.org.searchPlaceholder')} width={440} />
        {offersRegion && (
          <Form.Item label={t('registry.org.region')} name="regionCode">
            <RegionSelect />
          </Form.Item>
        )}
        <Form.Item label={t('registry.org.kind')} name="kind">
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 160 }}
            options={ORG_KIND_CODES.map((k) => ({ value: k, label: pickMsg(ORG_KIND_NAMES[k]) }))}
          />
        </Form.Item>
        <Form.Item label={t('registry.org.industry')} name="industryCode">
          <IndustryCascader />
        </Form.Item>
        <Form.Item label={t('registry.org.aboveSizeShort')} name="aboveSize">
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 100 }}
            options={[
              { value: 'true', label: t('registry.yes') },
              { value: 'false', label: t('registry.no') },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('registry.org.park')} name="parkId">
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 200 }}
            popupMatchSelectWidth={false}
            loading={parks.isLoading}
            options={(parks.data ?? []).map((p) => ({
              value: p.id,
              label: locale === 'en' && p.nameEn ? p.nameEn : p.name,
            }))}
          />
        </Form.Item>
        <Form.Item label={t('registry.org.holdsQualification')} name="qualification">
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 200 }}
            popupMatchSelectWidth={false}
            loading={types.isLoading}
            options={typeOptions}
          />
        </Form.Item>
        <Form.Item label={t('registry.qual.level')} name="level">
          <Select
            allowClear
            disabled={!qualification}
            placeholder={t('common.all')}
            style={{ width: 110 }}
            options={LEVEL_CODES.map((l) => ({ value: l, label: pickMsg(LEVEL_NAMES[l]) }))}
          />
        </Form.Item>
        <Form.Item label={t('registry.qual.validOn')} name="validOn" tooltip={t('registry.org.validOnHint')}>
          <DatePicker disabled={!qualification} placeholder={t('registry.today')} />
        </Form.Item>
      </FilterForm>
      {filters.q && !filters.sort && (
        <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
          {t('registry.org.rankedByRelevance')}
        </Typography.Paragraph>
      )}
      {orgs.isError && (
        <Alert type="error" showIcon title={orgs.error.message} style={{ marginBottom: 16 }} />
      )}
      <Table<OrgListItem>
        rowKey="id"
        columns={columns}
        dataSource={orgs.data?.items}
        loading={orgs.isFetching}
        pagination={list.pagination(orgs.data?.total, orgs.data?.totalCapped)}
        onChange={list.onTableChange}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={
                filtered
                  ? t('registry.org.emptyFiltered')
                  : can('registry.write')
                    ? t('registry.org.emptyWriter')
                    : t('registry.org.emptyReader')
              }
            />
          ),
        }}
      />
      {creating && <OrgFormModal onClose={() => setCreating(false)} />}
    </Card>
  );
}
