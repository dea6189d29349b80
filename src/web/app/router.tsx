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

/** 注册 and the unit administrator's password reset: anyone may open them, no sign-in. */
const PublicRegisterPage = lazy(() =>
  import('../features/onboarding/pages/public-register-page').then((m) => ({
    default: m.PublicRegisterPage,
  })),
);
const ResetPasswordPage = lazy(() =>
  import('../features/onboarding/pages/reset-password-page').then((m) => ({ default: m.ResetPasswordPage })),
);

export const router = createBrowserRouter([
  {
    path: '/register',
    element: (
      <Suspense fallback={<PageLoading fullPage />}>
        <PublicRegisterPage />
      </Suspense>
    ),
    errorElement: <RouteErrorPage />,
  },
  {
    path: '/reset-password',
    element: (
      <Suspense fallback={<PageLoading fullPage />}>
        <ResetPasswordPage />
      </Suspense>
    ),
    errorElement: <RouteErrorPage />,
  },
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
