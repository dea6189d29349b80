import { createBrowserRouter } from 'react-router';
import { ChangePasswordPage } from '../features/auth/pages/change-password-page';
import { LoginPage } from '../features/auth/pages/login-page';
import { HomePage } from '../features/home/pages/home-page';
import { AppLayout } from './app-layout';
import { CHANGE_PASSWORD_PATH, RequireAuth, RequirePermission } from './guards';
import { MENU } from './menu-config';
import { NotFoundPage, RouteErrorPage } from './status-pages';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteErrorPage /> },
  {
    element: (
      <RequireAuth>
        <AppLayout />
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
