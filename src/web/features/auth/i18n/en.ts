import type { zh } from './zh';

/** Sign-in texts of the second factor in English: exactly the keys of zh.ts beside it. */
export const en: Record<keyof typeof zh, string> = {
  'auth.mfa.enrolTitle': 'Set up an authenticator',
  'auth.mfa.enrolIntro':
    'Your account signs in with a second factor. Scan the QR code with any authenticator app (Microsoft Authenticator, Google Authenticator, FreeOTP …) or type the key, then enter the 6-digit code it shows.',
  'auth.mfa.qrAlt': 'Authenticator QR code',
  'auth.mfa.secret': 'Key',
  'auth.mfa.verifyTitle': 'Two-factor sign-in',
  'auth.mfa.verifyIntro':
    'Enter the 6-digit code your authenticator app shows, or one of your recovery codes if the phone is not at hand.',
  'auth.mfa.code': 'Code',
  'auth.mfa.codeRequired': 'Enter the code',
  'auth.mfa.submit': 'Verify',
  'auth.mfa.back': 'Back to sign-in',
  'auth.mfa.recoveryTitle': 'Save your recovery codes',
  'auth.mfa.recoveryIntro':
    'If you lose your phone, each recovery code signs you in once instead of a code. Write them down or print them and keep them safe: they are not shown again.',
  'auth.mfa.recoveryDone': 'I have saved them — continue',
};
