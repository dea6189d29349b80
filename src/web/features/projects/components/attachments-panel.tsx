import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Popconfirm, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../../app/format';
import { useLocale, useT } from '../../../app/i18n';
import { type ApplicationDetail, projectPaths, useDeleteAttachment, useUploadAttachment } from '../api';
import { bytesText } from '../format';

const FINAL_REPORT = 'final_report';
const OTHER = 'other';
const ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.png,.jpg,.jpeg';

interface Row {
  kind: string;
  name: string;
  required: boolean;
}

/**
 * Files per kind: each required kind of the call, then 其他材料, then the 验收材料 once the project is
 * under way. The server checks the type from the content and the 20 MB limit; its refusal is shown
 * under the kind it concerns.
 */
export function AttachmentsPanel({ detail }: { detail: ApplicationDetail }) {
  const t = useT();
  const { locale } = useLocale();
  const { message } = AntApp.useApp();
  const upload = useUploadAttachment(detail.id);
  const remove = useDeleteAttachment(detail.id);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const canUploadAll = detail.abilities.upload;
  const canUploadFinal = detail.abilities.uploadFinalReport;

  const rows: Row[] = [
    ...detail.call.requiredAttachments.map((a) => ({
      kind: a.code,
      name: locale === 'en' ? a.nameEn : a.name,
      required: true,
    })),
    { kind: OTHER, name: t('projects.attachment.other'), required: false },
  ];
  // 验收材料 belongs to a project under way (or one that has filed it), not to an application.
  if (detail.state === 'in_progress' || detail.attachments.some((a) => a.kind === FINAL_REPORT))
    rows.push({ kind: FINAL_REPORT, name: t('projects.attachment.finalReport'), required: false });

  const mayUpload = (kind: string) =>
    kind === FINAL_REPORT ? canUploadFinal && detail.state === 'in_progress' : canUploadAll;

  const send = (kind: string, file: File) => {
    setErrors((e) => ({ ...e, [kind]: '' }));
    upload.mutate(
      { kind, file },
      {
        onSuccess: () => message.success(t('projects.attachment.uploaded', { name: file.name })),
        onError: (error) => setErrors((e) => ({ ...e, [kind]: error.message })),
      },
    );
  };

  return (
    <Table<Row>
      rowKey="kind"
      size="small"
      pagination={false}
      dataSource={rows}
      columns={[
        {
          title: t('projects.attachment.kind'),
          key: 'name',
          width: 200,
          render: (_, r) => (
            <span>
              {r.required && <Typography.Text type="danger">* </Typography.Text>}
              {r.name}
            </span>
          ),
        },
        {
          title: t('projects.attachment.files'),
          key: 'files',
          render: (_, r) => {
            const files = detail.attachments.filter((a) => a.kind === r.kind);
            return (
              <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                {files.length === 0 && (
                  <Typography.Text type={r.required ? 'warning' : 'secondary'}>
                    {r.required ? t('projects.attachment.missing') : '—'}
                  </Typography.Text>
                )}
                {files.map((f) => (
                  <Space key={f.id} size={8} wrap>
                    <PaperClipOutlined />
                    <a href={projectPaths.attachment(f.id)} target="_blank" rel="noopener noreferrer">
                      {f.fileName}
                    </a>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {bytesText(f.size)} · {formatDateTime(f.uploadedAt)}
                    </Typography.Text>
                    {mayUpload(r.kind) && (
                      <Popconfirm
                        title={t('projects.attachment.deleteConfirm', { name: f.fileName })}
                        okText={t('projects.attachment.delete')}
                        okButtonProps={{ danger: true }}
                        cancelText={t('common.cancel')}
                        onConfirm={() =>
                          remove.mutate(f.id, { onError: (error) => message.error(error.message) })
                        }
                      >
                        <Button
                          size="small"
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('projects.attachment.delete')}
                        />
                      </Popconfirm>
                    )}
                  </Space>
                ))}
                {errors[r.kind] && <Alert type="error" showIcon title={errors[r.kind]} />}
              </Space>
            );
          },
        },
        {
          title: t('common.actions'),
          key: 'upload',
          width: 140,
          render: (_, r) =>
            mayUpload(r.kind) ? (
              <Upload
                accept={ACCEPT}
                showUploadList={false}
                beforeUpload={(file) => {
                  send(r.kind, file);
                  return false;
                }}
              >
                <Button
                  size="small"
                  icon={<UploadOutlined />}
                  loading={upload.isPending && upload.variables?.kind === r.kind}
                >
                  {t('projects.attachment.upload')}
                </Button>
              </Upload>
            ) : null,
        },
      ]}
      footer={() => (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('projects.attachment.hint')}
        </Typography.Text>
      )}
    />
  );
}
