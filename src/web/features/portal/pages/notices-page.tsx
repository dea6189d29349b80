import { PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Form, Input, Modal, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import {
  NOTICE_STATUS_CODES,
  NOTICE_STATUS_NAMES,
  NOTICE_TYPE_CODES,
  NOTICE_TYPE_NAMES,
  type NoticeStatus,
} from '../../../../domain/portal';
import { useMsg, useT } from '../../../app/i18n';
import { ListPage } from '../../../app/list/list-page';
import { useUrlListState } from '../../../app/list/use-list-state';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { useCalls } from '../../projects/api';
import {
  type NoticeItem,
  noticeExportPath,
  useNoticeFromCall,
  useNotices,
  useTransitionNotice,
} from '../api';
import { NoticeEditor } from '../components/notice-editor';

const STATUS_COLOR: Record<NoticeStatus, string> = { draft: 'default', published: 'green', withdrawn: 'red' };

/** 公示管理: drafts, published and withdrawn notices, with their objection windows. */
export function NoticesPage() {
  const t = useT();
  const pickMsg = useMsg();
  const { modal } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const list = useUrlListState<Record<string, string | undefined>>('-updatedAt');
  const notices = useNotices(list.params);
  const transition = useTransitionNotice();
  const [editing, setEditing] = useState<{ id?: string } | null>(null);
  const [fromCall, setFromCall] = useState(false);

  const move = (n: NoticeItem, to: NoticeStatus) => {
    const action = t(to === 'published' ? 'portal.notice.publish' : 'portal.notice.withdraw');
    modal.confirm({
      title: t('portal.notice.confirm', { action, title: n.title }),
      onOk: () => transition.mutateAsync({ id: n.id, to }).catch((e) => onError(e)),
    });
  };
  const sorted = (key: string) => ({ key, sorter: true, sortOrder: list.sortOrderOf(key) });
  return (
    <>
      <ListPage
        title={t('menu.portal.notices')}
        name="portal-notice-filters"
        list={list}
        query={notices}
        columns={[
          { title: t('portal.notice.title'), dataIndex: 'title', width: 340, ...sorted('title') },
          {
            title: t('portal.notice.type'),
            key: 'type',
            render: (_, n: NoticeItem) => pickMsg(NOTICE_TYPE_NAMES[n.type]),
          },
          {
            title: t('portal.notice.status'),
            key: 'status',
            render: (_, n: NoticeItem) => (
              <Tag color={STATUS_COLOR[n.status]}>{pickMsg(NOTICE_STATUS_NAMES[n.status])}</Tag>
            ),
          },
          {
            title: t('portal.notice.window'),
            ...sorted('windowStart'),
            render: (_, n: NoticeItem) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                {n.windowStart} — {n.windowEnd.slice(5)}
              </span>
            ),
          },
          { title: t('portal.notice.records'), dataIndex: 'recordCount', align: 'right' },
          { title: t('portal.notice.openObjections'), dataIndex: 'openObjections', align: 'right' },
        ]}
        filterFields={
          <>
            <Form.Item label={t('portal.notice.search')} name="q">
              <Input allowClear style={{ width: 200 }} />
            </Form.Item>
            <Form.Item label={t('portal.notice.type')} name="type">
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 130 }}
                options={NOTICE_TYPE_CODES.map((c) => ({ value: c, label: pickMsg(NOTICE_TYPE_NAMES[c]) }))}
              />
            </Form.Item>
            <Form.Item label={t('portal.notice.status')} name="status">
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 110 }}
                options={NOTICE_STATUS_CODES.map((c) => ({
                  value: c,
                  label: pickMsg(NOTICE_STATUS_NAMES[c]),
                }))}
              />
            </Form.Item>
          </>
        }
        actionsWidth={150}
        actions={(n: NoticeItem) => (
          <Space size={0} wrap>
            {n.status === 'draft' && (
              <>
                <Button type="link" size="small" onClick={() => setEditing({ id: n.id })}>
                  {t('common.edit')}
                </Button>
                <Button type="link" size="small" onClick={() => move(n, 'published')}>
                  {t('portal.notice.publish')}
                </Button>
              </>
            )}
            {n.status === 'published' && (
              <>
                <Button type="link" size="small" href={`/public/notices/${n.id}`} target="_blank">
                  {t('portal.notice.view')}
                </Button>
                <Button type="link" size="small" danger onClick={() => move(n, 'withdrawn')}>
                  {t('portal.notice.withdraw')}
                </Button>
              </>
            )}
          </Space>
        )}
        exportPath={noticeExportPath}
        extra={
          <Space>
            <Button onClick={() => setFromCall(true)}>{t('portal.notice.fromCall')}</Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
              {t('portal.notice.create')}
            </Button>
          </Space>
        }
        empty={{ filtered: t('portal.notice.emptyFiltered'), none: t('portal.notice.emptyNone') }}
      />
      {editing && <NoticeEditor id={editing.id} onClose={() => setEditing(null)} />}
      {fromCall && (
        <FromCallDialog
          onClose={(id) => {
            setFromCall(false);
            if (id) setEditing({ id });
          }}
        />
      )}
    </>
  );
}

/** 由申报批次生成: a draft listing the call's approved projects, opened for editing. */
function FromCallDialog({ onClose }: { onClose: (id?: string) => void }) {
  const t = useT();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<{ callId: string }>();
  const calls = useCalls({ pageSize: 200, sort: '-year' });
  const make = useNoticeFromCall();
  return (
    <Modal
      open
      title={t('portal.notice.fromCall')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={make.isPending}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          make.mutate(v, { onSuccess: (n) => onClose(n.id), onError: (e) => onError(e, form) })
        }
      >
        <Form.Item name="callId" label={t('portal.notice.call')} rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={calls.isFetching}
            options={(calls.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
