import {
  Alert,
  App as AntApp,
  Button,
  Form,
  Modal,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useLocale, useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { type Panel, useExperts, usePanel, useReplaceAssignment } from '../api';
import { useFieldName } from '../format';
import { ReasonField } from './reason-field';

type ExpertRow = Panel['experts'][number];

const STATUS_COLORS: Record<ExpertRow['status'], string> = {
  assigned: 'default',
  accepted: 'blue',
  declined: 'orange',
  submitted: 'green',
  replaced: 'default',
};

/** 专家评分: each expert's scores per criterion, the panel score, the dropped highest and lowest. */
export function ScoresPanel({
  applicationId,
  field,
  canReplace,
}: {
  applicationId: string;
  /** The application's field: the experts offered as substitutes are of it first. */
  field: string | null;
  canReplace: boolean;
}) {
  const t = useT();
  const { locale } = useLocale();
  const panel = usePanel(applicationId);
  const [replacing, setReplacing] = useState<ExpertRow | null>(null);
  if (panel.isError) return <Alert type="error" showIcon title={panel.error.message} />;
  if (!panel.data) return <Skeleton active />;
  const p = panel.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text>
        {t('projects.score.panel')}：
        <Typography.Text strong style={{ fontSize: 18 }}>
          {p.panelScore ?? '—'}
        </Typography.Text>{' '}
        <Typography.Text type="secondary">
          {t('projects.score.progress', { submitted: p.submitted, active: p.active })}
          {p.trimmed ? ` · ${t('projects.score.trimmed')}` : ''}
        </Typography.Text>
      </Typography.Text>
      <Table<ExpertRow>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={p.experts}
        scroll={{ x: 'max-content' }}
        rowClassName={(r) =>
          r.status === 'replaced' || r.status === 'declined' ? 'ant-table-row-disabled' : ''
        }
        columns={[
          { title: t('projects.expert.name'), dataIndex: 'expertName', key: 'name' },
          {
            title: t('projects.review.status'),
            key: 'status',
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <Tag color={STATUS_COLORS[r.status]}>{t(`projects.review.status.${r.status}`)}</Tag>
                {r.replacedReason && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.replacedReason}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          ...p.rubric.map((c) => ({
            title: `${locale === 'en' ? c.nameEn : c.name} (${c.max})`,
            key: c.code,
            render: (_: unknown, r: ExpertRow) => r.scores?.[c.code] ?? '—',
          })),
          {
            title: t('projects.score.total'),
            key: 'total',
            render: (_, r) =>
              r.total === null ? (
                '—'
              ) : r.dropped ? (
                <Space>
                  <Typography.Text delete>{r.total}</Typography.Text>
                  <Tag color="orange">{t(`projects.score.dropped.${r.dropped}`)}</Tag>
                </Space>
              ) : (
                r.total
              ),
          },
          {
            title: t('projects.score.comment'),
            key: 'comment',
            width: 280,
            render: (_, r) => r.comment ?? '—',
          },
          ...(canReplace
            ? [
                {
                  title: t('common.actions'),
                  key: 'op',
                  render: (_: unknown, r: ExpertRow) =>
                    r.status === 'assigned' || r.status === 'accepted' ? (
                      <Button size="small" onClick={() => setReplacing(r)}>
                        {t('projects.draw.replace')}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {replacing && (
        <ReplaceModal
          applicationId={applicationId}
          field={field}
          onPanel={p.experts.map((x) => x.expertId)}
          row={replacing}
          onClose={() => setReplacing(null)}
        />
      )}
    </Space>
  );
}

/**
 * 更换专家: the reason, and either a substitute drawn by the rules (the default) or one staff
 * appoint by name; the server still refuses anyone with a conflict of interest.
 */
function ReplaceModal({
  applicationId,
  field,
  onPanel,
  row,
  onClose,
}: {
  applicationId: string;
  field: string | null;
  onPanel: string[];
  row: ExpertRow;
  onClose: () => void;
}) {
  const t = useT();
  const fieldName = useFieldName();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<{ reason: string; expertId?: string }>();
  const replace = useReplaceAssignment(applicationId);
  const [q, setQ] = useState('');
  const pool = useExperts({
    active: true,
    q: q || undefined,
    field: q ? undefined : (field ?? undefined),
    pageSize: 50,
  });
  const options = (pool.data?.items ?? []).map((x) => {
    const taken = onPanel.includes(x.id);
    return {
      value: x.id,
      label: [
        x.name,
        x.orgName ?? '—',
        x.fields.map(fieldName).join('、'),
        taken ? t('projects.draw.onPanel') : t('projects.draw.load', { n: x.load }),
      ].join(' · '),
      disabled: taken,
    };
  });
  return (
    <Modal
      open
      title={t('projects.draw.replaceTitle', { name: row.expertName })}
      okText={t('projects.draw.replace')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={replace.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        name="replace-form"
        onFinish={(v) =>
          replace.mutate(
            { id: row.id, reason: v.reason.trim(), ...(v.expertId ? { expertId: v.expertId } : {}) },
            {
              onSuccess: (r) => {
                if (r.substitute)
                  message.success(t('projects.draw.replaced', { name: r.substitute.expertName }));
                else message.warning(r.shortfall ?? t('projects.draw.noSubstitute'));
                onClose();
              },
              onError: (error) => onError(error, form),
            },
          )
        }
      >
        <ReasonField />
        <Form.Item
          label={t('projects.draw.substitute')}
          name="expertId"
          extra={t('projects.draw.substituteHint')}
        >
          <Select
            allowClear
            showSearch={{ filterOption: false, onSearch: setQ }}
            loading={pool.isFetching}
            placeholder={t('projects.draw.substituteDrawn')}
            options={options}
            popupMatchSelectWidth={false}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
