/** 科研诚信 on the web: its menu group, its page and its dictionaries (see ../index.ts). */
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { en } from './i18n/en';
import { zh } from './i18n/zh';
import { CREDIT_MENU } from './menu';

export const creditFeature = {
  key: 'credit',
  group: { labelKey: 'menu.group.credit', icon: SafetyCertificateOutlined },
  menu: CREDIT_MENU,
  zh,
  en,
} as const;
