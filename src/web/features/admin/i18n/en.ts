import type { zh } from './zh';

/** Texts of 三员分立 account administration in English: exactly the keys of zh.ts beside it. */
export const en: Record<keyof typeof zh, string> = {
  'admin.sec.noRole': 'Awaiting role',
  'admin.sec.pending': 'Awaiting a role',
  'admin.sec.bindingHint':
    'The security administrator grants the role, and checks the binding it needs then: a county bureau account needs its county, an enterprise or institute account its organisation, a park account its park.',
  'admin.sec.initialPasswordTitle': 'First password of “{name}” (shown this once)',
  'admin.sec.initialPasswordBody':
    'Hand it to the person in person or by a secure channel. It must be changed at first sign-in; the account can sign in once the security administrator has granted a role.',
  'admin.sec.resetConfirm': 'Issue a new first password for “{name}”? Their open sessions end.',
  'admin.sec.createdBy': 'Created by',
  'admin.sec.mfa': 'Authenticator',
  'admin.sec.mfaEnrolled': 'Enrolled',
  'admin.sec.mfaNone': 'Not enrolled',
  'admin.sec.grantNotice':
    'Separation of duties: the system administrator creates accounts and binds them; the security administrator grants or changes their business role here; the three administrator accounts are created on the command line only. Every grant is audited with the granting administrator and the account’s creator.',
  'admin.sec.grant': 'Grant role',
  'admin.sec.granted': '“{name}” now has the role “{role}”',
  'admin.sec.resetMfa': 'Reset authenticator',
  'admin.sec.resetMfaConfirm':
    'Reset the authenticator of “{name}”? Their sessions end and they set up a new one at next sign-in.',
  'admin.sec.resetMfaDone': 'The authenticator of “{name}” was reset',
  'admin.sec.mfaSection': 'Two-factor sign-in',
  'admin.sec.mfaRoles': 'Other roles that need a second factor',
  'admin.sec.mfaRolesHint':
    'The system, security and audit administrators always sign in with a second factor (TOTP).',
  'menu.grants': 'Role grants',
  'menu.grants.desc':
    'Grant or change the role of accounts the system administrator created; reset lost authenticators.',
  'admin.list.emptyFiltered': 'Nothing matches the filters; try fewer filters',
  'admin.users.emptyNone': 'No users yet',
  'admin.grants.emptyNone': 'No accounts to grant yet',
  'admin.departments.emptyNone': 'No departments yet',
  'admin.sessions.emptyNone': 'No one is signed in',
  'admin.audit.emptyNone': 'No audit entries yet',
  'admin.audit.actionPlaceholder': 'Pick or type an operation',
};
