import { ArrowDownOutlined, ArrowUpOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Form, Input, Modal, Radio, Space, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import type { BatchActionBody } from '../../../../domain/contracts/projects-batch';
import { type BatchAction, TRANSITIONS } from '../../../../domain/projects';
import { useMsg, useT } from '../../../app/i18n';
import type { RowSelection } from '../../../app/list/use-row-selection';
import { useApiErrorHandler } from '../../../app/use-api-error';
import type { ApplicationItem } from '../api';
import { type BatchResult, downloadLetterDraft, useBatchAct, useUploadLetter } from '../api-batch';
import { wanText } from '../format';

const DANGER: BatchAction[] = ['county_return', 'staff_return', 'reject', 'decline'];

/**
 * The batch buttons over a list: one per action the page offers that some ticked row allows.
 * Each opens the confirmation that lists what will happen; see `BatchDialog`.
 */
export function BatchActions({
  selection,
  actions,
}: {
  selection: RowSelection<ApplicationItem>;
  actions: readonly BatchAction[];
}) {
  const pickMsg = useMsg();
  const [open, setOpen] = useState<BatchAction | null>(null);
  const offered = actions.filter((a) => selection.rows.some((r) => r.actions.includes(a)));
  return (
    <Space size={4} wrap>
      {offered.map((a) => (
        <Button
          key={a}
          size="small"
          type={DANGER.includes(a) ? 'default' : 'primary'}
          danger={DANGER.includes(a)}
          onClick={() => setOpen(a)}
        >
          {pickMsg(TRANSITIONS[a].name)}
        </Button>
      ))}
      {open && (
        <BatchDialog
          action={open}
          rows={selection.rows.filter((r) => r.actions.includes(open))}
          skipped={selection.rows.filter((r) => !r.actions.includes(open)).length}
          onClose={(done) => {
            setOpen(null);
            if (done) selection.clear();
          }}
        />
      )}
    </Space>
  );
}

interface Values {
  reason?: string;
  note?: string;
  letter: 'generated' | 'uploaded';
}

/**
 * What the batch will do, record by record (推荐: in the order of priority, which the clerk sets
 * here, with the 推荐函), then what it did: all or nothing, each record's result or refusal.
 */
function BatchDialog({
  action,
  rows,
  skipped,
  onClose,
}: {
  action: BatchAction;
  rows: ApplicationItem[];
  skipped: number;
  onClose: (done: boolean) => void;
}) {
  const t = useT();
  const pickMsg = useMsg();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const [order, setOrder] = useState(rows);
  const [letterId, setLetterId] = useState<{ id: string; fileName: string } | null>(null);
  const [result, setResult] = useState<BatchResult | null>(null);
  const batch = useBatchAct();
  const upload = useUploadLetter();
  const tr = TRANSITIONS[action];
  const name = pickMsg(tr.name);
  const recommend = action === 'recommend';
  const letterKind = Form.useWatch('letter', form);

  const move = (i: number, by: -1 | 1) =>
    setOrder((o) => {
      const next = [...o];
      [next[i], next[i + by]] = [next[i + by], next[i]];
      return next;
    });

  const submit = (v: Values) => {
    if (recommend && v.letter === 'uploaded' && !letterId) {
      form.setFields([{ name: 'letter', errors: [t('projects.batch.letterMissing')] }]);
      return;
    }
    const body: BatchActionBody = {
      items: order.map((r) => ({ id: r.id, version: r.version })),
      reason: v.reason?.trim() || undefined,
      note: v.note?.trim() || undefined,
      ...(recommend
        ? {
            letter:
              v.letter === 'uploaded' && letterId
                ? { kind: 'uploaded' as const, letterId: letterId.id }
                : { kind: 'generated' as const },
          }
        : {}),
    };
    batch.mutate(
      { action, body },
      {
        onSuccess: (r) => {
          setResult(r);
          if (r.done) message.success(t('projects.batch.done', { action: name, count: r.results.length }));
        },
        onError: (e) => onError(e, form),
      },
    );
  };

  const titleOf = new Map(order.map((r) => [r.id, r]));
  const columns = [
    {
      title: recommend ? t('projects.batch.priority') : t('list.index'),
      key: 'i',
      width: 80,
      render: (_: unknown, _r: ApplicationItem, i: number) => i + 1,
    },
    { title: t('projects.app.title'), dataIndex: 'title', key: 'title' },
    { title: t('projects.app.orgName'), dataIndex: 'orgName', key: 'org', width: 160 },
    {
      title: t('projects.app.requestedAmount'),
      key: 'req',
      align: 'right' as const,
      width: 110,
      render: (_: unknown, r: ApplicationItem) => wanText(r.requestedAmount),
    },
    ...(recommend && !result
      ? [
          {
            title: t('projects.batch.order'),
            key: 'move',
            width: 96,
            render: (_: unknown, r: ApplicationItem, i: number) => (
              <Space size={4}>
                <Button
                  size="small"
                  icon={<ArrowUpOutlined />}
                  disabled={i === 0}
                  aria-label={t('projects.batch.up', { title: r.title })}
                  onClick={() => move(i, -1)}
                />
                <Button
                  size="small"
                  icon={<ArrowDownOutlined />}
                  disabled={i === order.length - 1}
                  aria-label={t('projects.batch.down', { title: r.title })}
                  onClick={() => move(i, 1)}
                />
              </Space>
            ),
          },
        ]
      : []),
    ...(result
      ? [
          {
            title: t('projects.batch.result'),
            key: 'result',
            width: 260,
            render: (_: unknown, r: ApplicationItem) => {
              const one = result.results.find((x) => x.id === r.id);
              if (!one) return '—';
              if (one.ok && result.done)
                return <Tag color="green">{one.stateName ? pickMsg(one.stateName) : name}</Tag>;
              return (
                <Space orientation="vertical" size={0}>
                  <Tag color={one.ok ? 'default' : 'red'}>
                    {one.ok ? t('projects.batch.heldBack') : t('projects.batch.refused')}
                  </Tag>
                  {one.message && <span>{pickMsg(one.message)}</span>}
                </Space>
              );
            },
          },
        ]
      : []),
  ];

  return (
    <Modal
      open
      width={880}
      title={t('projects.batch.title', { action: name, count: order.length })}
      okText={result ? t('common.close') : name}
      okButtonProps={{ danger: DANGER.includes(action) && !result }}
      cancelButtonProps={{ style: result ? { display: 'none' } : undefined }}
      cancelText={t('common.cancel')}
      confirmLoading={batch.isPending && !result}
      onOk={() => (result ? onClose(result.done) : form.submit())}
      onCancel={() => onClose(result?.done ?? false)}
      mask={{ closable: false }}
    >
      {skipped > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('projects.batch.skipped', { count: skipped, action: name })}
        />
      )}
      {result && !result.done && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('projects.batch.notDone', { count: result.results.filter((r) => !r.ok).length })}
        />
      )}
      {!result && (
        <Alert
          type="info"
          style={{ marginBottom: 12 }}
          title={t('projects.batch.allOrNothing', { action: name })}
        />
      )}
      <Table<ApplicationItem>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={result ? result.results.map((r) => titleOf.get(r.id)!).filter(Boolean) : order}
        columns={columns}
        style={{ marginBottom: 16 }}
      />
      {!result && (
        <Form<Values>
          form={form}
          name="batch-form"
          layout="vertical"
          initialValues={{ letter: 'generated' }}
          onFinish={submit}
        >
          {recommend && (
            <Form.Item
              label={t('projects.batch.letter')}
              name="letter"
              extra={t('projects.batch.letterHelp')}
            >
              <Radio.Group>
                <Space orientation="vertical">
                  <Radio value="generated">{t('projects.batch.letterGenerated')}</Radio>
                  <Radio value="uploaded">{t('projects.batch.letterUploaded')}</Radio>
                </Space>
              </Radio.Group>
            </Form.Item>
          )}
          {recommend && (
            <Space wrap style={{ marginBottom: 16 }}>
              <Button
                icon={<DownloadOutlined />}
                onClick={() =>
                  downloadLetterDraft(order.map((r) => r.id)).catch((e: Error) => message.error(e.message))
                }
              >
                {t('projects.batch.letterDraft')}
              </Button>
              {letterKind === 'uploaded' && (
                <Upload
                  accept=".pdf,.png,.jpg,.jpeg,.docx"
                  maxCount={1}
                  showUploadList={false}
                  customRequest={({ file }) =>
                    upload.mutate(file as File, {
                      onSuccess: (l) => {
                        setLetterId(l);
                        form.setFields([{ name: 'letter', errors: [] }]);
                      },
                      onError: (e) => onError(e),
                    })
                  }
                >
                  <Button icon={<UploadOutlined />} loading={upload.isPending}>
                    {letterId ? t('projects.batch.letterReplace') : t('projects.batch.letterUpload')}
                  </Button>
                </Upload>
              )}
              {letterKind === 'uploaded' && letterId && <Tag color="green">{letterId.fileName}</Tag>}
            </Space>
          )}
          {tr.reasonRequired ? (
            <Form.Item
              label={t('projects.action.reason')}
              name="reason"
              extra={t('projects.action.reasonTold')}
              rules={[
                { required: true, whitespace: true, message: t('projects.action.reasonRequired') },
                { max: 2000 },
              ]}
            >
              <Input.TextArea rows={3} maxLength={2000} showCount />
            </Form.Item>
          ) : (
            <Form.Item label={t('projects.action.note')} name="note" rules={[{ max: 2000 }]}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          )}
        </Form>
      )}
    </Modal>
  );
}
