import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  changePasswordBodySchema,
  loginBodySchema,
  Me,
  MfaChallenge,
  MfaEnrolment,
} from '../../../domain/contracts/auth';
import { api } from '../../app/api-client';
import { authKeys } from '../../app/auth-context';

type LoginBody = z.input<typeof loginBodySchema>;
type ChangePasswordBody = z.input<typeof changePasswordBodySchema>;

/** A right password answers with the user, or with a challenge when a second factor must follow. */
export type LoginResult = Me | MfaChallenge;
export const isMfaChallenge = (r: LoginResult): r is MfaChallenge => 'mfa' in r;

/** Makes a signed-in user current, dropping whatever an earlier user left in the cache. */
export function useSignedIn() {
  const queryClient = useQueryClient();
  return (me: Me) => {
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
    queryClient.setQueryData(authKeys.me, me);
  };
}

export function useLogin() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (body: LoginBody) => api.post<LoginResult>('/api/v1/auth/login', body),
    onSuccess: (result) => {
      if (!isMfaChallenge(result)) signedIn(result);
    },
  });
}

export function useMfaEnrol() {
  return useMutation({
    mutationFn: (challenge: string) => api.post<MfaEnrolment>('/api/v1/auth/mfa/enrol', { challenge }),
  });
}

/** The session is open once this succeeds; after enrolment the answer carries the recovery codes. */
export function useMfaVerify() {
  return useMutation({
    mutationFn: (body: { challenge: string; code: string }) =>
      api.post<Me & { recoveryCodes?: string[] }>('/api/v1/auth/mfa/verify', body),
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
