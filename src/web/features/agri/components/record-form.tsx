/** A small create dialog: the fields given, the body posted, the error shown on its field. */
import { App as AntApp, Form, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';

export function RecordForm<B>({
  title,
  onClose,
  save,
  children,
  initialValues,
  toBody,
}: {
  title: string;
  onClose: () => void;
  save: (body: B) => Promise<unknown>;
  children: ReactNode;
  initialValues?: Record<string, unknown>;
  toBody: (values: Record<string, unknown>) => B;
}) {
  const t = useT();
  const [form] = Form.useForm();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() =>
        form.validateFields().then((values) =>
          save(toBody(values))
            .then(() => {
              message.success(t('agri.created'));
              onClose();
            })
            .catch((error) => onError(error, form)),
        )
      }
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initialValues}>
        {children}
      </Form>
    </Modal>
  );
}
