/**
 * What the 研发平台 and 孵化载体 lists share on ListPage: their columns, their filters (held in the
 * address as strings, `activeOn` as a date in the form) and their row buttons.
 */
import { Button, Space, type TableColumnsType, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { LEVEL_NAMES } from '../../../../domain/registry';
import { useMsg, useT } from '../../../app/i18n';
import type { UrlListState } from '../../../app/list/use-list-state';
import type { Carrier, Platform } from '../facilities-api';
import { type FacilityFilterValues, facilityFilters } from './facility-filter-fields';
import { RecordStatusTag } from './org-facilities';
import { useRegionName } from './region-select';

type Facility = Platform | Carrier;
type Filters = Record<string, string | undefined>;

export const facilityForm = {
  toForm: ({ activeOn, ...rest }: Filters): FacilityFilterValues => ({
    ...rest,
    activeOn: activeOn ? dayjs(activeOn) : undefined,
  }),
  fromForm: (values: FacilityFilterValues) => facilityFilters<Filters>(values),
};

/** The shared columns; `kind` and `owner` name the variant's kind text and owner (host, operator). */
export function useFacilityColumns<T extends Facility>(
  list: UrlListState<Filters>,
  opts: {
    kindTitle: string;
    kindName: (row: T) => string;
    owner: { title: string; key: string; name: (row: T) => string; id: (row: T) => string; tab: string };
    extra?: TableColumnsType<T>;
  },
): TableColumnsType<T> {
  const t = useT();
  const pickMsg = useMsg();
  const regionName = useRegionName();
  const sorted = (key: string) => ({ key, sorter: true, sortOrder: list.sortOrderOf(key) });
  return [
    { title: t('registry.facility.name'), dataIndex: 'name', width: 260, ellipsis: true, ...sorted('name') },
    {
      title: opts.kindTitle,
      ...sorted('kind'),
      render: (_, row) => `${opts.kindName(row)} · ${pickMsg(LEVEL_NAMES[row.level])}`,
    },
    {
      title: opts.owner.title,
      width: 220,
      ellipsis: true,
      ...sorted(opts.owner.key),
      render: (_, row) => (
        <Link to={`/registry/orgs/${opts.owner.id(row)}?tab=${opts.owner.tab}`}>{opts.owner.name(row)}</Link>
      ),
    },
    {
      title: t('registry.org.region'),
      ...sorted('regionCode'),
      render: (_, row) => regionName(row.regionCode, row.regionName),
    },
    {
      title: t('registry.facility.recognizedOn'),
      ...sorted('recognizedOn'),
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <span>{row.recognizedOn}</span>
          {row.documentNo && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.documentNo}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    ...(opts.extra ?? []),
    {
      title: t('registry.facility.status'),
      key: 'status',
      render: (_, row) => (
        <Space size={4}>
          <RecordStatusTag status={row.status} />
          {row.endedOn}
        </Space>
      ),
    },
  ];
}

/** 编辑 and 终止 for writers, after any buttons of the variant's own. */
export function FacilityActions<T extends Facility>({
  row,
  canWrite,
  onEdit,
  onEnd,
  before,
}: {
  row: T;
  canWrite: boolean;
  onEdit: () => void;
  onEnd: () => void;
  before?: ReactNode;
}) {
  const t = useT();
  return (
    <Space size={0}>
      {before}
      {canWrite && (
        <>
          <Button type="link" size="small" onClick={onEdit}>
            {t('common.edit')}
          </Button>
          {row.status === 'active' && (
            <Button type="link" size="small" danger onClick={onEnd}>
              {t('registry.facility.end')}
            </Button>
          )}
        </>
      )}
    </Space>
  );
}
