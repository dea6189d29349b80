import { Descriptions, Drawer, Spin, Tag, Timeline } from 'antd';
import { Link } from 'react-router';
import { PATENT_KIND_NAMES, PATENT_STATUS_NAMES, type PatentStatus } from '../../../../domain/ip';
import { useMsg, useT } from '../../../app/i18n';
import { usePatent } from '../api';

export const STATUS_COLOR: Record<PatentStatus, string> = {
  pending: 'blue',
  granted: 'green',
  expired: 'default',
  lapsed: 'orange',
  invalidated: 'red',
  withdrawn: 'default',
  rejected: 'red',
};

/** One patent: its record, its applicants (linked to 一企一档) and its legal-status timeline. */
export function PatentDrawer({ number, onClose }: { number: string | null; onClose: () => void }) {
  const t = useT();
  const pickMsg = useMsg();
  const q = usePatent(number);
  const p = q.data?.patent;
  return (
    <Drawer open={!!number} onClose={onClose} size="large" title={t('ip.detail')} destroyOnHidden>
      {q.isLoading || !p ? (
        <Spin />
      ) : (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('ip.appNo')}>{p.appNo}</Descriptions.Item>
            <Descriptions.Item label={t('ip.title')}>{p.title}</Descriptions.Item>
            <Descriptions.Item label={t('ip.kind')}>{pickMsg(PATENT_KIND_NAMES[p.kind])}</Descriptions.Item>
            <Descriptions.Item label={t('ip.status')}>
              <Tag color={STATUS_COLOR[p.status]}>{pickMsg(PATENT_STATUS_NAMES[p.status])}</Tag>
              <Tag color={p.validToday ? 'green' : 'default'}>
                {t('ip.validToday')}：{p.validToday ? t('ip.valid') : t('ip.invalid')}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('ip.applicants')}>
              {p.applicants.map((a) => (
                <div key={a.name}>
                  {a.orgId ? <Link to={`/registry/orgs/${a.orgId}`}>{a.orgName ?? a.name}</Link> : a.name}{' '}
                  <Tag>{a.orgId ? t('ip.registryOrg') : t('ip.person')}</Tag>
                </div>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label={t('ip.inventors')}>{p.inventors || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('ip.filedOn')}>{p.filedOn}</Descriptions.Item>
            <Descriptions.Item label={t('ip.grantedOn')}>{p.grantedOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('ip.termEnd')}>{p.termEnd}</Descriptions.Item>
            <Descriptions.Item label={t('ip.ipc')}>{p.ipcMain ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('ip.region')}>{p.regionName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('ip.address')}>{p.address ?? '—'}</Descriptions.Item>
          </Descriptions>
          <h3 style={{ fontSize: 15, marginTop: 20 }}>{t('ip.timeline')}</h3>
          <Timeline
            items={(q.data?.timeline ?? []).map((e) => ({
              color: STATUS_COLOR[e.status] === 'default' ? 'gray' : STATUS_COLOR[e.status],
              content: `${e.onDate}　${e.label}`,
            }))}
          />
        </>
      )}
    </Drawer>
  );
}
