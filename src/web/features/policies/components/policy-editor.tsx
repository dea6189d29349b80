import { App as AntApp, Col, Form, Input, Modal, Row, Spin, Switch } from 'antd';
import { useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { RegionSelect } from '../../registry/components/region-select';
import { type PolicyBody, usePolicy, useSavePolicy } from '../api';

interface Values {
  title: string;
  documentNo?: string;
  indexNo?: string;
  issuer: string;
  regionCode: string;
  isPublic: boolean;
  body?: string;
}

/** 起草 or 编辑 a draft: the fields of a policy document, its full text included. */
export function PolicyEditor({ id, onClose }: { id?: string; onClose: () => void }) {
  const t = useT();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const detail = usePolicy(id);
  const save = useSavePolicy();
  const record = detail.data?.policy;

  const onFinish = (values: Values) => {
    const body: PolicyBody = {
      ...values,
      documentNo: values.documentNo?.trim() || null,
      indexNo: values.indexNo?.trim() || null,
      body: values.body ?? '',
    };
    save.mutate(
      { id, body },
      {
        onSuccess: () => {
          message.success(id ? t('common.saved') : t('policies.created', { title: values.title }));
          onClose();
        },
        onError: (error) => onError(error, form),
      },
    );
  };

  const loading = !!id && !record;
  return (
    <Modal
      open
      title={id ? t('policies.edit') : t('policies.create')}
      okText={id ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={{ disabled: loading }}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      width={760}
    >
      {loading ? (
        <Spin />
      ) : (
        <Form<Values>
          name="policy-form"
          form={form}
          layout="vertical"
          onFinish={onFinish}
          initialValues={
            record
              ? {
                  ...record,
                  documentNo: record.documentNo ?? undefined,
                  indexNo: record.indexNo ?? undefined,
                }
              : { issuer: '泉州市科学技术局', regionCode: '350500', isPublic: false }
          }
        >
          <Form.Item label={t('policies.title')} name="title" rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item label={t('policies.documentNo')} name="documentNo">
                <Input maxLength={60} placeholder="泉科〔2016〕12号" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label={t('policies.indexNo')} name="indexNo">
                <Input maxLength={60} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                label={t('policies.issuer')}
                name="issuer"
                rules={[{ required: true, whitespace: true }]}
              >
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label={t('policies.region')} name="regionCode" rules={[{ required: true }]}>
                <RegionSelect />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item label={t('policies.isPublic')} name="isPublic" valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label={t('policies.body')} name="body">
            <Input.TextArea rows={10} maxLength={200_000} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
