import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Result } from 'antd';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef } from 'react';
import type { Me } from '../../domain/contracts/auth';
import type { Permission } from '../../domain/roles';
import { api, isApiError, setUnauthorizedHandler } from './api-client';
import { useT } from './i18n';
import { PageLoading } from './page-loading';

export const authKeys = {
  me: ['auth', 'me'] as const,
};

/** The signed-in user, or null when there is no session. */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get<Me>('/api/v1/auth/me');
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

interface AuthContextValue {
  me: Me | null;
  /** Menus and buttons follow the abilities the server computed for this user. */
  can: (permission: Permission) => boolean;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const t = useT();
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const meQuery = useQuery({ queryKey: authKeys.me, queryFn: fetchMe, staleTime: Number.POSITIVE_INFINITY });
  const me = meQuery.data ?? null;
  const hadSession = useRef(false);
  hadSession.current = me !== null;

  useEffect(() => {
    setUnauthorizedHandler(() => {
      // Only the first 401 of a burst should say so; the rest find the session already gone.
      if (hadSession.current) message.warning(t('auth.sessionExpired'));
      hadSession.current = false;
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      queryClient.setQueryData(authKeys.me, null);
    });
    return () => setUnauthorizedHandler(null);
  }, [queryClient, message, t]);

  const can = useCallback((permission: Permission) => me?.abilities.includes(permission) ?? false, [me]);
  const value = useMemo(() => ({ me, can }), [me, can]);

  if (meQuery.isPending) {
    return <PageLoading fullPage />;
  }
  if (meQuery.isError) {
    return (
      <Result
        status="warning"
        title={t('auth.unreachable')}
        subTitle={meQuery.error.message}
        extra={
          <Button type="primary" onClick={() => meQuery.refetch()} loading={meQuery.isFetching}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in user; only for components rendered behind RequireAuth. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a session');
  return me;
}
