import { msg } from '../message';
import { modulePermissions } from './define';

/** 农业科技 and 科技特派员: the records, the commissioners' service logs and their confirmation. */
export const agriPermissions = modulePermissions({
  'agri.read': {
    name: msg('查看农业科技载体、培训和科技特派员', 'View agricultural S&T records and commissioners'),
    group: 'business',
    grantedTo: ['leader', 'staff', 'county'],
  },
  'agri.manage': {
    name: msg(
      '维护农业科技载体、培训、科技特派员选派和年度考核',
      'Maintain agricultural S&T records, dispatches and appraisals',
    ),
    group: 'business',
    grantedTo: ['staff', 'county'],
  },
  'agri.logs': {
    name: msg('查看科技特派员服务记录（本人、本单位或辖区）', 'View commissioner service logs in scope'),
    group: 'business',
    grantedTo: ['leader', 'staff', 'county', 'commissioner', 'enterprise', 'institution'],
  },
  'agri.log': {
    name: msg('填报科技特派员服务记录（特派员本人）', 'Enter own service logs (commissioner)'),
    group: 'business',
    grantedTo: ['commissioner'],
  },
  'agri.confirm': {
    name: msg('确认或退回服务记录（服务对象）', 'Confirm or reject service logs (served party)'),
    group: 'business',
    grantedTo: ['enterprise', 'institution', 'county'],
  },
});
