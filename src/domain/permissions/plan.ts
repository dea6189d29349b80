import { msg } from '../message';
import { modulePermissions } from './define';

/** Indicators, targets and assessments (目标指标). */
export const planPermissions = modulePermissions({
  'plan.read': {
    name: msg('查看目标指标', 'View indicators and plan'),
    group: 'business',
    grantedTo: ['leader', 'staff', 'county'],
  },
  'plan.write': {
    name: msg('填报指标与维护年度计划', 'Report figures and maintain the plan'),
    group: 'business',
    grantedTo: ['staff'],
  },
});
