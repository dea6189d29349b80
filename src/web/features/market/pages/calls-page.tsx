import { App as AntApp, Button, Descriptions, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import {
  CALL_KIND_CODES,
  CALL_KIND_NAMES,
  CALL_STATUS_CODES,
  CALL_STATUS_NAMES,
  PROPOSAL_STATUS_NAMES,
} from '../../../../domain/market';
import { useMsg, useT } from '../../../app/i18n';
import { ListPage } from '../../../app/list/list-page';
import { useUrlListState } from '../../../app/list/use-list-state';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { type CallItem, exportPath, useCall, useCalls, useProposalDecision, usePropose } from '../api';

function CallDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const t = useT();
  const pickMsg = useMsg();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const detail = useCall(id);
  const decide = useProposalDecision();
  const propose = usePropose();
  const [summary, setSummary] = useState('');
  const c = detail.data?.call;
  const can = detail.data?.abilities;
  return (
    <Modal open width={900} title={c?.title} footer={null} onCancel={onClose}>
      {c && can && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions
            size="small"
            bordered
            column={2}
            items={[
              { key: 'd', label: t('market.demandTitle'), children: c.demandTitle },
              { key: 'o', label: t('market.org'), children: c.orgName },
              { key: 'k', label: t('market.call.kind'), children: pickMsg(CALL_KIND_NAMES[c.kind]) },
              { key: 's', label: t('market.status'), children: pickMsg(CALL_STATUS_NAMES[c.status]) },
              { key: 'c', label: t('market.call.closesOn'), children: c.closesOn },
              { key: 'b', label: t('market.batch'), children: c.batch ?? '—' },
            ]}
          />
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={detail.data?.proposals ?? []}
            locale={{ emptyText: t('market.call.noProposals') }}
            columns={[
              { title: t('market.org'), dataIndex: 'orgName', width: 200 },
              { title: t('market.call.summary'), dataIndex: 'summary' },
              {
                title: t('market.status'),
                key: 'status',
                width: 200,
                render: (_, p) => (
                  <Space size={4}>
                    <Tag>{pickMsg(PROPOSAL_STATUS_NAMES[p.status])}</Tag>
                    {can.shortlist && p.status === 'submitted' && (
                      <Button
                        size="small"
                        type="link"
                        onClick={() =>
                          decide
                            .mutateAsync({ id, proposalId: p.id, decision: 'shortlist' })
                            .catch((e) => onError(e))
                        }
                      >
                        {t('market.call.shortlist')}
                      </Button>
                    )}
                    {can.pick && p.status === 'shortlisted' && (
                      <Button
                        size="small"
                        type="link"
                        onClick={() =>
                          decide
                            .mutateAsync({ id, proposalId: p.id, decision: 'pick' })
                            .catch((e) => onError(e))
                        }
                      >
                        {t('market.call.pick')}
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
          {can.propose && (
            <Space.Compact style={{ width: '100%' }}>
              <Input.TextArea
                aria-label={t('market.call.summary')}
                placeholder={t('market.call.summary')}
                value={summary}
                onChange={(e) => setSummary(e.target.value)}
                maxLength={4000}
              />
              <Button
                type="primary"
                disabled={!summary.trim()}
                onClick={() =>
                  propose
                    .mutateAsync({ id, summary })
                    .then(() => {
                      setSummary('');
                      message.success(t('common.saved'));
                    })
                    .catch((e) => onError(e))
                }
              >
                {t('market.call.propose')}
              </Button>
            </Space.Compact>
          )}
        </Space>
      )}
    </Modal>
  );
}

/** 揭榜挂帅 / 燎原计划: demands put out as calls for solutions. */
export function CallsPage() {
  const t = useT();
  const pickMsg = useMsg();
  const list = useUrlListState<Record<string, string | undefined>>('-closesOn');
  const calls = useCalls(list.params);
  const [viewing, setViewing] = useState<string>();
  const sorted = (key: string) => ({ key, sorter: true, sortOrder: list.sortOrderOf(key) });
  return (
    <>
      <ListPage
        title={t('menu.market.calls')}
        name="market-call-filters"
        list={list}
        query={calls}
        actionsWidth={80}
        columns={[
          { title: t('market.call.title'), dataIndex: 'title', width: 300, ...sorted('title') },
          {
            title: t('market.call.kind'),
            key: 'kind',
            width: 100,
            render: (_, c: CallItem) => pickMsg(CALL_KIND_NAMES[c.kind]),
          },
          { title: t('market.batch'), dataIndex: 'batch', width: 80 },
          { title: t('market.org'), dataIndex: 'orgName', width: 200 },
          {
            title: t('market.status'),
            width: 90,
            ...sorted('status'),
            render: (_, c: CallItem) => pickMsg(CALL_STATUS_NAMES[c.status]),
          },
          { title: t('market.call.closesOn'), dataIndex: 'closesOn', width: 110, ...sorted('closesOn') },
          { title: t('market.call.proposals'), dataIndex: 'proposals', width: 80 },
        ]}
        filterFields={
          <>
            <Form.Item label={t('market.search')} name="q">
              <Input allowClear style={{ width: 200 }} />
            </Form.Item>
            <Form.Item label={t('market.call.kind')} name="kind">
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 120 }}
                options={CALL_KIND_CODES.map((c) => ({ value: c, label: pickMsg(CALL_KIND_NAMES[c]) }))}
              />
            </Form.Item>
            <Form.Item label={t('market.status')} name="status">
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 110 }}
                options={CALL_STATUS_CODES.map((c) => ({ value: c, label: pickMsg(CALL_STATUS_NAMES[c]) }))}
              />
            </Form.Item>
          </>
        }
        actions={(c: CallItem) => (
          <Button type="link" size="small" onClick={() => setViewing(c.id)}>
            {t('market.view')}
          </Button>
        )}
        exportPath={exportPath('calls')}
        empty={{ filtered: t('market.emptyFiltered'), none: t('market.emptyNone') }}
      />
      {viewing && <CallDialog id={viewing} onClose={() => setViewing(undefined)} />}
    </>
  );
}
