import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Select,
  Space,
  Spin,
  Table,
  Tabs,
  Tag,
} from 'antd';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { BENEFICIARY_STATUS_CODES, BENEFICIARY_STATUS_NAMES } from '../../../../domain/policy-items';
import { useMsg, useT } from '../../../app/i18n';
import { ListPage } from '../../../app/list/list-page';
import { useUrlListState } from '../../../app/list/use-list-state';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { BatchDialog } from '../components/batch-dialog';
import { ItemEditor, PreviewResult } from '../components/item-editor';
import { RespondDialog } from '../components/respond-dialog';
import {
  type BatchRow,
  type BeneficiaryRow,
  type EligibleRow,
  type ItemDetail,
  itemPaths,
  type Preview,
  useBatches,
  useBeneficiaries,
  useConfirmList,
  useEligible,
  useItem,
  usePreview,
  useRemind,
} from '../items-api';
import { STATUS_COLOR } from './benefits-page';
import { useBenefitText } from './items-page';

const TABS = ['rule', 'eligible', 'list', 'batches'] as const;
const reserved = ['tab'];

/** One item: its rule and versions, who qualifies now, the confirmed list with answers, the batches. */
export function ItemPage() {
  const t = useT();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const detail = useItem(id);
  const [editing, setEditing] = useState(false);
  const benefit = useBenefitText();
  if (!detail.data)
    return detail.isError ? <Alert type="error" showIcon title={detail.error?.message} /> : <Spin />;
  const { item, abilities } = detail.data;
  const tab = TABS.find((x) => x === params.get('tab')) ?? 'rule';
  return (
    <Card
      title={<h2 style={{ margin: 0, fontSize: 16 }}>{item.title}</h2>}
      extra={
        <Space>
          <Link to="/policies/items">{t('items.back')}</Link>
          {abilities.edit && <Button onClick={() => setEditing(true)}>{t('items.edit')}</Button>}
        </Space>
      }
    >
      <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('items.document')}>
          {item.documentTitle}
          {item.documentNo ? `（${item.documentNo}）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('items.year')}>{item.year}</Descriptions.Item>
        <Descriptions.Item label={t('items.benefit')}>{benefit(item)}</Descriptions.Item>
        <Descriptions.Item label={t('items.mode')}>
          {item.noApplication ? (
            <Tag color="green">{t('items.noApplication')}</Tag>
          ) : (
            t('items.byApplication')
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('items.ruleVersion')}>
          {item.ruleVersion > 0 ? `v${item.ruleVersion}` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('items.listState')}>
          {item.listConfirmedAt
            ? t('items.listConfirmed', { version: item.listRuleVersion ?? 0, n: item.beneficiaries })
            : t('items.listOpen')}
        </Descriptions.Item>
        <Descriptions.Item label={t('items.paid')}>
          {t('items.paidText', { n: item.paidCount, amount: item.paidAmount })}
        </Descriptions.Item>
        {item.budgetLine && (
          <Descriptions.Item label={t('items.budgetLine')}>{item.budgetLine}</Descriptions.Item>
        )}
        {item.callId && (
          <Descriptions.Item label={t('items.call')}>
            <Link to={`/projects/calls/${item.callId}`}>{t('items.openCall')}</Link>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'rule', label: t('items.tab.rule'), children: <RuleTab detail={detail.data} /> },
          ...(item.ruleVersion > 0
            ? [
                {
                  key: 'eligible',
                  label: t('items.tab.eligible'),
                  children: <EligibleTab detail={detail.data} />,
                },
              ]
            : []),
          ...(item.noApplication
            ? [{ key: 'list', label: t('items.tab.list'), children: <ListTab detail={detail.data} /> }]
            : []),
          { key: 'batches', label: t('items.tab.batches'), children: <BatchesTab detail={detail.data} /> },
        ]}
      />
      {editing && <ItemEditor id={id} onClose={() => setEditing(false)} />}
    </Card>
  );
}

function RuleTab({ detail }: { detail: ItemDetail }) {
  const t = useT();
  const onError = useApiErrorHandler();
  const preview = usePreview();
  const [shown, setShown] = useState<Preview | null>(null);
  if (!detail.item.rule) return <Alert type="info" showIcon title={t('items.noRule')} />;
  return (
    <>
      <Table
        size="small"
        rowKey="version"
        pagination={false}
        dataSource={detail.versions}
        columns={[
          { title: t('items.version'), dataIndex: 'version', width: 80, render: (v) => `v${v}` },
          { title: t('items.ruleText'), key: 'rule', render: (_, v) => <RuleText rule={v.rule} /> },
          { title: t('items.savedBy'), dataIndex: 'savedBy', width: 120 },
          {
            title: t('items.savedAt'),
            dataIndex: 'savedAt',
            width: 180,
            render: (v: string) => v.replace('T', ' ').slice(0, 16),
          },
        ]}
      />
      <Button
        style={{ marginTop: 12 }}
        loading={preview.isPending}
        onClick={() =>
          preview.mutate({ id: detail.item.id }, { onSuccess: setShown, onError: (e) => onError(e) })
        }
      >
        {t('items.preview')}
      </Button>
      {shown && <PreviewResult preview={shown} />}
    </>
  );
}

/** The rule in one line of words. */
function RuleText({ rule }: { rule: ItemDetail['versions'][number]['rule'] }) {
  const t = useT();
  const parts: string[] = [];
  if (rule.qualification)
    parts.push(
      t('items.rule.textQual', {
        type: rule.qualification.typeCode,
        from: rule.qualification.issuedFrom ?? '…',
        to: rule.qualification.issuedTo ?? '…',
      }) + (rule.qualification.firstTime ? t('items.rule.textFirst') : ''),
    );
  if (rule.regionCodes.length) parts.push(t('items.rule.textRegions', { n: rule.regionCodes.length }));
  if (rule.industryCodes.length)
    parts.push(t('items.rule.textIndustries', { codes: rule.industryCodes.join('、') }));
  if (rule.aboveSize === true) parts.push(t('items.rule.aboveOnly'));
  if (rule.stats) parts.push(t('items.rule.textStats', { year: rule.stats.year }));
  parts.push(t('items.rule.textCredit'));
  return <span>{parts.join('；')}</span>;
}

function EligibleTab({ detail }: { detail: ItemDetail }) {
  const t = useT();
  const { modal, message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const confirm = useConfirmList();
  const list = useUrlListState<Record<string, string | undefined>>('name', { reserved });
  const rows = useEligible(detail.item.id, list.params);
  const go = () =>
    modal.confirm({
      title: t('items.confirmTitle', { n: rows.data?.total ?? 0, version: detail.item.ruleVersion }),
      content: t('items.confirmBody'),
      onOk: () =>
        confirm
          .mutateAsync(detail.item.id)
          .then((d) => message.success(t('items.confirmed', { n: d.item.beneficiaries })))
          .catch((e) => onError(e)),
    });
  return (
    <ListPage
      embedded
      title={t('items.tab.eligible')}
      name="eligible-filters"
      list={list}
      query={rows}
      notice={
        detail.item.listConfirmedAt ? (
          <Alert type="info" showIcon title={t('items.eligibleAfterConfirm')} />
        ) : (
          t('items.eligibleNotice', { version: detail.item.ruleVersion })
        )
      }
      columns={[
        { title: t('items.org'), dataIndex: 'name', width: 300 },
        { title: t('items.uscc'), dataIndex: 'uscc', width: 200 },
        { title: t('items.region'), dataIndex: 'regionName', width: 100 },
        { title: t('items.industry'), dataIndex: 'industryCode', width: 90 },
      ]}
      filterFields={
        <Form.Item label={t('policies.search')} name="q">
          <Input allowClear style={{ width: 220 }} />
        </Form.Item>
      }
      exportPath={`${itemPaths.eligible(detail.item.id)}/export.xlsx`}
      extra={
        detail.abilities.confirm && (
          <Button type="primary" onClick={go} loading={confirm.isPending}>
            {t('items.confirmList')}
          </Button>
        )
      }
      empty={{ filtered: t('items.noneEligible'), none: t('items.noneEligible') }}
    />
  );
}

function ListTab({ detail }: { detail: ItemDetail }) {
  const t = useT();
  const pickMsg = useMsg();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const remind = useRemind();
  const list = useUrlListState<Record<string, string | undefined>>('orgName', { reserved });
  const rows = useBeneficiaries(detail.item.id, list.params);
  const [answering, setAnswering] = useState<BeneficiaryRow | null>(null);
  return (
    <>
      <ListPage
        embedded
        title={t('items.tab.list')}
        name="beneficiary-filters"
        list={list}
        query={rows}
        columns={[
          { title: t('items.org'), dataIndex: 'orgName', width: 260 },
          { title: t('items.region'), dataIndex: 'regionName', width: 90 },
          {
            title: t('benefits.status'),
            key: 'status',
            width: 130,
            render: (_, r: BeneficiaryRow) => (
              <Tag color={STATUS_COLOR[r.status]}>{pickMsg(BENEFICIARY_STATUS_NAMES[r.status])}</Tag>
            ),
          },
          { title: t('benefits.amountCol'), dataIndex: 'amount', width: 110, align: 'right' },
          { title: t('benefits.bankAccount'), dataIndex: 'bankAccount', width: 110 },
          { title: t('benefits.reason'), dataIndex: 'declineReason', key: 'declineReason', width: 160 },
          {
            title: t('items.version'),
            dataIndex: 'ruleVersion',
            key: 'ruleVersion',
            width: 70,
            render: (v) => `v${v}`,
          },
        ]}
        defaultHidden={['ruleVersion']}
        filterFields={
          <>
            <Form.Item label={t('benefits.status')} name="status">
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 140 }}
                options={BENEFICIARY_STATUS_CODES.map((s) => ({
                  value: s,
                  label: pickMsg(BENEFICIARY_STATUS_NAMES[s]),
                }))}
              />
            </Form.Item>
            <Form.Item label={t('items.pending')} name="pending">
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 120 }}
                options={[{ value: 'true', label: t('items.pendingOnly') }]}
              />
            </Form.Item>
          </>
        }
        actions={
          detail.abilities.edit
            ? (r: BeneficiaryRow) =>
                r.status === 'notified' ? (
                  <Button type="link" size="small" onClick={() => setAnswering(r)}>
                    {t('items.onBehalf')}
                  </Button>
                ) : null
            : undefined
        }
        actionsWidth={90}
        exportPath={`${itemPaths.beneficiaries(detail.item.id)}/export.xlsx`}
        extra={
          detail.abilities.edit && (
            <Button
              loading={remind.isPending}
              onClick={() =>
                remind.mutate(detail.item.id, {
                  onSuccess: (r) => message.success(t('items.reminded', { n: r.organisations })),
                  onError: (e) => onError(e),
                })
              }
            >
              {t('items.remind')}
            </Button>
          )
        }
        empty={{ filtered: t('items.listEmptyFiltered'), none: t('items.listEmpty') }}
      />
      {answering && <RespondDialog row={answering} onBehalf onClose={() => setAnswering(null)} />}
    </>
  );
}

function BatchesTab({ detail }: { detail: ItemDetail }) {
  const t = useT();
  const list = useUrlListState<Record<string, string | undefined>>(undefined, { reserved });
  const rows = useBatches(detail.item.id, list.params);
  const [adding, setAdding] = useState(false);
  return (
    <>
      <ListPage
        embedded
        title={t('items.tab.batches')}
        name="batch-filters"
        list={list}
        query={rows}
        columns={[
          { title: t('batches.paidOn'), dataIndex: 'paidOn', width: 120 },
          { title: t('batches.payments'), dataIndex: 'payments', width: 100, align: 'right' },
          { title: t('batches.total'), dataIndex: 'total', width: 140, align: 'right' },
          { title: t('batches.note'), dataIndex: 'note', width: 260 },
          { title: t('batches.by'), dataIndex: 'createdBy', width: 120 },
        ]}
        exportPath={`${itemPaths.batches(detail.item.id)}/export.xlsx`}
        extra={
          detail.abilities.pay && (
            <Button type="primary" onClick={() => setAdding(true)}>
              {t('batches.create')}
            </Button>
          )
        }
        empty={{ filtered: t('batches.empty'), none: t('batches.empty') }}
      />
      {adding && <BatchDialog item={detail.item} onClose={() => setAdding(false)} />}
    </>
  );
}

export type { BatchRow, EligibleRow };
