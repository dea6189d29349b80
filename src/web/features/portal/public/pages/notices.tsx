/** 公示公告: the published notices, a notice with its list, the objection form and the answer lookup. */
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { NOTICE_TYPE_NAMES } from '../../../../../domain/portal';
import {
  type ObjectionReceipt,
  type ObjectionStatus,
  type PublicNoticeDetail,
  useNotice,
  useNotices,
} from '../api';
import { http, PublicApiError } from '../http';
import { chinaTime, usePMsg, usePT } from '../i18n';
import { Loadable, Pager, Section, Tag } from '../site';
import { WindowTag } from './home';

export function NoticesPage() {
  const t = usePT();
  const pickMsg = usePMsg();
  const [page, setPage] = useState(1);
  const notices = useNotices(page);
  return (
    <Section title={t('notices.title')}>
      <Loadable query={notices}>
        {() =>
          notices.data!.items.length === 0 ? (
            <p>{t('common.empty')}</p>
          ) : (
            <>
              <ul className="pt-list">
                {notices.data!.items.map((n) => (
                  <li key={n.id}>
                    <Link to={`/public/notices/${n.id}`}>{n.title}</Link>
                    <div className="pt-meta">
                      <Tag>{pickMsg(NOTICE_TYPE_NAMES[n.type])}</Tag>
                      <WindowTag window={n.window} />
                      {t('notices.window')}: {n.windowStart} ~ {n.windowEnd}
                    </div>
                  </li>
                ))}
              </ul>
              <Pager page={page} total={notices.data!.total} pageSize={10} onPage={setPage} />
            </>
          )
        }
      </Loadable>
    </Section>
  );
}

export function NoticePage() {
  const t = usePT();
  const pickMsg = usePMsg();
  const { id = '' } = useParams();
  const notice = useNotice(id);
  return (
    <Loadable query={notice}>
      {() => {
        const n = notice.data!;
        return (
          <>
            <Section level={1} title={n.title} extra={<Link to="/public/notices">{t('common.back')}</Link>}>
              <p className="pt-meta">
                <Tag>{pickMsg(NOTICE_TYPE_NAMES[n.type])}</Tag>
                <WindowTag window={n.window} />
                {t('notices.window')}: {n.windowStart} ~ {n.windowEnd}
              </p>
              <p className="pt-pre">{n.body}</p>
              {n.records.length > 0 && (
                <>
                  <h2 style={{ fontSize: 16, marginTop: 16 }}>{t('notices.records')}</h2>
                  <div className="pt-scroll">
                    <table className="pt-table">
                      <thead>
                        <tr>
                          <th>{t('notices.col.no')}</th>
                          <th>{t('notices.col.title')}</th>
                          <th>{t('notices.col.org')}</th>
                          <th>{t('notices.col.region')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {n.records.map((r, i) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: the list is fixed once published
                          <tr key={i}>
                            <td>{i + 1}</td>
                            <td>{r.title}</td>
                            <td>{r.orgName}</td>
                            <td>{r.regionName ?? ''}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </>
              )}
              {n.contactLine && (
                <p style={{ marginTop: 12 }}>
                  {t('notices.contact')}: {n.contactLine}
                </p>
              )}
            </Section>
            <ObjectionForm notice={n} />
            <LookupForm />
          </>
        );
      }}
    </Loadable>
  );
}

function fieldErrors(e: unknown) {
  return e instanceof PublicApiError && e.field ? [{ name: e.field, errors: [e.message] }] : [];
}

function ObjectionForm({ notice }: { notice: PublicNoticeDetail }) {
  const t = usePT();
  const [form] = Form.useForm();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<ObjectionReceipt | null>(null);
  const [evidence, setEvidence] = useState<{ ok: boolean; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (notice.window !== 'open')
    return (
      <Section title={t('objection.title')}>
        <p>{t('objection.closed')}</p>
      </Section>
    );
  const submit = async (v: { name: string; contact: string; reason: string }) => {
    setBusy(true);
    setError(null);
    try {
      const r = await http.post<ObjectionReceipt>('/api/v1/public/objections', { noticeId: notice.id, ...v });
      setReceipt(r);
      if (file) {
        const body = new FormData();
        body.append('trackingNo', r.trackingNo);
        body.append('contact', v.contact);
        body.append('file', file);
        try {
          await http.post('/api/v1/public/objections/evidence', body);
          setEvidence({ ok: true, text: t('objection.evidenceSent', { name: file.name }) });
        } catch (e) {
          setEvidence({ ok: false, text: t('objection.evidenceFailed', { msg: (e as Error).message }) });
        }
      }
    } catch (e) {
      const fields = fieldErrors(e).filter((f) => f.name !== 'noticeId');
      if (fields.length > 0) form.setFields(fields);
      else setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section title={t('objection.title')}>
      {receipt ? (
        <>
          <Alert
            type="success"
            showIcon
            title={t('objection.received', { no: receipt.trackingNo })}
            description={t('objection.keepNo')}
          />
          {evidence && (
            <Alert
              style={{ marginTop: 8 }}
              type={evidence.ok ? 'success' : 'warning'}
              title={evidence.text}
            />
          )}
        </>
      ) : (
        <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 640 }}>
          {error && <Alert type="error" title={error} style={{ marginBottom: 12 }} />}
          <Form.Item name="name" label={t('objection.name')} rules={[{ required: true, max: 50 }]}>
            <Input autoComplete="name" />
          </Form.Item>
          <Form.Item
            name="contact"
            label={t('objection.contact')}
            extra={t('objection.contactHelp')}
            rules={[{ required: true, max: 100 }]}
          >
            <Input autoComplete="tel" />
          </Form.Item>
          <Form.Item name="reason" label={t('objection.reason')} rules={[{ required: true, max: 5000 }]}>
            <Input.TextArea rows={5} />
          </Form.Item>
          <Form.Item label={t('objection.evidence')} htmlFor="objection-evidence">
            <input
              id="objection-evidence"
              type="file"
              accept=".pdf,.doc,.docx,.png,.jpg,.jpeg"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('objection.submit')}
          </Button>
        </Form>
      )}
    </Section>
  );
}

function LookupForm() {
  const t = usePT();
  const [form] = Form.useForm();
  const [result, setResult] = useState<ObjectionStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: { trackingNo: string; contact: string }) => {
    setError(null);
    setResult(null);
    try {
      setResult(await http.post<ObjectionStatus>('/api/v1/public/objections/lookup', v));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Section title={t('lookup.title')}>
      <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 640 }}>
        <Form.Item name="trackingNo" label={t('lookup.no')} rules={[{ required: true, max: 30 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="contact" label={t('lookup.contact')} rules={[{ required: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Button htmlType="submit">{t('lookup.submit')}</Button>
      </Form>
      {error && <Alert type="error" title={error} style={{ marginTop: 12 }} />}
      {result && (
        <table className="pt-table" style={{ marginTop: 12 }} aria-label={t('lookup.title')}>
          <tbody>
            <tr>
              <th scope="row">{t('lookup.no')}</th>
              <td>{result.trackingNo}</td>
            </tr>
            <tr>
              <th scope="row">{t('lookup.receivedAt')}</th>
              <td>{chinaTime(result.receivedAt)}</td>
            </tr>
            <tr>
              <th scope="row">{t('lookup.status')}</th>
              <td>{result.status === 'answered' ? t('lookup.answered') : t('lookup.open')}</td>
            </tr>
            {result.answer && (
              <>
                <tr>
                  <th scope="row">{t('lookup.answer')}</th>
                  <td className="pt-pre">{result.answer}</td>
                </tr>
                <tr>
                  <th scope="row">{t('lookup.answeredOn')}</th>
                  <td>{result.answeredOn}</td>
                </tr>
              </>
            )}
          </tbody>
        </table>
      )}
    </Section>
  );
}
