import { msg } from '../message';
import { modulePermissions } from './define';

/** The policy-document library (政策文件库). */
export const policiesPermissions = modulePermissions({
  'policies.read': {
    name: msg('查看政策文件', 'View policy documents'),
    group: 'business',
    grantedTo: ['leader', 'staff', 'county'],
  },
  'policies.manage': {
    name: msg('管理政策文件', 'Manage policy documents'),
    group: 'business',
    grantedTo: ['staff'],
  },
  'policies.benefits': {
    name: msg('确认政策兑现（本单位）', 'Confirm policy benefits (own organisation)'),
    group: 'business',
    grantedTo: ['enterprise', 'institution'],
  },
});
