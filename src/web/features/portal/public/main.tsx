/**
 * The public portal's own entry (portal.html): a visitor's first page loads this and nothing of
 * the signed-in app — no menu, no dictionaries of the modules, no list kit — so it stays small.
 * The server sends it for /public/… and for / when the browser holds no session.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, StrictMode, Suspense, useCallback } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { THEME_TOKENS } from '../../../app/theme';
import { PortalLocaleProvider, useLocale } from './i18n';
import { HomePage } from './pages/home';
import { Site } from './site';

const page = <T,>(load: () => Promise<T>, pick: (m: T) => React.ComponentType) =>
  lazy(() => load().then((m) => ({ default: pick(m) })));
const CallsPage = page(
  () => import('./pages/calls'),
  (m) => m.CallsPage,
);
const CallPage = page(
  () => import('./pages/calls'),
  (m) => m.CallPage,
);
const NoticesPage = page(
  () => import('./pages/notices'),
  (m) => m.NoticesPage,
);
const NoticePage = page(
  () => import('./pages/notices'),
  (m) => m.NoticePage,
);
const PoliciesPage = page(
  () => import('./pages/policies'),
  (m) => m.PoliciesPage,
);
const StatisticsPage = page(
  () => import('./pages/statistics'),
  (m) => m.StatisticsPage,
);
const GuidesPage = page(
  () => import('./pages/guides'),
  (m) => m.GuidesPage,
);
const ContractVerifyPage = page(
  () => import('./pages/verify'),
  (m) => m.ContractVerifyPage,
);
const SubmissionVerifyPage = page(
  () => import('./pages/verify'),
  (m) => m.SubmissionVerifyPage,
);

const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 60_000, retry: 1 } } });

const wrap = (el: React.ReactNode) => <Suspense fallback={null}>{el}</Suspense>;

const router = createBrowserRouter([
  {
    element: <Site />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/public', element: <HomePage /> },
      { path: '/public/calls', element: wrap(<CallsPage />) },
      { path: '/public/calls/:id', element: wrap(<CallPage />) },
      { path: '/public/notices', element: wrap(<NoticesPage />) },
      { path: '/public/notices/:id', element: wrap(<NoticePage />) },
      { path: '/public/policies', element: wrap(<PoliciesPage />) },
      { path: '/public/statistics', element: wrap(<StatisticsPage />) },
      { path: '/public/guides', element: wrap(<GuidesPage />) },
      { path: '/public/verify/contract/:no', element: wrap(<ContractVerifyPage />) },
      { path: '/public/verify/submission/:sha256', element: wrap(<SubmissionVerifyPage />) },
      { path: '*', element: <Navigate to="/public" replace /> },
    ],
  },
]);

function Providers() {
  const { locale } = useLocale();
  return (
    <ConfigProvider
      locale={locale === 'en' ? enUS : zhCN}
      theme={{ token: THEME_TOKENS }}
      button={{ autoInsertSpace: false }}
    >
      <RouterProvider router={router} useTransitions={false} />
    </ConfigProvider>
  );
}

function PortalRoot() {
  const refetch = useCallback(() => void queryClient.invalidateQueries(), []);
  return (
    <QueryClientProvider client={queryClient}>
      <PortalLocaleProvider onChange={refetch}>
        <Providers />
      </PortalLocaleProvider>
    </QueryClientProvider>
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('portal.html has no #root');
createRoot(container).render(
  <StrictMode>
    <PortalRoot />
  </StrictMode>,
);
