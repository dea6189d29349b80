import { msg } from '../message';
import { modulePermissions } from './define';

/** 门户与注册: reviewing self-registrations, a unit's own accounts, the demo's mail outbox. */
export const onboardingPermissions = modulePermissions({
  'onboarding.review': {
    name: msg('审核单位与专家注册', 'Review organisation and expert registrations'),
    group: 'business',
    grantedTo: ['staff', 'county'],
  },
  'onboarding.accounts': {
    name: msg('管理本单位账号', "Manage the organisation's own accounts"),
    group: 'business',
    grantedTo: ['unit_admin'],
  },
  'onboarding.outbox': {
    name: msg('查看邮件发件箱', 'Read the mail outbox'),
    group: 'system',
    grantedTo: ['sysadmin'],
  },
});
