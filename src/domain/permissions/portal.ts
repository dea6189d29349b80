import { msg } from '../message';
import { modulePermissions } from './define';

/** The public portal's back office: 公示, objections, 服务指南, published statistics. */
export const portalPermissions = modulePermissions({
  'portal.manage': {
    name: msg('管理门户公示与服务指南', 'Manage portal notices and guides'),
    group: 'business',
    grantedTo: ['staff'],
  },
});
