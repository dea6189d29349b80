import { App as AntApp, Form, Input, Modal, Switch } from 'antd';
import { useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { type Department, useCreateDepartment, useUpdateDepartment } from '../api';

interface DepartmentValues {
  code: string;
  name: string;
  nameEn: string;
  active: boolean;
}

const CODE_PATTERN = /^[a-z0-9-]{2,32}$/;

export function DepartmentFormModal({
  department,
  onClose,
}: {
  department?: Department;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<DepartmentValues>();
  const create = useCreateDepartment();
  const update = useUpdateDepartment();

  const onFinish = (values: DepartmentValues) => {
    const body = {
      code: values.code.trim(),
      name: values.name.trim(),
      nameEn: values.nameEn.trim(),
      active: values.active,
    };
    const done = {
      onSuccess: () => {
        message.success(department ? t('common.saved') : t('departments.created'));
        onClose();
      },
      onError: (error: Error) => onError(error, form),
    };
    if (department) update.mutate({ id: department.id, body }, done);
    else create.mutate(body, done);
  };

  return (
    <Modal
      open
      title={department ? t('departments.edit') : t('departments.create')}
      okText={department ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      <Form<DepartmentValues>
        name="department-form"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={department ?? { active: true }}
      >
        <Form.Item
          label={t('departments.code')}
          name="code"
          extra={t('departments.codeHint')}
          rules={[
            { required: true, message: t('departments.codeRequired') },
            { pattern: CODE_PATTERN, message: t('departments.codePattern') },
          ]}
        >
          <Input maxLength={32} autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('departments.name')}
          name="name"
          rules={[{ required: true, whitespace: true, message: t('departments.nameRequired') }]}
        >
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item
          label={t('departments.nameEn')}
          name="nameEn"
          rules={[{ required: true, whitespace: true, message: t('departments.nameEnRequired') }]}
        >
          <Input maxLength={128} />
        </Form.Item>
        <Form.Item label={t('departments.active')} name="active" valuePropName="checked">
          <Switch
            checkedChildren={t('departments.active.yes')}
            unCheckedChildren={t('departments.active.no')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
