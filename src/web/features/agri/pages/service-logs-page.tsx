import { Form, Input, Select } from 'antd';
import { Link } from 'react-router';
import {
  LOG_FLAG_NAMES,
  LOG_FLAGS,
  LOG_STATUS_CODES,
  LOG_STATUS_NAMES,
  SERVED_KIND_NAMES,
} from '../../../../domain/agri';
import { useMsg, useT } from '../../../app/i18n';
import { ListPage } from '../../../app/list/list-page';
import { useUrlListState } from '../../../app/list/use-list-state';
import { RegionSelect } from '../../registry/components/region-select';
import { AGRI, chinaTime, type ServiceLogItem, useServiceLogs } from '../api';
import { FlagTags, LogStatusTag } from '../components/flags';

/**
 * 服务记录: the commissioner's own, the served party's, or the county's — each sees what its scope
 * holds — with the anomaly flags, and the served party's way to its confirm page.
 */
export function ServiceLogsPage() {
  const t = useT();
  const pickMsg = useMsg();
  const list = useUrlListState<Record<string, string | undefined>>('-servedAt');
  const logs = useServiceLogs(list.params);
  return (
    <ListPage
      title={t('menu.agri.logs')}
      name="agri-log-filters"
      list={list}
      query={logs}
      columns={[
        {
          title: t('agri.log.servedAt'),
          key: 'servedAt',
          width: 140,
          sorter: true,
          sortOrder: list.sortOrderOf('servedAt'),
          render: (_, l: ServiceLogItem) => (
            <Link to={`/agri/service-logs/${l.id}`}>{chinaTime(l.servedAt)}</Link>
          ),
        },
        { title: t('agri.commissioner'), dataIndex: 'commissionerName', width: 90 },
        {
          title: t('agri.served'),
          key: 'served',
          width: 220,
          render: (_, l: ServiceLogItem) => (
            <>
              {l.servedName}
              <div style={{ color: '#999', fontSize: 12 }}>
                {pickMsg(SERVED_KIND_NAMES[l.servedKind])} · {l.regionName}
              </div>
            </>
          ),
        },
        { title: t('agri.log.content'), dataIndex: 'content', width: 240 },
        { title: t('agri.log.place'), dataIndex: 'place', width: 160 },
        {
          title: t('agri.log.status'),
          key: 'status',
          width: 90,
          render: (_, l: ServiceLogItem) => <LogStatusTag status={l.status} />,
        },
        {
          title: t('agri.log.flags'),
          key: 'flags',
          width: 130,
          render: (_, l: ServiceLogItem) => <FlagTags flags={l.flags} notes={l.flagNotes} />,
        },
        { title: t('agri.log.photos'), dataIndex: 'photos', width: 60, align: 'right' },
      ]}
      defaultHidden={['place', 'photos']}
      actionsWidth={70}
      actions={(l: ServiceLogItem) => <Link to={`/agri/service-logs/${l.id}`}>{t('agri.log.view')}</Link>}
      filterFields={
        <>
          <Form.Item label={t('agri.search')} name="q">
            <Input allowClear style={{ width: 160 }} />
          </Form.Item>
          <Form.Item label={t('agri.log.status')} name="status">
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 110 }}
              options={LOG_STATUS_CODES.map((s) => ({ value: s, label: pickMsg(LOG_STATUS_NAMES[s]) }))}
            />
          </Form.Item>
          <Form.Item label={t('agri.log.flagFilter')} name="flag">
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 140 }}
              options={[
                { value: 'any', label: t('agri.log.anyFlag') },
                ...LOG_FLAGS.map((f) => ({ value: f, label: pickMsg(LOG_FLAG_NAMES[f]) })),
              ]}
            />
          </Form.Item>
          <Form.Item label={t('agri.year')} name="year">
            <Input allowClear style={{ width: 80 }} />
          </Form.Item>
          <Form.Item label={t('agri.region')} name="regionCode">
            <RegionSelect style={{ width: 130 }} />
          </Form.Item>
        </>
      }
      exportPath={`${AGRI}/service-logs/export.xlsx`}
      empty={{ filtered: t('agri.emptyFiltered'), none: t('agri.emptyNone') }}
    />
  );
}
