import { UploadOutlined } from '@ant-design/icons';
import {
  App as AntApp,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tabs,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../../app/api-client';
import { useMsg, useT } from '../../../app/i18n';
import { DayCell } from '../../../app/list/cells';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { useDataYears } from '../../../app/workbench';
import { useCalls } from '../../projects/api';
import {
  type Guide,
  guideFilesPath,
  useDeleteGuideFile,
  useGuideFiles,
  useGuides,
  useSaveGuide,
  useSaveStatistics,
  useStatisticsSettings,
} from '../api';

/** 门户内容: the service guides, the indicators published per year, and the files of each call's guide. */
export function SitePage() {
  const t = useT();
  return (
    <Card
      title={t('menu.portal.site')}
      extra={
        <a href="/public" target="_blank" rel="noopener">
          {t('portal.openSite')}
        </a>
      }
    >
      <Tabs
        items={[
          { key: 'guides', label: t('portal.site.guides'), children: <GuidesTab /> },
          { key: 'statistics', label: t('portal.site.statistics'), children: <StatisticsTab /> },
          { key: 'files', label: t('portal.site.callFiles'), children: <CallFilesTab /> },
        ]}
      />
    </Card>
  );
}

function GuidesTab() {
  const t = useT();
  const guides = useGuides();
  const [editing, setEditing] = useState<Partial<Guide> | null>(null);
  return (
    <>
      <Button type="primary" onClick={() => setEditing({})} style={{ marginBottom: 12 }}>
        {t('portal.guide.create')}
      </Button>
      <Table<Guide>
        rowKey="id"
        size="small"
        loading={guides.isFetching}
        dataSource={guides.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('portal.guide.sortOrder'), dataIndex: 'sortOrder', width: 70 },
          { title: t('portal.guide.title'), dataIndex: 'title', width: 180 },
          { title: t('portal.guide.time'), dataIndex: 'timeLimits', ellipsis: true },
          { title: t('portal.guide.contacts'), dataIndex: 'contacts', width: 220 },
          {
            title: t('common.actions'),
            key: 'a',
            width: 80,
            render: (_, g) => (
              <Button type="link" size="small" onClick={() => setEditing(g)}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing && <GuideEditor guide={editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function GuideEditor({ guide, onClose }: { guide: Partial<Guide>; onClose: () => void }) {
  const t = useT();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm();
  const save = useSaveGuide();
  const { id, updatedAt: _u, ...initial } = guide;
  return (
    <Modal
      open
      title={id ? t('portal.guide.edit') : t('portal.guide.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={760}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ sortOrder: 0, entry: '', ...initial }}
        onFinish={(body) =>
          save.mutate(
            { id, body },
            {
              onSuccess: () => {
                message.success(t('common.saved'));
                onClose();
              },
              onError: (e) => onError(e, form),
            },
          )
        }
      >
        <Space wrap>
          <Form.Item
            name="code"
            label={t('portal.guide.code')}
            rules={[{ required: true, pattern: /^[a-z0-9_]{2,40}$/ }]}
          >
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="title" label={t('portal.guide.title')} rules={[{ required: true, max: 100 }]}>
            <Input style={{ width: 280 }} />
          </Form.Item>
          <Form.Item name="sortOrder" label={t('portal.guide.sortOrder')}>
            <InputNumber min={0} max={999} />
          </Form.Item>
        </Space>
        <Form.Item name="whoMayApply" label={t('portal.guide.who')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="materials" label={t('portal.guide.materials')} rules={[{ required: true }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item name="timeLimits" label={t('portal.guide.time')} rules={[{ required: true }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="contacts" label={t('portal.guide.contacts')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="entry" label={t('portal.guide.entry')}>
          <Input placeholder="/public/calls" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function StatisticsTab() {
  const t = useT();
  const pickMsg = useMsg();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const years = useDataYears();
  const [year, setYear] = useState<number>(2016);
  const settings = useStatisticsSettings(year);
  const save = useSaveStatistics();
  const [codes, setCodes] = useState<string[]>([]);
  useEffect(() => {
    if (settings.data) setCodes(settings.data.items.filter((i) => i.isPublic).map((i) => i.code));
  }, [settings.data]);
  const yearOptions = [...new Set([...(years.data?.years ?? []), 2016, year])].sort((a, b) => b - a);
  return (
    <>
      <Typography.Paragraph type="secondary">{t('portal.stats.help')}</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <span>{t('portal.stats.year')}</span>
        <Select
          aria-label={t('portal.stats.year')}
          value={year}
          onChange={setYear}
          style={{ width: 100 }}
          options={yearOptions.map((y) => ({ value: y, label: String(y) }))}
        />
        <Button
          type="primary"
          loading={save.isPending}
          onClick={() =>
            save.mutate(
              { year, codes },
              {
                onSuccess: () => message.success(t('portal.stats.saved', { year })),
                onError: (e) => onError(e),
              },
            )
          }
        >
          {t('common.save')}
        </Button>
      </Space>
      <Table
        rowKey="code"
        size="small"
        loading={settings.isFetching}
        dataSource={settings.data?.items ?? []}
        pagination={false}
        scroll={{ y: 480 }}
        columns={[
          {
            title: t('portal.stats.public'),
            key: 'p',
            width: 70,
            render: (_, i) => (
              <Checkbox
                aria-label={i.name}
                checked={codes.includes(i.code)}
                onChange={(e) =>
                  setCodes((c) => (e.target.checked ? [...c, i.code] : c.filter((x) => x !== i.code)))
                }
              />
            ),
          },
          {
            title: t('portal.stats.indicator'),
            key: 'n',
            render: (_, i) => pickMsg({ zh: i.name, en: i.nameEn }),
          },
          { title: t('portal.stats.unit'), dataIndex: 'unit', width: 100 },
        ]}
      />
    </>
  );
}

function CallFilesTab() {
  const t = useT();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const calls = useCalls({ pageSize: 200, sort: '-year' });
  const [callId, setCallId] = useState<string | undefined>(undefined);
  const files = useGuideFiles(callId);
  const remove = useDeleteGuideFile();
  const [uploading, setUploading] = useState(false);
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('portal.files.call')}
          placeholder={t('portal.files.pickCall')}
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 420 }}
          value={callId}
          onChange={setCallId}
          options={(calls.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))}
        />
        <Upload
          showUploadList={false}
          disabled={!callId}
          accept=".pdf,.doc,.docx,.xls,.xlsx"
          customRequest={async ({ file }) => {
            const form = new FormData();
            form.append('file', file as File);
            setUploading(true);
            try {
              await api.post(guideFilesPath(callId!), form);
              message.success(t('portal.files.uploaded', { name: (file as File).name }));
              await files.refetch();
            } catch (e) {
              onError(e);
            } finally {
              setUploading(false);
            }
          }}
        >
          <Button icon={<UploadOutlined />} disabled={!callId} loading={uploading}>
            {t('portal.files.upload')}
          </Button>
        </Upload>
      </Space>
      <Table
        rowKey="id"
        size="small"
        loading={files.isFetching}
        dataSource={files.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('portal.files.name'), dataIndex: 'fileName' },
          {
            title: t('portal.files.size'),
            key: 's',
            width: 100,
            render: (_, f) => `${Math.max(1, Math.round(f.size / 1024))} KB`,
          },
          {
            title: t('portal.files.uploadedAt'),
            key: 'u',
            width: 130,
            render: (_, f) => <DayCell value={f.uploadedAt} />,
          },
          {
            title: t('common.actions'),
            key: 'a',
            width: 80,
            render: (_, f) => (
              <Button
                type="link"
                size="small"
                danger
                onClick={() => remove.mutate({ callId: callId!, id: f.id }, { onError: (e) => onError(e) })}
              >
                {t('portal.files.delete')}
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}
