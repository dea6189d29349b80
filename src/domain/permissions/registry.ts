import { msg } from '../message';
import { modulePermissions } from './define';

/** The registry of innovation entities (创新主体库). */
export const registryPermissions = modulePermissions({
  'registry.read': {
    name: msg('查看创新主体库', 'View the registry'),
    group: 'business',
    grantedTo: ['leader', 'staff', 'county', 'park', 'enterprise', 'institution', 'unit_admin', 'accountant'],
  },
  'registry.write': {
    name: msg('维护创新主体库', 'Maintain the registry'),
    group: 'business',
    grantedTo: ['staff', 'county'],
  },
  'registry.import': {
    name: msg('导入创新主体数据', 'Import registry data'),
    group: 'business',
    grantedTo: ['staff', 'county'],
  },
  'registry.own-profile': {
    name: msg('维护本单位档案', 'Maintain own profile'),
    group: 'business',
    grantedTo: ['enterprise', 'institution'],
  },
});
