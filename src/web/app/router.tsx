import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { CHANGE_PASSWORD_PATH, RequireAuth, RequirePermission } from './guards';
import { AppLayout, ChangePasswordPage, HomePage, LoginPage } from './lazy-pages';
import { MENU } from './menu-config';
import { PageLoading } from './page-loading';
import { NotFoundPage, RouteErrorPage } from './status-pages';

/** The technology market's public page: anyone may read it, no sign-in. */
const PublicMarketPage = lazy(() =>
  import('../features/market/pages/public-market-page').then((m) => ({ default: m.PublicMarketPage })),
);

export const router = createBrowserRouter([
  {
    path: '/public/market',
    element: (
      <Suspense fallback={<PageLoading fullPage />}>
        <PublicMarketPage />
      </Suspense>
    ),
    errorElement: <RouteErrorPage />,
  },
  {
    path: '/login',
    element: (
      <Suspense fallback={<PageLoading fullPage />}>
        <LoginPage />
      </Suspense>
    ),
    errorElement: <RouteErrorPage />,
  },
  {
    element: (
      <RequireAuth>
        <Suspense fallback={<PageLoading fullPage />}>
          <AppLayout />
        </Suspense>
      </RequireAuth>
    ),
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <HomePage /> },
      { path: CHANGE_PASSWORD_PATH, element: <ChangePasswordPage /> },
      ...MENU.flatMap((entry) =>
        [{ path: entry.path, page: entry.page }, ...(entry.subRoutes ?? [])].map(({ path, page: Page }) => ({
          path,
          element: (
            <RequirePermission permission={entry.permission}>
              <Page />
            </RequirePermission>
          ),
        })),
      ),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
