/** 门户首页: open calls with their deadlines, the latest 公示 and policies, figures, 服务指南. */
import { Button } from 'antd';
import { Link } from 'react-router';
import { NOTICE_TYPE_NAMES } from '../../../../../domain/portal';
import { useCalls, useGuides, useNotices, usePolicies, useStatistics } from '../api';
import { chinaTime, usePMsg, usePT } from '../i18n';
import { Loadable, Section, Tag } from '../site';

export function WindowTag({ window }: { window: 'upcoming' | 'open' | 'closed' }) {
  const t = usePT();
  const color = window === 'open' ? 'green' : window === 'upcoming' ? 'blue' : undefined;
  return <Tag color={color}>{t(`notices.window.${window}`)}</Tag>;
}

export function HomePage() {
  const t = usePT();
  const pickMsg = usePMsg();
  const calls = useCalls('open', 1, 5);
  const notices = useNotices(1, 5);
  const policies = usePolicies(1, 5);
  const stats = useStatistics(undefined);
  const guides = useGuides();
  const more = (to: string) => <Link to={to}>{t('home.more')}</Link>;
  return (
    <>
      <p style={{ fontSize: 16, margin: '4px 0 16px' }}>{t('home.hero')}</p>
      <div className="pt-grid">
        <Section title={t('home.openCalls')} extra={more('/public/calls')}>
          <Loadable query={calls}>
            {() =>
              calls.data!.items.length === 0 ? (
                <p>{t('home.noOpenCalls')}</p>
              ) : (
                <ul className="pt-list">
                  {calls.data!.items.map((c) => (
                    <li key={c.id}>
                      <Link to={`/public/calls/${c.id}`}>{c.title}</Link>
                      <div className="pt-meta">
                        <Tag color="green">{t('calls.status.open')}</Tag>
                        {t('calls.closesAt', { time: chinaTime(c.closesAt) })}
                      </div>
                    </li>
                  ))}
                </ul>
              )
            }
          </Loadable>
        </Section>
        <Section title={t('home.latestNotices')} extra={more('/public/notices')}>
          <Loadable query={notices}>
            {() => (
              <ul className="pt-list">
                {notices.data!.items.map((n) => (
                  <li key={n.id}>
                    <Link to={`/public/notices/${n.id}`}>{n.title}</Link>
                    <div className="pt-meta">
                      <Tag>{pickMsg(NOTICE_TYPE_NAMES[n.type])}</Tag>
                      <WindowTag window={n.window} /> {n.windowStart} ~ {n.windowEnd}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </Loadable>
        </Section>
        <Section title={t('home.latestPolicies')} extra={more('/public/policies')}>
          <Loadable query={policies}>
            {() => (
              <ul className="pt-list">
                {policies.data!.items.map((p) => (
                  <li key={p.id}>
                    <Link to={`/public/policies#${p.id}`}>{p.title}</Link>
                    <div className="pt-meta">
                      {p.documentNo} {p.issuedOn}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </Loadable>
        </Section>
        <Section
          title={stats.data?.year ? t('home.figures', { year: stats.data.year }) : t('nav.statistics')}
          extra={more('/public/statistics')}
        >
          <Loadable query={stats}>
            {() =>
              stats.data!.items.length === 0 ? (
                <p>{t('stats.none')}</p>
              ) : (
                <ul className="pt-list">
                  {stats.data!.items.slice(0, 6).map((i) => (
                    <li key={i.code} style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                      <span>{pickMsg({ zh: i.name, en: i.nameEn })}</span>
                      <strong>
                        {i.values[0]?.toLocaleString() ?? '—'} {pickMsg({ zh: i.unit, en: i.unitEn })}
                      </strong>
                    </li>
                  ))}
                </ul>
              )
            }
          </Loadable>
        </Section>
      </div>
      <Section title={t('home.guides')} extra={more('/public/guides')}>
        <Loadable query={guides}>
          {() => (
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
              {guides.data!.items.map((g) => (
                <Link key={g.code} to={`/public/guides#${g.code}`}>
                  <Button>{g.title}</Button>
                </Link>
              ))}
            </div>
          )}
        </Loadable>
      </Section>
    </>
  );
}
