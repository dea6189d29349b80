import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { LEVEL_NAMES } from '../../../../domain/registry';
import { useMsg, useT } from '../../../app/i18n';
import type { OrgDetail, Qualification } from '../api';
import { QualificationFormModal } from './qualification-form-modal';
import {
  QualificationStateTag,
  qualificationState,
  STATE_TIMELINE_COLOR,
  useQualificationTypeName,
} from './qualification-tags';
import { RevokeQualificationModal } from './revoke-qualification-modal';

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; q: Qualification }
  | { kind: 'revoke'; q: Qualification }
  | null;

/** Every qualification the organisation has held, newest first, each with its validity range. */
export function QualificationTimeline({ detail }: { detail: OrgDetail }) {
  const t = useT();
  const pickMsg = useMsg();
  const typeName = useQualificationTypeName();
  const [dialog, setDialog] = useState<Dialog>(null);
  const canWrite = detail.abilities.edit === 'full';
  const items = [...detail.qualifications].sort((a, b) => b.issuedOn.localeCompare(a.issuedOn));

  return (
    <section aria-label={t('registry.tab.qualifications')}>
      {canWrite && (
        <div style={{ marginBottom: 16 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
            {t('registry.qual.create')}
          </Button>
        </div>
      )}
      {items.length === 0 ? (
        <Empty
          description={canWrite ? t('registry.qual.emptyWriter') : t('registry.qual.emptyReader')}
          image={Empty.PRESENTED_IMAGE_SIMPLE}
        />
      ) : (
        <Timeline
          data-testid="qualification-timeline"
          items={items.map((q) => ({
            key: q.id,
            color: STATE_TIMELINE_COLOR[qualificationState(q)],
            title: (
              <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                {q.issuedOn} — {q.validUntil ?? t('registry.qual.noEnd')}
              </Typography.Text>
            ),
            content: (
              <div style={{ display: 'grid', gap: 4 }}>
                <Space size={8} wrap>
                  <Typography.Text strong>{typeName(q.typeCode)}</Typography.Text>
                  {q.level && <Tag>{pickMsg(LEVEL_NAMES[q.level])}</Tag>}
                  <QualificationStateTag q={q} />
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {[
                    q.certificateNo && t('registry.qual.certificateNoIs', { no: q.certificateNo }),
                    q.documentNo && t('registry.qual.documentNoIs', { no: q.documentNo }),
                    q.batch && t('registry.qual.batchIs', { batch: q.batch }),
                  ]
                    .filter(Boolean)
                    .join(t('common.listSeparator')) || null}
                </Typography.Text>
                {q.revoked && (
                  <Typography.Text type="danger" style={{ fontSize: 13 }}>
                    {t('registry.qual.revokedLine', {
                      date: q.revokedOn ?? '—',
                      reason: q.revokeReason ?? '—',
                    })}
                  </Typography.Text>
                )}
                {canWrite && (
                  <Space size={0}>
                    <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', q })}>
                      {t('common.edit')}
                    </Button>
                    {!q.revoked && qualificationState(q) !== 'expired' && (
                      <Button
                        type="link"
                        size="small"
                        danger
                        onClick={() => setDialog({ kind: 'revoke', q })}
                      >
                        {t('registry.qual.revoke')}
                      </Button>
                    )}
                  </Space>
                )}
              </div>
            ),
          }))}
        />
      )}
      {dialog?.kind === 'create' && (
        <QualificationFormModal
          orgId={detail.org.id}
          orgName={detail.org.name}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'edit' && (
        <QualificationFormModal
          orgId={detail.org.id}
          orgName={detail.org.name}
          qualification={dialog.q}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'revoke' && (
        <RevokeQualificationModal qualification={dialog.q} onClose={() => setDialog(null)} />
      )}
    </section>
  );
}
