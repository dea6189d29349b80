import { App as AntApp, Form, type FormInstance, Modal, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useT } from './i18n';
import { useApiErrorHandler } from './use-api-error';

/**
 * The dialog of a form that saves something: 保存 (or 新建) and 取消, the OK button submits the
 * form, a click on the mask does not close it (a stray click must not lose what was typed), and
 * while the record being edited is still loading a spinner stands in for the form.
 */
export function FormModal<V>({
  form,
  name,
  title,
  creating = false,
  okText,
  loading = false,
  saving,
  width = 640,
  initialValues,
  onFinish,
  onClose,
  notice,
  children,
}: {
  form: FormInstance<V>;
  /** The form's name: its fields' ids start with it. */
  name: string;
  title: ReactNode;
  /** A new record: the OK button says 新建 rather than 保存. */
  creating?: boolean;
  okText?: string;
  /** The record to edit is still being fetched. */
  loading?: boolean;
  saving: boolean;
  width?: number;
  initialValues?: Partial<V>;
  onFinish: (values: V) => void;
  onClose: () => void;
  /** A line above the form (what the change will do). */
  notice?: ReactNode;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <Modal
      open
      title={title}
      okText={okText ?? (creating ? t('common.create') : t('common.save'))}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      okButtonProps={{ disabled: loading }}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      width={width}
      destroyOnHidden
    >
      {notice}
      {loading ? (
        <Spin />
      ) : (
        <Form<V>
          name={name}
          form={form}
          layout="vertical"
          onFinish={onFinish}
          initialValues={initialValues as never}
        >
          {children}
        </Form>
      )}
    </Modal>
  );
}

/**
 * What a form's save does when it answers: on success a message and the dialog closed; on failure
 * the server's message under the field it names (or as a message).
 */
export function useSaved<V>(form: FormInstance<V>, onClose: () => void) {
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  return (success: string) => ({
    onSuccess: () => {
      message.success(success);
      onClose();
    },
    onError: (error: unknown) => onError(error, form),
  });
}
