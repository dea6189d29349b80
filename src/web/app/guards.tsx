import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useAuth } from './auth-context';
import { type MenuAccess, mayOpen } from './menu-config';
import { ForbiddenPage } from './status-pages';

export const CHANGE_PASSWORD_PATH = '/change-password';

/** Only same-site paths may be a post-login destination (no `//evil.example`). */
export function safeNextPath(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  return next;
}

/** No session → login, remembering where the user was going. A forced password change comes first. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  const location = useLocation();
  if (!me) {
    const next = `${location.pathname}${location.search}`;
    const target = next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
    return <Navigate to={target} replace />;
  }
  if (me.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }
  return children;
}

/** The server enforces permissions; this only explains, instead of showing a page that would fail. */
export function RequirePermission({ permission, children }: { permission: MenuAccess; children: ReactNode }) {
  const { can } = useAuth();
  return mayOpen(permission, can) ? children : <ForbiddenPage />;
}
