/**
 * The pages around the menu, each in its own chunk: the login page loads without the signed-in
 * layout, and the layout without the login form. The login page fetches the layout and home page
 * while the user types (`preloadSignedIn`), so signing in shows the home page at once.
 */
import { lazy } from 'react';

const loadLayout = () => import('./app-layout');
const loadHome = () => import('../features/home/pages/home-page');

export const LoginPage = lazy(() =>
  import('../features/auth/pages/login-page').then((m) => ({ default: m.LoginPage })),
);
export const AppLayout = lazy(() => loadLayout().then((m) => ({ default: m.AppLayout })));
export const HomePage = lazy(() => loadHome().then((m) => ({ default: m.HomePage })));
export const ChangePasswordPage = lazy(() =>
  import('../features/auth/pages/change-password-page').then((m) => ({ default: m.ChangePasswordPage })),
);

export function preloadSignedIn() {
  void loadLayout().catch(() => {});
  void loadHome().catch(() => {});
}
