/** 项目申报: the calls (open first) and a call's page with its guide files to download. */
import { Button, Segmented } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { type PublicCall, useCall, useCalls } from '../api';
import { chinaTime, usePMsg, usePT } from '../i18n';
import { Loadable, Pager, Section, Tag } from '../site';

function StatusTag({ status }: { status: PublicCall['status'] }) {
  const t = usePT();
  const color = status === 'open' ? 'green' : status === 'upcoming' ? 'blue' : undefined;
  return <Tag color={color}>{t(`calls.status.${status}`)}</Tag>;
}

export function CallsPage() {
  const t = usePT();
  const [status, setStatus] = useState<string>('');
  const [page, setPage] = useState(1);
  const calls = useCalls(status || undefined, page);
  return (
    <Section title={t('calls.title')}>
      <Segmented
        value={status}
        onChange={(v) => {
          setStatus(String(v));
          setPage(1);
        }}
        options={[
          { value: '', label: t('calls.all') },
          { value: 'open', label: t('calls.status.open') },
          { value: 'upcoming', label: t('calls.status.upcoming') },
          { value: 'closed', label: t('calls.status.closed') },
        ]}
        style={{ marginBottom: 12 }}
      />
      <Loadable query={calls}>
        {() =>
          calls.data!.items.length === 0 ? (
            <p>{t('common.empty')}</p>
          ) : (
            <>
              <ul className="pt-list">
                {calls.data!.items.map((c) => (
                  <li key={c.id}>
                    <Link to={`/public/calls/${c.id}`}>{c.title}</Link>
                    <div className="pt-meta">
                      <StatusTag status={c.status} />
                      {t('calls.window')}: {chinaTime(c.opensAt)} ~ {chinaTime(c.closesAt)}
                    </div>
                  </li>
                ))}
              </ul>
              <Pager page={page} total={calls.data!.total} pageSize={10} onPage={setPage} />
            </>
          )
        }
      </Loadable>
    </Section>
  );
}

export function CallPage() {
  const t = usePT();
  const pickMsg = usePMsg();
  const { id = '' } = useParams();
  const call = useCall(id);
  return (
    <Loadable query={call}>
      {() => {
        const c = call.data!;
        return (
          <Section level={1} title={c.title} extra={<Link to="/public/calls">{t('common.back')}</Link>}>
            <p>
              <StatusTag status={c.status} />
            </p>
            <table className="pt-table">
              <tbody>
                <tr>
                  <th scope="row">{t('calls.programme')}</th>
                  <td>{pickMsg({ zh: c.programmeName, en: c.programmeNameEn })}</td>
                </tr>
                <tr>
                  <th scope="row">{t('calls.window')}</th>
                  <td>
                    {chinaTime(c.opensAt)} ~ {chinaTime(c.closesAt)}
                  </td>
                </tr>
                <tr>
                  <th scope="row">{t('calls.fundingCap')}</th>
                  <td>{t('calls.wan', { v: Number(c.fundingCap).toLocaleString() })}</td>
                </tr>
                <tr>
                  <th scope="row">{t('calls.maxPerApplicant')}</th>
                  <td>{t('calls.items', { n: c.maxPerApplicant })}</td>
                </tr>
              </tbody>
            </table>
            <h2 style={{ fontSize: 16 }}>{t('calls.materials')}</h2>
            <ol>
              {c.requiredAttachments.map((a) => (
                <li key={a.name}>{pickMsg({ zh: a.name, en: a.nameEn })}</li>
              ))}
            </ol>
            <h2 style={{ fontSize: 16 }}>{t('calls.files')}</h2>
            {c.files.length === 0 ? (
              <p>{t('calls.noFiles')}</p>
            ) : (
              <ul>
                {c.files.map((f) => (
                  <li key={f.id}>
                    <a href={`/api/v1/public/calls/${c.id}/files/${f.id}`} download={f.fileName}>
                      {f.fileName}
                    </a>{' '}
                    <span className="pt-meta">({Math.max(1, Math.round(f.size / 1024))} KB)</span>
                  </li>
                ))}
              </ul>
            )}
            {c.status === 'open' && (
              <Button type="primary" href="/login">
                {t('calls.apply')}
              </Button>
            )}
          </Section>
        );
      }}
    </Loadable>
  );
}
