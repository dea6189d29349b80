/** The public portal's back office on the web (the public site itself is ./public, its own entry). */
import { GlobalOutlined } from '@ant-design/icons';
import { en } from './i18n/en';
import { zh } from './i18n/zh';
import { PORTAL_MENU } from './menu';

export const portalFeature = {
  key: 'portal',
  group: { labelKey: 'menu.group.portal', icon: GlobalOutlined },
  menu: PORTAL_MENU,
  zh,
  en,
} as const;
