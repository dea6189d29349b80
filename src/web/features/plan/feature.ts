/** The plan module on the web: its menu group, its pages and its dictionaries (see ../index.ts). */
import { FundProjectionScreenOutlined } from '@ant-design/icons';
import { en } from './i18n/en';
import { zh } from './i18n/zh';
import { PLAN_MENU } from './menu';

export const planFeature = {
  key: 'plan',
  group: { labelKey: 'menu.group.plan', icon: FundProjectionScreenOutlined },
  menu: PLAN_MENU,
  zh,
  en,
} as const;
