import { App as AntApp, Col, DatePicker, Form, Input, Modal, Row, Select, Spin } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { NoticeRecord } from '../../../../domain/contracts/portal';
import { NOTICE_TYPE_CODES, NOTICE_TYPE_NAMES, type NoticeType } from '../../../../domain/portal';
import { useMsg, useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { useNotice, useSaveNotice } from '../api';

interface Values {
  type: NoticeType;
  title: string;
  body?: string;
  records?: string;
  window: [Dayjs, Dayjs];
  contactLine?: string;
}

const toLines = (records: NoticeRecord[]) =>
  records.map((r) => [r.title, r.orgName, r.regionName ?? ''].join('｜').replace(/｜$/, '')).join('\n');

function fromLines(text: string | undefined): NoticeRecord[] {
  return (text ?? '')
    .split('\n')
    .map((l) => l.split(/[｜|]/).map((x) => x.trim()))
    .filter((p) => p[0])
    .map(([title, orgName = '', regionName]) => ({ title, orgName, ...(regionName ? { regionName } : {}) }));
}

/** 新建 or 编辑 a draft 公示: type, title, window, text and the list, one record a line. */
export function NoticeEditor({ id, onClose }: { id?: string; onClose: () => void }) {
  const t = useT();
  const pickMsg = useMsg();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const detail = useNotice(id);
  const save = useSaveNotice();
  const record = detail.data;
  const onFinish = (v: Values) => {
    const body = {
      type: v.type,
      title: v.title,
      body: v.body ?? '',
      records: fromLines(v.records),
      windowStart: v.window[0].format('YYYY-MM-DD'),
      windowEnd: v.window[1].format('YYYY-MM-DD'),
      contactLine: v.contactLine ?? '',
    };
    save.mutate(
      { id, body },
      {
        onSuccess: () => {
          message.success(id ? t('common.saved') : t('portal.notice.created'));
          onClose();
        },
        onError: (e) => onError(e, form, { windowStart: 'window', windowEnd: 'window' }),
      },
    );
  };
  const loading = !!id && !record;
  return (
    <Modal
      open
      title={id ? t('portal.notice.edit') : t('portal.notice.create')}
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
        <Form
          form={form}
          layout="vertical"
          onFinish={onFinish}
          initialValues={
            record
              ? {
                  ...record,
                  records: toLines(record.records),
                  window: [dayjs(record.windowStart), dayjs(record.windowEnd)],
                }
              : { type: 'approval', window: [dayjs(), dayjs().add(6, 'day')] }
          }
        >
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item name="type" label={t('portal.notice.type')} rules={[{ required: true }]}>
                <Select
                  options={NOTICE_TYPE_CODES.map((c) => ({ value: c, label: pickMsg(NOTICE_TYPE_NAMES[c]) }))}
                />
              </Form.Item>
            </Col>
            <Col span={16}>
              <Form.Item name="window" label={t('portal.notice.window')} rules={[{ required: true }]}>
                <DatePicker.RangePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="title" label={t('portal.notice.title')} rules={[{ required: true, max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="body" label={t('portal.notice.body')}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item name="records" label={t('portal.notice.records')} extra={t('portal.notice.recordsHelp')}>
            <Input.TextArea rows={6} />
          </Form.Item>
          <Form.Item name="contactLine" label={t('portal.notice.contactLine')}>
            <Input />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
