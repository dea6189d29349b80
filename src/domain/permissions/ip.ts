import { msg } from '../message';
import { modulePermissions } from './define';

/** 知识产权: patents are public information, read by every business role; staff import them. */
export const ipPermissions = modulePermissions({
  'ip.read': {
    name: msg('查询专利', 'Search patents'),
    group: 'business',
    grantedTo: ['leader', 'staff', 'county', 'park', 'enterprise', 'institution'],
  },
  'ip.manage': {
    name: msg('导入专利、核对申请人', 'Import patents and match applicants'),
    group: 'business',
    grantedTo: ['staff'],
  },
});
