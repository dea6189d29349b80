import { msg } from '../message';
import { modulePermissions } from './define';

/**
 * 科技金融: the bureau, the counties and enterprises read the records in their scope; the bureau and
 * the financial institutions' own users (financier) enter and import them.
 */
export const financePermissions = modulePermissions({
  'finance.read': {
    name: msg('查看科技金融记录', 'View S&T finance records'),
    group: 'business',
    grantedTo: ['leader', 'staff', 'county', 'enterprise', 'financier'],
  },
  'finance.manage': {
    name: msg('录入科技金融记录', 'Enter S&T finance records'),
    group: 'business',
    grantedTo: ['staff', 'financier'],
  },
  'finance.import': {
    name: msg('导入科技金融记录', 'Import S&T finance records'),
    group: 'business',
    grantedTo: ['staff', 'financier'],
  },
  'finance.institutions': {
    name: msg('管理金融机构名录', 'Manage financial institutions'),
    group: 'business',
    grantedTo: ['staff'],
  },
});
