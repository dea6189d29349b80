import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Divider, Form, Input, Radio, Select, Upload, type UploadFile } from 'antd';
import { useMemo, useState } from 'react';
import {
  REGISTRATION_FILE_KIND_NAMES,
  REGISTRATION_FILE_KINDS,
  type RegistrationKind,
} from '../../../../domain/onboarding';
import { ORG_KIND_CODES, ORG_KIND_NAMES } from '../../../../domain/registry';
import { useMsg, useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { useConfirmRules, usePasswordRules } from '../../auth/password-rule';
import { usePublicRegions, useSubmitRegistration } from '../api';

/** A returned request being corrected: its number, the mobile that proves it, and its form. */
export interface Correction {
  trackingNo: string;
  mobile: string;
  /** The reviewer's reason for returning it. */
  note: string | null;
  form: Record<string, unknown>;
}

type Values = Record<string, string | string[] | undefined>;

/** 企业/机构注册 or 专家注册: one form, sent as multipart with the scan. */
export function RegistrationForm({
  kind,
  correction,
  onDone,
}: {
  kind: RegistrationKind;
  correction?: Correction;
  onDone: (trackingNo: string) => void;
}) {
  const t = useT();
  const pickMsg = useMsg();
  const onError = useApiErrorHandler();
  const regions = usePublicRegions();
  const submit = useSubmitRegistration();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const passwordRules = usePasswordRules(() => form.getFieldValue('username'));
  const confirmRules = useConfirmRules('password');
  const required = [{ required: true, whitespace: true, message: t('onboarding.public.required') }];

  const regionOptions = useMemo(
    () =>
      (regions.data?.items ?? [])
        .filter((r) => kind === 'expert' || r.level !== 'city')
        .map((r) => ({ value: r.code, label: r.name })),
    [regions.data, kind],
  );

  const onFinish = (values: Values) => {
    const body = new FormData();
    if (correction) {
      body.append('trackingNo', correction.trackingNo);
      body.append('lookupMobile', correction.mobile);
    } else body.append('kind', kind);
    for (const [k, v] of Object.entries(values)) {
      if (k === 'passwordConfirm' || k === 'file' || v === undefined || v === null) continue;
      body.append(k, Array.isArray(v) ? v.join(',') : String(v));
    }
    const file = files[0]?.originFileObj;
    if (file) body.append('file', file, file.name);
    else if (!correction) {
      form.setFields([{ name: 'file' as never, errors: [t('onboarding.fileRequired')] }]);
      return;
    }
    submit.mutate(
      { form: body, resubmit: !!correction },
      { onSuccess: (res) => onDone(res.trackingNo), onError: (e) => onError(e, form) },
    );
  };

  const initial = correction?.form ?? { fileKind: 'authorisation', orgKind: 'enterprise' };
  return (
    <Form<Values>
      form={form}
      name={`register-${kind}`}
      layout="vertical"
      initialValues={initial as Values}
      onFinish={onFinish}
      scrollToFirstError
    >
      {correction && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('onboarding.public.resubmitting', { trackingNo: correction.trackingNo })}
          description={correction.note ? `${t('onboarding.reviewNote')}：${correction.note}` : undefined}
        />
      )}
      {kind === 'org' ? (
        <>
          <Divider titlePlacement="start">{t('onboarding.public.orgSection')}</Divider>
          <Form.Item name="uscc" label={t('onboarding.uscc')} rules={required}>
            <Input maxLength={18} style={{ textTransform: 'uppercase' }} />
          </Form.Item>
          <Form.Item name="orgName" label={t('onboarding.orgName')} rules={required}>
            <Input maxLength={120} />
          </Form.Item>
          <Form.Item name="legalRep" label={t('onboarding.legalRep')} rules={required}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="orgKind" label={t('onboarding.orgKind')} rules={required}>
            <Select options={ORG_KIND_CODES.map((k) => ({ value: k, label: pickMsg(ORG_KIND_NAMES[k]) }))} />
          </Form.Item>
        </>
      ) : (
        <>
          <Divider titlePlacement="start">{t('onboarding.public.expertSection')}</Divider>
          <Form.Item name="title" label={t('onboarding.title')}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item
            name="fields"
            label={t('onboarding.fields')}
            extra={t('onboarding.fieldsHelp')}
            rules={[{ required: true, message: t('onboarding.public.required') }]}
          >
            <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、']} />
          </Form.Item>
          <Form.Item name="employerName" label={t('onboarding.employerName')} rules={required}>
            <Input maxLength={120} />
          </Form.Item>
          <Form.Item name="employerUscc" label={t('onboarding.employerUscc')}>
            <Input maxLength={18} />
          </Form.Item>
          <Form.Item
            name="conflictUsccs"
            label={t('onboarding.conflictUsccs')}
            extra={t('onboarding.conflictHelp')}
          >
            <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、', ' ']} />
          </Form.Item>
        </>
      )}
      <Form.Item name="regionCode" label={t('onboarding.region')} rules={required}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={regionOptions}
          loading={regions.isLoading}
        />
      </Form.Item>
      <Divider titlePlacement="start">{t('onboarding.public.contactSection')}</Divider>
      <Form.Item
        name="contactName"
        label={kind === 'org' ? t('onboarding.contactName') : t('onboarding.expertName')}
        rules={required}
      >
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="contactMobile" label={t('onboarding.contactMobile')} rules={required}>
        <Input inputMode="tel" maxLength={11} />
      </Form.Item>
      <Form.Item
        name="contactEmail"
        label={t('onboarding.contactEmail')}
        rules={[...required, { type: 'email' }]}
      >
        <Input inputMode="email" maxLength={120} />
      </Form.Item>
      <Form.Item
        name="username"
        label={t('onboarding.username')}
        extra={t('onboarding.usernameHelp')}
        rules={required}
      >
        <Input autoComplete="username" maxLength={64} />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('onboarding.password')}
        extra={correction ? t('onboarding.passwordKeep') : undefined}
        rules={correction ? [] : passwordRules}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      {!correction && (
        <Form.Item
          name="passwordConfirm"
          label={t('onboarding.passwordConfirm')}
          dependencies={['password']}
          rules={confirmRules}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      )}
      <Divider titlePlacement="start">{t('onboarding.public.fileSection')}</Divider>
      <Form.Item name="fileKind" label={t('onboarding.fileKind')}>
        <Radio.Group
          options={REGISTRATION_FILE_KINDS.map((k) => ({
            value: k,
            label: pickMsg(REGISTRATION_FILE_KIND_NAMES[k]),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="file"
        label={t('onboarding.file')}
        extra={
          correction ? `${t('onboarding.fileHelp')}；${t('onboarding.fileKeep')}` : t('onboarding.fileHelp')
        }
      >
        <Upload
          accept=".pdf,.jpg,.jpeg,.png"
          maxCount={1}
          fileList={files}
          beforeUpload={() => false}
          onChange={({ fileList }) => {
            setFiles(fileList.slice(-1));
            form.setFields([{ name: 'file' as never, errors: [] }]);
          }}
        >
          <Button icon={<UploadOutlined />}>{t('onboarding.chooseFile')}</Button>
        </Upload>
      </Form.Item>
      <Button type="primary" htmlType="submit" block size="large" loading={submit.isPending}>
        {correction ? t('onboarding.public.resubmit') : t('onboarding.public.submit')}
      </Button>
    </Form>
  );
}
