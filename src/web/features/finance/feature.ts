/** 科技金融 on the web: its menu group, its pages and its dictionaries (see ../index.ts). */
import { BankOutlined } from '@ant-design/icons';
import { en } from './i18n/en';
import { zh } from './i18n/zh';
import { FINANCE_MENU } from './menu';

export const financeFeature = {
  key: 'finance',
  group: { labelKey: 'menu.group.finance', icon: BankOutlined },
  menu: FINANCE_MENU,
  zh,
  en,
} as const;
