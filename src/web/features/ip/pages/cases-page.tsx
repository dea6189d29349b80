import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Col,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Space,
  Spin,
  Tag,
  Timeline,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  CASE_KIND_CODES,
  CASE_KINDS,
  CASE_STATUS,
  CASE_STATUS_CODES,
  CASE_TRANSITIONS,
  type CaseAction,
  type CaseKind,
  type CaseStatus,
  RUNNING,
} from '../../../../domain/ip-cases';
import { useAuth } from '../../../app/auth-context';
import { FormModal, useSaved } from '../../../app/form-modal';
import { chinaToday, formatDateTime } from '../../../app/format';
import { useMsg, useT } from '../../../app/i18n';
import { ListPage } from '../../../app/list/list-page';
import { useUrlListState } from '../../../app/list/use-list-state';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { RegionSelect } from '../../registry/components/region-select';
import { type CaseItem, caseExportPath, useActOnCase, useCase, useCases, useSaveCase } from '../api';

const STATUS_COLOR: Record<CaseStatus, string> = {
  received: 'blue',
  declined: 'default',
  filed: 'cyan',
  investigating: 'geekblue',
  hearing: 'purple',
  decided: 'green',
  mediated: 'green',
  withdrawn: 'default',
  closed: 'default',
};

function StatusTag({ status }: { status: CaseStatus }) {
  const pickMsg = useMsg();
  return <Tag color={STATUS_COLOR[status]}>{pickMsg(CASE_STATUS[status])}</Tag>;
}

/** The deadline of a running case, with the days left or over (China-time today). */
function Deadline({ c }: { c: Pick<CaseItem, 'deadline' | 'status' | 'extended'> }) {
  const t = useT();
  if (!c.deadline) return <span>—</span>;
  if (!RUNNING.includes(c.status)) return <span>{c.deadline}</span>;
  const days = dayjs(c.deadline).diff(dayjs(chinaToday()), 'day');
  const color = days < 0 ? 'red' : days <= 10 ? 'gold' : 'default';
  return (
    <span>
      {c.deadline}{' '}
      <Tag color={color}>
        {days < 0 ? t('ipCase.daysOver', { days: -days }) : t('ipCase.daysLeft', { days })}
      </Tag>
      {c.extended && <Tag>{t('ipCase.extended')}</Tag>}
    </span>
  );
}

/** 专利执法案件: the handling bureau's cases, their moves and deadlines. */
export function CasesPage() {
  const t = useT();
  const pickMsg = useMsg();
  const { can } = useAuth();
  const list = useUrlListState<Record<string, string | undefined>>('-receivedOn');
  const cases = useCases(list.params);
  const [editing, setEditing] = useState<{ id?: string } | null>(null);
  const [viewing, setViewing] = useState<string>();
  const handles = can('ip.enforce');
  const sorted = (key: string) => ({ key, sorter: true, sortOrder: list.sortOrderOf(key) });

  return (
    <>
      <ListPage
        title={t('menu.ip.cases')}
        name="case-filters"
        list={list}
        query={cases}
        notice={<Alert type="info" showIcon title={t('ipCase.deadlineRule')} />}
        columns={[
          { title: t('ipCase.caseNo'), dataIndex: 'caseNo', width: 150, ...sorted('caseNo') },
          { title: t('ipCase.title'), dataIndex: 'title', width: 280 },
          {
            title: t('ipCase.kind'),
            key: 'kind',
            width: 110,
            render: (_, c: CaseItem) => pickMsg(CASE_KINDS[c.kind]),
          },
          { title: t('ipCase.region'), dataIndex: 'regionName', width: 110 },
          {
            title: t('ipCase.status'),
            width: 120,
            ...sorted('status'),
            render: (_, c: CaseItem) => <StatusTag status={c.status} />,
          },
          { title: t('ipCase.filedOn'), dataIndex: 'filedOn', width: 110, ...sorted('filedOn') },
          {
            title: t('ipCase.deadline'),
            width: 200,
            ...sorted('deadline'),
            render: (_, c: CaseItem) => <Deadline c={c} />,
          },
          { title: t('ipCase.receivedOn'), dataIndex: 'receivedOn', width: 110, ...sorted('receivedOn') },
          { title: t('ipCase.requester'), dataIndex: 'requester', width: 180 },
          { title: t('ipCase.respondent'), dataIndex: 'respondent', width: 160 },
        ]}
        defaultHidden={['receivedOn', 'requester', 'respondent']}
        filterFields={
          <>
            <Form.Item label={t('ipCase.search')} name="q">
              <Input allowClear placeholder={t('ipCase.searchPlaceholder')} style={{ width: 220 }} />
            </Form.Item>
            <Form.Item label={t('ipCase.kind')} name="kind">
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 130 }}
                options={CASE_KIND_CODES.map((k) => ({ value: k, label: pickMsg(CASE_KINDS[k]) }))}
              />
            </Form.Item>
            <Form.Item label={t('ipCase.status')} name="status">
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 150 }}
                options={CASE_STATUS_CODES.map((s) => ({ value: s, label: pickMsg(CASE_STATUS[s]) }))}
              />
            </Form.Item>
            <Form.Item label={t('ipCase.deadlineFilter')} name="deadline">
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 130 }}
                options={[
                  { value: 'overdue', label: t('ipCase.overdue') },
                  { value: 'due_soon', label: t('ipCase.dueSoon') },
                ]}
              />
            </Form.Item>
            <Form.Item label={t('ipCase.region')} name="regionCode">
              <RegionSelect style={{ width: 150 }} />
            </Form.Item>
          </>
        }
        actionsWidth={110}
        actions={(c: CaseItem) => (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => setViewing(c.id)}>
              {t('ipCase.view')}
            </Button>
            {handles && (RUNNING.includes(c.status) || c.status === 'received') && (
              <Button type="link" size="small" onClick={() => setEditing({ id: c.id })}>
                {t('common.edit')}
              </Button>
            )}
          </Space>
        )}
        exportPath={caseExportPath}
        extra={
          handles && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
              {t('ipCase.create')}
            </Button>
          )
        }
        empty={{ filtered: t('ipCase.emptyFiltered'), none: t('ipCase.emptyNone') }}
      />
      {editing && <CaseEditor id={editing.id} onClose={() => setEditing(null)} />}
      {viewing && <CaseDrawer id={viewing} onClose={() => setViewing(undefined)} />}
    </>
  );
}

interface Values {
  kind: CaseKind;
  title: string;
  patentAppNo?: string;
  requester: string;
  respondent: string;
  regionCode: string;
  receivedOn: Dayjs;
  summary?: string;
}

function CaseEditor({ id, onClose }: { id?: string; onClose: () => void }) {
  const t = useT();
  const pickMsg = useMsg();
  const [form] = Form.useForm<Values>();
  const saved = useSaved(form, onClose);
  const detail = useCase(id);
  const save = useSaveCase();
  const record = detail.data?.case;
  const onFinish = (v: Values) => {
    const body = {
      ...v,
      patentAppNo: v.patentAppNo?.trim() || null,
      receivedOn: v.receivedOn.format('YYYY-MM-DD'),
      summary: v.summary ?? '',
    };
    save.mutate(
      { id, body: id ? { ...body, version: record!.version } : body },
      saved(t('ipCase.saved', { title: v.title })),
    );
  };
  return (
    <FormModal<Values>
      form={form}
      name="case-form"
      title={id ? t('ipCase.edit') : t('ipCase.create')}
      creating={!id}
      loading={!!id && !record}
      saving={save.isPending}
      width={760}
      onFinish={onFinish}
      onClose={onClose}
      initialValues={
        record
          ? { ...record, patentAppNo: record.patentAppNo ?? undefined, receivedOn: dayjs(record.receivedOn) }
          : { kind: 'infringement', receivedOn: dayjs(chinaToday()) }
      }
    >
      <Form.Item label={t('ipCase.title')} name="title" rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item label={t('ipCase.kind')} name="kind" rules={[{ required: true }]}>
            <Select
              disabled={!!record?.filedOn}
              options={CASE_KIND_CODES.map((k) => ({ value: k, label: pickMsg(CASE_KINDS[k]) }))}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={t('ipCase.region')} name="regionCode" rules={[{ required: true }]}>
            <RegionSelect allowClear={false} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={t('ipCase.receivedOn')} name="receivedOn" rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label={t('ipCase.requester')}
            name="requester"
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label={t('ipCase.respondent')}
            name="respondent"
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('ipCase.patentAppNo')} name="patentAppNo">
            <Input maxLength={20} placeholder="201610123456.7" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('ipCase.summary')} name="summary">
        <Input.TextArea rows={4} maxLength={4000} />
      </Form.Item>
    </FormModal>
  );
}

/** A case: its facts, history and the moves the user may take now. */
function CaseDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const t = useT();
  const pickMsg = useMsg();
  const detail = useCase(id);
  const [acting, setActing] = useState<CaseAction>();
  const d = detail.data;
  const c = d?.case;
  return (
    <Drawer open width={640} title={c?.caseNo ?? c?.title ?? t('menu.ip.cases')} onClose={onClose}>
      {!c || !d ? (
        <Spin />
      ) : (
        <>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('ipCase.title')} span={2}>
              {c.title}
            </Descriptions.Item>
            <Descriptions.Item label={t('ipCase.kind')}>{pickMsg(CASE_KINDS[c.kind])}</Descriptions.Item>
            <Descriptions.Item label={t('ipCase.status')}>
              <StatusTag status={c.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('ipCase.region')}>{c.regionName}</Descriptions.Item>
            <Descriptions.Item label={t('ipCase.patentAppNo')}>{c.patentAppNo ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('ipCase.requester')}>{c.requester}</Descriptions.Item>
            <Descriptions.Item label={t('ipCase.respondent')}>{c.respondent}</Descriptions.Item>
            <Descriptions.Item label={t('ipCase.receivedOn')}>{c.receivedOn}</Descriptions.Item>
            <Descriptions.Item label={t('ipCase.filedOn')}>{c.filedOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('ipCase.deadline')} span={2}>
              <Deadline c={c} />
            </Descriptions.Item>
            {c.summary && (
              <Descriptions.Item label={t('ipCase.summary')} span={2}>
                {c.summary}
              </Descriptions.Item>
            )}
          </Descriptions>
          {d.actions.length > 0 && (
            <Space wrap style={{ margin: '16px 0' }}>
              {d.actions.map((a) => (
                <Button key={a} onClick={() => setActing(a)}>
                  {pickMsg(CASE_TRANSITIONS[a].name)}
                </Button>
              ))}
            </Space>
          )}
          <h4 style={{ marginTop: 16 }}>{t('ipCase.history')}</h4>
          <Timeline
            items={d.events.map((e) => ({
              children: (
                <>
                  <div>
                    {e.on} {pickMsg(CASE_TRANSITIONS[e.action].name)} · {e.actorUsername}
                  </div>
                  {e.note && <div style={{ color: 'rgba(0,0,0,0.65)' }}>{e.note}</div>}
                  <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{formatDateTime(e.at)}</div>
                </>
              ),
            }))}
          />
          {acting && (
            <ActionModal
              id={id}
              version={c.version}
              title={c.title}
              action={acting}
              onClose={() => setActing(undefined)}
            />
          )}
        </>
      )}
    </Drawer>
  );
}

function ActionModal({
  id,
  version,
  title,
  action,
  onClose,
}: {
  id: string;
  version: number;
  title: string;
  action: CaseAction;
  onClose: () => void;
}) {
  const t = useT();
  const pickMsg = useMsg();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<{ on: Dayjs; note?: string }>();
  const act = useActOnCase();
  const name = pickMsg(CASE_TRANSITIONS[action].name);
  const needsNote = CASE_TRANSITIONS[action].noteRequired;
  return (
    <Modal
      open
      title={t('ipCase.actionTitle', { action: name, title })}
      okText={name}
      cancelText={t('common.cancel')}
      confirmLoading={act.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      <Form
        form={form}
        name="case-action"
        layout="vertical"
        initialValues={{ on: dayjs(chinaToday()) }}
        onFinish={(v) =>
          act.mutate(
            {
              id,
              action,
              body: { version, on: v.on.format('YYYY-MM-DD'), note: v.note?.trim() || undefined },
            },
            {
              onSuccess: () => {
                message.success(t('ipCase.done', { action: name }));
                onClose();
              },
              onError: (error) => onError(error, form),
            },
          )
        }
      >
        {action !== 'extend' && (
          <Form.Item label={t('ipCase.on')} name="on" rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item
          label={t('ipCase.note')}
          name="note"
          rules={needsNote ? [{ required: true, whitespace: true, message: t('ipCase.noteRequired') }] : []}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
