import { msg } from '../message';
import { modulePermissions } from './define';

/** 技术市场: achievements, demands, matches, solution calls and 推介会 events. */
export const marketPermissions = modulePermissions({
  'market.read': {
    name: msg('查看技术市场', 'View the technology market'),
    group: 'business',
    grantedTo: ['leader', 'staff', 'county', 'park', 'enterprise', 'institution'],
  },
  'market.post': {
    name: msg('发布成果与需求', 'Post achievements and demands'),
    group: 'business',
    grantedTo: ['enterprise', 'institution'],
  },
  'market.manage': {
    name: msg('审核与管理技术市场', 'Check and manage the technology market'),
    group: 'business',
    grantedTo: ['staff'],
  },
});
