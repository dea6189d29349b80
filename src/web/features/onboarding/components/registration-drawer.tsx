import { Alert, App as AntApp, Button, Descriptions, Drawer, Form, Input, Modal, Space, Tag } from 'antd';
import { useState } from 'react';
import { REGISTRATION_FILE_KIND_NAMES, REGISTRATION_KIND_NAMES } from '../../../../domain/onboarding';
import { ORG_KIND_NAMES, type OrgKind } from '../../../../domain/registry';
import { formatDateTime } from '../../../app/format';
import { useMsg, useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { InitialPasswordModal } from '../../admin/components/initial-password-modal';
import { registrationFilePath, useDecideRegistration, useRegistration, useResetUnitAdmin } from '../api';
import { StatusTag } from './status-tag';

type Asking = { decision: 'return' | 'refuse' } | { reset: true } | null;

/** One request: what was declared, the scan, and the reviewer's decision. */
export function RegistrationDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const t = useT();
  const pickMsg = useMsg();
  const { modal } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const detail = useRegistration(id);
  const decide = useDecideRegistration();
  const resetAdmin = useResetUnitAdmin();
  const [asking, setAsking] = useState<Asking>(null);
  const [password, setPassword] = useState<{ name: string; password: string } | null>(null);
  const [form] = Form.useForm<{ text: string }>();
  const r = detail.data;

  const approve = () => {
    if (!r) return;
    modal.confirm({
      title: t('onboarding.approveConfirm', {
        name: r.name,
        admin: r.kind === 'org' ? t('onboarding.approveAdmin') : '',
      }),
      onOk: () => decide.mutateAsync({ id, body: { decision: 'approve' } }).catch((e) => onError(e)),
    });
  };

  const submitAsk = (values: { text: string }) => {
    if (!asking) return;
    if ('decision' in asking) {
      decide.mutate(
        { id, body: { decision: asking.decision, note: values.text } },
        { onSuccess: () => setAsking(null), onError: (e) => onError(e, form, { note: 'text' }) },
      );
    } else {
      resetAdmin.mutate(
        { id, stampedRequest: values.text },
        {
          onSuccess: (res) => {
            setAsking(null);
            setPassword({ name: res.username, password: res.initialPassword });
          },
          onError: (e) => onError(e, form, { stampedRequest: 'text' }),
        },
      );
    }
  };

  const decisionLabel = (d: 'return' | 'refuse') =>
    t(d === 'return' ? 'onboarding.return' : 'onboarding.refuse');
  return (
    <Drawer
      open
      size="large"
      title={r ? `${t('onboarding.detail')} ${r.trackingNo}` : t('onboarding.detail')}
      onClose={onClose}
      loading={detail.isLoading}
      extra={
        r && (
          <Space wrap>
            {r.abilities.decide && (
              <>
                <Button type="primary" onClick={approve} loading={decide.isPending}>
                  {t('onboarding.approve')}
                </Button>
                <Button onClick={() => setAsking({ decision: 'return' })}>{t('onboarding.return')}</Button>
                <Button danger onClick={() => setAsking({ decision: 'refuse' })}>
                  {t('onboarding.refuse')}
                </Button>
              </>
            )}
            {r.abilities.resetAdminPassword && (
              <Button onClick={() => setAsking({ reset: true })}>{t('onboarding.resetAdmin')}</Button>
            )}
          </Space>
        )
      }
    >
      {r && (
        <>
          {r.nameMismatch && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={`${t('onboarding.nameMismatch')}：${t('onboarding.registryName')}「${r.existingOrgName}」`}
            />
          )}
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('onboarding.status')}>
              <StatusTag status={r.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('onboarding.kind')}>
              {pickMsg(REGISTRATION_KIND_NAMES[r.kind])}
            </Descriptions.Item>
            <Descriptions.Item
              label={r.kind === 'org' ? t('onboarding.orgName') : t('onboarding.expertName')}
            >
              <Space wrap>
                {r.name}
                {r.kind === 'org' && (
                  <Tag color={r.existingOrg ? 'default' : 'blue'}>
                    {t(r.existingOrg ? 'onboarding.existingOrg' : 'onboarding.newOrg')}
                  </Tag>
                )}
              </Space>
            </Descriptions.Item>
            {r.uscc && <Descriptions.Item label={t('onboarding.uscc')}>{r.uscc}</Descriptions.Item>}
            {r.legalRep && (
              <Descriptions.Item label={t('onboarding.legalRep')}>{r.legalRep}</Descriptions.Item>
            )}
            {r.orgKind && (
              <Descriptions.Item label={t('onboarding.orgKind')}>
                {pickMsg(ORG_KIND_NAMES[r.orgKind as OrgKind])}
              </Descriptions.Item>
            )}
            {r.kind === 'expert' && (
              <>
                <Descriptions.Item label={t('onboarding.title')}>{r.title ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('onboarding.fields')}>{r.fields.join('、')}</Descriptions.Item>
                <Descriptions.Item label={t('onboarding.employerName')}>
                  {r.employerName} {r.employerUscc && `（${r.employerUscc}）`}
                </Descriptions.Item>
                <Descriptions.Item label={t('onboarding.conflictUsccs')}>
                  {r.conflictUsccs.join('、') || '—'}
                </Descriptions.Item>
              </>
            )}
            <Descriptions.Item label={t('onboarding.region')}>{r.regionName}</Descriptions.Item>
            <Descriptions.Item label={t('onboarding.contactName')}>{r.contactName}</Descriptions.Item>
            <Descriptions.Item label={t('onboarding.contactMobile')}>{r.contactMobile}</Descriptions.Item>
            <Descriptions.Item label={t('onboarding.contactEmail')}>{r.contactEmail}</Descriptions.Item>
            <Descriptions.Item label={t('onboarding.username')}>{r.username}</Descriptions.Item>
            <Descriptions.Item label={pickMsg(REGISTRATION_FILE_KIND_NAMES[r.fileKind])}>
              <a href={registrationFilePath(r.id)} target="_blank" rel="noopener noreferrer">
                {t('onboarding.openFile')}：{r.fileName}
              </a>
            </Descriptions.Item>
            <Descriptions.Item label={t('onboarding.submittedAt')}>
              {formatDateTime(r.submittedAt)}
            </Descriptions.Item>
            {r.reviewedAt && (
              <>
                <Descriptions.Item label={t('onboarding.reviewedAt')}>
                  {formatDateTime(r.reviewedAt)} {r.reviewedBy}
                </Descriptions.Item>
                <Descriptions.Item label={t('onboarding.reviewNote')}>
                  {r.reviewNote ?? '—'}
                </Descriptions.Item>
              </>
            )}
          </Descriptions>
        </>
      )}
      {asking && (
        <Modal
          open
          title={
            'decision' in asking
              ? t('onboarding.noteFor', { action: decisionLabel(asking.decision) })
              : t('onboarding.resetAdmin')
          }
          onCancel={() => setAsking(null)}
          onOk={() => form.submit()}
          confirmLoading={decide.isPending || resetAdmin.isPending}
          destroyOnHidden
        >
          <Form form={form} layout="vertical" onFinish={submitAsk} preserve={false}>
            <Form.Item
              name="text"
              label={'decision' in asking ? t('onboarding.reviewNote') : t('onboarding.stampedRequest')}
              extra={'decision' in asking ? undefined : t('onboarding.stampedRequestHelp')}
              rules={[{ required: true, whitespace: true, message: t('onboarding.noteRequired') }]}
            >
              <Input.TextArea rows={3} maxLength={'decision' in asking ? 500 : 200} showCount />
            </Form.Item>
          </Form>
        </Modal>
      )}
      {password && (
        <InitialPasswordModal
          name={password.name}
          password={password.password}
          onClose={() => setPassword(null)}
        />
      )}
    </Drawer>
  );
}
