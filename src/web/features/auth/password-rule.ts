import type { FormRule } from 'antd';
import { useMemo } from 'react';
import { DEFAULT_SECURITY_POLICY, passwordPolicyProblem } from '../../../domain/password-policy';
import { useMsg, useT } from '../../app/i18n';

/**
 * Live feedback while a password is typed. The web checks the default (等保2.0 三级) policy;
 * the server checks the policy secadmin has set and its answer lands on the same field.
 */
export function usePasswordRules(username?: string | (() => string | undefined)): FormRule[] {
  const t = useT();
  const pickMsg = useMsg();
  return useMemo(
    () => [
      { required: true, message: t('password.required') },
      {
        validator: async (_rule, value: unknown) => {
          if (typeof value !== 'string' || value === '') return;
          const name = typeof username === 'function' ? username() : username;
          const problem = passwordPolicyProblem(value, DEFAULT_SECURITY_POLICY, name || undefined);
          if (problem) throw new Error(pickMsg(problem));
        },
      },
    ],
    [t, pickMsg, username],
  );
}

/** The repeat field must match the field named `source`. */
export function useConfirmRules(source: string): FormRule[] {
  const t = useT();
  return useMemo(
    () => [
      { required: true, message: t('password.confirmRequired') },
      ({ getFieldValue }) => ({
        validator: async (_rule, value: unknown) => {
          if (value && value !== getFieldValue(source)) throw new Error(t('password.mismatch'));
        },
      }),
    ],
    [t, source],
  );
}
