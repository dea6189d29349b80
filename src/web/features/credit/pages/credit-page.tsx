import { PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Form, Input, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import {
  CREDIT_SEVERITY_CODES,
  CREDIT_SEVERITY_NAMES,
  CREDIT_SUBJECT_CODES,
  CREDIT_SUBJECT_NAMES,
} from '../../../../domain/credit';
import { useAuth } from '../../../app/auth-context';
import { useMsg, useT } from '../../../app/i18n';
import { NameCell } from '../../../app/list/cells';
import { ListPage } from '../../../app/list/list-page';
import { useUrlListState } from '../../../app/list/use-list-state';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { type CreditRow, creditExportPath, useCreditRecords, useCreditText } from '../api';
import { CreditEditor, CreditTextDialog } from '../components/credit-editor';

const SEVERITY_COLOR = { general: 'gold', serious: 'volcano', severe: 'red' } as const;

/** 失信记录: who is blocked from applications, benefits and expert draws, why, and until when. */
export function CreditPage() {
  const t = useT();
  const pickMsg = useMsg();
  const { can } = useAuth();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const list = useUrlListState<Record<string, string | undefined>>('-validFrom');
  const rows = useCreditRecords(list.params);
  const text = useCreditText();
  const [editing, setEditing] = useState<{ row?: CreditRow } | null>(null);
  const [writing, setWriting] = useState<{ row: CreditRow; kind: 'objection' | 'answer' } | null>(null);
  const manage = can('credit.manage');
  return (
    <>
      <ListPage
        title={t('menu.credit.records')}
        name="credit-filters"
        list={list}
        query={rows}
        notice={t('credit.notice')}
        columns={[
          {
            title: t('credit.subject'),
            key: 'subject',
            width: 240,
            render: (_, r: CreditRow) => (
              <NameCell
                name={r.subjectName}
                code={`${pickMsg(CREDIT_SUBJECT_NAMES[r.subjectKind])} · ${r.regionName}`}
              />
            ),
          },
          { title: t('credit.reason'), dataIndex: 'reason', width: 260 },
          {
            title: t('credit.severity'),
            key: 'severity',
            width: 110,
            render: (_, r: CreditRow) => (
              <Tag color={SEVERITY_COLOR[r.severity]}>{pickMsg(CREDIT_SEVERITY_NAMES[r.severity])}</Tag>
            ),
          },
          {
            title: t('credit.period'),
            key: 'period',
            width: 200,
            render: (_, r: CreditRow) => `${r.validFrom} ~ ${r.validTo ?? t('credit.openEnded')}`,
          },
          {
            title: t('credit.inForce'),
            key: 'inForce',
            width: 90,
            render: (_, r: CreditRow) =>
              r.inForce ? <Tag color="red">{t('credit.yes')}</Tag> : <Tag>{t('credit.lapsed')}</Tag>,
          },
          {
            title: t('credit.sourceDocument'),
            dataIndex: 'sourceDocument',
            key: 'sourceDocument',
            width: 160,
          },
          {
            title: t('credit.objection'),
            key: 'objection',
            width: 200,
            render: (_, r: CreditRow) =>
              r.objection ? `${r.objection}${r.answer ? `｜${t('credit.answer')}：${r.answer}` : ''}` : '—',
          },
        ]}
        defaultHidden={['sourceDocument', 'objection']}
        filterFields={
          <>
            <Form.Item label={t('credit.search')} name="q">
              <Input allowClear style={{ width: 200 }} placeholder={t('credit.searchPlaceholder')} />
            </Form.Item>
            <Form.Item label={t('credit.inForce')} name="inForce">
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 110 }}
                options={[
                  { value: 'true', label: t('credit.yes') },
                  { value: 'false', label: t('credit.lapsed') },
                ]}
              />
            </Form.Item>
            <Form.Item label={t('credit.subjectKind')} name="subjectKind">
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 110 }}
                options={CREDIT_SUBJECT_CODES.map((s) => ({
                  value: s,
                  label: pickMsg(CREDIT_SUBJECT_NAMES[s]),
                }))}
              />
            </Form.Item>
            <Form.Item label={t('credit.severity')} name="severity">
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 130 }}
                options={CREDIT_SEVERITY_CODES.map((s) => ({
                  value: s,
                  label: pickMsg(CREDIT_SEVERITY_NAMES[s]),
                }))}
              />
            </Form.Item>
          </>
        }
        actions={
          manage
            ? (r: CreditRow) => (
                <Space size={0} wrap>
                  <Button type="link" size="small" onClick={() => setEditing({ row: r })}>
                    {t('common.edit')}
                  </Button>
                  <Button type="link" size="small" onClick={() => setWriting({ row: r, kind: 'objection' })}>
                    {t('credit.objection')}
                  </Button>
                  {r.objection && (
                    <Button type="link" size="small" onClick={() => setWriting({ row: r, kind: 'answer' })}>
                      {t('credit.answer')}
                    </Button>
                  )}
                </Space>
              )
            : undefined
        }
        actionsWidth={120}
        exportPath={creditExportPath}
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
              {t('credit.create')}
            </Button>
          )
        }
        empty={{ filtered: t('credit.emptyFiltered'), none: t('credit.emptyNone') }}
      />
      {editing && <CreditEditor row={editing.row} onClose={() => setEditing(null)} />}
      {writing && (
        <CreditTextDialog
          row={writing.row}
          kind={writing.kind}
          saving={text.isPending}
          onClose={() => setWriting(null)}
          onSave={(value) =>
            text.mutate(
              { id: writing.row.id, kind: writing.kind, text: value },
              {
                onSuccess: () => {
                  message.success(t('common.saved'));
                  setWriting(null);
                },
                onError: (e) => onError(e),
              },
            )
          }
        />
      )}
    </>
  );
}
