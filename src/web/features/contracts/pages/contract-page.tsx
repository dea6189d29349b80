import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import {
  App as AntApp,
  Button,
  Card,
  Descriptions,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  BUYER_KINDS,
  type BuyerKind,
  CONTRACT_STATUS,
  CONTRACT_TRANSITIONS,
  COUNTRIES,
  type ContractAction,
  type ContractStatus,
  type Country,
  OBJECTIVES,
  type Objective,
  REFUSAL_REASONS,
  type RefusalReason,
} from '../../../../domain/tech-contracts';
import { downloadFile } from '../../../app/api-client';
import { useMsg, useT } from '../../../app/i18n';
import { Money } from '../../../app/money';
import { PageLoading } from '../../../app/page-loading';
import { NotFoundPage } from '../../../app/status-pages';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { useFieldName } from '../../projects/format';
import { certificatePath, filePath, useContract, useContractAction, useUploadContractFile } from '../api';
import { ContractForm } from '../components/contract-form';
import { ReviewPanel } from '../components/review-panel';
import { chinaToday, DeadlineTag, StatusTag, useTypeLabel } from '../format';

const SELLER_ACTIONS: ContractAction[] = ['submit', 'resubmit'];

/** One contract: its form, file, the registrar's review, its certificate and its history. */
export function ContractPage() {
  const t = useT();
  const pickMsg = useMsg();
  const { id = '' } = useParams();
  const { message, modal } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const detail = useContract(id);
  const act = useContractAction();
  const upload = useUploadContractFile();
  const typeLabel = useTypeLabel();
  const fieldName = useFieldName();
  const [editing, setEditing] = useState(false);
  if (detail.isError) return <NotFoundPage />;
  if (!detail.data) return <PageLoading />;
  const { contract: c, files, events, amounts, abilities } = detail.data;
  const foreign = c.currency !== 'CNY';
  const orig = (v: string) => (foreign ? ` （${Number(v)} 万 ${c.currency}）` : '');

  const sellerAct = (action: ContractAction) => {
    const name = pickMsg(CONTRACT_TRANSITIONS[action].name);
    modal.confirm({
      title: t('contracts.confirm', { title: c.title, action: name }),
      onOk: () =>
        act
          .mutateAsync({ id: c.id, action, body: { version: c.version, reasonCodes: [] } })
          .then(() => message.success(t('contracts.done', { action: name })))
          .catch((error) => onError(error)),
    });
  };

  return (
    <>
      <Card
        title={
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {c.title}
            </Typography.Title>
            <StatusTag status={c.status} />
            {c.registrationNo && <Tag color="green">{c.registrationNo}</Tag>}
          </Space>
        }
        extra={<Link to="/contracts">{t('contracts.back')}</Link>}
        style={{ marginBottom: 16 }}
      >
        <Space wrap style={{ marginBottom: 16 }}>
          {abilities.edit && <Button onClick={() => setEditing(true)}>{t('contracts.edit')}</Button>}
          {abilities.actions
            .filter((a) => SELLER_ACTIONS.includes(a))
            .map((a) => (
              <Button key={a} type="primary" loading={act.isPending} onClick={() => sellerAct(a)}>
                {pickMsg(CONTRACT_TRANSITIONS[a].name)}
              </Button>
            ))}
          {abilities.certificate && (
            <Button icon={<DownloadOutlined />} onClick={() => downloadFile(certificatePath(c.id))}>
              {t('contracts.certificate')}
            </Button>
          )}
        </Space>
        {c.reasonCodes.length > 0 && (c.status === 'returned' || c.status === 'refused') && (
          <Typography.Paragraph type="danger">
            {c.reasonCodes
              .map((r) => pickMsg(REFUSAL_REASONS[r as RefusalReason] ?? { zh: r, en: r }))
              .join('；')}
            {c.reasonNote ? `：${c.reasonNote}` : ''}
          </Typography.Paragraph>
        )}
        <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} title={t('contracts.basics')}>
          <Descriptions.Item label={t('contracts.type')}>
            {typeLabel(c.typeCode, c.subTypeCode)}
          </Descriptions.Item>
          <Descriptions.Item label={t('contracts.field')}>{fieldName(c.fieldCode)}</Descriptions.Item>
          <Descriptions.Item label={t('contracts.contractAmount')}>
            <Money value={c.contractAmount} />
            {orig(c.contractAmountOrig)}
          </Descriptions.Item>
          <Descriptions.Item label={t('contracts.techAmount')}>
            <Money value={c.techAmount} />
            {orig(c.techAmountOrig)}
          </Descriptions.Item>
          {foreign && (
            <Descriptions.Item label={t('contracts.exchangeRate')}>
              {c.currency} {Number(c.exchangeRate)}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('contracts.nontechCosts')}>
            {c.nontechCosts.length
              ? c.nontechCosts.map((n) => `${n.item} ${Number(n.amount)}`).join('；')
              : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('contracts.paymentTerms')}>{c.paymentTerms || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('contracts.signedOn')}>{c.signedOn}</Descriptions.Item>
          <Descriptions.Item label={t('contracts.effectiveOn')}>{c.effectiveOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('contracts.objective')}>
            {c.objectiveCode ? pickMsg(OBJECTIVES[c.objectiveCode as Objective]) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('contracts.submittedOn')}>{c.submittedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('contracts.decisionDue')}>
            <DeadlineTag due={c.decisionDue} today={chinaToday()} />
          </Descriptions.Item>
          <Descriptions.Item label={t('contracts.registeredOn')}>{c.registeredOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('contracts.cancelledOn')}>{c.cancelledOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('contracts.source')}>
            {t(c.source === 'import' ? 'contracts.sourceImport' : 'contracts.sourcePlatform')}
            {c.matchId ? ` · ${t('contracts.fromMatch')}` : ''}
          </Descriptions.Item>
        </Descriptions>
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2 }}
          title={t('contracts.parties')}
          style={{ marginTop: 16 }}
        >
          <Descriptions.Item label={t('contracts.seller')}>
            {c.sellerName}（{c.sellerUscc}）
          </Descriptions.Item>
          <Descriptions.Item label={t('contracts.region')}>{c.regionName}</Descriptions.Item>
          <Descriptions.Item label={t('contracts.buyer')}>
            {c.buyerName}
            {c.buyerUscc ? `（${c.buyerUscc}）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('contracts.buyerKind')}>
            {pickMsg(BUYER_KINDS[c.buyerKind as BuyerKind])}
            {c.buyerKind === 'foreign'
              ? ` · ${pickMsg(COUNTRIES[c.buyerCountry as Country] ?? { zh: c.buyerCountry, en: c.buyerCountry })}`
              : ''}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <ReviewPanel detail={detail.data} />

      <Card title={t('contracts.file')} size="small" style={{ marginBottom: 16 }}>
        {files.length === 0 && <Typography.Text type="secondary">{t('contracts.noFile')}</Typography.Text>}
        {files.map((f) => (
          <div key={f.id}>
            <a href={filePath(f.id)}>{f.fileName}</a>{' '}
            <Typography.Text type="secondary" copyable={{ text: f.sha256 }}>
              SHA-256 {f.sha256.slice(0, 12)}…
            </Typography.Text>
          </div>
        ))}
        {abilities.edit && (
          <Upload
            accept=".pdf,application/pdf"
            showUploadList={false}
            customRequest={({ file, onSuccess, onError: failed }) =>
              upload
                .mutateAsync({ id: c.id, file: file as File })
                .then((r) => onSuccess?.(r))
                .catch((error) => {
                  onError(error);
                  failed?.(error);
                })
            }
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending} style={{ marginTop: 8 }}>
              {t('contracts.upload')}
            </Button>
          </Upload>
        )}
      </Card>

      {amounts.length > 0 && (
        <Card title={t('contracts.amounts')} size="small" style={{ marginBottom: 16 }}>
          <Table
            size="small"
            rowKey="version"
            pagination={false}
            dataSource={amounts}
            columns={[
              { title: t('contracts.version'), dataIndex: 'version' },
              { title: t('contracts.effectiveOn'), dataIndex: 'effectiveOn' },
              {
                title: t('contracts.contractAmount'),
                key: 'c',
                align: 'right',
                render: (_, a) => <Money value={a.contractAmount} />,
              },
              {
                title: t('contracts.techAmount'),
                key: 't',
                align: 'right',
                render: (_, a) => <Money value={a.techAmount} />,
              },
              { title: t('contracts.note'), dataIndex: 'note' },
            ]}
          />
        </Card>
      )}

      <Card title={t('contracts.history')} size="small">
        <Timeline
          items={events.map((e) => ({
            key: `${e.at}-${e.action}`,
            content: (
              <span>
                {e.on} · {pickMsg(CONTRACT_STATUS[e.toStatus as ContractStatus])} · {e.actorUsername}
                {e.reasonCodes.length > 0 &&
                  ` · ${e.reasonCodes.map((r) => pickMsg(REFUSAL_REASONS[r as RefusalReason] ?? { zh: r, en: r })).join('、')}`}
                {e.note ? ` · ${e.note}` : ''}
              </span>
            ),
          }))}
        />
      </Card>
      {editing && <ContractForm id={c.id} onClose={() => setEditing(false)} />}
    </>
  );
}
