import { msg } from '../message';
import { modulePermissions } from './define';

/**
 * 知识产权: patents are public information, read by every business role; staff import them.
 * Enforcement cases are the handling bureau's and the city's only.
 */
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
  'ip.cases': {
    name: msg('查看专利行政执法案件', 'Read patent enforcement cases'),
    group: 'business',
    grantedTo: ['leader', 'staff', 'county'],
  },
  'ip.enforce': {
    name: msg('办理专利行政执法案件', 'Handle patent enforcement cases'),
    group: 'business',
    grantedTo: ['staff', 'county'],
  },
});
