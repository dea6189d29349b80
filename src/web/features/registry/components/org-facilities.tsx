import { Empty, Table, type TableColumnsType, Tag } from 'antd';
import {
  CARRIER_KIND_NAMES,
  LEVEL_NAMES,
  PLATFORM_KIND_NAMES,
  RECORD_STATUS_NAMES,
} from '../../../../domain/registry';
import { useMsg, useT } from '../../../app/i18n';
import { orNoneColumn } from '../../../app/list/cells';
import type { OrgDetail } from '../api';

type Platform = OrgDetail['platforms'][number];
type Carrier = OrgDetail['carriers'][number];
type RecordStatus = keyof typeof RECORD_STATUS_NAMES;

const STATUS_COLOR: Record<RecordStatus, string> = { active: 'success', revoked: 'error', closed: 'default' };

export function RecordStatusTag({ status }: { status: RecordStatus }) {
  const pickMsg = useMsg();
  return <Tag color={STATUS_COLOR[status]}>{pickMsg(RECORD_STATUS_NAMES[status])}</Tag>;
}

/** 研发平台 the organisation hosts. */
export function OrgPlatforms({ platforms }: { platforms: Platform[] }) {
  const t = useT();
  const pickMsg = useMsg();
  const columns: TableColumnsType<Platform> = [
    { title: t('registry.facility.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('registry.facility.platformKind'),
      dataIndex: 'kind',
      key: 'kind',
      render: (k: Platform['kind']) => pickMsg(PLATFORM_KIND_NAMES[k]),
    },
    {
      title: t('registry.qual.level'),
      dataIndex: 'level',
      key: 'level',
      render: (l: Platform['level']) => pickMsg(LEVEL_NAMES[l]),
    },
    { title: t('registry.facility.recognizedOn'), dataIndex: 'recognizedOn', key: 'recognizedOn' },
    {
      title: t('registry.qual.documentNo'),
      dataIndex: 'documentNo',
      key: 'documentNo',
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('registry.facility.status'),
      key: 'status',
      render: (_, p) => (
        <>
          <RecordStatusTag status={p.status} />
          {p.endedOn && <span>{p.endedOn}</span>}
        </>
      ),
    },
  ];
  return (
    <Table<Platform>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={platforms}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{
        emptyText: (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('registry.facility.noPlatforms')} />
        ),
      }}
    />
  );
}

/** 孵化载体 the organisation operates, with the figures of their latest year. */
export function OrgCarriers({ carriers }: { carriers: Carrier[] }) {
  const t = useT();
  const pickMsg = useMsg();
  const columns: TableColumnsType<Carrier> = [
    { title: t('registry.facility.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('registry.facility.carrierKind'),
      dataIndex: 'kind',
      key: 'kind',
      render: (k: Carrier['kind']) => pickMsg(CARRIER_KIND_NAMES[k]),
    },
    {
      title: t('registry.qual.level'),
      dataIndex: 'level',
      key: 'level',
      render: (l: Carrier['level']) => pickMsg(LEVEL_NAMES[l]),
    },
    { title: t('registry.facility.recognizedOn'), dataIndex: 'recognizedOn', key: 'recognizedOn' },
    orNoneColumn<Carrier>(t('registry.facility.latestYear'), 'latestYear'),
    orNoneColumn<Carrier>(t('registry.facility.startupsServed'), 'startupsServed', 'right'),
    orNoneColumn<Carrier>(t('registry.facility.teamsServed'), 'teamsServed', 'right'),
    {
      title: t('registry.facility.status'),
      key: 'status',
      render: (_, c) => <RecordStatusTag status={c.status} />,
    },
  ];
  return (
    <Table<Carrier>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={carriers}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{
        emptyText: (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('registry.facility.noCarriers')} />
        ),
      }}
    />
  );
}
