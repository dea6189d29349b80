import { App as AntApp, Button, Descriptions, Form, Input, Modal, Select, Spin, Tag } from 'antd';
import { useState } from 'react';
import { OBJECTION_STATUS_CODES, OBJECTION_STATUS_NAMES } from '../../../../domain/portal';
import { useMsg, useT } from '../../../app/i18n';
import { DayCell } from '../../../app/list/cells';
import { ListPage } from '../../../app/list/list-page';
import { useUrlListState } from '../../../app/list/use-list-state';
import { useApiErrorHandler } from '../../../app/use-api-error';
import {
  type ObjectionItem,
  objectionExportPath,
  useAnswerObjection,
  useObjection,
  useObjections,
} from '../api';

/** 公示异议: what the public lodged during a notice's window, each answered once. */
export function ObjectionsPage() {
  const t = useT();
  const pickMsg = useMsg();
  const list = useUrlListState<Record<string, string | undefined>>('-receivedAt');
  const objections = useObjections(list.params);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      <ListPage
        title={t('menu.portal.objections')}
        name="portal-objection-filters"
        list={list}
        query={objections}
        columns={[
          { title: t('portal.objection.trackingNo'), dataIndex: 'trackingNo', width: 170 },
          { title: t('portal.objection.notice'), dataIndex: 'noticeTitle', width: 260 },
          { title: t('portal.objection.name'), dataIndex: 'name', width: 110 },
          { title: t('portal.objection.contact'), dataIndex: 'contact', width: 130 },
          { title: t('portal.objection.reason'), dataIndex: 'reason', width: 260, ellipsis: true },
          {
            title: t('portal.objection.status'),
            key: 'status',
            render: (_, o: ObjectionItem) => (
              <Tag color={o.status === 'open' ? 'orange' : 'green'}>
                {pickMsg(OBJECTION_STATUS_NAMES[o.status])}
              </Tag>
            ),
          },
          {
            title: t('portal.objection.receivedAt'),
            key: 'receivedAt',
            sorter: true,
            sortOrder: list.sortOrderOf('receivedAt'),
            render: (_, o: ObjectionItem) => <DayCell value={o.receivedAt} />,
          },
        ]}
        defaultHidden={['reason']}
        filterFields={
          <>
            <Form.Item label={t('portal.notice.search')} name="q">
              <Input allowClear style={{ width: 200 }} />
            </Form.Item>
            <Form.Item label={t('portal.objection.status')} name="status">
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 110 }}
                options={OBJECTION_STATUS_CODES.map((c) => ({
                  value: c,
                  label: pickMsg(OBJECTION_STATUS_NAMES[c]),
                }))}
              />
            </Form.Item>
          </>
        }
        actionsWidth={90}
        actions={(o: ObjectionItem) => (
          <Button type="link" size="small" onClick={() => setOpen(o.id)}>
            {o.status === 'open' ? t('portal.objection.reply') : t('portal.notice.view')}
          </Button>
        )}
        exportPath={objectionExportPath}
        empty={{ filtered: t('portal.objection.emptyFiltered'), none: t('portal.objection.emptyNone') }}
      />
      {open && <AnswerDialog id={open} onClose={() => setOpen(null)} />}
    </>
  );
}

/** One objection whole (the contact unmasked for staff), its evidence, and the answer. */
function AnswerDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const t = useT();
  const pickMsg = useMsg();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<{ answer: string }>();
  const detail = useObjection(id);
  const answer = useAnswerObjection();
  const o = detail.data;
  const answerable = o?.status === 'open';
  return (
    <Modal
      open
      title={o ? `${t('portal.objection.trackingNo')} ${o.trackingNo}` : t('menu.portal.objections')}
      okText={t('portal.objection.reply')}
      cancelText={t('common.close')}
      okButtonProps={{ style: answerable ? undefined : { display: 'none' } }}
      confirmLoading={answer.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={720}
    >
      {!o ? (
        <Spin />
      ) : (
        <>
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: 'n', label: t('portal.objection.notice'), children: o.noticeTitle },
              { key: 'name', label: t('portal.objection.name'), children: o.name },
              { key: 'c', label: t('portal.objection.contact'), children: o.contact },
              {
                key: 'r',
                label: t('portal.objection.reason'),
                children: <span style={{ whiteSpace: 'pre-wrap' }}>{o.reason}</span>,
              },
              {
                key: 'e',
                label: t('portal.objection.evidence'),
                children: o.hasEvidence ? (
                  <a href={`/api/v1/portal/objections/${o.id}/evidence`}>{t('portal.objection.download')}</a>
                ) : (
                  '—'
                ),
              },
              {
                key: 's',
                label: t('portal.objection.status'),
                children: pickMsg(OBJECTION_STATUS_NAMES[o.status]),
              },
              ...(o.answer
                ? [
                    { key: 'a', label: t('portal.objection.answer'), children: o.answer },
                    { key: 'd', label: t('portal.objection.answeredOn'), children: o.answeredOn },
                  ]
                : []),
            ]}
          />
          {answerable && (
            <Form
              form={form}
              layout="vertical"
              style={{ marginTop: 16 }}
              onFinish={(v) =>
                answer.mutate(
                  { id, answer: v.answer },
                  {
                    onSuccess: () => {
                      message.success(t('portal.objection.replied'));
                      onClose();
                    },
                    onError: (e) => onError(e, form),
                  },
                )
              }
            >
              <Form.Item
                name="answer"
                label={t('portal.objection.answer')}
                rules={[{ required: true, max: 5000 }]}
              >
                <Input.TextArea rows={5} />
              </Form.Item>
            </Form>
          )}
        </>
      )}
    </Modal>
  );
}
