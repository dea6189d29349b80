/** 技术合同认定登记 on the web: its menu group, its pages and its dictionaries (see ../index.ts). */
import { FileDoneOutlined } from '@ant-design/icons';
import { en } from './i18n/en';
import { zh } from './i18n/zh';
import { CONTRACTS_MENU } from './menu';

export const contractsFeature = {
  key: 'contracts',
  group: { labelKey: 'menu.group.contracts', icon: FileDoneOutlined },
  menu: CONTRACTS_MENU,
  zh,
  en,
} as const;
