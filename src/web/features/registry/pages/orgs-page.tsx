import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Select, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  LEVEL_CODES,
  LEVEL_NAMES,
  ORG_KIND_CODES,
  ORG_KIND_NAMES,
  type OrgKind,
} from '../../../../domain/registry';
import { useAuth } from '../../../app/auth-context';
import { Highlight } from '../../../app/highlight';
import { useLocale, useMsg, useT } from '../../../app/i18n';
import { DayCell, NameCell } from '../../../app/list/cells';
import { ListPage } from '../../../app/list/list-page';
import { useUrlListState } from '../../../app/list/use-list-state';
import { useParks } from '../../reference/api';
import { exportPaths, type OrgListItem, type OrgListQuery, useIndustries, useOrgs } from '../api';
import { IndustryCascader, industryLabel } from '../components/industry-cascader';
import { OrgFormModal } from '../components/org-form-modal';
import { QualificationTags } from '../components/qualification-tags';
import { RegionSelect, useOffersRegionFilter, useRegionName } from '../components/region-select';
import { QualificationTypeField, SearchField } from '../components/registry-filter-fields';

type OrgFilters = Omit<OrgListQuery, 'page' | 'pageSize' | 'sort'>;
type OrgFilterValues = Omit<OrgFilters, 'validOn' | 'aboveSize'> & {
  validOn?: Dayjs | null;
  aboveSize?: 'true' | 'false';
};

/** The kind and last change are there for those who want them; the rest fits 1366 px. */
const SECONDARY = ['kind', 'updatedAt'];

export function OrgsPage() {
  const t = useT();
  const regionName = useRegionName();
  const pickMsg = useMsg();
  const { locale } = useLocale();
  const { can } = useAuth();
  const list = useUrlListState<OrgFilters>();
  const orgs = useOrgs(list.params as OrgListQuery);
  const industries = useIndustries();
  const [creating, setCreating] = useState(false);

  const columns: TableColumnsType<OrgListItem> = [
    {
      title: t('registry.org.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: list.sortOrderOf('name'),
      render: (_, org) => (
        <NameCell
          to={`/registry/orgs/${org.id}`}
          name={<Highlight text={org.name} keyword={list.filters.q} />}
          code={org.uscc}
        />
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
      width: 180,
      // Wraps within its width: a long GB/T 4754 name never pushes the dates off the screen.
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
      width: 200,
      render: (codes: string[]) => <QualificationTags codes={codes} />,
    },
    {
      title: t('registry.org.foundedOn'),
      dataIndex: 'foundedOn',
      key: 'foundedOn',
      sorter: true,
      sortOrder: list.sortOrderOf('foundedOn'),
      render: (v: string | null) => <DayCell value={v} />,
    },
    {
      title: t('registry.org.updatedAt'),
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      sorter: true,
      sortOrder: list.sortOrderOf('updatedAt'),
      render: (v: string) => <DayCell value={v} />,
    },
  ];

  return (
    <>
      <ListPage<OrgListItem, OrgFilters, OrgFilterValues>
        title={t('menu.registry.orgs')}
        name="org-filters"
        list={list}
        query={orgs}
        columns={columns}
        defaultHidden={SECONDARY}
        toForm={({ validOn, aboveSize, ...rest }) => ({
          ...rest,
          aboveSize: aboveSize === undefined ? undefined : (String(aboveSize) as 'true' | 'false'),
          validOn: validOn ? dayjs(validOn) : undefined,
        })}
        fromForm={({ validOn, aboveSize, ...rest }) => ({
          ...rest,
          aboveSize: aboveSize === undefined ? undefined : aboveSize === 'true',
          // A level or date means something only for a chosen qualification.
          level: rest.qualification ? rest.level : undefined,
          validOn: rest.qualification && validOn ? validOn.format('YYYY-MM-DD') : undefined,
        })}
        filterFields={<OrgFilterFields />}
        notice={
          list.filters.q &&
          !list.exportQuery.sort && (
            <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
              {t('registry.org.rankedByRelevance')}
            </Typography.Paragraph>
          )
        }
        exportPath={exportPaths.orgs}
        extra={
          can('registry.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('registry.org.create')}
            </Button>
          )
        }
        empty={{
          filtered: t('registry.org.emptyFiltered'),
          none: can('registry.write') ? t('registry.org.emptyWriter') : t('registry.org.emptyReader'),
        }}
      />
      {creating && <OrgFormModal onClose={() => setCreating(false)} />}
    </>
  );
}

/** The organisation filters; level and date wait for a qualification type. */
function OrgFilterFields() {
  const t = useT();
  const pickMsg = useMsg();
  const { locale } = useLocale();
  const offersRegion = useOffersRegionFilter();
  const parks = useParks();
  const qualification = Form.useWatch('qualification');
  return (
    <>
      <SearchField placeholder={t('registry.org.searchPlaceholder')} width={360} />
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
      <QualificationTypeField name="qualification" label={t('registry.org.holdsQualification')} />
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
    </>
  );
}
