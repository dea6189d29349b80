import { Alert, App as AntApp, Button, Card, Form, InputNumber, Select, Skeleton, Space } from 'antd';
import { useEffect } from 'react';
import { DEFAULT_SECURITY_POLICY, type SecurityPolicy } from '../../../../domain/password-policy';
import { isAdminRole, ROLE_CODES, ROLE_NAMES } from '../../../../domain/roles';
import { type MessageKey, useMsg, useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { useSecurityPolicy, useUpdateSecurityPolicy } from '../api';

interface FieldSpec {
  name: keyof SecurityPolicy;
  label: MessageKey;
  unit: MessageKey;
  /** The bounds securityPolicySchema accepts. */
  min: number;
  max: number;
}

const PASSWORD_FIELDS: FieldSpec[] = [
  { name: 'passwordMinLength', label: 'policy.passwordMinLength', unit: 'unit.chars', min: 8, max: 64 },
  { name: 'passwordMinClasses', label: 'policy.passwordMinClasses', unit: 'unit.classes', min: 2, max: 4 },
];
const LOCKOUT_FIELDS: FieldSpec[] = [
  { name: 'lockoutThreshold', label: 'policy.lockoutThreshold', unit: 'unit.times', min: 3, max: 20 },
  { name: 'lockoutMinutes', label: 'policy.lockoutMinutes', unit: 'unit.minutes', min: 1, max: 1440 },
];
const SESSION_FIELDS: FieldSpec[] = [
  { name: 'idleTimeoutMinutes', label: 'policy.idleTimeoutMinutes', unit: 'unit.minutes', min: 5, max: 240 },
  { name: 'absoluteTimeoutHours', label: 'policy.absoluteTimeoutHours', unit: 'unit.hours', min: 1, max: 72 },
];

/** The administrator roles always need the second factor; the others may be marked here. */
const MFA_OPTIONAL_ROLES = ROLE_CODES.filter((role) => !isAdminRole(role));

export function SecurityPolicyPage() {
  const t = useT();
  const pickMsg = useMsg();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<SecurityPolicy>();
  const policy = useSecurityPolicy();
  const update = useUpdateSecurityPolicy();

  useEffect(() => {
    if (policy.data) form.setFieldsValue(policy.data);
  }, [policy.data, form]);

  const onFinish = (values: SecurityPolicy) => {
    update.mutate(values, {
      onSuccess: () => message.success(t('policy.saved')),
      onError: (error) => onError(error, form),
    });
  };

  const renderField = (spec: FieldSpec) => (
    <Form.Item
      key={spec.name}
      label={t(spec.label)}
      name={spec.name}
      extra={t('policy.range', { min: spec.min, max: spec.max, unit: t(spec.unit) })}
      rules={[
        { required: true, message: t('policy.required') },
        {
          type: 'integer',
          min: spec.min,
          max: spec.max,
          message: t('policy.outOfRange', { min: spec.min, max: spec.max, unit: t(spec.unit) }),
        },
      ]}
    >
      <InputNumber precision={0} suffix={t(spec.unit)} style={{ width: 200 }} />
    </Form.Item>
  );

  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('menu.securityPolicy')}</h2>}>
      <Alert type="info" showIcon title={t('policy.notice')} style={{ marginBottom: 24 }} />
      {policy.isError && (
        <Alert type="error" showIcon title={policy.error.message} style={{ marginBottom: 16 }} />
      )}
      {policy.isLoading ? (
        <Skeleton active />
      ) : (
        <Form<SecurityPolicy>
          name="security-policy-form"
          form={form}
          layout="vertical"
          onFinish={onFinish}
          style={{ maxWidth: 640 }}
        >
          <Card type="inner" title={t('policy.section.password')} style={{ marginBottom: 16 }}>
            {PASSWORD_FIELDS.map(renderField)}
          </Card>
          <Card type="inner" title={t('policy.section.lockout')} style={{ marginBottom: 16 }}>
            {LOCKOUT_FIELDS.map(renderField)}
          </Card>
          <Card type="inner" title={t('policy.section.session')} style={{ marginBottom: 16 }}>
            {SESSION_FIELDS.map(renderField)}
          </Card>
          <Card type="inner" title={t('admin.sec.mfaSection')} style={{ marginBottom: 24 }}>
            <Form.Item label={t('admin.sec.mfaRoles')} name="mfaRoles" extra={t('admin.sec.mfaRolesHint')}>
              <Select
                mode="multiple"
                allowClear
                placeholder={t('common.select')}
                options={MFA_OPTIONAL_ROLES.map((code) => ({
                  value: code,
                  label: pickMsg(ROLE_NAMES[code]),
                }))}
              />
            </Form.Item>
          </Card>
          <Space>
            <Button type="primary" htmlType="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
            <Button onClick={() => form.setFieldsValue(policy.data ?? DEFAULT_SECURITY_POLICY)}>
              {t('policy.revert')}
            </Button>
          </Space>
        </Form>
      )}
    </Card>
  );
}
