import { z } from 'zod';
import { type Msg, msg } from './message';
import { ROLE_CODES } from './roles';

/** Password and session policy, edited by secadmin. Defaults follow 等保2.0 三级. */
export const securityPolicySchema = z
  .object({
    passwordMinLength: z.number().int().min(8).max(64),
    passwordMinClasses: z.number().int().min(2).max(4),
    lockoutThreshold: z.number().int().min(3).max(20),
    lockoutMinutes: z.number().int().min(1).max(1440),
    idleTimeoutMinutes: z.number().int().min(5).max(240),
    absoluteTimeoutHours: z.number().int().min(1).max(72),
    /** Roles that must sign in with a second factor besides the three administrators, who always do. */
    mfaRoles: z.array(z.enum(ROLE_CODES)).max(ROLE_CODES.length).default([]),
  })
  .strict();
export type SecurityPolicy = z.infer<typeof securityPolicySchema>;

export const DEFAULT_SECURITY_POLICY: SecurityPolicy = {
  passwordMinLength: 10,
  passwordMinClasses: 3,
  lockoutThreshold: 5,
  lockoutMinutes: 15,
  idleTimeoutMinutes: 30,
  absoluteTimeoutHours: 12,
  mfaRoles: [],
};

/** Character classes counted by the policy: upper, lower, digit, symbol. */
export function passwordClasses(password: string): number {
  return [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
}

/** The reason a password breaks the policy, or null when it meets it. */
export function passwordPolicyProblem(
  password: string,
  policy: SecurityPolicy,
  username?: string,
): Msg | null {
  if (password.length < policy.passwordMinLength) {
    return msg(
      `密码至少 ${policy.passwordMinLength} 位`,
      `The password must be at least ${policy.passwordMinLength} characters long`,
    );
  }
  if (passwordClasses(password) < policy.passwordMinClasses) {
    return msg(
      `密码须包含大写字母、小写字母、数字、符号中的至少 ${policy.passwordMinClasses} 类`,
      `The password must mix at least ${policy.passwordMinClasses} of: upper case, lower case, digits, symbols`,
    );
  }
  if (username && password.toLowerCase().includes(username.toLowerCase())) {
    return msg('密码不得包含用户名', 'The password must not contain the username');
  }
  return null;
}
