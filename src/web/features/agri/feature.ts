/** 农业科技 and 科技特派员 on the web: its menu group, its pages and its dictionaries (see ../index.ts). */
import { ExperimentOutlined } from '@ant-design/icons';
import { en } from './i18n/en';
import { zh } from './i18n/zh';
import { AGRI_MENU } from './menu';

export const agriFeature = {
  key: 'agri',
  group: { labelKey: 'menu.group.agri', icon: ExperimentOutlined },
  menu: AGRI_MENU,
  zh,
  en,
} as const;
