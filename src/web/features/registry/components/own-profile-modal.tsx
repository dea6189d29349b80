import { Alert, App as AntApp, Form, Modal } from 'antd';
import type { OWN_PROFILE_FIELDS } from '../../../../domain/contracts/registry';
import { useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { type OrgDetail, type OrgUpdateBody, useUpdateOrg } from '../api';
import { OwnProfileFields } from './org-form-modal';

type OwnProfileValues = Partial<Record<(typeof OWN_PROFILE_FIELDS)[number], string>>;

/**
 * An organisation's own account corrects its address and contacts; everything else is the bureau's
 * record. The change is audited and shows in the change history for staff.
 */
export function OwnProfileModal({ org, onClose }: { org: OrgDetail['org']; onClose: () => void }) {
  const t = useT();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<OwnProfileValues>();
  const update = useUpdateOrg(org.id);

  const onFinish = (values: OwnProfileValues) => {
    const changes: OrgUpdateBody = {};
    for (const key of ['address', 'contactPerson', 'contactPhone'] as const) {
      const next = values[key]?.trim() || null;
      if (next !== (org[key] ?? null)) changes[key] = next;
    }
    if (Object.keys(changes).length === 0) {
      message.info(t('registry.form.unchanged'));
      onClose();
      return;
    }
    update.mutate(changes, {
      onSuccess: () => {
        message.success(t('common.saved'));
        onClose();
      },
      onError: (error) => onError(error, form),
    });
  };

  return (
    <Modal
      open
      title={t('registry.org.editOwn')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      width={600}
    >
      <Alert type="info" showIcon title={t('registry.org.ownProfileNotice')} style={{ marginBottom: 16 }} />
      <Form<OwnProfileValues>
        name="own-profile-form"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{
          address: org.address ?? undefined,
          contactPerson: org.contactPerson ?? undefined,
          contactPhone: org.contactPhone ?? undefined,
        }}
      >
        <OwnProfileFields />
      </Form>
    </Modal>
  );
}
