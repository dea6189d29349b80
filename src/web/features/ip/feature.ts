/** 知识产权 on the web: its menu group, its pages and its dictionaries (see ../index.ts). */
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { en } from './i18n/en';
import { zh } from './i18n/zh';
import { IP_MENU } from './menu';

export const ipFeature = {
  key: 'ip',
  group: { labelKey: 'menu.group.ip', icon: SafetyCertificateOutlined },
  menu: IP_MENU,
  zh,
  en,
} as const;
