import { msg } from '../message';
import { modulePermissions } from './define';

/** S&T plan projects (科技计划项目): calls, applications, reviews, funding, acceptance. */
export const projectsPermissions = modulePermissions({
  'projects.read': {
    name: msg('查看科技计划项目', 'View S&T plan projects'),
    group: 'business',
    grantedTo: ['leader', 'staff', 'county'],
  },
  'projects.manage': {
    name: msg(
      '管理计划项目（指南、形式审查、评审、立项、拨款、验收）',
      'Manage calls, reviews, funding and acceptance',
    ),
    group: 'business',
    grantedTo: ['staff'],
  },
  'projects.apply': {
    name: msg('申报项目', 'Apply for projects'),
    group: 'business',
    grantedTo: ['enterprise', 'institution'],
  },
  'projects.recommend': {
    name: msg('推荐本地区项目', 'Recommend applications of the region'),
    group: 'business',
    grantedTo: ['county'],
  },
  'projects.approve': { name: msg('审批立项', 'Approve funding'), group: 'business', grantedTo: ['leader'] },
  'projects.review': {
    name: msg('评审项目', 'Review applications'),
    group: 'business',
    grantedTo: ['expert'],
  },
});
