import { msg } from '../message';
import { modulePermissions } from './define';

/** 科研诚信 (credit records). */
export const creditPermissions = modulePermissions({
  'credit.read': {
    name: msg('查看失信记录', 'View credit records'),
    group: 'business',
    grantedTo: ['leader', 'staff', 'county'],
  },
  'credit.manage': {
    name: msg('管理失信记录', 'Manage credit records'),
    group: 'business',
    grantedTo: ['staff'],
  },
});
