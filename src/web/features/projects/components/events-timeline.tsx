import { Empty, Timeline, Typography } from 'antd';
import { ROLE_NAMES, type RoleCode } from '../../../../domain/roles';
import { formatDateTime } from '../../../app/format';
import { useMsg, useT } from '../../../app/i18n';
import type { ApplicationDetail } from '../api';

/** 办理记录: who did what, when and why, newest last as the file reads. */
export function EventsTimeline({ events }: { events: ApplicationDetail['events'] }) {
  const t = useT();
  const pickMsg = useMsg();
  if (events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      items={events.map((e, i) => ({
        key: `${e.at}-${i}`,
        color: e.reason ? 'orange' : 'blue',
        children: (
          <div>
            <Typography.Text strong>
              {e.actionName
                ? pickMsg(e.actionName)
                : e.action === 'create'
                  ? t('projects.event.create')
                  : e.action}
            </Typography.Text>{' '}
            <Typography.Text type="secondary">
              {formatDateTime(e.at)} ·{' '}
              {e.actorRole && e.actorRole in ROLE_NAMES
                ? `${pickMsg(ROLE_NAMES[e.actorRole as RoleCode])}（${e.actorUsername ?? '—'}）`
                : (e.actorUsername ?? '—')}
            </Typography.Text>
            {e.reason && (
              <Typography.Paragraph style={{ margin: '4px 0 0' }}>
                {t('projects.event.reason')}：{e.reason}
              </Typography.Paragraph>
            )}
          </div>
        ),
      }))}
    />
  );
}
