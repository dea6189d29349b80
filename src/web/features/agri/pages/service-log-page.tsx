import { App as AntApp, Button, Card, Descriptions, Image, Input, Rate, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { SERVED_KIND_NAMES } from '../../../../domain/agri';
import { useMsg, useT } from '../../../app/i18n';
import { PageLoading } from '../../../app/page-loading';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { AGRI, chinaTime, useConfirmLog, useRejectLog, useServiceLog } from '../api';
import { FlagTags, LogStatusTag } from '../components/flags';

/** One service log: what was done, where, the photos and the checks; the served party confirms it here. */
export function ServiceLogPage() {
  const { id = '' } = useParams();
  const t = useT();
  const pickMsg = useMsg();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const detail = useServiceLog(id);
  const confirm = useConfirmLog();
  const reject = useRejectLog();
  const [satisfaction, setSatisfaction] = useState(5);
  const [reason, setReason] = useState('');
  if (!detail.data) return <PageLoading />;
  const { log, photos, abilities } = detail.data;
  return (
    <Card
      title={t('agri.log.detail')}
      extra={<Link to="/agri/service-logs">{t('agri.log.back')}</Link>}
      style={{ maxWidth: 860 }}
    >
      <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
        <Descriptions.Item label={t('agri.log.servedAt')}>{chinaTime(log.servedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('agri.log.status')}>
          <LogStatusTag status={log.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('agri.commissioner')}>{log.commissionerName}</Descriptions.Item>
        <Descriptions.Item label={t('agri.served')}>
          {log.servedName}（{pickMsg(SERVED_KIND_NAMES[log.servedKind])}，{log.regionName}）
        </Descriptions.Item>
        <Descriptions.Item label={t('agri.log.place')}>{log.place}</Descriptions.Item>
        <Descriptions.Item label={t('agri.log.coords')}>
          {log.lat !== null && log.lng !== null
            ? `${log.lat.toFixed(4)}, ${log.lng.toFixed(4)}`
            : t('agri.log.noCoords')}
        </Descriptions.Item>
        <Descriptions.Item label={t('agri.log.content')} span={2}>
          {log.content}
        </Descriptions.Item>
        <Descriptions.Item label={t('agri.log.flags')} span={2}>
          <FlagTags flags={log.flags} notes={log.flagNotes} />
          {log.flags.map((f) => (
            <div key={f} style={{ color: '#a8071a', fontSize: 12 }}>
              {log.flagNotes[f]}
            </div>
          ))}
        </Descriptions.Item>
        {log.satisfaction !== null && (
          <Descriptions.Item label={t('agri.log.satisfaction')}>
            <Rate disabled value={log.satisfaction} />
          </Descriptions.Item>
        )}
        {log.rejectReason && (
          <Descriptions.Item label={t('agri.log.rejectReason')}>{log.rejectReason}</Descriptions.Item>
        )}
      </Descriptions>
      {photos.length > 0 && (
        <Space wrap style={{ marginTop: 16 }}>
          {photos.map((p) => (
            <Image key={p.id} width={160} src={`${AGRI}/photos/${p.id}`} alt={p.fileName} />
          ))}
        </Space>
      )}
      {abilities.confirm && (
        <Card size="small" style={{ marginTop: 16 }} title={t('agri.log.confirm')}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text>{t('agri.satisfactionHint')}</Typography.Text>
            <Rate value={satisfaction} onChange={setSatisfaction} />
            <Button
              type="primary"
              loading={confirm.isPending}
              onClick={() =>
                confirm
                  .mutateAsync({ id, body: { satisfaction } })
                  .then(() => message.success(t('agri.log.confirmed')))
                  .catch((e) => onError(e))
              }
            >
              {t('agri.log.confirm')}
            </Button>
            <Input.TextArea
              rows={2}
              placeholder={t('agri.reasonHint')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
            <Button
              danger
              disabled={!reason.trim()}
              loading={reject.isPending}
              onClick={() =>
                reject
                  .mutateAsync({ id, body: { reason } })
                  .then(() => message.success(t('agri.log.rejected')))
                  .catch((e) => onError(e))
              }
            >
              {t('agri.log.reject')}
            </Button>
          </Space>
        </Card>
      )}
    </Card>
  );
}
