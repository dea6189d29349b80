/** The policy library on the web: its menu group, its pages and its dictionaries (see ../index.ts). */
import { BookOutlined } from '@ant-design/icons';
import { en } from './i18n/en';
import { zh } from './i18n/zh';
import { POLICIES_MENU } from './menu';

export const policiesFeature = {
  key: 'policies',
  group: { labelKey: 'menu.group.policies', icon: BookOutlined },
  menu: POLICIES_MENU,
  zh,
  en,
} as const;
