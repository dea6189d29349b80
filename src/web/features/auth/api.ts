import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { changePasswordBodySchema, loginBodySchema, Me } from '../../../domain/contracts/auth';
import { api } from '../../app/api-client';
import { authKeys } from '../../app/auth-context';

type LoginBody = z.input<typeof loginBodySchema>;
type ChangePasswordBody = z.input<typeof changePasswordBodySchema>;

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => api.post<Me>('/api/v1/auth/login', body),
    onSuccess: (me) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      queryClient.setQueryData(authKeys.me, me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<unknown>('/api/v1/auth/logout'),
    // Whatever the server said, this browser is done with the session: a full load of the login
    // page also drops every piece of the previous user's data held in memory.
    onSettled: () => {
      queryClient.clear();
      window.location.assign('/login');
    },
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => api.post<unknown>('/api/v1/auth/password', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.me }),
  });
}
