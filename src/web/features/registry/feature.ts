/** The registry module on the web: its menu group, its pages and its dictionaries (see ../index.ts). */
import { DatabaseOutlined } from '@ant-design/icons';
import { en } from './i18n/en';
import { zh } from './i18n/zh';
import { REGISTRY_MENU } from './menu';

export const registryFeature = {
  key: 'registry',
  group: { labelKey: 'menu.group.registry', icon: DatabaseOutlined },
  menu: REGISTRY_MENU,
  zh,
  en,
} as const;
