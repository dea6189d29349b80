/** The public site's frame: the bureau's header with the sections, the language switch, 登录/注册. */
import { Button } from 'antd';
import type { ReactNode } from 'react';
import { NavLink, Outlet } from 'react-router';
import { useLocale, usePT } from './i18n';
import type { PortalKey } from './i18n-zh';

const NAV: { to: string; key: PortalKey; end?: boolean }[] = [
  { to: '/public', key: 'nav.home', end: true },
  { to: '/public/calls', key: 'nav.calls' },
  { to: '/public/notices', key: 'nav.notices' },
  { to: '/public/policies', key: 'nav.policies' },
  { to: '/public/statistics', key: 'nav.statistics' },
  { to: '/public/guides', key: 'nav.guides' },
];

const CSS = `
.pt-head{background:#1f5fbf;color:#fff}
.pt-bar{max-width:1100px;margin:0 auto;padding:12px 16px;display:flex;gap:12px;align-items:center;flex-wrap:wrap}
.pt-brand{font-size:20px;font-weight:600;color:#fff;text-decoration:none;margin-right:auto}
.pt-brand small{display:block;font-size:12px;font-weight:400;opacity:.9}
.pt-nav{background:#174a94}
.pt-nav ul{max-width:1100px;margin:0 auto;padding:0 8px;display:flex;list-style:none;overflow-x:auto;white-space:nowrap}
.pt-nav a{display:block;padding:10px 12px;color:#fff;text-decoration:none}
.pt-nav a.active{background:#fff;color:#174a94;font-weight:600}
.pt-main{max-width:1100px;margin:0 auto;padding:16px}
.pt-foot{text-align:center;color:rgba(0,0,0,.66);padding:24px 16px;font-size:13px}
.pt-grid{margin-bottom:16px;display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:16px}
.pt-list{list-style:none;margin:0;padding:0}
.pt-list li{padding:10px 0;border-bottom:1px solid #f0f0f0}
.pt-list li:last-child{border-bottom:0}
.pt-meta{color:rgba(0,0,0,.66);font-size:13px;margin-top:2px}
.pt-table{width:100%;border-collapse:collapse;font-size:14px}
.pt-table th,.pt-table td{border:1px solid #e5e5e5;padding:6px 8px;text-align:left}
.pt-table th{background:#fafafa}
.pt-table td.num{text-align:right;font-variant-numeric:tabular-nums}
.pt-scroll{overflow-x:auto}
.pt-pre{white-space:pre-wrap;margin:0}
.pt-card{background:#fff;border:1px solid #e8e8e8;border-radius:8px;margin-bottom:16px}
.pt-card>header{display:flex;justify-content:space-between;align-items:center;gap:8px;padding:12px 16px;border-bottom:1px solid #f0f0f0}
.pt-card>header h1,.pt-card>header h2{font-size:16px;margin:0;font-weight:600}
.pt-card>div{padding:12px 16px}
.pt-grid>.pt-card{margin-bottom:0}
.pt-tag{display:inline-block;font-size:12px;line-height:20px;padding:0 7px;margin-right:6px;border:1px solid #d9d9d9;border-radius:4px;background:#fafafa}
.pt-tag.green{color:#2b7a0b;background:#f6ffed;border-color:#b7eb8f}
.pt-tag.blue{color:#1f5fbf;background:#e6f0ff;border-color:#a8c6f0}
@media (max-width:600px){.pt-brand{font-size:17px}.pt-main{padding:12px 8px}}
`;

export function Site() {
  const t = usePT();
  const { locale, setLocale } = useLocale();
  return (
    <div style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <style>{CSS}</style>
      <header className="pt-head">
        <div className="pt-bar">
          <a className="pt-brand" href="/public">
            {t('site.name')}
            <small>{t('site.bureau')}</small>
          </a>
          <Button
            type="text"
            style={{ color: '#fff' }}
            onClick={() => setLocale(locale === 'en' ? 'zh' : 'en')}
            lang={locale === 'en' ? 'zh-CN' : 'en'}
          >
            {t('site.language')}
          </Button>
          <Button href="/login" ghost>
            {t('site.login')}
          </Button>
          <Button href="/register" style={{ color: '#1f5fbf' }}>
            {t('site.register')}
          </Button>
        </div>
        <nav className="pt-nav" aria-label={t('site.menu')}>
          <ul>
            {NAV.map((n) => (
              <li key={n.to}>
                <NavLink to={n.to} end={n.end}>
                  {t(n.key)}
                </NavLink>
              </li>
            ))}
            <li>
              <a href="/public/market">{t('nav.market')}</a>
            </li>
          </ul>
        </nav>
      </header>
      <main className="pt-main">
        <Outlet />
      </main>
      <footer className="pt-foot">{t('footer.note')}</footer>
    </div>
  );
}

/** A titled box (the site's own: antd's Card would add its skeleton and tabs to the first page). */
export function Section({
  title,
  extra,
  children,
  level = 2,
  id,
}: {
  title: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
  level?: 1 | 2;
  id?: string;
}) {
  return (
    <section className="pt-card" id={id}>
      <header>
        {level === 1 ? <h1>{title}</h1> : <h2>{title}</h2>}
        {extra}
      </header>
      <div>{children}</div>
    </section>
  );
}

/** A small label (状态, 类型). */
export function Tag({ color, children }: { color?: 'green' | 'blue'; children: ReactNode }) {
  return <span className={`pt-tag ${color ?? ''}`}>{children}</span>;
}

/** Loading, failure and not-found, the same way on every page. */
export function Loadable({
  query,
  children,
}: {
  query: { isPending: boolean; error: unknown };
  children: () => ReactNode;
}) {
  const t = usePT();
  if (query.isPending) return <p role="status">{t('common.loading')}</p>;
  if (query.error) {
    const status = (query.error as { status?: number }).status;
    return <p role="alert">{status === 404 ? t('common.notFound') : t('common.error')}</p>;
  }
  return <>{children()}</>;
}

/** Previous / next for a public list. */
export function Pager({
  page,
  total,
  pageSize,
  onPage,
}: {
  page: number;
  total: number;
  pageSize: number;
  onPage: (p: number) => void;
}) {
  const t = usePT();
  const last = Math.max(1, Math.ceil(total / pageSize));
  if (total <= pageSize) return null;
  return (
    <div style={{ display: 'flex', gap: 8, alignItems: 'center', marginTop: 12, flexWrap: 'wrap' }}>
      <Button disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('common.prev')}
      </Button>
      <span>{t('common.page', { page, total })}</span>
      <Button disabled={page >= last} onClick={() => onPage(page + 1)}>
        {t('common.next')}
      </Button>
    </div>
  );
}
