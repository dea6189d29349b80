import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Col, Form, Row, Space, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { DECLARATION } from '../../../../domain/declaration';
import { ROLE_NAMES, type RoleCode } from '../../../../domain/roles';
import { isApiError } from '../../../app/api-client';
import { formatDateTime, WAN_AMOUNT } from '../../../app/format';
import { useMsg, useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import {
  type ApplicationDetail,
  type ApplicationUpdate,
  useAct,
  useApplication,
  useCall,
  useEligibility,
  useSaveApplication,
} from '../api';
import { ActionButtons } from '../components/action-buttons';
import { ApplicationForm, type ApplicationFormValues } from '../components/application-form';
import { ApplicationLoader } from '../components/application-loader';
import { AttachmentsPanel } from '../components/attachments-panel';
import { EligibilityPanel } from '../components/eligibility-panel';
import { EventsTimeline } from '../components/events-timeline';
import { PaymentsPanel } from '../components/payments-panel';
import { DeclarationModal, SubmissionCard } from '../components/submission';
import { StateTag, wanText } from '../format';

const AUTOSAVE_MS = 1200;
/** From 立项 on the form is the project's record, no longer an application under review. */
const ARCHIVED: ApplicationDetail['state'][] = [
  'established',
  'in_progress',
  'rectifying',
  'acceptance_pending',
  'closed',
  'terminated',
  'rejected',
  'not_approved',
];

export function MyApplicationPage() {
  const { id = '' } = useParams();
  const t = useT();
  return (
    <ApplicationLoader
      id={id}
      back={
        <Link to="/projects/my-applications">
          <Button type="primary">{t('projects.app.backToMine')}</Button>
        </Link>
      }
    >
      {(detail) => <Editor detail={detail} />}
    </ApplicationLoader>
  );
}

function valuesOf(d: ApplicationDetail): ApplicationFormValues {
  const f = d.form as ApplicationFormValues['form'];
  return {
    title: d.title,
    field: d.field ?? undefined,
    requestedAmount: d.requestedAmount ?? undefined,
    summary: d.summary ?? undefined,
    form: {
      orgName: f.orgName ?? d.orgName,
      uscc: f.uscc,
      address: f.address ?? undefined,
      contactPerson: f.contactPerson ?? undefined,
      contactPhone: f.contactPhone ?? undefined,
      goals: f.goals ?? undefined,
    },
  };
}

const orNull = (v: string | undefined | null) => (v?.trim() ? v.trim() : null);

function bodyOf(v: ApplicationFormValues, version: number): ApplicationUpdate {
  const title = v.title?.trim();
  return {
    version,
    ...(title && title.length >= 2 ? { title } : {}),
    summary: orNull(v.summary),
    field: v.field ?? null,
    requestedAmount: WAN_AMOUNT.test(v.requestedAmount?.trim() ?? '') ? v.requestedAmount!.trim() : null,
    form: {
      address: orNull(v.form?.address),
      contactPerson: orNull(v.form?.contactPerson),
      contactPhone: orNull(v.form?.contactPhone),
      goals: orNull(v.form?.goals),
    },
  };
}

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'error'; message: string; stale: boolean };

/**
 * 申报书 editor. Every change is saved a moment after typing stops (PATCH with the version loaded);
 * the form keeps what the user typed whatever the server answers, so nothing typed is ever lost.
 */
function Editor({ detail }: { detail: ApplicationDetail }) {
  const t = useT();
  const pickMsg = useMsg();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<ApplicationFormValues>();
  const save = useSaveApplication(detail.id);
  const act = useAct(detail.id);
  const call = useCall(detail.callId);
  const fresh = useApplication(detail.id);
  const eligibility = useEligibility(detail.id, detail.abilities.edit);
  const versionRef = useRef(detail.version);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<unknown> | null>(null);
  const dirty = useRef(false);
  const [status, setStatus] = useState<SaveState>({ kind: 'idle' });
  const [declaring, setDeclaring] = useState(false);
  const editable = detail.abilities.edit;

  // A save or an action elsewhere (another tab, a withdrawal) moves the version on.
  useEffect(() => {
    if (!dirty.current) versionRef.current = detail.version;
  }, [detail.version]);

  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (inFlight.current) await inFlight.current.catch(() => undefined);
    if (!dirty.current) return true;
    dirty.current = false;
    setStatus({ kind: 'saving' });
    const p = save.mutateAsync(bodyOf(form.getFieldsValue(true), versionRef.current));
    inFlight.current = p;
    try {
      const saved = await p;
      versionRef.current = saved.version;
      setStatus({ kind: 'saved', at: dayjs().format('HH:mm') });
      return true;
    } catch (error) {
      dirty.current = true; // still unsaved: the next change or 提交 tries again
      const stale = isApiError(error) && error.status === 409;
      setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error), stale });
      if (isApiError(error) && error.field) onError(error, form);
      return false;
    } finally {
      inFlight.current = null;
    }
  }, [form, save, onError]);

  const onValuesChange = () => {
    if (!editable) return;
    dirty.current = true;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), AUTOSAVE_MS);
  };

  // Leaving the page saves what is pending rather than dropping it.
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      if (dirty.current) void flush();
    },
    [flush],
  );

  /** After a 409 the user's typing stays; the newer version is loaded and their changes saved over it. */
  const retry = async () => {
    if (status.kind === 'error' && status.stale) {
      const latest = await fresh.refetch();
      if (latest.data) versionRef.current = latest.data.version;
    }
    dirty.current = true;
    await flush();
  };

  /** Checks the form, saves it, then asks for the 承诺书 before anything is sent. */
  const submit = async () => {
    try {
      await form.validateFields();
    } catch {
      message.error(t('projects.app.fixFields'));
      return;
    }
    if (!(await flush())) return;
    setDeclaring(true);
  };

  const send = () =>
    act.mutate(
      {
        action: 'submit',
        body: {
          version: versionRef.current,
          declaration: { accepted: true, version: DECLARATION.version },
        },
      },
      {
        onSuccess: (d) => {
          versionRef.current = d.version;
          setDeclaring(false);
          message.success(t('projects.app.submitted'));
        },
        onError: (error) => {
          setDeclaring(false);
          if (isApiError(error) && error.status === 409) message.error(error.message);
          else onError(error, form);
        },
      },
    );

  const e = eligibility.data;
  const notEligibleWhy = e
    ? [
        ...e.rules.filter((r) => !r.pass).map((r) => pickMsg(r.why)),
        ...(e.missingAttachments.length > 0
          ? [t('projects.eligibility.missing', { list: e.missingAttachments.map((a) => a.name).join('、') })]
          : []),
      ]
    : [];
  const canSubmit = detail.actions.includes('submit');
  const lastReturn = [...detail.events].reverse().find((ev) => ev.toState === 'returned' && ev.reason);

  return (
    <div style={{ display: 'grid', gap: 16, gridTemplateColumns: 'minmax(0, 1fr)' }}>
      <Card>
        <Link to="/projects/my-applications" style={{ display: 'inline-block', marginBottom: 8 }}>
          <ArrowLeftOutlined /> {t('projects.app.backToMine')}
        </Link>
        <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>
          {detail.title}
        </Typography.Title>
        <Space wrap style={{ marginTop: 8 }}>
          <StateTag state={detail.state} name={detail.stateName} />
          <Typography.Text type="secondary">
            {detail.callTitle} · {t('projects.call.closesAt')} {formatDateTime(detail.call.closesAt)} ·{' '}
            {t('projects.call.fundingCap')} {wanText(detail.call.fundingCap)}
          </Typography.Text>
        </Space>
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          showIcon
          title={`${t('projects.app.nextStep')}：${pickMsg(detail.nextStep)}`}
        />
        {lastReturn && (detail.state === 'returned' || detail.state === 'draft') && (
          <Alert
            style={{ marginTop: 8 }}
            type="warning"
            showIcon
            title={t('projects.app.returnedWhy', {
              by:
                lastReturn.actorRole && lastReturn.actorRole in ROLE_NAMES
                  ? pickMsg(ROLE_NAMES[lastReturn.actorRole as RoleCode])
                  : '—',
              reason: lastReturn.reason ?? '',
            })}
          />
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card
            title={t('projects.app.formTitle')}
            extra={editable && <SaveStatus status={status} onRetry={() => void retry()} />}
          >
            {!editable && (
              <Alert
                type="info"
                showIcon
                title={t(ARCHIVED.includes(detail.state) ? 'projects.app.archived' : 'projects.app.readOnly')}
                style={{ marginBottom: 16 }}
              />
            )}
            <ApplicationForm
              form={form}
              disabled={!editable}
              reviewFields={call.data?.reviewFields ?? []}
              initialValues={valuesOf(detail)}
              onValuesChange={onValuesChange}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {editable && (
              <Card title={t('projects.eligibility.title')} size="small">
                <EligibilityPanel eligibility={e} loading={eligibility.isLoading} error={eligibility.error} />
              </Card>
            )}
            {detail.submissions.length > 0 && <SubmissionCard detail={detail} />}
            <Card title={t('common.actions')} size="small">
              <Space orientation="vertical" style={{ width: '100%' }}>
                {canSubmit && (
                  <Tooltip title={notEligibleWhy.length > 0 ? notEligibleWhy.join('；') : undefined}>
                    <Button
                      type="primary"
                      block
                      disabled={notEligibleWhy.length > 0 || !e}
                      loading={act.isPending || status.kind === 'saving'}
                      onClick={() => void submit()}
                    >
                      {t('projects.app.submit')}
                    </Button>
                  </Tooltip>
                )}
                {canSubmit && notEligibleWhy.length > 0 && (
                  <Typography.Text type="warning" style={{ fontSize: 12 }}>
                    {t('projects.app.cannotSubmit', { why: notEligibleWhy.join('；') })}
                    {(e?.missingAttachments.length ?? 0) > 0 && ` ${t('projects.app.uploadBelow')}`}
                  </Typography.Text>
                )}
                <ActionButtons
                  target={{ ...detail, version: detail.version }}
                  includeApplicant
                  only={['withdraw', 'submit_final']}
                />
                {!canSubmit && !detail.actions.some((a) => a === 'withdraw' || a === 'submit_final') && (
                  <Typography.Text type="secondary">{t('projects.app.noActions')}</Typography.Text>
                )}
              </Space>
            </Card>
          </Space>
        </Col>
      </Row>
      {declaring && (
        <DeclarationModal loading={act.isPending} onOk={send} onCancel={() => setDeclaring(false)} />
      )}
      <Card title={t('projects.tab.attachments')}>
        {detail.state === 'in_progress' && (
          <Alert
            type="info"
            showIcon
            title={t('projects.attachment.finalHint')}
            style={{ marginBottom: 12 }}
          />
        )}
        <AttachmentsPanel detail={detail} />
      </Card>
      {detail.approvedAmount && (
        <Card title={t('projects.tab.payments')}>
          <PaymentsPanel detail={detail} canAdd={false} />
        </Card>
      )}
      <Card title={t('projects.tab.history')}>
        <EventsTimeline events={detail.events} />
      </Card>
    </div>
  );
}

function SaveStatus({ status, onRetry }: { status: SaveState; onRetry: () => void }) {
  const t = useT();
  if (status.kind === 'saving')
    return <Typography.Text type="secondary">{t('projects.app.saving')}</Typography.Text>;
  if (status.kind === 'saved')
    return (
      <Typography.Text type="success">{t('projects.app.autosaved', { time: status.at })}</Typography.Text>
    );
  if (status.kind === 'error')
    return (
      <Space>
        <Typography.Text type="danger">
          {t('projects.app.saveFailed', { message: status.message })}
        </Typography.Text>
        <Button size="small" onClick={onRetry}>
          {status.stale ? t('projects.app.keepMine') : t('common.retry')}
        </Button>
      </Space>
    );
  return <Typography.Text type="secondary">{t('projects.app.autosaveOn')}</Typography.Text>;
}
