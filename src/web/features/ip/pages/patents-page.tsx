import { Button, DatePicker, Form, Input, Select, type TableColumnsType, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { PatentListQuery } from '../../../../domain/contracts/ip';
import { PATENT_KIND_NAMES, PATENT_KINDS, PATENT_STATUS_NAMES, PATENT_STATUSES } from '../../../../domain/ip';
import { useMsg, useT } from '../../../app/i18n';
import { DayCell } from '../../../app/list/cells';
import { ListPage } from '../../../app/list/list-page';
import { useUrlListState } from '../../../app/list/use-list-state';
import { RegionSelect } from '../../registry/components/region-select';
import { type PatentItem, patentExportPath, usePatents } from '../api';
import { PatentDrawer, STATUS_COLOR } from '../components/patent-drawer';

type Filters = Omit<PatentListQuery, 'page' | 'pageSize' | 'sort'>;
type FilterValues = Omit<Filters, 'filedFrom' | 'filedTo' | 'grantedFrom' | 'grantedTo'> & {
  filed?: [Dayjs, Dayjs] | null;
  granted?: [Dayjs, Dayjs] | null;
};

const SECONDARY = ['inventors', 'publishedOn', 'ipcMain', 'grantedOn', 'region'];

const range = (a?: string, b?: string) => (a && b ? ([dayjs(a), dayjs(b)] as [Dayjs, Dayjs]) : undefined);

/** 专利检索: every patent the platform holds (public information), searched and exported. */
export function PatentsPage() {
  const t = useT();
  const pickMsg = useMsg();
  const list = useUrlListState<Filters>('-filedOn');
  const patents = usePatents(list.params as Partial<PatentListQuery>);
  const [open, setOpen] = useState<string | null>(null);
  const sorted = (key: string) => ({ key, sorter: true, sortOrder: list.sortOrderOf(key) });

  const columns: TableColumnsType<PatentItem> = [
    { title: t('ip.appNo'), dataIndex: 'appNo', width: 150, ...sorted('appNo') },
    { title: t('ip.title'), dataIndex: 'title', width: 200, ...sorted('title') },
    {
      title: t('ip.kind'),
      key: 'kind',
      width: 90,
      render: (_, p) => pickMsg(PATENT_KIND_NAMES[p.kind]),
    },
    { title: t('ip.applicants'), dataIndex: 'applicantNames', width: 180 },
    { title: t('ip.inventors'), dataIndex: 'inventors', key: 'inventors', width: 140 },
    {
      title: t('ip.filedOn'),
      width: 110,
      ...sorted('filedOn'),
      render: (_, p) => <DayCell value={p.filedOn} />,
    },
    {
      title: t('ip.publishedOn'),
      key: 'publishedOn',
      width: 110,
      render: (_, p) => <DayCell value={p.publishedOn} />,
    },
    {
      title: t('ip.grantedOn'),
      width: 110,
      ...sorted('grantedOn'),
      render: (_, p) => <DayCell value={p.grantedOn} />,
    },
    {
      title: t('ip.status'),
      key: 'status',
      width: 110,
      render: (_, p) => <Tag color={STATUS_COLOR[p.status]}>{pickMsg(PATENT_STATUS_NAMES[p.status])}</Tag>,
    },
    { title: t('ip.ipc'), dataIndex: 'ipcMain', key: 'ipcMain', width: 110 },
    { title: t('ip.region'), key: 'region', width: 100, render: (_, p) => p.regionName ?? '—' },
  ];

  return (
    <>
      <ListPage<PatentItem, Filters, FilterValues>
        title={t('menu.ip.patents')}
        name="patent-filters"
        list={list}
        query={patents}
        columns={columns}
        defaultHidden={SECONDARY}
        actionsWidth={70}
        toForm={({ filedFrom, filedTo, grantedFrom, grantedTo, ...rest }) => ({
          ...rest,
          filed: range(filedFrom, filedTo),
          granted: range(grantedFrom, grantedTo),
        })}
        fromForm={({ filed, granted, ...rest }) => ({
          ...rest,
          filedFrom: filed?.[0]?.format('YYYY-MM-DD'),
          filedTo: filed?.[1]?.format('YYYY-MM-DD'),
          grantedFrom: granted?.[0]?.format('YYYY-MM-DD'),
          grantedTo: granted?.[1]?.format('YYYY-MM-DD'),
        })}
        filterFields={
          <>
            <Form.Item label={t('ip.search')} name="q">
              <Input allowClear placeholder={t('ip.searchPlaceholder')} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item label={t('ip.applicants')} name="applicant">
              <Input allowClear style={{ width: 160 }} />
            </Form.Item>
            <Form.Item label={t('ip.ipc')} name="ipc">
              <Input allowClear placeholder="A43B" style={{ width: 100 }} />
            </Form.Item>
            <Form.Item label={t('ip.kind')} name="kind">
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 110 }}
                options={PATENT_KINDS.map((k) => ({ value: k, label: pickMsg(PATENT_KIND_NAMES[k]) }))}
              />
            </Form.Item>
            <Form.Item label={t('ip.status')} name="status">
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 140 }}
                options={PATENT_STATUSES.map((s) => ({ value: s, label: pickMsg(PATENT_STATUS_NAMES[s]) }))}
              />
            </Form.Item>
            <Form.Item label={t('ip.region')} name="regionCode">
              <RegionSelect />
            </Form.Item>
            <Form.Item label={t('ip.filed')} name="filed">
              <DatePicker.RangePicker />
            </Form.Item>
            <Form.Item label={t('ip.granted')} name="granted">
              <DatePicker.RangePicker />
            </Form.Item>
          </>
        }
        actions={(p) => (
          <Button type="link" size="small" onClick={() => setOpen(p.appNo)}>
            {t('ip.view')}
          </Button>
        )}
        exportPath={patentExportPath}
        empty={{ filtered: t('ip.emptyFiltered'), none: t('ip.emptyNone') }}
      />
      <PatentDrawer number={open} onClose={() => setOpen(null)} />
    </>
  );
}
