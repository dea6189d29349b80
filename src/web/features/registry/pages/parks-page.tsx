import { Button, Form, Input, Select, type TableColumnsType, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useLocale, useT } from '../../../app/i18n';
import { orNoneColumn } from '../../../app/list/cells';
import { ListPage } from '../../../app/list/list-page';
import { useUrlListState } from '../../../app/list/use-list-state';
import { ParkAnnualModal } from '../components/park-annual-modal';
import { RegionSelect, useOffersRegionFilter, useRegionName } from '../components/region-select';
import { facilityExportPaths, type ParkItem, type ParkListQuery, useParkList } from '../facilities-api';
import { formatWan } from '../format';

type ParkFilters = Omit<ParkListQuery, 'page' | 'pageSize' | 'sort'>;
type ParkFilterValues = Omit<ParkFilters, 'year'> & { year?: number };

const FIRST_YEAR = 2010;
/** The park's code is for those who look for it. */
const SECONDARY = ['code'];

/** 园区: the high-tech zone and its sub-parks (一区多园), with each one's yearly figures. */
export function ParksPage() {
  const t = useT();
  const regionName = useRegionName();
  const { locale } = useLocale();
  const offersRegion = useOffersRegionFilter();
  const list = useUrlListState<ParkFilters>();
  const parks = useParkList(list.params as ParkListQuery);
  const [annualOf, setAnnualOf] = useState<string | null>(null);
  const years = Array.from({ length: dayjs().year() - FIRST_YEAR + 1 }, (_, i) => dayjs().year() - i);

  const columns: TableColumnsType<ParkItem> = [
    {
      title: t('registry.park.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: list.sortOrderOf('name'),
      render: (_, p) => (
        // Sub-parks sit under the zone they belong to (一区多园).
        <span style={{ paddingInlineStart: p.parentId ? 20 : 0 }}>
          {p.parentId ? '└ ' : ''}
          {locale === 'en' ? p.nameEn : p.name}
        </span>
      ),
    },
    {
      title: t('registry.park.code'),
      dataIndex: 'code',
      key: 'code',
      render: (v: string) => <Typography.Text type="secondary">{v}</Typography.Text>,
    },
    {
      title: t('registry.org.region'),
      dataIndex: 'regionName',
      key: 'regionCode',
      render: (name: string, row) => regionName(row.regionCode, name),
      sorter: true,
      sortOrder: list.sortOrderOf('regionCode'),
    },
    orNoneColumn<ParkItem>(t('registry.park.year'), 'year'),
    {
      title: t('registry.park.industrialOutput'),
      dataIndex: 'industrialOutput',
      key: 'industrialOutput',
      align: 'right',
      render: formatWan,
    },
    orNoneColumn<ParkItem>(t('registry.park.enterprises'), 'enterprises', 'right'),
    orNoneColumn<ParkItem>(t('registry.park.hteCount'), 'hteCount', 'right'),
  ];

  return (
    <>
      <ListPage<ParkItem, ParkFilters, ParkFilterValues>
        title={t('menu.registry.parks')}
        name="park-filters"
        list={list}
        query={parks}
        columns={columns}
        defaultHidden={SECONDARY}
        exportPath={facilityExportPaths.parks}
        toForm={({ year, ...rest }) => ({ ...rest, year: year === undefined ? undefined : Number(year) })}
        filterFields={
          <>
            <Form.Item label={t('registry.search')} name="q">
              <Input allowClear placeholder={t('registry.park.searchPlaceholder')} style={{ width: 220 }} />
            </Form.Item>
            {offersRegion && (
              <Form.Item label={t('registry.org.region')} name="regionCode">
                <RegionSelect />
              </Form.Item>
            )}
            <Form.Item label={t('registry.park.year')} name="year" tooltip={t('registry.park.yearHint')}>
              <Select
                allowClear
                placeholder={t('registry.park.latest')}
                style={{ width: 120 }}
                options={years.map((y) => ({ value: y, label: String(y) }))}
              />
            </Form.Item>
          </>
        }
        actionsWidth={110}
        actions={(p) => (
          <Button type="link" size="small" onClick={() => setAnnualOf(p.id)}>
            {t('registry.carrier.annual')}
          </Button>
        )}
        empty={{ filtered: t('registry.park.empty'), none: t('registry.park.empty') }}
      />
      {annualOf && <ParkAnnualModal parkId={annualOf} onClose={() => setAnnualOf(null)} />}
    </>
  );
}
