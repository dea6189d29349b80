import { msg } from '../message';
import { modulePermissions } from './define';

/** 技术合同认定登记: the parties' contracts and the registrars' decisions. */
export const contractsPermissions = modulePermissions({
  'contracts.read': {
    name: msg('查看技术合同', 'View technology contracts'),
    group: 'business',
    grantedTo: ['leader', 'staff', 'county', 'enterprise', 'institution', 'accountant'],
  },
  'contracts.submit': {
    name: msg('填报并提交技术合同（卖方）', 'Enter and submit technology contracts (seller)'),
    group: 'business',
    grantedTo: ['enterprise', 'institution'],
  },
  'contracts.register': {
    name: msg('技术合同认定登记（登记机构）', 'Register technology contracts (registrar)'),
    group: 'business',
    grantedTo: ['staff', 'county'],
  },
  'contracts.import': {
    name: msg('导入外地已登记技术合同', 'Import contracts registered elsewhere'),
    group: 'business',
    grantedTo: ['staff'],
  },
});
