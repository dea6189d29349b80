import { msg } from '../message';
import { modulePermissions } from './define';

/** Administration, split by the three administrators' duties (三员分立). */
export const adminPermissions = modulePermissions({
  'admin.users': { name: msg('用户管理', 'Manage users'), group: 'system', grantedTo: ['sysadmin'] },
  'admin.departments': {
    name: msg('部门管理', 'Manage departments'),
    group: 'system',
    grantedTo: ['sysadmin'],
  },
  'admin.roles': {
    name: msg('角色与权限', 'Roles and permissions'),
    group: 'security',
    grantedTo: ['secadmin'],
  },
  'admin.security-policy': {
    name: msg('安全策略', 'Security policy'),
    group: 'security',
    grantedTo: ['secadmin'],
  },
  'admin.sessions': { name: msg('在线会话', 'Active sessions'), group: 'security', grantedTo: ['secadmin'] },
  'admin.audit': { name: msg('审计日志', 'Audit log'), group: 'audit', grantedTo: ['auditadmin'] },
});
